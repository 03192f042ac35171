"""generate_directory: a synthetic directory for benchmarks, in bulk, deterministic, searchable."""

import datetime
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from bench.management.commands.generate_directory import Command as GenerateDirectory
from bench.synthetic import HISTORY_REASON, generate_directory
from members.models import Location, MembershipStatusChange, OpeningHours, Organisation
from services.models import Service, ServicePoint, ServiceSearchDocument

pytestmark = pytest.mark.slow

# The bench app is installed only by bench.settings; the tests run its command and functions without installing it
# (it has no models), so the test settings stay the production ones.

TODAY = datetime.date(2026, 11, 28)


def snapshot():
    return {
        "organisations": list(Organisation.objects.order_by("slug").values_list("slug", "name_en", "kind", "status")),
        "locations": list(
            Location.objects.order_by("organisation__slug", "name_en", "pk").values_list(
                "organisation__slug", "name_en", "city__name_en", "address_visibility", "latitude"
            )
        ),
        "services": list(
            Service.objects.order_by("organisation__slug", "pk").values_list(
                "organisation__slug", "name_es", "description_pt", "how_to_access_ind", "status"
            )
        ),
    }


@pytest.mark.django_db
def test_counts_ratios_and_marks():
    counts = generate_directory(organisations=200, seed=3, today=TODAY)

    organisations = Organisation.objects.all()
    assert counts["organisations"] == organisations.count() == 200
    assert counts["services"] == Service.objects.count()
    assert counts["locations"] == Location.objects.count()
    assert 1.3 <= counts["locations"] / 200 <= 1.7
    assert 4.3 <= counts["services"] / 200 <= 5.7
    confidential = Location.objects.filter(address_visibility=Location.AddressVisibility.CONFIDENTIAL).count()
    assert 0.08 <= confidential / counts["locations"] <= 0.16
    assert OpeningHours.objects.exists()
    # Every record is marked: demo flag, "synthetic" names, fictional contacts.
    assert not organisations.filter(is_demo=False).exists()
    synthetic = re.compile(r"\((synthetic|sintético|sintetis)\)$")
    assert all(synthetic.search(name) for name in organisations.values_list("name_en", flat=True))
    assert all(synthetic.search(name) for name in Service.objects.exclude(name_es="").values_list("name_es", flat=True))
    assert all(email.endswith("@example.org") for email in organisations.values_list("public_email", flat=True))
    # Spread over the network's countries and cities, in the four languages.
    assert organisations.values("countries").distinct().count() >= 10
    assert Location.objects.values("city").distinct().count() >= 30
    for field in ("name_es", "name_pt", "name_en", "name_ind"):
        assert Service.objects.exclude(**{field: ""}).exclude(**{f"{field}__isnull": True}).exists()
    # A few closures (closed now and closing soon) and shelters' places, as the demo has them.
    assert Location.objects.filter(closed_from__lte=TODAY, closed_until__gte=TODAY).exists()
    assert Service.objects.filter(closed_from__gt=TODAY).exists()
    assert Location.objects.exclude(closure_note_en="").filter(closed_from__isnull=False).exists()
    assert set(Service.objects.values_list("capacity", flat=True)) == {"", "available", "full", "waiting_list"}
    assert not Service.objects.exclude(categories__parent__slug="safe-shelter").exclude(capacity="").exists()
    # Most organisations are public members, and each has its membership history and a history row.
    assert organisations.filter(status="approved").count() > 150
    assert MembershipStatusChange.objects.values("organisation").distinct().count() == 200
    generated = {"history_change_reason": HISTORY_REASON, "history_type": "+"}
    assert Organisation.history.filter(slug__startswith="synthetic-3-", **generated).count() == 200
    assert (
        Service.history.filter(organisation__slug__startswith="synthetic-3-", **generated).count() == counts["services"]
    )


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_directory(django_db_blocker):
    generate_directory(organisations=30, seed=5, today=TODAY)
    first = snapshot()
    Organisation.objects.all().delete()
    generate_directory(organisations=30, seed=6, today=TODAY)
    other = snapshot()
    Organisation.objects.all().delete()
    generate_directory(organisations=30, seed=5, today=TODAY)
    # Slugs carry the seed; the rest of the content must match exactly for the same seed.
    assert snapshot() == first
    assert [row[1:] for row in other["organisations"]] != [row[1:] for row in first["organisations"]]


@pytest.mark.django_db
def test_batches_do_not_change_the_directory():
    # Keys are reserved batch by batch and the planner's statistics refreshed between batches (PostgreSQL): the
    # rows and their links must come out as in one batch.
    def links():
        fields = ("organisation__slug", "name_es", "locations__name_es", "categories__slug", "populations__code")
        return list(Service.objects.order_by(*fields).values_list(*fields))

    generate_directory(organisations=25, seed=5, today=TODAY, batch_size=1000)
    whole, whole_links = snapshot(), links()
    Organisation.objects.all().delete()
    counts = generate_directory(organisations=25, seed=5, today=TODAY, batch_size=2)
    assert snapshot() == whole
    assert links() == whole_links
    assert ServiceSearchDocument.objects.count() == counts["services"]


@pytest.mark.django_db
def test_untranslated_columns_hold_what_modeltranslation_reads():
    # Rows are written without bulk_create; the plain columns (``name`` beside ``name_es``...) must still get what
    # saving a model stores there: the value modeltranslation reads in the active language, with its fallbacks.
    with translation.override("pt"):
        generate_directory(organisations=20, seed=4, today=TODAY)
        for model, fields in (
            (Organisation, ("name", "description", "acronym")),  # acronyms: every translation empty
            (Location, ("name", "accessibility_notes", "hours_note")),
            (Service, ("name", "description", "eligibility", "how_to_access")),
        ):
            table = connection.ops.quote_name(model._meta.db_table)
            columns = ", ".join(connection.ops.quote_name(field) for field in fields)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT id, {columns} FROM {table}")  # noqa: S608 - names from the model
                stored = {row[0]: row[1:] for row in cursor.fetchall()}
            expected = {item.pk: tuple(getattr(item, field) for field in fields) for item in model.objects.all()}
            assert stored == expected
            assert any(values[0] for values in stored.values())


@pytest.mark.django_db
def test_generated_services_are_indexed_and_findable():
    generate_directory(organisations=40, seed=8, today=TODAY)

    services = Service.objects.all()
    assert ServiceSearchDocument.objects.count() == services.count()
    assert ServicePoint.objects.exists()
    confidential = Location.objects.filter(address_visibility="confidential").first()
    if confidential is not None:  # the search point of a confidential location is its city's centre
        for point in ServicePoint.objects.filter(location=confidential):
            assert (point.latitude, point.longitude) == (confidential.city.latitude, confidential.city.longitude)
    service = Service.objects.public().exclude(name_en="").order_by("pk").first()
    word = service.name_en.split()[0]
    assert service in Service.objects.public().search(word)
    organisation_word = re.sub(r"\W", " ", service.organisation.name_en).split()[-2]  # the number in its name
    assert list(Service.objects.public().search(organisation_word).values_list("organisation", flat=True))


@pytest.mark.django_db
def test_command_refuses_a_seed_already_loaded_and_production(settings):
    call_command(GenerateDirectory(), organisations=5, seed=2, verbosity=0)
    assert Organisation.objects.count() == 5
    with pytest.raises(CommandError, match="already"):
        call_command(GenerateDirectory(), organisations=5, seed=2, verbosity=0)
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command(GenerateDirectory(), organisations=5, seed=9, verbosity=0)
    assert Organisation.objects.count() == 5


def schema():
    """The directory tables' constraints and indexes, as PostgreSQL defines them."""
    from services.search import directory_tables

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
            "JOIN pg_class c ON c.oid = k.conrelid WHERE c.relname = ANY(%s) ORDER BY 1, 2",
            [directory_tables(connection)],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) ORDER BY 1, 2",
            [directory_tables(connection)],
        )
        return constraints, cursor.fetchall()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's keys and indexes (SQLite keeps both)")
def test_the_load_checks_the_keys_and_builds_the_search_indexes_once_at_its_end(monkeypatch):
    """The load drops the foreign keys and the search documents' secondary indexes while it writes, and puts each
    back as it was: the keys check every row then."""
    from bench import synthetic
    from services import search

    before = schema()
    constraints, indexes = before
    assert any(definition.startswith("FOREIGN KEY") for _table, _name, definition in constraints)
    during = []
    writing = synthetic._write

    def write(*args, **kwargs):
        during.append(schema())
        return writing(*args, **kwargs)

    monkeypatch.setattr(synthetic, "_write", write)
    generate_directory(organisations=5, seed=9, today=TODAY)
    assert schema() == before
    keys, indexes_then = during[0]
    assert not [name for _table, name, definition in keys if definition.startswith("FOREIGN KEY")]
    documents = ServiceSearchDocument._meta.db_table
    dropped = {name for table, name, _definition in indexes if table == documents} - {
        name for table, name, _definition in indexes_then if table == documents
    }
    assert dropped == {
        search.backend(connection.alias).TEXT_INDEX,
        *(index.name for index in ServiceSearchDocument._meta.indexes),
    }
    assert {f"search_sort_{suffix}" for suffix in ("es", "pt", "en", "ind")} < dropped


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's keys (SQLite's are left in place)")
def test_a_row_that_breaks_a_key_written_in_a_load_fails_it():
    from django.db import IntegrityError, transaction

    from bench.bulk import foreign_keys_checked_at_end
    from services.search import directory_tables

    generate_directory(organisations=2, seed=10, today=TODAY)
    service = Service.objects.first()
    table = connection.ops.quote_name(Service._meta.db_table)
    with (
        pytest.raises(IntegrityError),
        transaction.atomic(),
        foreign_keys_checked_at_end(connection, directory_tables(connection)),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"UPDATE {table} SET organisation_id = %s WHERE id = %s", [10**9, service.pk])  # noqa: S608
    assert Service.objects.get(pk=service.pk).organisation_id != 10**9


def test_only_the_bench_settings_install_the_generator():
    import importlib

    from django.conf import settings

    assert "bench" not in settings.INSTALLED_APPS
    bench_settings = importlib.import_module("bench.settings")
    assert [*settings.INSTALLED_APPS, "bench"] == bench_settings.INSTALLED_APPS
