# SQLite only: per page language, an index of the public search documents holding what ranking reads of each row
# (its categories' bits, its places' words and its name in that language), so that ranking every match of a sentence
# reads these narrow entries, not the wide rows, where those columns come after the long text (ServiceSearchDocument.Meta
# says more). "is_public" is a column too: SQLite uses an index as covering only when it holds every column named.
# PostgreSQL reads the rows the text index found from its bitmap: it is not made there. SQLite's planner only picks an
# index it has statistics for, so each is analysed at once.

from django.db import migrations

LANGUAGES = ("es", "pt", "en", "ind")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for suffix in LANGUAGES:
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "search_ranked_{suffix}" ON "services_servicesearchdocument" '
                f'("service_id", "is_public", "category_bits", "places", "sort_name_{suffix}") WHERE "is_public"'
            )
            schema_editor.execute(f'ANALYZE "search_ranked_{suffix}"')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for suffix in LANGUAGES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "search_ranked_{suffix}"')


class Migration(migrations.Migration):

    dependencies = [
        ('services', '0029_population_search_terms'),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
