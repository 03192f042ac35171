from django.db import migrations


def rebuild_documents(apps, schema_editor):
    """The search documents' names become the service's and organisation's own: its categories' names move to the
    text, and a search that names a category finds its services by their facet word (``services.search.understand``),
    ranked after those that carry the words in their own names. The index is derived data, rebuilt from the
    listings (nothing to do when there are none). On PostgreSQL run ``VACUUM ANALYZE`` afterwards
    (docs/performance.md)."""
    if apps.get_model("services", "Service").objects.using(schema_editor.connection.alias).exists():
        from services.search import rebuild_index

        rebuild_index(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0016_category_search_terms"),
    ]

    operations = [
        migrations.RunPython(rebuild_documents, migrations.RunPython.noop, elidable=True),
    ]
