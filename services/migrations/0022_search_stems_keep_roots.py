from django.db import migrations


def rebuild_documents(apps, schema_editor):
    """The search documents' stored stems follow ``words.KEPT_ROOTS``: a listing that says "pengacara" no longer
    carries the stem "acara" (an event), nor one that says "perkosaan" the stem "kosa". The index is derived data,
    rebuilt from the listings (nothing to do when there are none). On PostgreSQL run ``VACUUM ANALYZE`` afterwards
    (docs/performance.md)."""
    if apps.get_model("services", "Service").objects.using(schema_editor.connection.alias).exists():
        from services.search import rebuild_index

        rebuild_index(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0021_what_it_takes_to_get_in"),
    ]

    operations = [
        migrations.RunPython(rebuild_documents, migrations.RunPython.noop, elidable=True),
    ]
