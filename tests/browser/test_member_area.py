"""A member keeps her listing true in a browser: she signs in, edits a service or adds one, a coordinator approves
it in the admin, and the public pages show it; a shelter marks itself full, or closed for a while, and the search
shows it at once (issue 21)."""

import datetime
import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from members.models import OrganisationMember, ProposedChange
from tests.browser.conftest import log_in, screenshot, today_at
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
NEW_NAME = "Orientación jurídica renovada"
ADDED_NAME = "Refugio Amanecer"


@pytest.fixture
def member(directory, role_groups):
    user = UserFactory(username="marta@casa.example.org", email="marta@casa.example.org", password=PASSWORD)
    return OrganisationMember.objects.create(user=user, organisation=directory.organisation, language="es")


@pytest.mark.parametrize("language", ["es", "en"])
def test_member_edits_a_service_a_coordinator_approves_and_the_public_page_shows_it(
    page, new_context, directory, member, coordinator, language
):
    service = directory.legal_service
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"/{language}/account/sign-in/")
    assert page.context.cookies() == []  # no cookie before signing in
    page.locator("#id_username").fill(member.user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/account/$"))
    page.locator(f"a[href='/{language}/account/service/{service.pk}/']").click()
    expect(page.locator("#id_name_es")).to_have_value(str(service.name_es))
    name = page.locator(f"#id_name_{language}")  # the version the public page in this language shows
    expect(page.locator(".language-versions .missing").first).to_be_visible()
    name.fill(NEW_NAME)
    screenshot(page, f"member-area-edit-{language}")
    page.locator("form.listing-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/account/$"))
    expect(page.locator("[role=status]")).to_be_visible()
    assert ProposedChange.objects.pending().count() == 1

    visitor = new_context().new_page()
    visitor.goto(f"/{language}/services/{service.pk}/")
    expect(visitor.locator("h1")).not_to_have_text(NEW_NAME)

    staff = new_context().new_page()
    log_in(staff, language, coordinator)
    staff.goto(f"/{language}/admin/members/proposedchange/")
    staff.locator("#result_list tbody tr a").first.click()
    expect(staff.locator("#proposal-changes")).to_contain_text(NEW_NAME)
    staff.locator("input[name=_approve]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()

    visitor.goto(f"/{language}/services/{service.pk}/")
    expect(visitor.locator("h1")).to_contain_text(NEW_NAME)


def sign_in(page, language, member):
    page.goto(f"/{language}/account/sign-in/")
    page.locator("#id_username").fill(member.user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/account/$"))


@pytest.fixture
def shelter_member(directory, role_groups):
    user = UserFactory(username="ana@norte.example.org", email="ana@norte.example.org", password=PASSWORD)
    return OrganisationMember.objects.create(
        user=user, organisation=directory.shelter_service.organisation, language="es"
    )


SHELTER = "Shelter and psychological care"


def test_a_shelter_marks_itself_full_and_search_shows_it(page, new_context, directory, shelter_member):
    """On a phone: the shelter's member gives its places, then marks it full in one tap; a visitor's search shows
    it full at once and the "places available" filter leaves it out."""
    shelter = directory.shelter_service
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, "en", shelter_member)
    item = page.locator(f"#service-{shelter.pk}")
    item.get_by_role("link", name=re.compile("Give places")).click()
    page.get_by_role("button", name="Places available", exact=True).click()
    page.wait_for_url(re.compile(r"/en/account/$"))
    expect(item.locator(".places-now")).to_contain_text("Places available")

    visitor = new_context().new_page()
    visitor.goto("/en/search/?q=&places=on")
    expect(visitor.locator("article.result", has_text=SHELTER)).to_have_count(1)

    item.get_by_role("button", name="Full", exact=True).click()  # one tap, from the member's home
    page.wait_for_url(re.compile(r"/en/account/$"))
    expect(page.locator("[role=status]")).to_contain_text("updated")
    expect(item.locator(".places-now")).to_contain_text(re.compile(r"Full\s+updated \d+\s+(second|minute)s? ago"))
    screenshot(page, "member-places-full-en")

    visitor.goto("/en/search/?q=")
    card = visitor.locator("article.result", has_text=SHELTER)
    expect(card.locator(".badge-places-full")).to_have_text("Full")
    expect(card).to_contain_text(re.compile(r"updated \d+\s+(second|minute)s? ago"))
    visitor.goto("/en/search/?q=&places=on")
    expect(visitor.locator("article.result", has_text=SHELTER)).to_have_count(0)


def test_a_member_closes_her_service_for_a_while_and_search_says_closed_until(page, new_context, directory, member):
    """In Spanish, without JavaScript: a last day before the first is refused and what she typed stays; then the
    closure is saved and a visitor's search says "Cerrado hasta …" with her note; she ends it and it is gone."""
    service = directory.legal_service
    page.context.route("**/*.js", lambda route: route.abort())
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, "es", member)
    page.locator(f"#service-{service.pk}").get_by_role("link", name=re.compile("Marcar como cerrado")).click()
    today = today_at(service)
    page.locator("#id_closed_from").fill((today + datetime.timedelta(days=5)).isoformat())
    page.locator("#id_closed_until").fill(today.isoformat())
    page.locator("#id_closure_note_es").fill("Cerrado por vacaciones")
    page.get_by_role("button", name="Guardar el cierre").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".errorlist")).to_contain_text("anterior a su primer día")
    expect(page.locator("#id_closure_note_es")).to_have_value("Cerrado por vacaciones")
    screenshot(page, "member-closure-errors-es")
    page.locator("#id_closed_from").fill(today.isoformat())
    page.locator("#id_closed_until").fill((today + datetime.timedelta(days=10)).isoformat())
    page.get_by_role("button", name="Guardar el cierre").click()
    page.wait_for_url(re.compile(r"/es/account/$"))

    visitor = new_context().new_page()
    visitor.goto("/es/search/?q=")
    card = visitor.locator("article.result", has_text="Orientación jurídica gratuita")
    expect(card.locator(".notice-closure")).to_contain_text("Cerrado hasta")
    expect(card.locator(".notice-closure")).to_contain_text("Cerrado por vacaciones")

    page.locator(f"#service-{service.pk}").get_by_role("button", name=re.compile("Terminar el cierre")).click()
    page.wait_for_url(re.compile(r"/es/account/$"))
    visitor.goto("/es/search/?q=")
    expect(card.locator(".notice-closure")).to_have_count(0)


def test_member_adds_a_service_a_coordinator_approves_and_search_finds_it(
    page, new_context, directory, member, coordinator
):
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, "es", member)
    page.locator("a[href='/es/account/service/new/']").click()
    page.locator("#id_name_es").fill(ADDED_NAME)
    page.locator(f"input[name=categories][value='{directory.legal.pk}']").check()
    page.locator("form.listing-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/es/account/$"))
    expect(page.locator("main")).to_contain_text(ADDED_NAME)  # waiting for review

    visitor = new_context().new_page()
    visitor.goto("/es/search/?q=Amanecer")
    expect(visitor.locator("main")).not_to_contain_text(ADDED_NAME)

    staff = new_context().new_page()
    log_in(staff, "es", coordinator)
    staff.goto("/es/admin/members/proposedchange/")
    staff.locator("#result_list tbody tr a").first.click()
    expect(staff.locator("#proposal-changes")).to_contain_text(ADDED_NAME)
    staff.locator("input[name=_approve]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()

    visitor.goto("/es/search/?q=Amanecer")
    expect(visitor.locator("main")).to_contain_text(ADDED_NAME)


def test_member_corrects_her_waiting_addition_then_withdraws_it_without_javascript(
    new_context, directory, member, coordinator
):
    page = new_context(java_script_enabled=False).new_page()
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, "es", member)
    page.locator("a[href='/es/account/service/new/']").click()
    page.locator("#id_name_es").fill("Refugio Amanecr")  # a typo she notices once it is sent
    page.locator(f"input[name=categories][value='{directory.legal.pk}']").check()
    page.locator("form.listing-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/es/account/$"))
    proposal = ProposedChange.objects.pending().get()

    page.locator(f"a[href='/es/account/proposal/{proposal.pk}/']").click()
    expect(page.locator("#id_name_es")).to_have_value("Refugio Amanecr")
    expect(page.locator(f"input[name=categories][value='{directory.legal.pk}']")).to_be_checked()
    page.locator("#id_name_es").fill(ADDED_NAME)
    page.locator("form.listing-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/es/account/$"))
    expect(page.locator("main")).to_contain_text(ADDED_NAME)

    staff = new_context().new_page()
    log_in(staff, "es", coordinator)
    staff.goto(f"/es/admin/members/proposedchange/{proposal.pk}/change/")
    expect(staff.locator("#proposal-changes")).to_contain_text(ADDED_NAME)
    expect(staff.locator("#proposal-history li")).to_have_count(2)

    page.locator(f"a[href='/es/account/proposal/{proposal.pk}/withdraw/']").click()
    expect(page.locator("main table")).to_contain_text(ADDED_NAME)
    screenshot(page, "member-area-withdraw")
    page.locator("form.withdraw-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/es/account/$"))
    expect(page.locator(f"a[href='/es/account/proposal/{proposal.pk}/withdraw/']")).to_have_count(0)
    proposal.refresh_from_db()
    assert proposal.status == ProposedChange.Status.WITHDRAWN
    staff.reload()
    expect(staff.locator("input[name=_approve]")).to_have_count(0)


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_no_axe_violation_in_the_member_area(page, directory, member, language):
    from tests.browser.test_accessibility import axe_violations

    found = {}
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"/{language}/account/sign-in/")
    page.locator("form[method=post] button[type=submit]").click()  # empty: the errors
    page.wait_for_load_state()
    found["sign-in with errors"] = axe_violations(page)[0]
    page.locator("#id_username").fill(member.user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/account/$"))
    location = directory.legal_service.locations.first()
    from members import services as membership
    from services.models import Service

    addition = membership.proposal_add(
        organisation=directory.organisation, model=Service,
        values={"name_es": ADDED_NAME, "categories": [directory.legal.pk]}, by=member.user,
    )  # fmt: skip
    for name, url in [
        ("change a waiting addition", f"/{language}/account/proposal/{addition.pk}/"),
        ("withdraw a waiting addition", f"/{language}/account/proposal/{addition.pk}/withdraw/"),
        ("home", f"/{language}/account/"),
        ("organisation", f"/{language}/account/organisation/"),
        ("location", f"/{language}/account/location/{location.pk}/"),
        ("service", f"/{language}/account/service/{directory.legal_service.pk}/"),
        ("add a location", f"/{language}/account/location/new/"),
        ("add a service", f"/{language}/account/service/new/"),
        ("remove a service", f"/{language}/account/service/{directory.legal_service.pk}/remove/"),
        ("two-step", f"/{language}/account/two-step/"),
        ("password change", f"/{language}/account/password/change/"),
        ("closure", f"/{language}/account/service/{directory.legal_service.pk}/closure/"),
        ("location closure", f"/{language}/account/location/{location.pk}/closure/"),
        ("places", f"/{language}/account/service/{directory.legal_service.pk}/places/"),
        ("password reset", f"/{language}/account/password/"),
    ]:
        page.goto(url)
        found[name] = axe_violations(page)[0]
    TOTPDevice.objects.create(user=member.user, name="app", confirmed=True)
    page.goto(f"/{language}/account/two-step/")
    page.locator("form[method=post] button[type=submit]").last.click()  # turning it off, empty: the errors
    page.wait_for_load_state()
    found["two-step off with errors"] = axe_violations(page)[0]
    # The closure form with its errors, then the home with a closure and places to change.
    page.goto(f"/{language}/account/service/{directory.legal_service.pk}/closure/")
    page.locator("#id_closed_from").fill("2020-01-02")
    page.locator("#id_closed_until").fill("2020-01-01")
    page.locator("form.listing-form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    found["closure with errors"] = axe_violations(page)[0]
    today = today_at(directory.legal_service)
    page.locator("#id_closed_from").fill(today.isoformat())
    page.locator("#id_closed_until").fill((today + datetime.timedelta(days=3)).isoformat())
    page.locator("form.listing-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/account/$"))
    page.goto(f"/{language}/account/service/{directory.legal_service.pk}/places/")
    page.locator("form.places-form button[value=full]").click()
    page.wait_for_url(re.compile(rf"/{language}/account/$"))
    expect(page.locator(".places-form")).to_have_count(1)
    found["home with a closure and places"] = axe_violations(page)[0]
    assert {name: lines for name, lines in found.items() if lines} == {}
