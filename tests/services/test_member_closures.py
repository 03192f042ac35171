"""A member organisation keeps its temporary closures and places true from the member area (/<lang>/account/): at
once, without review, since they are time-critical; only her own organisation's, only while her account is active,
and the listing's history says who did it."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import date as date_filter
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from members import services as membership
from members.models import Location, OrganisationMember, time_zone
from services.services import capacity_update, closure_set, listing_editable_by
from tests.factories import LocationFactory, OrganisationFactory, ServiceFactory, UserFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
NOTE_ES = "Cerrado por vacaciones"
NOTE_EN = "Closed for the holidays"


@pytest.fixture
def shelter(db):
    """A public shelter in Bogotá, open on weekdays: its card reads "Open now" or "Closed now" until it is closed."""
    return data.public_listing(name_en="Safe house", name_es="Casa refugio", categories=[data.shelter()])


def member_of_organisation(organisation, email="marta@casa.example.org") -> OrganisationMember:
    user = UserFactory(username=email, email=email, is_staff=False, password=PASSWORD)
    return OrganisationMember.objects.create(user=user, organisation=organisation, language="es")


@pytest.fixture
def member(shelter):
    return member_of_organisation(shelter.organisation)


@pytest.fixture
def stranger(shelter):
    """A member of another organisation of the same country."""
    other = OrganisationFactory(countries=list(shelter.organisation.countries.all()))
    return member_of_organisation(other, email="otra@otra.example.org")


def signed_in(member) -> Client:
    client = Client()
    response = client.post(reverse("account:sign-in"), {"username": member.user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def today():
    """Today in Bogotá, where the shelter is: a closure's days are counted in its location's time zone, and between
    midnight UTC and midnight there the server's date is already the next day."""
    return timezone.localdate(timezone=time_zone(data.bogota().time_zone))


def closure_data(starts, ends, **notes) -> dict:
    values = {"closed_from": starts.isoformat(), "closed_until": ends.isoformat()}
    values.update({f"closure_note_{suffix}": text for suffix, text in notes.items()})
    return values


def closure_url(record):
    kind = "location" if isinstance(record, Location) else "service"
    return reverse("account:closure", args=[kind, record.pk])


def closure_end_url(record):
    kind = "location" if isinstance(record, Location) else "service"
    return reverse("account:closure-end", args=[kind, record.pk])


def places_url(service):
    return reverse("account:places", args=[service.pk])


def public(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def card(html: str, service) -> str:
    start = html.index(f'id="service-{service.pk}"')
    end = html.find('<article class="result"', start)
    return html[start : end if end != -1 else len(html)]


# Closures -----------------------------------------------------------------------------------------------------------


def test_a_member_closes_her_service_and_the_public_page_and_search_say_closed_until(client, member, shelter):
    browser = signed_in(member)
    ends = today() + datetime.timedelta(days=10)
    form = public(browser, closure_url(shelter))
    assert 'type="date"' in form and 'name="closure_note_ind"' in form and 'lang="pt"' in form
    response = browser.post(closure_url(shelter), closure_data(today(), ends, es=NOTE_ES, en=NOTE_EN))
    assert response.status_code == 302 and response["Location"] == reverse("account:home")

    with translation.override("en"):
        shown = f"Closed until {date_filter(ends, 'DATE_FORMAT')}"
    for url in ("/en/search/?q=", f"/en/services/{shelter.pk}/"):
        html = public(client, url)
        assert shown in html and NOTE_EN in html, url
        assert '<span class="badge badge-open">Open now</span>' not in html
    assert "Cerrado hasta" in public(client, "/es/search/?q=") and NOTE_ES in public(client, "/es/search/?q=")

    shelter.refresh_from_db()
    assert (shelter.closed_from, shelter.closed_until, shelter.closure_note_es) == (today(), ends, NOTE_ES)
    line = shelter.history.latest()
    assert line.history_user == member.user
    assert line.history_change_reason == "Temporary closure set"
    home = public(browser, "/en/account/")
    assert "Closed from" in card_of_home(home, shelter) and "End the closure" in card_of_home(home, shelter)


def card_of_home(html: str, service) -> str:
    start = html.index(f'id="service-{service.pk}"')
    return html[start : html.index("</li>", start)]


def test_a_member_closes_a_location_and_the_service_given_only_there_is_closed(client, member, shelter):
    location = shelter.locations.get()
    browser = signed_in(member)
    ends = today() + datetime.timedelta(days=3)
    assert browser.post(closure_url(location), closure_data(today(), ends, en="Closed for repairs")).status_code == 302
    html = public(client, f"/en/services/{shelter.pk}/")
    assert "Closed until" in html and "Closed for repairs" in html
    assert Location.objects.get(pk=location.pk).history.latest().history_user == member.user


def test_a_member_ends_a_closure_and_the_directory_forgets_it(client, member, shelter):
    browser = signed_in(member)
    browser.post(closure_url(shelter), closure_data(today(), today() + datetime.timedelta(days=5), en=NOTE_EN))
    assert browser.get(closure_end_url(shelter)).status_code == 405  # only a POST changes anything
    assert "End the closure" in public(browser, "/en/account/")
    response = browser.post(closure_end_url(shelter))
    assert response.status_code == 302 and response["Location"] == reverse("account:home")
    html = public(client, "/en/search/?q=")
    assert "Closed until" not in html and NOTE_EN not in html
    shelter.refresh_from_db()
    assert shelter.closed_from is None and shelter.closure_note_en == ""
    line = shelter.history.latest()
    assert (line.history_user, line.history_change_reason) == (member.user, "Temporary closure ended")


@pytest.mark.parametrize(
    ("language", "before", "past", "too_long"),
    [
        ("en", "comes before its first day", "has already passed", "at most 160 characters"),
        ("es", "es anterior a su primer día", "ya pasó", "como máximo 160 caracteres"),
        ("pt", "é anterior ao primeiro dia", "já passou", "no máximo 160 caracteres"),
        ("id", "lebih awal daripada hari pertamanya", "sudah lewat", "paling banyak 160 karakter"),
    ],
)
def test_bad_closure_input_is_said_in_the_page_language_and_what_was_typed_is_kept(
    member, shelter, language, before, past, too_long
):
    browser = signed_in(member)
    url = f"/{language}" + closure_url(shelter)[3:]
    week = today() + datetime.timedelta(days=7)
    cases = [
        (closure_data(week, today(), es="Nota escrita a mano"), before),
        (closure_data(today() - datetime.timedelta(days=9), today() - datetime.timedelta(days=2), es="Nota"), past),
        (closure_data(today(), week, es="Nota escrita a mano " + "x" * 160), too_long),
    ]
    for values, error in cases:
        response = browser.post(url, values)
        assert response.status_code == 200
        html = response.content.decode()
        assert error in html, (language, error)
        assert 'role="alert"' in html
        assert values["closure_note_es"] in html and values["closed_from"] in html
    shelter.refresh_from_db()
    assert shelter.closed_from is None and not shelter.history.filter(history_user=member.user).exists()


# Places -------------------------------------------------------------------------------------------------------------


def test_a_member_marks_her_shelter_full_in_one_tap_and_search_shows_it(client, member, shelter):
    browser = signed_in(member)
    home = public(browser, "/en/account/")
    assert "Give places" in card_of_home(home, shelter)
    page = public(browser, places_url(shelter))
    assert "Not given (the service does not fill up)" in page

    assert browser.post(places_url(shelter), {"capacity": "available"}).status_code == 302
    found = re.findall(r'<article class="result" id="service-(\d+)"', public(client, "/en/search/?q=&places=on"))
    assert found == [str(shelter.pk)]
    response = browser.post(places_url(shelter), {"capacity": "full"})
    assert response.status_code == 302 and response["Location"] == reverse("account:home")

    results = public(client, "/en/search/?q=")
    assert '<span class="badge badge-places badge-places-full">Full</span>' in card(results, shelter)
    assert re.search(r"updated \d+\xa0(second|minute)s? ago", card(results, shelter))
    assert f'id="service-{shelter.pk}"' not in public(client, "/en/search/?q=&places=on")
    assert "Sin plazas (completo)" in public(client, "/es/search/?q=")

    shelter.refresh_from_db()
    assert shelter.capacity == "full"
    line = shelter.history.order_by("-history_id").first()
    assert (line.capacity, line.history_user, line.history_change_reason) == ("full", member.user, "Places updated")
    home = card_of_home(public(browser, "/en/account/"), shelter)
    assert "<strong>Full</strong>" in home and re.search(r"updated \d+\xa0(second|minute)s? ago", home)
    assert 'name="capacity" value="waiting_list"' in home


def test_a_number_of_places_is_refused_and_nothing_changes(member, shelter):
    browser = signed_in(member)
    response = browser.post(places_url(shelter), {"capacity": "12 beds"})
    assert response.status_code == 200
    assert "Choose whether places are available, full or a waiting list." in response.content.decode()
    shelter.refresh_from_db()
    assert shelter.capacity == ""


def test_a_member_stops_giving_places(member, shelter):
    capacity_update(service=shelter, status="waiting_list", by=member.user)
    browser = signed_in(member)
    assert "Stop giving places" in public(browser, places_url(shelter))
    browser.post(places_url(shelter), {"capacity": ""})
    shelter.refresh_from_db()
    assert (shelter.capacity, shelter.capacity_updated_at) == ("", None)


# Who may -----------------------------------------------------------------------------------------------------------


def every_new_url(shelter):
    location = shelter.locations.get()
    return [
        ("get", closure_url(shelter), {}),
        ("post", closure_url(shelter), closure_data(today(), today() + datetime.timedelta(days=2), en="x")),
        ("get", closure_url(location), {}),
        ("post", closure_url(location), closure_data(today(), today() + datetime.timedelta(days=2), en="x")),
        ("post", closure_end_url(shelter), {}),
        ("post", closure_end_url(location), {}),
        ("get", places_url(shelter), {}),
        ("post", places_url(shelter), {"capacity": "full"}),
    ]


def assert_unchanged(shelter):
    shelter.refresh_from_db()
    assert shelter.closed_from is None and shelter.capacity == ""
    assert shelter.locations.get().closed_from is None


def test_another_organisations_member_finds_nothing_at_any_of_her_listings_urls(stranger, shelter):
    browser = signed_in(stranger)
    for method, url, values in every_new_url(shelter):
        response = getattr(browser, method)(url, values)
        assert response.status_code == 404, (method, url)
    assert browser.get(reverse("account:closure", args=["organisation", shelter.organisation.pk])).status_code == 404
    assert_unchanged(shelter)


def test_a_revoked_member_is_sent_to_sign_in_and_changes_nothing(member, shelter, coordinator_co):
    browser = signed_in(member)
    membership.member_revoke(member=member, by=coordinator_co)
    for method, url, values in every_new_url(shelter):
        response = getattr(browser, method)(url, values)
        assert response.status_code == 302 and response["Location"] == reverse("account:sign-in"), (method, url)
    assert_unchanged(shelter)


def test_anyone_not_signed_in_is_sent_to_sign_in(client, shelter):
    for method, url, values in every_new_url(shelter):
        response = getattr(client, method)(url, values)
        assert response.status_code == 302 and response["Location"] == reverse("account:sign-in"), (method, url)
    assert_unchanged(shelter)


def test_a_post_without_the_csrf_token_is_refused(member, shelter):
    browser = signed_in(member)
    checked = Client(enforce_csrf_checks=True)
    checked.cookies = browser.cookies
    assert checked.post(places_url(shelter), {"capacity": "full"}).status_code == 403
    assert checked.post(closure_end_url(shelter)).status_code == 403
    assert_unchanged(shelter)


def test_the_write_functions_let_a_member_change_her_organisation_only(
    member, stranger, shelter, coordinator_co, administrator
):
    organisation = shelter.organisation
    assert listing_editable_by(member.user, organisation)
    assert not listing_editable_by(stranger.user, organisation)
    assert listing_editable_by(administrator, organisation)  # staff as before
    assert not listing_editable_by(AnonymousUser(), organisation)
    assert not listing_editable_by(UserFactory(is_staff=False), organisation)
    with pytest.raises(PermissionDenied):
        capacity_update(service=shelter, status="full", by=stranger.user)
    with pytest.raises(PermissionDenied):
        closure_set(target=shelter.locations.get(), starts=today(), ends=today(), note="", by=stranger.user)
    membership.member_revoke(member=member, by=coordinator_co)
    member.user.refresh_from_db()
    assert not listing_editable_by(member.user, organisation)
    with pytest.raises(PermissionDenied):
        capacity_update(service=shelter, status="full", by=member.user)
    assert_unchanged(shelter)


# Four languages -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "mark_closed", "places"),
    [
        ("es", "Marcar como cerrado por un tiempo", "Indicar plazas"),
        ("pt", "Marcar como fechado por um tempo", "Informar vagas"),
        ("id", "Tandai tutup sementara", "Isi ketersediaan tempat"),
        ("en", "Mark closed for a while", "Give places"),
    ],
)
def test_the_member_pages_for_closures_and_places_read_in_four_languages(
    member, shelter, language, mark_closed, places
):
    browser = signed_in(member)
    home = public(browser, f"/{language}/account/")
    assert mark_closed in home and places in home
    assert mark_closed in public(browser, f"/{language}/account/service/{shelter.pk}/closure/")
    assert public(browser, f"/{language}/account/service/{shelter.pk}/places/")


def test_a_closure_of_another_organisation_is_not_shown_on_her_home(member, shelter):
    other = ServiceFactory(organisation=OrganisationFactory(), name_en="Other shelter")
    LocationFactory(organisation=other.organisation)
    home = public(signed_in(member), reverse("account:home"))
    assert "Other shelter" not in home and f"/service/{other.pk}/" not in home
