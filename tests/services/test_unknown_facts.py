"""Unknown is a value: a fact nobody gave (the cost, whether a referral is needed) is stored as None and shown as
"ask the service", never as a default that reads as a fact."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from members import services as membership
from services.models import Service
from services.services import ServiceInput, application_submit
from tests.factories import CityFactory, CountryFactory, ServiceCategoryFactory, UserFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

ASK = {
    "es": ("Consulte al servicio", "Pregunte al servicio si se necesita una remisión"),
    "pt": ("Consulte o serviço", "Pergunte ao serviço se é necessário um encaminhamento"),
    "en": ("Ask the service", "Ask the service whether a referral is needed"),
    "id": ("Tanyakan kepada layanan", "Tanyakan kepada layanan apakah diperlukan rujukan"),
}
# What a listing without these facts used to say of itself.
ASSUMED = {
    "es": ("Gratuito", "No se necesita remisión"),
    "pt": ("Gratuito", "Não é necessário encaminhamento"),
    "en": ("Free", "No referral needed"),
    "id": ("Gratis", "Tidak perlu rujukan"),
}


def page(client, name, *args, language, query=""):
    with translation.override(language):
        url = reverse(name, args=args) + query
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_a_listing_without_cost_or_referral_says_to_ask_the_service(client, language):
    service = data.public_listing(cost=None, referral_required=None)
    assert Service.objects.get(pk=service.pk).cost is None

    detail = page(client, "services:service-detail", service.pk, language=language)
    cost, referral = ASK[language]
    assert f"<dd>{escape(cost)}</dd>" in detail
    assert f"<dd>{escape(referral)}</dd>" in detail
    for assumed in ASSUMED[language]:
        assert f"<dd>{escape(assumed)}" not in detail

    results = page(client, "services:search", language=language, query=f"?near={data.bogota().pk}")
    assert f"<dd>{escape(cost)}</dd>" in results
    assert f"<dd>{escape(ASSUMED[language][0])}</dd>" not in results


def test_the_free_filter_leaves_out_a_service_whose_cost_nobody_gave(client):
    known = data.public_listing()
    unknown = data.public_listing(cost=None, name_en="Unknown cost", name_es="Costo desconocido")
    html = page(client, "services:search", language="en", query=f"?near={data.bogota().pk}&free=on")
    assert f'id="service-{known.pk}"' in html
    assert f'id="service-{unknown.pk}"' not in html


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_an_approved_application_does_not_publish_facts_it_never_gave(client, language):
    """An application (through the API of the services, as an import or an older form would make it) without cost
    or referral is published as "ask the service", not as "free" and "no referral needed"."""
    colombia = CountryFactory(code="CO")
    city = CityFactory(country=colombia)
    application = application_submit(
        name="Casa Ejemplo Desconocida",
        acronym="",
        kind="ngo",
        description="",
        website="",
        public_email="",
        public_phone="",
        countries=[colombia],
        contact_name="Ana",
        contact_email="ana@example.org",
        contact_phone="",
        language="es",
        locations=[
            membership.LocationInput(
                name="Sede",
                address_visibility="city",
                city=city,
                new_city_name="",
                new_city_country=None,
                street_address="",
                postal_code="",
                phone="",
            )
        ],
        services=[ServiceInput(name="Acompañamiento", categories=[ServiceCategoryFactory()])],
    )
    superuser = UserFactory(is_superuser=True, is_staff=True)
    membership.membership_approve(organisation=application, by=superuser)
    service = application.services.get()
    assert (service.cost, service.referral_required) == (None, None)
    detail = page(client, "services:service-detail", service.pk, language=language)
    for ask in ASK[language]:
        assert f"<dd>{escape(ask)}</dd>" in detail
