"""A listing without the reader's language is shown in the language its member wrote it in, before the languages
closest to the page's: an English reader saw a Brazilian service in Spanish although its Portuguese text existed."""

import pytest
from django.urls import reverse
from django.utils import translation

from rssn.languages import best_translation
from services.models import Service
from tests.factories import OrganisationFactory, ServiceFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db


def brazilian_service():
    organisation = OrganisationFactory(contact_language="pt", name_es="", name_pt="Casa Exemplo", name_en="")
    return ServiceFactory(organisation=organisation, name_es="Acogida", name_pt="Acolhimento", name_en="", name_ind="")


@pytest.mark.parametrize(("language", "shown"), [("en", "Acolhimento"), ("id", "Acolhimento"), ("es", "Acogida")])
def test_the_listings_own_language_comes_before_the_pages_fallbacks(language, shown):
    service = Service.objects.select_related("organisation").get(pk=brazilian_service().pk)
    text = best_translation(service, "name", language)
    assert str(text) == shown
    assert text.language == ("es" if language == "es" else "pt")


def test_without_its_organisation_at_hand_the_order_is_the_pages(django_assert_num_queries):
    service = Service.objects.get(pk=brazilian_service().pk)
    with django_assert_num_queries(0):  # never a query per value to learn the listing's language
        assert str(best_translation(service, "name", "en")) == "Acogida"


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_service_page_shows_the_portuguese_text_marked_as_portuguese(client, language):
    service = brazilian_service()
    service.locations.set([data.public_listing().locations.get()])
    with translation.override(language):
        url = reverse("services:service-detail", args=[service.pk])
    html = client.get(url).content.decode()
    assert '<h1 lang="pt">Acolhimento</h1>' in html
