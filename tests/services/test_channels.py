"""Contact channels: a service's and a location's ways to be reached, checked when entered and shown as one-tap
links with neutral words."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from services.models import ContactChannel
from tests.factories import ContactChannelFactory, LanguageFactory, LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def cleaned(kind, address, **kwargs):
    channel = ContactChannel(service=ServiceFactory(), kind=kind, address=address, **kwargs)
    channel.full_clean()
    return channel


@pytest.mark.parametrize(
    ("kind", "typed", "stored", "href"),
    [
        ("phone", "+57 300 123 0001", "+573001230001", "tel:+573001230001"),
        ("phone", "155", "155", "tel:155"),
        ("whatsapp", "+57 (300) 123-0001", "+573001230001", "https://wa.me/573001230001"),
        ("signal", "+52 55 5555 0100", "+525555550100", "https://signal.me/#p/+525555550100"),
        ("sms", "+55 11 5555 0100", "+551155550100", "sms:+551155550100"),
        ("telegram", "@ayuda_segura", "ayuda_segura", "https://t.me/ayuda_segura"),
        ("telegram", "+62 21 5555 0100", "+622155550100", "https://t.me/+622155550100"),
        ("email", "contacto@example.org", "contacto@example.org", "mailto:contacto@example.org"),
        ("web_form", "https://example.org/contacto", "https://example.org/contacto", "https://example.org/contacto"),
    ],
)
def test_a_channel_is_stored_as_its_link_needs_it(kind, typed, stored, href):
    channel = cleaned(kind, typed)
    assert channel.address == stored
    assert channel.href == href


@pytest.mark.parametrize(
    ("kind", "address"),
    [
        ("whatsapp", "300 123 0001"),  # no country code
        ("whatsapp", "+57 12"),  # too short
        ("whatsapp", "155"),  # a short national number is no WhatsApp account
        ("signal", "not a number"),
        ("telegram", "@abc"),
        ("email", "not-an-address"),
        ("web_form", "javascript:alert(1)"),
    ],
)
def test_a_malformed_address_is_refused_on_its_field(kind, address):
    with pytest.raises(ValidationError) as error:
        cleaned(kind, address)
    assert "address" in error.value.message_dict


def test_a_channel_belongs_to_a_service_or_a_location_never_both_nor_neither():
    service = ServiceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactChannel.objects.create(kind="phone", address="+573001230001")
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactChannel.objects.create(
            service=service, location=LocationFactory(), kind="phone", address="+573001230001"
        )


def test_the_service_page_shows_one_tap_links_with_neutral_words(client):
    location = LocationFactory()
    service = ServiceFactory(locations=[location])
    ContactChannelFactory(service=service, kind="whatsapp", address="+573001230001", hours_en="Every day, 8 to 20")
    sms = ContactChannelFactory(service=service, kind="sms", address="+573001230002", order=1)
    sms.languages.set([LanguageFactory(code="en", name_en="English")])
    ContactChannelFactory(service=None, location=location, kind="signal", address="+573001230003")
    html = client.get(f"/en/services/{service.pk}/").content.decode()
    assert 'href="https://wa.me/573001230001"' in html
    assert ">Write on WhatsApp</a>" in html
    assert "Every day, 8 to 20" in html
    assert 'href="sms:+573001230002"' in html and "(English)" in html
    assert html.index("wa.me") < html.index("sms:")  # in their order
    assert 'href="https://signal.me/#p/+573001230003"' in html  # the location's own
    # The links send no referrer to the apps' sites.
    assert 'href="https://wa.me/573001230001" rel="noreferrer noopener"' in html


def test_the_service_page_reads_channels_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    locations = [LocationFactory(), LocationFactory()]
    service = ServiceFactory(locations=locations)
    for number in range(3):
        ContactChannelFactory(service=service, address=f"+57300123000{number}")
        ContactChannelFactory(service=None, location=locations[number % 2], address=f"+57300123100{number}")
    url = f"/en/services/{service.pk}/"
    client.get(url)
    with django_assert_max_num_queries(12):
        client.get(url)


def test_the_api_gives_each_channel_with_its_link_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    location = LocationFactory()
    services = [ServiceFactory(organisation=location.organisation, locations=[location]) for _ in range(3)]
    for service in services:
        ContactChannelFactory(service=service, kind="whatsapp", address="+573001230001", hours_en="Mornings")
    ContactChannelFactory(service=None, location=location, kind="sms", address="+573001230002")
    client.get("/api/v1/services/?lang=es")  # the reference data, cached
    with django_assert_max_num_queries(10):
        items = client.get("/api/v1/services/?lang=en").json()["results"]
    assert items[0]["channels"] == [
        {
            "kind": "whatsapp",
            "address": "+573001230001",
            "link": "https://wa.me/573001230001",
            "label": "Write on WhatsApp",
            "hours": "Mornings",
            "languages": [],
        }
    ]
    assert items[0]["locations"][0]["channels"][0]["link"] == "sms:+573001230002"
    one = client.get(f"/api/v1/services/{services[0].pk}/?lang=en").json()
    assert one["channels"][0]["kind"] == "whatsapp"


def test_reachable_by_message_finds_services_with_a_messaging_channel_of_their_own_or_of_a_location(client):
    location = LocationFactory()
    own = ServiceFactory(name_es="Propio")
    ContactChannelFactory(service=own, kind="signal", address="+573001230001")
    at_location = ServiceFactory(name_es="En sede", organisation=location.organisation, locations=[location])
    channel = ContactChannelFactory(service=None, location=location, kind="telegram", address="ayuda_segura")
    by_phone_only = ServiceFactory(name_es="Solo llamadas")
    ContactChannelFactory(service=by_phone_only, kind="phone", address="+573001230009")

    def found():
        return {item["id"] for item in client.get("/api/v1/services/?message=true").json()["results"]}

    assert found() == {own.pk, at_location.pk}
    html = client.get("/en/search/", {"message": "on"}).content.decode()
    assert "Propio" in html and "En sede" in html and "Solo llamadas" not in html
    assert "Reachable by message" in html
    channel.delete()  # the index follows the channels
    assert found() == {own.pk}


def test_result_cards_link_to_the_channels_in_one_tap_with_neutral_words(client):
    location = LocationFactory()
    service = ServiceFactory(name_es="Con canales", organisation=location.organisation, locations=[location])
    ContactChannelFactory(service=service, kind="whatsapp", address="+573001230001")
    ContactChannelFactory(service=None, location=location, kind="sms", address="+573001230002")
    ContactChannelFactory(service=None, location=location, kind="whatsapp", address="+573001230001")  # the same way
    html = client.get("/en/search/", {"q": "canales"}).content.decode()
    card = html[html.index(f'id="service-{service.pk}"') :]
    card = card[: card.index("</article>")]
    assert '<a class="channel channel-whatsapp" href="https://wa.me/573001230001" rel="noreferrer noopener">' in card
    assert ">Write on WhatsApp</a>" in card
    assert 'href="sms:+573001230002"' in card and ">Send a text message</a>" in card  # its location's
    assert card.count("wa.me/573001230001") == 1
    assert card.index("wa.me") < card.index("sms:")  # its own first


def test_a_channel_edited_shows_on_the_kept_card(client):
    service = ServiceFactory(name_es="Tarjeta guardada")
    channel = ContactChannelFactory(service=service, kind="whatsapp", address="+573001230001")
    assert "wa.me/573001230001" in client.get("/en/search/", {"q": "tarjeta"}).content.decode()
    channel.address = "+573001230007"
    channel.save()
    html = client.get("/en/search/", {"q": "tarjeta"}).content.decode()
    assert "wa.me/573001230007" in html and "wa.me/573001230001" not in html


@pytest.mark.parametrize("count", [3, 20])
def test_channels_on_cards_cost_no_query_per_card(client, django_assert_max_num_queries, count):
    for number in range(count):
        location = LocationFactory()
        service = ServiceFactory(name_es=f"Canal {number}", organisation=location.organisation, locations=[location])
        ContactChannelFactory(service=service, kind="whatsapp", address=f"+5730012300{number:02d}")
        ContactChannelFactory(service=None, location=location, kind="sms", address=f"+5730012310{number:02d}")
    client.get("/en/search/", {"q": "canal"})  # the reference data, cached
    from services import card_cache

    card_cache.forget()  # every card rendered again: its rows and channels read
    # The page's budget, whatever the number of cards: the channels of all its cards are one query.
    with django_assert_max_num_queries(12) as queries:
        html = client.get("/en/search/", {"q": "canal"}).content.decode()
    assert html.count("channel-whatsapp") == count
    channel_reads = [query for query in queries.captured_queries if "contactchannel" in query["sql"]]
    assert len(channel_reads) == 1
