import re

from django.db import migrations

# A name with English "n't" ("Women Don't Wait"): its whole name was indexed as ``=name=women=don=wait``, and is now
# ``=name=women=dont=wait``, as the query reads it (``text.joined_contractions``).
SPLIT_NOT = re.compile(r"n t( |$)")


def rebuild_documents(apps, schema_editor):
    """Rebuild the search index when a document's names hold an English "n't", whose whole name the query now reads
    joined (``text.whole_name``); nothing to do otherwise. On PostgreSQL run ``VACUUM ANALYZE`` afterwards
    (docs/performance.md)."""
    documents = apps.get_model("services", "ServiceSearchDocument").objects.using(schema_editor.connection.alias)
    names = documents.filter(names__contains=" t ").values_list("names", flat=True)
    if any(SPLIT_NOT.search(text.partition(" =")[0]) for text in names.iterator()):
        from services.search import rebuild_index

        rebuild_index(using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0022_search_stems_keep_roots"),
    ]

    operations = [
        migrations.RunPython(rebuild_documents, migrations.RunPython.noop, elidable=True),
    ]
