"""Writing many rows with as little Python per row as possible, for the synthetic directory (``bench.synthetic``).
Production writes with Django's ``bulk_create``; rows are made here, as in the search index, with
``services.search.new_instance``."""

import contextlib
from collections.abc import Iterable, Iterator

from services.search import new_instance

__all__ = ["BulkWriter", "foreign_keys_checked_at_end", "new_instance"]


class _Converted(dict):
    """A field's database values, each converted once (``get_db_prep_save``): a few thousand distinct dates and
    one creation moment, repeated over hundreds of thousands of rows."""

    def __init__(self, field, connection):
        super().__init__()
        self.field, self.connection = field, connection

    def __missing__(self, value):
        converted = self[value] = self.field.get_db_prep_save(value, connection=self.connection)
        return converted


#: Field types whose Python values the database drivers cannot take as they are (dates on SQLite, say).
CONVERTED_FIELDS = {"DateTimeField", "DateField", "TimeField", "DecimalField", "UUIDField", "DurationField"}


class BulkWriter:
    """Writes rows with as little Python per row as possible: ``COPY`` on PostgreSQL (psycopg 3),
    one ``executemany`` of a prepared INSERT per table elsewhere. ``bulk_create`` spent two thirds of its time in
    Python (pre-saving and converting every value of every row, and on SQLite compiling a 40-column INSERT for
    every 20 rows), more than the database spent inserting. Primary keys are reserved before writing (the
    sequence on PostgreSQL; on SQLite the next ones after the table's highest, under the transaction's write
    lock), so rows can refer to each other without reading anything back."""

    def __init__(self, connection):
        self.connection = connection
        self.postgresql = connection.vendor == "postgresql"
        self._tables = {}

    def _table(self, model, columns: tuple[str, ...]):
        key = (model, columns)
        if key not in self._tables:
            fields = [model._meta.get_field(column) for column in columns]
            converters = [
                (position, _Converted(field, self.connection))
                for position, field in enumerate(fields)
                if field.get_internal_type() in CONVERTED_FIELDS
            ]
            quote = self.connection.ops.quote_name
            names = ", ".join(quote(field.column) for field in fields)
            table = quote(model._meta.db_table)
            if self.postgresql:
                sql = f"COPY {table} ({names}) FROM STDIN"
            else:
                placeholders = ", ".join(["%s"] * len(fields))
                # Table and column names come from the models, never from input.
                sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608  # nosec B608
            self._tables[key] = (sql, converters)
        return self._tables[key]

    def converted(self, model, columns: tuple[str, ...], rows: Iterable[tuple]) -> list[tuple]:
        """``rows`` with their values as the database driver takes them."""
        return list(self._converting(model, columns, rows))

    def _converting(self, model, columns: tuple[str, ...], rows: Iterable[tuple]) -> Iterator[tuple]:
        _sql, converters = self._table(model, columns)
        if not converters:
            yield from rows
            return
        for row in rows:
            row = list(row)
            for position, values in converters:
                if row[position] is not None:
                    row[position] = values[row[position]]
            yield tuple(row)

    def insert(self, model, columns: tuple[str, ...], rows: Iterable[tuple], *, converted: bool = False) -> None:
        """Insert ``rows`` (tuples of values for ``columns``, attribute names) into ``model``'s table. On
        PostgreSQL each row is sent as it comes: ``rows`` may be a generator, and the server then inserts what it
        has while the next rows are made (the second core's share)."""
        if isinstance(rows, list | tuple) and not rows:
            return
        sql, _converters = self._table(model, columns)
        if not converted:
            rows = self._converting(model, columns, rows)
        with self.connection.cursor() as cursor:
            if self.postgresql:
                with self.connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                rows = list(rows)
                if rows:
                    cursor.executemany(sql, rows)

    def reserve_ids(self, model, count: int) -> list[int]:
        """``count`` new primary keys for ``model``, in increasing order."""
        if not count:
            return []
        table, pk = model._meta.db_table, model._meta.pk.column
        with self.connection.cursor() as cursor:
            if self.postgresql:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, pk, count]
                )
                return sorted(row[0] for row in cursor.fetchall())
            quote = self.connection.ops.quote_name
            # Names from the model, quoted.
            cursor.execute(f"SELECT MAX({quote(pk)}) FROM {quote(table)}")  # noqa: S608  # nosec B608
            highest = cursor.fetchone()[0] or 0
            if self.connection.vendor == "sqlite":  # AUTOINCREMENT never reuses the keys of deleted rows
                cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                row = cursor.fetchone()
                highest = max(highest, row[0] if row else 0)
        return list(range(highest + 1, highest + 1 + count))


@contextlib.contextmanager
def foreign_keys_checked_at_end(connection, tables: Iterable[str]):
    """PostgreSQL: the foreign keys of ``tables`` are dropped inside the block and added again at its end, each as
    it was defined; adding one checks every row in one statement. Kept, each new row queues a check that runs on its
    own at commit: generating 10,000 organisations queued over a million; adding the keys again checks them in one
    statement each (docs/performance.md, "generate_directory"). (PostgreSQL's advice for bulk loads: "Populating a
    Database", "Remove Foreign Key Constraints".) A row that breaks one fails the load's transaction."""
    if connection.vendor != "postgresql":
        yield
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
            "JOIN pg_class c ON c.oid = k.conrelid WHERE k.contype = 'f' AND c.relname = ANY(%s) "
            "AND pg_table_is_visible(c.oid) ORDER BY c.relname, k.conname",
            [list(tables)],
        )
        keys = cursor.fetchall()
    # Names read from the catalogue, quoted.
    _run_checked(connection, (f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}" for table, name, _ in keys))
    yield
    _run_checked(
        connection,
        (f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}" for table, name, definition in keys),
    )


def _run_checked(connection, statements: Iterable[str]) -> None:
    """Run ``statements`` after the foreign-key checks still queued: PostgreSQL refuses to alter a table while it
    has some."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for statement in statements:
            cursor.execute(statement)
