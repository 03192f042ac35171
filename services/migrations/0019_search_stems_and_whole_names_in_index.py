from django.db import migrations


def rebuild_documents(apps, schema_editor):
    """The search documents gain the stems of their words that none of their words starts, each in the language its
    field is written in ("hamil" for "kehamilan"), after ``text.STEMS_MARK``, and their names each name whole as one
    word (``text.whole_name``), for a name typed whole. The index is derived data, rebuilt from
    the listings (nothing to do when there are none). On PostgreSQL run ``VACUUM ANALYZE`` afterwards
    (docs/performance.md)."""
    if apps.get_model("services", "Service").objects.using(schema_editor.connection.alias).exists():
        from services.search import rebuild_index

        rebuild_index(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0018_suggested_updates"),
    ]

    operations = [
        migrations.RunPython(rebuild_documents, migrations.RunPython.noop, elidable=True),
    ]
