"""Writing many rows, and reading them back, with as little Python per row as possible (the synthetic directory,
the search index)."""

import contextlib
from collections.abc import Iterable, Iterator

from django.db import connections, models
from django.db.models import F
from django.db.models.base import ModelState
from django.db.models.lookups import In


class _AnyOf(In):
    """``IN`` with the values as one array parameter on PostgreSQL (``= ANY(%s)``). Django writes a placeholder
    for each value, and a statement reading back a batch of 5,000 ids took several times longer to prepare and send
    (psycopg splitting it at each placeholder) than the database took to answer."""

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, [value for value in self.rhs if value is not None])


def among(field: str, values: Iterable) -> In:
    """A filter for rows whose ``field`` is one of ``values`` (``field__in=values``), written for many values:
    ``Service.objects.filter(among("pk", ids))``."""
    return _AnyOf(F(field), list(values))


_DEFAULTS: dict[type, tuple[dict, list]] = {}


def new_instance(model, **values):
    """A new, unsaved instance of ``model`` for writing in bulk, made without running ``Model.__init__``: with
    modeltranslation's patched constructor a Service took longer to build than to insert, and even a plain model's
    constructor (with its two signals) takes longer than this. ``values`` are by attribute name
    (``service_id``); fields not given get their defaults, a callable one (``timezone.now``) called for each
    instance."""
    known = _DEFAULTS.get(model)
    if known is None:
        fields = model._meta.concrete_fields
        static = {field.attname: field.get_default() for field in fields if not callable(field.default)}
        known = _DEFAULTS[model] = (static, [field for field in fields if callable(field.default)])
    static, called = known
    instance = model.__new__(model)
    instance.__dict__.update(static)
    for field in called:
        if field.attname not in values:
            instance.__dict__[field.attname] = field.get_default()
    instance.__dict__.update(values)
    instance._state = ModelState()
    return instance


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


def _columns(model) -> tuple[str, ...]:
    """The columns a new row of ``model`` is written with: its concrete fields but generated ones and an automatic
    primary key (the database gives both)."""
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if not field.generated and not (field.primary_key and isinstance(field, models.AutoField))
    )


def insert_instances(model, instances: Iterable, *, using: str = "default") -> None:
    """``bulk_create`` of new rows that are not read back (no primary keys set on the instances, no signals):
    written by ``BulkWriter``, as they come."""
    columns = _columns(model)
    rows = (tuple(getattr(instance, column) for column in columns) for instance in instances)
    BulkWriter(connections[using]).insert(model, columns, rows)


@contextlib.contextmanager
def dropped_during(connection, objects: Iterable[tuple[str | None, str]]):
    """For a bulk load on PostgreSQL: each ``(drop, create)`` pair's ``drop`` statement (if any) is run as the block
    starts and its ``create`` statement as it ends. Foreign-key checks still queued are run first each time:
    PostgreSQL refuses to alter a table, or to build an index on it, while it has some. Run it inside a
    transaction: other sessions never see the tables without what was dropped."""
    objects = list(objects)

    def run(statements):
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for statement in statements:
                if statement:
                    cursor.execute(statement)

    run(drop for drop, _create in objects)
    yield
    run(create for _drop, create in objects)


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
    with dropped_during(
        connection,
        (
            (
                f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}",
                f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}",
            )
            for table, name, definition in keys
        ),
    ):
        yield
