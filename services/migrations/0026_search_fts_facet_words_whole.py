from django.db import migrations

# SQLite: the FTS5 table split the facet words with "_" in them ("=access=no_documents" into "=access=no" and
# "documents", "=mode=in_person" into "=mode=in" and "person"), so "documents", "referral", "phone" or "person" typed
# in a search matched every service with that filter's facet, where PostgreSQL (its words as stored) did not. The
# table is created again with "_" a letter too (``text.normalise`` removes it from every other word), then indexed.
TABLE = """CREATE VIRTUAL TABLE services_search_fts USING fts5(
        text, facets, names, content='services_servicesearchdocument', content_rowid='service_id',
        tokenize="unicode61 remove_diacritics 2 tokenchars '{letters}'")"""
TRIGGERS = [
    """CREATE TRIGGER services_search_fts_insert AFTER INSERT ON services_servicesearchdocument BEGIN
        INSERT INTO services_search_fts(rowid, text, facets, names)
        VALUES (new.service_id, new.text, new.facets, new.names);
    END""",
    """CREATE TRIGGER services_search_fts_delete AFTER DELETE ON services_servicesearchdocument BEGIN
        INSERT INTO services_search_fts(services_search_fts, rowid, text, facets, names)
        VALUES ('delete', old.service_id, old.text, old.facets, old.names);
    END""",
    """CREATE TRIGGER services_search_fts_update AFTER UPDATE ON services_servicesearchdocument BEGIN
        INSERT INTO services_search_fts(services_search_fts, rowid, text, facets, names)
        VALUES ('delete', old.service_id, old.text, old.facets, old.names);
        INSERT INTO services_search_fts(rowid, text, facets, names)
        VALUES (new.service_id, new.text, new.facets, new.names);
    END""",
]


def _recreate(letters: str):
    def recreate(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for trigger in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS services_search_fts_{trigger}")
        schema_editor.execute("DROP TABLE IF EXISTS services_search_fts")
        schema_editor.execute(TABLE.format(letters=letters))
        for statement in TRIGGERS:
            schema_editor.execute(statement)
        schema_editor.execute("INSERT INTO services_search_fts(services_search_fts) VALUES ('rebuild')")

    return recreate


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0025_spanish_refugio_is_a_shelter"),
    ]

    operations = [
        migrations.RunPython(_recreate("=_"), _recreate("="), elidable=False),
    ]
