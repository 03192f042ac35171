"""``load_demo``: a realistic, fictional, deterministic demo directory, loaded twice with the same result.

Loading takes seconds, so the module loads it twice once (shared by the tests here, in a transaction rolled back
after the module); each test still runs in its own savepoint.
"""

import dataclasses
import datetime
import io
import re
from urllib.parse import urlparse

import phonenumbers
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from modeltranslation.translator import translator

from demo.accounts import DEMO_ACCOUNTS, ensure_demo_account
from demo.directory import fictional_phone
from members.models import (
    City,
    Country,
    Helpline,
    Location,
    MembershipStatusChange,
    OpeningHours,
    Organisation,
)
from members.validators import validate_phone
from rssn.context_processors import DEMO_CACHE_KEY
from services.models import ContactChannel, Language, Population, Service, ServiceCategory

AMERICAS = {"US", "MX", "GT", "SV", "HN", "CR", "VE", "CO", "EC", "PE", "BR", "CL", "DO", "TT"}
ASIA = {"ID", "PH", "MY", "TH", "BD"}
SUFFIXES = ("es", "pt", "en", "ind")
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
SERVICE_TEXTS = ("name", "description", "eligibility", "how_to_access")
# Every test here is a database test, so pytest-django keeps them together and the module's demo loads once.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

NANP_FICTIONAL = re.compile(r"^\+1\d{3}55501\d{2}$")
OTHER_FICTIONAL = re.compile(r"^\+\d{3,7}00000\d{3}$")


def _row(instance, exclude=("id", "created_at", "updated_at")) -> dict:
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.name not in exclude and not field.is_relation
    }


def _location_key(location) -> tuple:
    return (location.organisation.slug, location.name_es, location.name_en, location.street_address)


def snapshot() -> dict:
    """Everything the demo wrote, keyed by natural keys instead of primary keys (recreated rows get new ones)."""
    return {
        "countries": [_row(country, exclude=()) for country in Country.objects.order_by("code")],
        "helplines": [_row(helpline, exclude=()) for helpline in Helpline.objects.order_by("pk")],
        "cities": [_row(city, exclude=()) for city in City.objects.order_by("pk")],
        "categories": [(_row(c, exclude=()), c.parent_id) for c in ServiceCategory.objects.order_by("pk")],
        "populations": [_row(p, exclude=()) for p in Population.objects.order_by("pk")],
        "languages": [_row(language, exclude=()) for language in Language.objects.order_by("pk")],
        "organisations": [
            (_row(org), sorted(org.countries.values_list("code", flat=True)))
            for org in Organisation.objects.filter(is_demo=True).order_by("slug")
        ],
        "history": sorted(
            (change.organisation.slug, change.from_status, change.to_status, change.changed_at, change.reason)
            for change in MembershipStatusChange.objects.filter(organisation__is_demo=True).select_related(
                "organisation"
            )
        ),
        "locations": sorted(
            (_location_key(location), location.city_id, tuple(sorted(_row(location).items())))
            for location in Location.objects.filter(organisation__is_demo=True).select_related("organisation")
        ),
        "hours": sorted(
            (_location_key(hours.location), hours.weekday, hours.opens, hours.closes)
            for hours in OpeningHours.objects.filter(location__organisation__is_demo=True).select_related(
                "location__organisation"
            )
        ),
        "services": sorted(
            (
                service.organisation.slug,
                tuple(sorted((k, str(v)) for k, v in _row(service).items())),
                tuple(sorted(category.slug for category in service.categories.all())),
                tuple(sorted(_location_key(location) for location in service.locations.all())),
                tuple(sorted(population.code for population in service.populations.all())),
                tuple(sorted(language.code for language in service.languages.all())),
            )
            for service in Service.objects.filter(organisation__is_demo=True)
            .select_related("organisation")
            .prefetch_related("categories", "locations__organisation", "populations", "languages")
        ),
    }


def row_counts() -> dict:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def _run_load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        cache.set(DEMO_CACHE_KEY, False)
        first_output = _run_load_demo()
        banner_cache_after_load = cache.get(DEMO_CACHE_KEY, "cleared")
        first = {"counts": row_counts(), "snapshot": snapshot()}
        password = get_user_model().objects.get(username="demo-admin").password
        second_output = _run_load_demo()
        second = {"counts": row_counts(), "snapshot": snapshot()}
        yield {
            "first_output": first_output,
            "second_output": second_output,
            "first": first,
            "second": second,
            "password_after_first_run": password,
            "banner_cache_after_load": banner_cache_after_load,
        }
        transaction.set_rollback(True)


@pytest.fixture
def demo_db(demo, db):
    return demo


def test_the_network_countries_are_all_there(demo_db):
    codes = set(Country.objects.values_list("code", flat=True))
    assert codes >= AMERICAS | ASIA
    assert {country.code for country in Country.objects.filter(region="asia_pacific")} >= ASIA
    with_organisations = set(Organisation.objects.filter(is_demo=True).values_list("countries__code", flat=True))
    assert with_organisations >= AMERICAS | ASIA


def test_counts(demo_db):
    organisations = Organisation.objects.filter(is_demo=True)
    assert organisations.count() >= 80
    assert Service.objects.filter(organisation__is_demo=True).count() >= 300
    locations = Location.objects.filter(organisation__is_demo=True)
    confidential = locations.filter(address_visibility=Location.AddressVisibility.CONFIDENTIAL).count()
    city_only = locations.filter(address_visibility=Location.AddressVisibility.CITY).count()
    assert 0.05 * locations.count() <= confidential <= 0.2 * locations.count()
    assert city_only >= 5
    assert organisations.awaiting_decision().count() >= 5
    assert organisations.filter(status__in=["suspended", "rejected"]).exists()
    assert organisations.public().count() >= 0.8 * organisations.count()


def test_every_demo_organisation_is_flagged_and_named_as_demo(demo_db):
    assert not Organisation.objects.filter(is_demo=False).exists()
    for organisation in Organisation.objects.all():
        assert organisation.name.endswith("(demo)"), organisation.name


def test_every_country_and_category_is_complete_in_the_four_languages(demo_db):
    for country in Country.objects.all():
        for suffix in SUFFIXES:
            assert getattr(country, f"name_{suffix}"), (country.code, suffix)
            assert getattr(country, f"emergency_note_{suffix}"), (country.code, suffix)
    for category in ServiceCategory.objects.all():
        for suffix in SUFFIXES:
            assert getattr(category, f"name_{suffix}") and getattr(category, f"description_{suffix}"), category.slug


def test_demo_notes_give_safe_and_unambiguous_advice(demo_db):
    """No note asks a person to leave a message to be called back (their phone may be watched), and no floor is
    called "primer piso", which is the ground floor in Colombia, Peru and Venezuela and the first one up elsewhere."""
    unsafe = re.compile(
        r"call (you )?back|devolveremos|retornaremos|menghubungi kembali|leave a message|deje un mensaje|"
        r"deixe uma mensagem|tinggalkan pesan|primer piso|first floor|primeiro andar",
        re.IGNORECASE,
    )
    notes = Location.objects.filter(organisation__is_demo=True)
    texts = {
        getattr(location, f"{field}_{suffix}") or ""
        for location in notes
        for field in ("hours_note", "accessibility_notes")
        for suffix in SUFFIXES
    }
    assert [text for text in texts if unsafe.search(text)] == []
    assert any("planta baja" in text for text in texts)
    assert any("tell us when it is safe" in text for text in texts)


def _missing_languages(rows) -> list[tuple]:
    """Each content field (modeltranslation's) of ``rows`` that has text in some language but not in all four."""
    missing = []
    for row in rows:
        for field in translator.get_options_for_model(type(row)).get_field_names():
            texts = {suffix: getattr(row, f"{field}_{suffix}") for suffix in SUFFIXES}
            if any(texts.values()) and not all(texts.values()):
                missing.append((type(row).__name__, row.pk, field, sorted(k for k, v in texts.items() if not v)))
    return missing


def test_every_demo_listing_is_complete_in_the_four_languages(demo_db):
    """Every content field of every demo listing (organisation, service points, services, their channels) has its
    Spanish, Portuguese, English and Indonesian text: the demo shows what a reader meets in each language."""
    organisations = Organisation.objects.filter(is_demo=True)
    services = Service.objects.filter(organisation__is_demo=True)
    assert services.count() > 300
    for service in services:
        for field in SERVICE_TEXTS:
            assert all(getattr(service, f"{field}_{suffix}") for suffix in SUFFIXES), (service.pk, field)
    rows = [
        *organisations,
        *Location.objects.filter(organisation__is_demo=True),
        *services,
        *ContactChannel.objects.filter(service__organisation__is_demo=True),
    ]
    assert _missing_languages(rows) == []


def test_content_is_written_in_the_place_language(demo_db):
    def organisations_in(code):
        return Organisation.objects.filter(is_demo=True, countries__code=code)

    assert all(org.description_pt for org in organisations_in("BR"))
    assert all(org.description_ind for org in organisations_in("ID"))
    assert all(org.description_es for org in organisations_in("PE"))
    assert all(org.description_en for org in organisations_in("TT"))
    assert all("Registro fictício" in org.description_pt for org in organisations_in("BR"))
    assert all("Data contoh fiktif" in org.description_ind for org in organisations_in("ID"))


@pytest.mark.parametrize(
    ("language", "countries"),
    [("ht", {"CL", "DO", "BR"}), ("qu", {"PE", "EC"}), ("guc", {"CO", "VE"}), ("tl", {"PH"})],
)
def test_services_speak_the_local_languages(demo_db, language, countries):
    where = set(
        Service.objects.filter(organisation__is_demo=True, languages__code=language).values_list(
            "organisation__countries__code", flat=True
        )
    )
    assert countries <= where


def test_loading_twice_gives_the_same_rows(demo):
    assert demo["first"]["counts"] == demo["second"]["counts"]
    assert demo["first"]["snapshot"] == demo["second"]["snapshot"]


def test_demo_e_mail_addresses_and_websites_are_on_example_domains(demo_db):
    addresses = []
    for organisation in Organisation.objects.all():
        addresses += [organisation.public_email, organisation.contact_email]
        assert urlparse(organisation.website).hostname in EXAMPLE_DOMAINS
    for service in Service.objects.all():
        addresses += re.findall(r"[\w.+-]+@[\w.-]+\w", service.how_to_access_es or service.how_to_access_en or "")
    addresses += get_user_model().objects.values_list("email", flat=True)
    assert addresses
    for address in addresses:
        assert address.rsplit("@", 1)[1] in EXAMPLE_DOMAINS, address


def test_demo_phone_numbers_are_valid_and_obviously_fictional(demo_db):
    numbers = []
    for organisation in Organisation.objects.all():
        numbers += [organisation.public_phone, organisation.contact_phone]
    numbers += Location.objects.values_list("phone", flat=True)
    numbers += Service.objects.values_list("phone", flat=True)
    numbers = [number for number in numbers if number]
    assert len(numbers) > 500
    for number in numbers:
        validate_phone(number)
        assert phonenumbers.is_possible_number(phonenumbers.parse(number))
        assert NANP_FICTIONAL.match(number) or OTHER_FICTIONAL.match(number), number


def test_fictional_phone_pattern():
    assert fictional_phone("US", 142) == "+12025550142"
    assert fictional_phone("MX", 142) == "+525500000142"


def test_services_use_only_their_organisation_locations(demo_db):
    services = Service.objects.filter(organisation__is_demo=True).prefetch_related("locations")
    for service in services:
        assert all(location.organisation_id == service.organisation_id for location in service.locations.all())
        if not service.in_person:
            assert not service.locations.exists()
    assert services.filter(locations__isnull=True, by_phone=True).exists()


def test_membership_history_matches_each_status(demo_db):
    for organisation in Organisation.objects.filter(is_demo=True).prefetch_related("status_changes"):
        changes = list(organisation.status_changes.all())
        assert changes[0].from_status == "" and changes[0].to_status == "applied"
        assert changes[-1].to_status == organisation.status
        assert all(a.to_status == b.from_status for a, b in zip(changes, changes[1:], strict=False))
        assert (organisation.joined_on is not None) == any(change.to_status == "approved" for change in changes)
        assert organisation.status_changed_at == changes[-1].changed_at


def test_opening_hours_and_verification_dates_vary(demo_db):
    hours = OpeningHours.objects.filter(location__organisation__is_demo=True)
    assert any(item.passes_midnight for item in hours)
    assert Location.objects.filter(organisation__is_demo=True, open_24_7=True).exists()
    split_days = {(item.location_id, item.weekday) for item in hours if item.opens.hour == 14}
    assert split_days
    assert Service.objects.filter(open_24_7=True, by_phone=True).exists()
    assert Service.objects.filter(status=Service.Status.PAUSED).exists()
    today = datetime.date.today()
    verified = list(Service.objects.values_list("last_verified_on", flat=True))
    assert all(today - datetime.timedelta(days=430) <= day <= today for day in verified)
    assert any(day < today - datetime.timedelta(days=183) for day in verified)


def test_confidential_locations_keep_the_address_on_the_server_only(demo_db):
    location = Location.objects.filter(address_visibility=Location.AddressVisibility.CONFIDENTIAL).first()
    assert location.street_address and location.latitude is not None
    assert location.public_address == {} and location.public_point is None


def test_a_sample_of_every_model_passes_full_clean(demo_db):
    for model in (
        Country,
        Helpline,
        City,
        Organisation,
        MembershipStatusChange,
        Location,
        OpeningHours,
        ServiceCategory,
        Population,
        Language,
        Service,
    ):
        sample = list(model.objects.order_by("pk")[:6]) + list(model.objects.order_by("-pk")[:6])
        assert sample, model
        for instance in sample:
            instance.full_clean()


def test_demo_admin_password_is_printed_once_and_never_changed(demo_db):
    first, second = demo_db["first_output"], demo_db["second_output"]
    match = re.search(
        r"Demo admin: user demo-admin, password (\S+) — log in at http://127\.0\.0\.1:8000/es/admin/", first
    )
    assert match
    password = match.group(1)
    assert password not in second
    assert "changepassword demo-admin" in second
    admin = get_user_model().objects.get(username="demo-admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.password == demo_db["password_after_first_run"]
    assert admin.check_password(password)


def test_loading_clears_the_cached_banner_answer(demo):
    assert demo["banner_cache_after_load"] == "cleared"


def test_pages_show_the_demo_banner_while_demo_data_is_loaded(demo_db, client):
    response = client.get("/es/")
    assert response.status_code == 200
    assert 'class="demo-banner"' in response.content.decode()


def test_no_banner_without_demo_data(demo_db, client):
    Service.objects.all().delete()
    Organisation.objects.filter(is_demo=True).delete()
    response = client.get("/es/")
    assert response.status_code == 200
    assert 'class="demo-banner"' not in response.content.decode()


def test_load_demo_refuses_a_production_site(settings):
    from django.core.management import CommandError, call_command

    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo")


@pytest.mark.django_db
def test_new_demo_accounts_are_announced_with_the_sites_own_address(settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    account = dataclasses.replace(DEMO_ACCOUNTS[0], username="demo-announcement-check")
    line = ensure_demo_account(account)
    assert line.endswith("log in at http://127.0.0.1:8123/es/admin/")


def test_demo_channels_are_valid_fictional_and_varied(demo_db):
    from services.models import ContactChannel

    channels = list(ContactChannel.objects.all())
    kinds = {channel.kind for channel in channels}
    assert {"whatsapp", "sms", "signal", "email"} <= kinds
    for channel in channels:
        channel.full_clean()
        if channel.address.startswith("+"):
            assert NANP_FICTIONAL.match(channel.address) or OTHER_FICTIONAL.match(channel.address), channel.address
        else:
            assert channel.address.rsplit("@", 1)[1] in EXAMPLE_DOMAINS


def test_a_demo_member_account_is_printed_once_and_signs_in_to_the_member_area(demo_db, client):
    from members.models import OrganisationMember

    first, second = demo_db["first_output"], demo_db["second_output"]
    match = re.search(
        r"Demo member \((.+)\): e-mail demo-member@example\.org, password (\S+) — sign in at "
        r"http://127\.0\.0\.1:8000/es/account/sign-in/",
        first,
    )
    assert match
    assert match.group(2) not in second
    member = OrganisationMember.objects.get(user__email="demo-member@example.org")
    assert member.organisation.is_demo and not member.user.is_staff
    assert member.organisation.countries.filter(code="CO").exists()
    response = client.post("/es/account/sign-in/", {"username": "demo-member@example.org", "password": match.group(2)})
    assert response.status_code == 302 and response["Location"] == "/es/account/"


def test_demo_services_say_what_it_takes_to_get_in_and_some_leave_it_unknown(demo_db, client):
    from services.models import Service

    public = Service.objects.public()
    for field, values in (
        ("documents_required", {None, "none", "id", "id,residence", "id,migration_status"}),
        ("appointment", {None, "walk_in", "appointment"}),
        ("interpretation", {None, True, False}),
    ):
        assert set(public.values_list(field, flat=True)) == values, field
    assert set(Location.objects.values_list("wheelchair_accessible", flat=True)) == {None, True, False}
    for name in ("no_documents", "no_referral", "walk_in", "wheelchair"):
        assert client.get("/api/v1/services/", {name: "true"}).json()["count"] > 0, name


def test_demo_shows_closures_and_shelter_places_as_a_caseworker_meets_them(demo_db, client):
    from services.models import Service

    public = Service.objects.public()
    closed_location = public.filter(locations__closed_from__lte=datetime.date.today()).first()
    closing_soon = public.filter(closed_from__gt=datetime.date.today()).first()
    assert closed_location is not None and closing_soon is not None
    page = client.get(f"/en/services/{closed_location.pk}/").content.decode()
    assert "Closed until" in page and "Closed for building work" in page
    page = client.get(f"/en/services/{closing_soon.pk}/").content.decode()
    assert "Closed from" in page and "Closed for the team" in page
    shelters = public.filter(categories__parent__slug="safe-shelter")
    assert set(shelters.values_list("capacity", flat=True)) == {"", "available", "full", "waiting_list"}
    assert not public.exclude(categories__parent__slug="safe-shelter").exclude(capacity="").exists()
    assert client.get("/api/v1/services/", {"places": "true"}).json()["count"] > 0
