"""Property-based tests: whatever a client sends to the search page, the API or a public form, the site answers
without a server error, and a request it refuses changes no row in the database."""

import time
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core import signing
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from members import services as member_services
from members.forms import STARTED_SALT, LocationFormSet, OrganisationApplicationForm
from services.filters import ServiceFilter
from services.forms import ServiceFormSet, SuggestUpdateForm
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Any text a browser or a script could send, NUL and lone surrogates' neighbours included.
TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)
NUMBERISH = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "0", "-1", "1e309", "NaN", "inf", "4,61", " 4.6", "0x10", "１２"]),
)
SEARCH_KEYS = sorted(
    {*ServiceFilter.base_filters, "q", "near", "lat", "lon", "radius", "page", "near_me", "sort", "s", "lang"}
)
# Rows a refused form may still touch: the per-client counter counts attempts, by design.
COUNTED_ANYWAY = {"members.submissionthrottle"}


def params(keys: list[str]):
    key = st.one_of(st.sampled_from(keys), TEXT.filter(bool))
    value = st.one_of(TEXT, NUMBERISH)
    return st.lists(st.tuples(key, value), max_size=12)


def row_counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label_lower not in COUNTED_ANYWAY
    }


def started(seconds_ago: float = 600) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


@pytest.fixture
def directory():
    public = data.public_listing()
    data.confidential_listing(organisation=public.organisation)
    return public


def _form_keys(form_class, prefix="") -> list[str]:
    return [f"{prefix}{name}" for name in form_class.base_fields]


def join_keys() -> list[str]:
    keys = _form_keys(OrganisationApplicationForm)
    for formset, prefix in ((LocationFormSet, "locations"), (ServiceFormSet, "services")):
        keys += [f"{prefix}-{name}" for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")]
        keys += _form_keys(formset.form, f"{prefix}-0-")
    return sorted(set(keys))


@BOUNDED
@given(query=params(SEARCH_KEYS))
def test_search_never_fails_and_changes_nothing(client, directory, query):
    before = row_counts()
    response = client.get(reverse("services:search") + "?" + urlencode(query))
    assert response.status_code in (200, 400, 404)
    assert row_counts() == before


@BOUNDED
@given(query=params(["country", "page", "s", "q"]), path=st.sampled_from(["home", "country", "list"]))
def test_other_public_pages_take_any_query(client, directory, query, path):
    url = {
        "home": reverse("services:home"),
        "country": reverse("services:country-detail", args=["CO"]),
        "list": reverse("services:referral-list"),
    }[path]
    response = client.get(url + "?" + urlencode(query))
    assert response.status_code in (200, 400, 404)


@BOUNDED
@given(query=params(SEARCH_KEYS), endpoint=st.sampled_from(["service-list", "organisation-list", "category-list"]))
def test_api_never_fails_and_changes_nothing(client, directory, query, endpoint):
    url = reverse(f"api:{endpoint}")
    before = row_counts()
    response = client.get(url + "?" + urlencode(query))
    assert response.status_code in (200, 400, 404)
    assert row_counts() == before


def post(client, url, form):
    """A form body as a browser encodes it, repeated and unknown fields included."""
    return client.post(url, data=urlencode(form), content_type="application/x-www-form-urlencoded")


def assert_refused_changes_nothing(response, before):
    assert response.status_code < 500
    if response.status_code >= 400:
        assert row_counts() == before


@BOUNDED
@given(form=params(join_keys()), signed=st.booleans())
def test_join_form_takes_any_data(client, directory, form, signed):
    if signed:
        form = [*form, ("started", started())]
    before = row_counts()
    response = post(client, reverse("services:join"), form)
    assert_refused_changes_nothing(response, before)
    assert response.status_code in (302, 400)


@BOUNDED
@given(form=params(_form_keys(SuggestUpdateForm)), signed=st.booleans(), target=st.sampled_from(["s", "o", "x"]))
def test_report_form_takes_any_data(client, directory, form, signed, target):
    if signed:
        form = [*form, ("started", started())]
    query = {"s": f"?service={directory.pk}", "o": f"?organisation={directory.organisation.pk}", "x": "?service=x"}
    before = row_counts()
    response = post(client, reverse("services:report-listing") + query[target], form)
    assert_refused_changes_nothing(response, before)
    if response.status_code == 302:
        assert row_counts()["services.correctionrequest"] == before["services.correctionrequest"] + 1


@BOUNDED
@given(form=params(["action", "message"]), valid_token=st.booleans(), token=TEXT.filter(lambda text: "/" not in text))
def test_verification_form_takes_any_data(client, directory, form, valid_token, token):
    organisation = directory.organisation
    if valid_token:
        token = member_services.verification_token(organisation)
    url = f"/es/verify/{token}/" if token else reverse("services:verify", args=["-"])
    confirming = ("action", "confirm") in form
    verified_before = type(organisation).objects.get(pk=organisation.pk).last_verified_on
    before = row_counts()
    response = post(client, url, form)
    assert_refused_changes_nothing(response, before)
    if response.status_code >= 400 or not confirming:
        assert type(organisation).objects.get(pk=organisation.pk).last_verified_on == verified_before
