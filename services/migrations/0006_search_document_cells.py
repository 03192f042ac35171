from django.db import migrations


def rebuild_documents(apps, schema_editor):
    """The search documents gain a facet word per cell of their search points (``services.search.cell``): a search
    near a place with words or filters asks for the cells around it, so documents without them would not be found.
    The index is derived data, rebuilt from the listings (nothing to do when there are none). On PostgreSQL run
    ``VACUUM ANALYZE`` afterwards (docs/performance.md)."""
    if apps.get_model("services", "Service").objects.using(schema_editor.connection.alias).exists():
        from services.search import rebuild_index

        rebuild_index(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0005_search_document_facets"),
    ]

    operations = [
        migrations.RunPython(rebuild_documents, migrations.RunPython.noop, elidable=True),
    ]
