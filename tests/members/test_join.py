"""The public "Join the network" form, through HTTP."""

import re
import threading
from html.parser import HTMLParser
from unittest import mock

import pytest
from django.core import mail, signing
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import override

from members.forms import STARTED_SALT
from members.models import City, Country, Location, MembershipStatusChange, Organisation, SubmissionThrottle
from services.models import Service
from tests.factories import CountryFactory, OrganisationFactory
from tests.members.conftest import started_seconds_ago


def join_url(language="en"):
    with override(language):
        return reverse("services:join")


def test_the_form_renders_in_every_language_without_javascript(client, join_data):
    for language in ("es", "pt", "en", "id"):
        response = client.get(join_url(language))
        assert response.status_code == 200
        content = response.content.decode()
        assert 'name="locations-1-name"' in content  # a second service point, no "add another" script needed
        assert 'name="services-2-name"' in content
        assert 'type="file"' not in content
        assert 'name="homepage"' in content


def test_every_field_has_a_size_limit(client, join_data):
    content = client.get(join_url()).content.decode()
    import re

    for tag in re.findall(r"<input [^>]*type=\"(?:text|email|url)\"[^>]*>|<textarea[^>]*>", content):
        assert "maxlength=" in tag, tag


def test_applying_creates_an_invisible_application(client, join_data, bogota, legal_aid):
    response = client.post(join_url("es"), join_data)
    assert response.status_code == 302
    with override("es"):
        assert response["Location"] == reverse("services:join-done")

    organisation = Organisation.objects.get()
    assert organisation.status == Organisation.Status.APPLIED
    assert organisation.name_es == "Casa Refugio Ejemplo"
    assert organisation.slug == "casa-refugio-ejemplo"
    assert organisation.public_phone == "+576015550100"  # read in Colombia, stored E.164
    assert organisation.contact_phone == "+573005550101"
    assert organisation.contact_language == "es"
    assert list(organisation.countries.values_list("code", flat=True)) == ["CO"]
    location = Location.objects.get(organisation=organisation)
    assert location.city == bogota
    assert location.address_visibility == Location.AddressVisibility.CONFIDENTIAL
    assert location.phone == "+576015550102"
    service = Service.objects.get(organisation=organisation)
    assert service.status == Service.Status.ACTIVE
    assert list(service.categories.all()) == [legal_aid]
    assert list(service.locations.all()) == [location]
    assert MembershipStatusChange.objects.get(organisation=organisation).to_status == Organisation.Status.APPLIED

    assert not Organisation.objects.public().exists()
    assert not Service.objects.public().exists()
    assert organisation.history.count() == 1


def test_confirmation_page(client, db):
    response = client.get(reverse("services:join-done"))
    assert response.status_code == 200
    assert "we received your application" in response.content.decode()


def test_applicant_and_coordinators_get_e_mail(
    client, join_data, coordinator_co, coordinator_ec, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url("pt"), join_data)

    applicant = [m for m in mail.outbox if m.to == ["marta@casa.example.org"]]
    assert len(applicant) == 1
    assert applicant[0].extra_headers["Content-Language"] == "pt"
    # The address was typed into a public form: nothing else typed there is sent to it, so the form cannot send
    # anyone a text of the sender's choosing.
    for message in (applicant[0].body, applicant[0].alternatives[0][0], applicant[0].subject):
        for typed in ("name", "acronym", "description", "contact_name", "website", "public_email", "locations-0-name",
                      "services-0-name"):  # fmt: skip
            assert join_data[typed] not in message, typed
    assert Organisation.objects.get().contact_language == "pt"

    notified = [m for m in mail.outbox if m is not applicant[0]]
    assert [m.to for m in notified] == [[coordinator_co.email]]  # Ecuador's coordinator is not told
    assert "Casa Refugio Ejemplo" in notified[0].body
    assert "Calle Secreta" not in notified[0].body  # a confidential address stays out of e-mail


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Casa Refugio Ejemplo solicitó unirse a la red."),
        ("pt", "Casa Refugio Ejemplo pediu para fazer parte da rede."),
        ("en", "Casa Refugio Ejemplo applied to join the network."),
        ("id", "Casa Refugio Ejemplo mengajukan permohonan untuk bergabung dengan jaringan."),
    ],
)
def test_the_coordinator_is_told_in_the_language_she_chose(
    client, join_data, coordinator_co, language, text, django_capture_on_commit_callbacks
):
    coordinator_co.coordinator_assignments.update(language=language)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_url("en"), join_data)
    (notified,) = [m for m in mail.outbox if m.to == [coordinator_co.email]]
    assert notified.extra_headers["Content-Language"] == language
    assert text in notified.body


def test_two_applications_with_the_same_name_get_different_slugs(client, join_data):
    client.post(join_url(), join_data)
    client.post(join_url(), {**join_data, "started": started_seconds_ago(60)})
    assert sorted(Organisation.objects.values_list("slug", flat=True)) == [
        "casa-refugio-ejemplo",
        "casa-refugio-ejemplo-2",
    ]


def test_an_application_whose_slug_is_taken_just_before_it_is_saved_still_succeeds(client, join_data):
    """Two people send applications of the same name at the same moment: the other one is saved after this one
    looked for a free slug and checked its form, a moment before it is saved. It takes the next slug instead of
    answering with a server error (on another connection in real life; here the other row is written in between)."""
    full_clean = Organisation.full_clean

    def checked_then_overtaken(organisation, *args, **kwargs):
        full_clean(organisation, *args, **kwargs)
        if organisation._state.adding and not Organisation.objects.filter(slug=organisation.slug).exists():
            OrganisationFactory(slug=organisation.slug, name_en="Casa Refugio Ejemplo")

    with mock.patch.object(Organisation, "full_clean", checked_then_overtaken):
        assert client.post(join_url(), join_data).status_code == 302

    applied = Organisation.objects.get(contact_email=join_data["contact_email"])
    assert applied.slug == "casa-refugio-ejemplo-2"
    assert Organisation.objects.filter(slug="casa-refugio-ejemplo").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections writing at once (PostgreSQL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_applications_of_the_same_name_sent_at_the_same_moment_both_succeed_on_postgresql(join_data):
    """Both look for a free slug and check their form before either is saved; the second insert waits for the
    first transaction on the unique index, fails once it commits, and takes the next slug."""
    both_checked = threading.Barrier(2, timeout=30)
    full_clean = Organisation.full_clean
    answers = {}

    def checked_then_wait_for_the_other(organisation, *args, **kwargs):
        full_clean(organisation, *args, **kwargs)
        if organisation._state.adding:
            both_checked.wait()

    def apply(person: str):
        try:
            data = {**join_data, "contact_email": f"{person}@casa.example.org", "started": started_seconds_ago(60)}
            answers[person] = Client().post(join_url(), data).status_code
        except Exception as error:  # noqa: BLE001 - the test reports it
            answers[person] = error
        finally:
            connections.close_all()

    with mock.patch.object(Organisation, "full_clean", checked_then_wait_for_the_other):
        people = [threading.Thread(target=apply, args=(person,)) for person in ("ana", "bea")]
        for person in people:
            person.start()
        for person in people:
            person.join(60)

    assert answers == {"ana": 302, "bea": 302}
    assert sorted(Organisation.objects.values_list("slug", flat=True)) == [
        "casa-refugio-ejemplo",
        "casa-refugio-ejemplo-2",
    ]


def test_a_city_not_in_the_directory_can_be_typed(client, join_data, colombia):
    data = {
        **join_data,
        "locations-0-city": "",
        "locations-0-new_city_name": "Leticia",
        "locations-0-new_city_country": str(colombia.pk),
    }
    assert client.post(join_url(), data).status_code == 302
    city = City.objects.get(name_en="Leticia")
    assert city.country == colombia
    assert (city.latitude, city.longitude) == (colombia.latitude, colombia.longitude)
    assert Location.objects.get().city == city


def test_a_second_service_point_and_service_are_saved_when_filled(client, join_data, quito, ecuador, legal_aid):
    data = {
        **join_data,
        "countries": [join_data["countries"][0], str(ecuador.pk)],
        "locations-1-name": "Sede Quito",
        "locations-1-city": str(quito.pk),
        "locations-1-address_visibility": "city",
        "locations-1-phone": "02 555 0100",
        "services-1-name": "Línea de apoyo",
        "services-1-categories": [str(legal_aid.pk)],
        "services-1-in_person": "",
        "services-1-by_phone": "on",
        "services-1-cost": "free",
        "services-1-referral_required": "yes",
    }
    assert client.post(join_url(), data).status_code == 302
    assert Location.objects.get(city=quito).phone == "+59325550100"
    assert Service.objects.count() == 2
    line = Service.objects.get(name_en="Línea de apoyo")
    assert not line.locations.exists()
    assert (line.cost, line.referral_required) == ("free", True)
    assert Service.objects.filter(cost="low_cost", referral_required=False).count() == 1


MISSING_FACTS = {
    "es": ("Indique si el servicio es gratuito, de bajo costo o pagado.", "Indique si se necesita una remisión."),
    "pt": ("Informe se o serviço é gratuito, de baixo custo ou pago.", "Informe se é necessário um encaminhamento."),
    "en": ("Say whether the service is free, low cost or paid.", "Say whether people need a referral."),
    "id": (
        "Sebutkan apakah layanan ini gratis, berbiaya rendah, atau berbayar.",
        "Sebutkan apakah orang memerlukan rujukan.",
    ),
}


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_the_form_asks_the_cost_and_whether_a_referral_is_needed(client, join_data, language):
    """What a caseworker asks before sending someone is asked, never assumed."""
    asked = ("services-0-cost", "services-0-referral_required")
    data = {key: value for key, value in join_data.items() if key not in asked}
    response = client.post(join_url(language), data)
    assert response.status_code == 400
    content = response.content.decode()
    for message in MISSING_FACTS[language]:
        assert escape(message) in content
    assert not Organisation.objects.exists()


@pytest.mark.parametrize(
    ("prefix", "error"),
    [("locations", "Describe at most ten service points."), ("services", "Describe at most ten services.")],
)
def test_a_forged_number_of_forms_is_refused_without_building_them(client, join_data, prefix, error):
    """A count of forms no page shows (a script's, not a browser's) is refused with the form's own error, what was
    typed kept, and builds ten forms at most: Django's default builds a thousand more, ten seconds of the server's
    time for each such request."""
    data = {**join_data, f"{prefix}-TOTAL_FORMS": "99999999999999999999"}
    response = client.post(join_url(), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert error in content
    assert escape(join_data["name"]) in content
    assert len(response.context[prefix].forms) <= 10
    assert not Organisation.objects.exists()


LONG = "x" * 2001

BAD_INPUT = [
    ("name", "", "This field is required."),
    ("name", "x" * 201, "Ensure this value has at most 200 characters (it has 201)."),
    ("acronym", "x" * 31, "Ensure this value has at most 30 characters (it has 31)."),
    ("kind", "spaceship", "Select a valid choice. spaceship is not one of the available choices."),
    ("description", LONG, "Ensure this value has at most 2000 characters (it has 2001)."),
    ("website", "ftp://files.example.org", "Enter a web address starting with http:// or https://."),
    ("website", "javascript:alert(1)", "Enter a web address starting with http:// or https://."),
    ("public_email", "not-an-address", "Enter a valid email address."),
    ("public_phone", "12", "This phone number has too few or too many digits."),
    ("public_phone", "call us", "Enter a phone number with its country code, for example +52 55 5555 0100."),
    ("countries", [], "Choose at least one country."),
    ("countries", ["999999"], "Select a valid choice. 999999 is not one of the available choices."),
    # Beyond any database id (SQLite fails on such a number instead of finding nothing).
    ("countries", ["9" * 20], f"“{'9' * 20}” is not a valid value."),
    ("locations-0-city", "9" * 20, "Select a valid choice. That choice is not one of the available choices."),
    ("services-0-categories", ["-" + "9" * 20], f"“-{'9' * 20}” is not a valid value."),
    ("contact_name", "", "This field is required."),
    ("contact_email", "marta@", "Enter a valid email address."),
    ("contact_phone", "+1", "Enter a phone number with its country code, for example +52 55 5555 0100."),
    ("consent", "", "Tick the box to agree to the network's terms."),
    ("locations-0-name", "", "This field is required."),
    ("locations-0-city", "", "Choose the city of this service point, or type its name below."),
    ("locations-0-address_visibility", "everyone", "Select a valid choice. everyone is not one of the available"),
    ("locations-0-postal_code", "x" * 21, "Ensure this value has at most 20 characters (it has 21)."),
    ("locations-0-street_address", "x" * 256, "Ensure this value has at most 255 characters (it has 256)."),
    ("locations-0-phone", "555", "This phone number has too few or too many digits."),
    ("services-0-name", "", "This field is required."),
    ("services-0-description", LONG, "Ensure this value has at most 2000 characters (it has 2001)."),
    ("services-0-categories", [], "Choose at least one category."),
    ("services-0-in_person", "", "Say how the service is given: in person, by phone, online or by outreach."),
    ("services-0-phone", "0", "Enter a phone number with its country code"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_INPUT, ids=[f"{f}={str(v)[:12]}" for f, v, _m in BAD_INPUT])
def test_bad_input_shows_its_message_and_keeps_everything_typed(client, join_data, field, value, message):
    data = {**join_data, field: value}
    if field == "locations-0-name":
        data["locations-0-street_address"] = "Calle 1"  # the form was started, so it is validated
    response = client.post(join_url(), data)

    assert response.status_code == 400
    content = response.content.decode()
    assert escape(message) in content
    assert "The application was not sent." in content
    for kept in (
        "Casa Refugio Ejemplo",
        "marta@casa.example.org",
        "Acompañamiento psicosocial",
        "Orientación jurídica",
    ):
        if kept not in str(value) and data.get(_field_of(kept)) == join_data.get(_field_of(kept)):
            assert escape(kept) in content, kept
    assert not Organisation.objects.exists()


def _field_of(text: str) -> str:
    return {
        "Casa Refugio Ejemplo": "name",
        "marta@casa.example.org": "contact_email",
        "Acompañamiento psicosocial": "description",
        "Orientación jurídica": "services-0-name",
    }[text]


def test_error_messages_are_translated(client, join_data):
    """The form speaks the visitor's language: the Spanish page shows Django's Spanish "required" message."""
    response = client.post(join_url("es"), {**join_data, "contact_name": ""})
    assert escape("Este campo es obligatorio.") in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        # Brazil's wording, not Portugal's ("Introduza um endereço de e-mail válido.").
        ("pt", "Informe um endereço de e-mail válido."),
        # The Americas' wording, not Spain's ("Introduzca una dirección de correo electrónico válida.").
        ("es", "Ingrese una dirección de correo electrónico válida."),
        ("id", "Masukkan alamat email yang valid."),
    ],
)
def test_form_errors_are_worded_as_the_network_readers_write(client, join_data, language, message):
    response = client.post(join_url(language), {**join_data, "contact_email": "marta-at-casa"})
    assert response.status_code == 400
    assert escape(message) in response.content.decode()


def test_a_too_long_value_says_at_most_in_latin_american_spanish(client, join_data):
    response = client.post(join_url("es"), {**join_data, "acronym": "X" * 31})
    content = response.content.decode()
    # Django's Spanish says "menos de 30 caracteres" ("fewer than"), which is not what the limit means.
    assert escape("Asegúrese de que este valor tenga como máximo 30 caracteres (tiene 31).") in content


def test_a_public_address_needs_its_street(client, join_data):
    data = {**join_data, "locations-0-address_visibility": "public", "locations-0-street_address": ""}
    response = client.post(join_url(), data)
    assert "A location with a public address needs its street address." in response.content.decode()


def test_city_from_the_list_and_a_typed_one_are_not_both_accepted(client, join_data, colombia):
    data = {**join_data, "locations-0-new_city_name": "Leticia", "locations-0-new_city_country": str(colombia.pk)}
    response = client.post(join_url(), data)
    assert "Choose a city from the list or type a new one, not both." in response.content.decode()


def test_a_typed_city_needs_its_country(client, join_data):
    data = {**join_data, "locations-0-city": "", "locations-0-new_city_name": "Leticia"}
    response = client.post(join_url(), data)
    assert "Choose the country of the new city." in response.content.decode()


def test_a_service_point_must_be_in_a_chosen_country(client, join_data, quito):
    response = client.post(join_url(), {**join_data, "locations-0-city": str(quito.pk)})
    assert response.status_code == 400
    assert "This service point is in a country you did not choose above." in response.content.decode()


def test_the_honeypot_stops_robots(client, join_data):
    response = client.post(join_url(), {**join_data, "homepage": "https://spam.example.com"})
    assert response.status_code == 400
    assert "This form could not be sent." in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_form_sent_too_quickly_is_refused_and_can_be_sent_again(client, join_data):
    response = client.post(join_url(), {**join_data, "started": started_seconds_ago(1)})
    assert response.status_code == 400
    assert "This form was sent too quickly." in response.content.decode()
    assert "Casa Refugio Ejemplo" in response.content.decode()
    assert not Organisation.objects.exists()


def test_an_altered_start_time_is_refused_and_replaced(client, join_data):
    forged = signing.dumps(0, salt="another-salt")
    response = client.post(join_url(), {**join_data, "started": forged})
    assert response.status_code == 400
    assert "This form has expired." in response.content.decode()
    fresh = response.context["form"].data["started"]
    assert fresh != forged
    assert signing.loads(fresh, salt=STARTED_SALT)


def test_the_submission_limit_holds_across_processes(client, join_data, settings):
    """The count is in the database: a second app process (here: a fresh client) sees the first one's count."""
    settings.SUBMISSION_LIMITS = {"join": 2}
    from django.test import Client

    for _number in range(2):
        assert Client().post(join_url(), {**join_data, "started": started_seconds_ago(60)}).status_code == 302
    response = Client().post(join_url(), {**join_data, "started": started_seconds_ago(60)})
    assert response.status_code == 400
    assert "Too many forms were sent from your connection." in response.content.decode()
    assert Organisation.objects.count() == 2
    assert len(SubmissionThrottle.objects.get().sent_times) == 2  # the refused one is not counted


def test_another_client_is_not_limited(client, join_data, settings):
    settings.SUBMISSION_LIMITS = {"join": 1}
    client.post(join_url(), join_data, REMOTE_ADDR="203.0.113.1")
    response = client.post(join_url(), {**join_data, "started": started_seconds_ago(60)}, REMOTE_ADDR="203.0.113.2")
    assert response.status_code == 302


def test_invalid_forms_do_not_count_against_the_limit(client, join_data, settings):
    settings.SUBMISSION_LIMITS = {"join": 1}
    client.post(join_url(), {**join_data, "name": ""})
    assert client.post(join_url(), join_data).status_code == 302


def test_behind_a_proxy_the_limit_counts_the_forwarded_client(client, join_data, settings):
    settings.SUBMISSION_LIMITS = {"join": 1}
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert client.post(join_url(), join_data, HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy).status_code == 302
    again = {**join_data, "started": started_seconds_ago(60)}
    assert client.post(join_url(), again, HTTP_X_FORWARDED_FOR="203.0.113.2", **proxy).status_code == 302
    assert client.post(join_url(), again, HTTP_X_FORWARDED_FOR="203.0.113.2", **proxy).status_code == 400


def test_an_application_in_indonesian_is_stored_and_answered_in_indonesian(
    client, join_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(join_url("id"), join_data).status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.contact_language == "id"
    assert organisation.name_ind == "Casa Refugio Ejemplo"
    assert Service.objects.get().name_ind == "Orientación jurídica"
    assert mail.outbox[0].extra_headers["Content-Language"] == "id"


def test_the_form_and_its_thanks_page_set_no_cookie(join_data):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)  # as a browser: Django's CSRF check would ask for its cookie
    assert not client.get(join_url()).cookies
    response = client.post(join_url(), join_data)
    assert response.status_code == 302
    assert not response.cookies
    fresh = type(client)()
    assert not fresh.get(reverse("services:join-done")).cookies


def test_a_form_sent_from_another_site_is_refused(client, join_data):
    """Without a CSRF cookie, the browser's word on where the post comes from keeps other sites out."""
    for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://elsewhere.example"}, {"Origin": "null"}):
        response = client.post(join_url(), join_data, headers=headers)
        assert response.status_code == 403, headers
    assert not Organisation.objects.exists()
    assert client.post(join_url(), join_data, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 302


class _VisibleInputs(HTMLParser):
    """Counts the checkboxes a person sees without opening anything: those outside every <details>."""

    def __init__(self):
        super().__init__()
        self.folded = 0
        self.visible = 0
        self.total = 0

    def handle_starttag(self, tag, attrs):
        if tag == "details" and "open" not in dict(attrs):
            self.folded += 1
        elif tag == "details":
            self.folded += 0 if not self.folded else 1
        if tag == "input" and dict(attrs).get("type") == "checkbox":
            self.total += 1
            self.visible += not self.folded

    def handle_endtag(self, tag):
        if tag == "details" and self.folded:
            self.folded -= 1


def visible_checkboxes(html: str) -> tuple[int, int]:
    parser = _VisibleInputs()
    parser.feed(html)
    return parser.visible, parser.total


def test_the_form_fits_a_phone_with_grouped_choices_and_the_other_services_folded(client, join_data, legal_aid):
    """164 checkboxes made 18 phone screens: subcategories fold under their main category, and the second service
    point and the other services under "Add …" until wanted (all without JavaScript)."""
    html = client.get(join_url()).content.decode()
    visible, total = visible_checkboxes(html)
    assert total > visible
    assert visible <= 45
    assert "Add service 2 (optional)" in html and "Add service point 2 (optional)" in html


@pytest.mark.parametrize(
    ("language", "americas", "asia"),
    [
        ("es", "Américas", "Asia-Pacífico"),
        ("pt", "Américas", "Ásia-Pacífico"),
        ("en", "Americas", "Asia-Pacific"),
        ("id", "Amerika", "Asia-Pasifik"),
    ],
)
def test_the_countries_are_grouped_by_region_and_the_first_box_is_the_first_shown(
    client, join_data, language, americas, asia
):
    """19 countries in one column were two phone screens: each region is its own group, in columns."""
    CountryFactory(code="ID", name_en="Indonesia", name_es="Indonesia", region=Country.Region.ASIA_PACIFIC)
    CountryFactory(code="AR", name_en="Argentina", name_es="Argentina")
    html = client.get(join_url(language)).content.decode()
    groups = re.findall(r'<fieldset class="country-region">\s*<legend>([^<]+)</legend>(.*?)</fieldset>', html, re.S)
    assert [escape(name) for name in (americas, asia)] == [legend for legend, _boxes in groups]
    labels = [re.findall(r'<label for="id_countries_\d+">([^<]+)</label>', boxes) for _legend, boxes in groups]
    assert labels == [["Argentina (AR)", "Colombia (CO)"], ["Indonesia (ID)"]]
    # An error's link in the summary goes to the first box, which is the first on the page.
    assert html.index('id="id_countries_0"') < html.index('id="id_countries_1"') < html.index('id="id_countries_2"')
    assert 'class="check-columns"' in html


@pytest.mark.parametrize(
    ("language", "title", "too_few"),
    [
        ("es", "Hay un problema", "Describa al menos un servicio."),
        ("pt", "Há um problema", "Descreva pelo menos um serviço."),
        ("en", "There is a problem", "Describe at least one service."),
        ("id", "Ada masalah", "Jelaskan setidaknya satu layanan."),
    ],
)
def test_a_refused_application_lists_every_error_at_the_top_linking_to_its_field(
    client, join_data, language, title, too_few
):
    # The first service left as the form shows it (only "in person" ticked): Django said "submit at least 1 form".
    data = {key: value for key, value in join_data.items() if not key.startswith("services-0-")}
    data.update(name="", contact_email="not-an-address", **{"services-0-in_person": "on"})
    data.pop("countries")
    response = client.post(join_url(language), data)
    assert response.status_code == 400
    html = response.content.decode()
    summary = html.index('class="errors error-summary" role="alert"')
    assert summary < html.index("<fieldset")
    assert escape(title) in html
    for anchor in ("#id_name", "#id_countries_0", "#id_contact_email"):
        assert f'<a href="{anchor}">' in html, anchor
    assert escape(too_few) in html
    for django_wording in ("submit at least 1 form", "envíe 1 formulario", "envie 1 formulário", "formulir"):
        assert django_wording not in html


def test_a_refused_application_keeps_everything_typed(client, join_data, legal_aid):
    data = {**join_data, "contact_email": "not-an-address", "services-1-name": "Línea de apoyo"}
    html = client.post(join_url(), data).content.decode()
    assert 'value="Casa Refugio Ejemplo"' in html
    assert re.search(rf'<input type="checkbox" name="services-0-categories" value="{legal_aid.pk}"[^>]*checked', html)
    assert re.search(r'<input type="radio" name="services-0-cost" value="low_cost"[^>]*checked', html)
    assert 'value="not-an-address"' in html
    assert 'value="Línea de apoyo"' in html
    # The second service, begun, stays unfolded with its errors.
    assert re.search(r'<details class="subform-more" open>\s*<summary>Add service 2 \(optional\)', html)


def test_the_form_asks_what_it_takes_to_get_in_and_an_unanswered_fact_stays_unknown(client, join_data, legal_aid):
    page = client.get(join_url("en")).content.decode()
    assert 'name="services-0-documents_required" value="none"' in page
    assert 'name="services-0-appointment" value="walk_in"' in page
    refused = client.post(join_url("en"), {**join_data, "services-0-documents_required": ["none", "id"]})
    assert refused.status_code == 400
    assert escape("Choose “No documents needed” alone") in refused.content.decode()
    assert not Organisation.objects.exists()
    data = {
        **join_data,
        "services-0-documents_required": ["residence", "id"],
        "services-0-appointment": "walk_in",
        "services-1-name": "Línea de apoyo",
        "services-1-categories": [str(legal_aid.pk)],
        "services-1-in_person": "",
        "services-1-by_phone": "on",
        "services-1-cost": "free",
        "services-1-referral_required": "no",
    }
    assert client.post(join_url("en"), data).status_code == 302
    given, unanswered = (
        Service.objects.exclude(name_en="Línea de apoyo").get(),
        Service.objects.get(name_en="Línea de apoyo"),
    )
    assert (given.documents_required, given.appointment) == ("id,residence", "walk_in")
    assert (unanswered.documents_required, unanswered.appointment) == (None, None)
