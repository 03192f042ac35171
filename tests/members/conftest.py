"""Fixtures for the onboarding tests: staff in each role, and a join form's data that passes."""

import time

import pytest
from django.contrib.auth.models import Group
from django.core import signing

from members.forms import STARTED_SALT
from members.models import CoordinatorAssignment
from members.roles import ADMINISTRATORS, COORDINATORS, EDITORS
from tests.factories import CityFactory, CountryFactory, ServiceCategoryFactory, UserFactory


def started_seconds_ago(seconds: float) -> str:
    """The signed "form shown at" value of a form shown ``seconds`` ago (no waiting in tests)."""
    return signing.dumps(time.time() - seconds, salt=STARTED_SALT)


@pytest.fixture
def colombia(db):
    return CountryFactory(code="CO", name_en="Colombia", name_es="Colombia")


@pytest.fixture
def ecuador(db):
    return CountryFactory(
        code="EC",
        name_en="Ecuador",
        name_es="Ecuador",
        time_zones=["America/Guayaquil"],
        latitude=-1.8,
        longitude=-78.2,
    )


@pytest.fixture
def bogota(colombia):
    return CityFactory(country=colombia)


@pytest.fixture
def quito(ecuador):
    return CityFactory(
        country=ecuador,
        name_en="Quito",
        name_es="Quito",
        administrative_area="Pichincha",
        latitude=-0.18,
        longitude=-78.47,
        time_zone="America/Guayaquil",
    )


@pytest.fixture
def legal_aid(db):
    return ServiceCategoryFactory()


def _staff(username: str, group: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def coordinator_co(colombia):
    user = _staff("coordinator-co", COORDINATORS)
    CoordinatorAssignment.objects.create(user=user, country=colombia)
    return user


@pytest.fixture
def coordinator_ec(ecuador):
    user = _staff("coordinator-ec", COORDINATORS)
    CoordinatorAssignment.objects.create(user=user, country=ecuador)
    return user


@pytest.fixture
def editor(db):
    return _staff("editor", EDITORS)


@pytest.fixture
def administrator(db):
    return _staff("administrator", ADMINISTRATORS)


@pytest.fixture
def join_data(colombia, bogota, legal_aid):
    """A complete, valid application: one service point in Bogotá, one service."""
    return {
        "name": "Casa Refugio Ejemplo",
        "acronym": "CRE",
        "kind": "ngo",
        "description": "Acompañamiento psicosocial a sobrevivientes.",
        "website": "https://casa.example.org",
        "public_email": "info@casa.example.org",
        "public_phone": "601 555 0100",
        "countries": [str(colombia.pk)],
        "contact_name": "Marta Ejemplo",
        "contact_email": "marta@casa.example.org",
        "contact_phone": "+57 300 555 0101",
        "consent": "on",
        "homepage": "",
        "started": started_seconds_ago(60),
        "locations-TOTAL_FORMS": "2",
        "locations-INITIAL_FORMS": "0",
        "locations-MIN_NUM_FORMS": "1",
        "locations-MAX_NUM_FORMS": "10",
        "locations-0-name": "Sede Centro",
        "locations-0-city": str(bogota.pk),
        "locations-0-new_city_name": "",
        "locations-0-new_city_country": "",
        "locations-0-address_visibility": "confidential",
        "locations-0-street_address": "Calle Secreta 1",
        "locations-0-postal_code": "",
        "locations-0-phone": "601 555 0102",
        "locations-1-address_visibility": "public",
        "services-TOTAL_FORMS": "3",
        "services-INITIAL_FORMS": "0",
        "services-MIN_NUM_FORMS": "1",
        "services-MAX_NUM_FORMS": "10",
        "services-0-name": "Orientación jurídica",
        "services-0-description": "Gratuita.",
        "services-0-categories": [str(legal_aid.pk)],
        "services-0-in_person": "on",
        "services-0-phone": "",
        "services-1-in_person": "on",
        "services-2-in_person": "on",
    }


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code run outside a request (reverse(), the service functions) speaks English, the source language, so the
    assertions read the messages as written; a request's own language still comes from its URL."""
    from django.utils import translation

    with translation.override("en"):
        yield
