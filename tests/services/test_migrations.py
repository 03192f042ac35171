"""Migrations of the correction requests keep their rows: the move from the members app to the services app (with
the staff's permissions on them), and the free-text reports becoming structured suggested updates (the migrations
are also run from scratch by every test database)."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import OrganisationFactory

BEFORE = [("members", "0007_country_emergency_number_to_lines"), ("services", "0010_search_public_open")]
AFTER = [("members", "0008_correctionrequest_to_services"), ("services", "0011_correctionrequest")]

pytestmark = pytest.mark.slow


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_moving_correction_requests_keeps_their_rows_and_permissions(migrate):
    organisation = OrganisationFactory()
    old = migrate(BEFORE)
    old.get_model("members", "CorrectionRequest").objects.create(
        organisation_id=organisation.pk, message="The phone does not answer."
    )
    new = migrate(AFTER)
    moved = new.get_model("services", "CorrectionRequest").objects.get()
    assert (moved.organisation_id, moved.message) == (organisation.pk, "The phone does not answer.")
    for role in ("Editors", "Coordinators"):
        assert (
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label="services", codename="change_correctionrequest")
            .exists()
        ), role


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_free_text_reports_become_something_else_with_their_text_as_details(migrate):
    organisation = OrganisationFactory()
    old = migrate([("services", "0017_search_category_names_in_text")])
    OldCorrection = old.get_model("services", "CorrectionRequest")
    OldCorrection.objects.create(organisation_id=organisation.pk, message="The phone does not answer.")
    OldCorrection.objects.create(organisation_id=organisation.pk, message="")
    new = migrate([("services", "0018_suggested_updates")])
    migrated = new.get_model("services", "CorrectionRequest").objects.order_by("pk")
    assert [(row.kind, row.message) for row in migrated] == [("other", "The phone does not answer."), ("other", "-")]
    assert all(row.forwarded_at is None for row in migrated)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_spanish_refugio_leaves_asylum_in_a_database_seeded_before_seeds_were_recorded(migrate):
    old = migrate([("services", "0024_category_seeded_search_terms")])
    old.get_model("services", "ServiceCategory").objects.create(
        slug="asylum-migration",
        name="Asylum and migration status",
        search_terms_es="asilo, refugio, Refugio, refugiado, pedir refugio",
        search_terms_pt="refúgio",
    )
    new = migrate([("services", "0025_spanish_refugio_is_a_shelter")])
    category = new.get_model("services", "ServiceCategory").objects.get(slug="asylum-migration")
    assert (category.search_terms_es, category.search_terms_pt) == ("asilo, refugiado, pedir refugio", "refúgio")
