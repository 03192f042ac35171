# ruff: noqa: F811  (the member area's fixtures, imported below, are the tests' arguments)
"""What pages keep of their markup per process (``{% keep %}``, ``services.card_cache``) never carries one request's
page into another: each kept fragment differs by language and by the values it is kept under, an edit of the
reference data shows at once, and a fragment made from data read before an edit is never kept as the edit's."""

import pytest
from django.test import Client

from members.models import Helpline
from services import cache as directory_cache
from tests.factories import ServiceCategoryFactory
from tests.services.test_member_area import PASSWORD, listing, member, sign_in  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def numbers(colombia, ecuador):
    """An emergency number in each country."""
    return (
        Helpline.objects.create(country=colombia, kind=Helpline.Kind.EMERGENCY, phone="+57123"),
        Helpline.objects.create(country=ecuador, kind=Helpline.Kind.EMERGENCY, phone="+593911"),
    )


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_page_and_the_strip_differ_by_country_and_language(client, numbers):
    colombia, ecuador = page(client, "/en/?country=CO"), page(client, "/en/?country=EC")
    assert "+57123" in colombia.replace(" ", "") and "+593911" not in colombia.replace(" ", "")
    assert "+593911" in ecuador.replace(" ", "") and "+57123" not in ecuador.replace(" ", "")
    assert page(client, "/en/?country=CO") == colombia
    spanish = page(client, "/es/?country=CO")
    assert 'lang="es"' in spanish and "Buscar" in spanish and "Search near this place" not in spanish
    search = page(client, "/en/search/?country=EC")
    assert "+593911" in search.replace(" ", "") and "+57123" not in search.replace(" ", "")


def test_an_edit_of_an_emergency_number_or_a_category_shows_at_once(client, numbers):
    ServiceCategoryFactory()
    assert "+57123" in page(client, "/en/?country=CO").replace(" ", "")
    assert "Legal aid" in page(client, "/en/search/?category=legal-aid")
    line = numbers[0]
    line.phone = "+57155"
    line.save()
    home = page(client, "/en/?country=CO").replace(" ", "")
    assert "+57155" in home and "+57123" not in home
    category = directory_cache.categories()[0]
    category.name_en = "Lawyers for free"
    category.save()
    search = page(client, "/en/search/?category=legal-aid")
    assert "Lawyers for free" in search and "Legal aid" not in search


def test_a_members_page_and_an_anonymous_one_share_only_what_is_the_same_for_both(client, numbers, member):
    """The header, footer and strip a member's page keeps hold nothing of her: an anonymous page made after it is
    the page made before it, with no form token and no cookie."""
    before = page(client, "/en/?country=CO")
    member.user.set_password(PASSWORD)
    member.user.save()
    signed_in = Client()
    assert sign_in(signed_in, member.user.email).status_code == 302
    assert "csrfmiddlewaretoken" in page(signed_in, "/en/account/organisation/")
    assert page(signed_in, "/en/?country=CO")
    anonymous = Client()
    after = page(anonymous, "/en/?country=CO")
    assert after == before
    assert "csrfmiddlewaretoken" not in after and "marta@" not in after and not anonymous.cookies


def test_a_fragment_made_from_data_read_before_an_edit_is_not_kept_as_the_edits(client, numbers, monkeypatch):
    """A page reads its country (the cached instance, with its lines) before its template; an edit saved between the
    two makes a new version. What that page renders from the older rows must not be kept under the new version,
    or every later page would show the old number until the next edit."""
    from services import views

    chosen = views.chosen_country

    def edited_after_the_read(request):
        country = chosen(request)
        line = Helpline.objects.get(phone="+57123")
        line.phone = "+57155"
        line.save()  # an edit lands while this page is being made
        monkeypatch.setattr(views, "chosen_country", chosen)
        return country

    monkeypatch.setattr(views, "chosen_country", edited_after_the_read)
    page(client, "/en/?country=CO")  # made from the rows read before the edit
    later = page(client, "/en/?country=CO").replace(" ", "")
    assert "+57155" in later and "+57123" not in later


@pytest.mark.parametrize("edit", ["number", "category", "channel"])
def test_an_edit_of_reference_data_makes_a_new_version_again_once_committed(
    numbers, edit, django_capture_on_commit_callbacks
):
    """With the cache outside the database (redis://), the version an edit makes is seen before its transaction
    commits: a page made in between reads the new version and the old rows, and keeps them. The version changes
    again when the edit is committed, as a listing's edit does (``forget_kept_listings``)."""
    from services.models import ContactChannel
    from tests.services import directory_data as data

    service = data.public_listing() if edit == "channel" else None
    with django_capture_on_commit_callbacks(execute=True):
        if edit == "number":
            line = numbers[0]
            line.phone = "+57155"
            line.save()
        elif edit == "category":
            ServiceCategoryFactory(slug="shelter", name_en="Shelter")
        else:
            ContactChannel.objects.create(service=service, kind="whatsapp", address="+573001112233")
        during = directory_cache.version()
    assert directory_cache.version() != during
