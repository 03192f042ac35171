"""Fixtures for the onboarding tests: a join form's data that passes (the countries and staff are in
tests/conftest.py)."""

import time

import pytest
from django.core import signing

from members.forms import STARTED_SALT


def started_seconds_ago(seconds: float) -> str:
    """The signed "form shown at" value of a form shown ``seconds`` ago (no waiting in tests)."""
    return signing.dumps(time.time() - seconds, salt=STARTED_SALT)


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
        "services-0-cost": "low_cost",
        "services-0-referral_required": "no",
        "services-1-in_person": "on",
        "services-2-in_person": "on",
    }
