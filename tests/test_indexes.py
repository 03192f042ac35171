"""No table of the project has two indexes that are the same: each one is written on every insert and update for
nothing, and a migration that adds an index beside the one Django makes for a foreign key or a text primary key
(PostgreSQL's ``..._like`` pattern index) goes unnoticed otherwise."""

from collections import defaultdict

import pytest
from django.apps import apps
from django.db import connection

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("members", "services")


def project_tables() -> set[str]:
    return {
        model._meta.db_table
        for label in PROJECT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


def postgresql_definitions() -> dict[tuple, list[str]]:
    """Each index's table, columns, operator classes, predicate and expressions, with the indexes that have them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indrelid::regclass::text, indexrelid::regclass::text, indkey::text, indclass::text, "
            "indisunique, COALESCE(pg_get_expr(indpred, indrelid), ''), COALESCE(pg_get_expr(indexprs, indrelid), '') "
            "FROM pg_index"
        )
        rows = cursor.fetchall()
    found = defaultdict(list)
    for table, index, *definition in rows:
        found[(table.strip('"'), *definition)].append(index)
    return found


def sqlite_definitions() -> dict[tuple, list[str]]:
    """Each index's table, columns in order, uniqueness and partial condition, with the indexes that have them."""
    found = defaultdict(list)
    with connection.cursor() as cursor:
        for table in project_tables():
            cursor.execute(f'PRAGMA index_list("{table}")')
            for _seq, index, unique, _origin, partial in cursor.fetchall():
                cursor.execute(f'PRAGMA index_xinfo("{index}")')
                columns = tuple(
                    (name, descending) for _rank, _cid, name, descending, _coll, key in cursor.fetchall() if key
                )
                cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [index])
                (sql,) = cursor.fetchone() or (None,)
                where = sql.split(" WHERE ", 1)[1] if partial and sql else ""
                found[(table, columns, unique, where)].append(index)
    return found


def test_no_table_has_two_identical_indexes():
    definitions = postgresql_definitions() if connection.vendor == "postgresql" else sqlite_definitions()
    tables = project_tables()
    twins = {key: sorted(names) for key, names in definitions.items() if key[0] in tables and len(names) > 1}
    assert twins == {}
