"""Public pages of onboarding: join the network, suggest an update to a listing, confirm a listing by its signed link.

They are the only anonymous pages with a form, and they set no cookie and use no session (``cookieless_form``).
They live in the services app because each of them reads or writes services as well as members (``members``
never imports ``services``); the membership side of each is a function in ``members/services.py``.
"""

import dataclasses
import datetime
import functools
import ipaddress
from functools import wraps
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from members import services as membership
from members.forms import (
    STARTED_MAX_AGE,
    ApplicationUpdateForm,
    LocationFormSet,
    LocationUpdateFormSet,
    OrganisationApplicationForm,
    filled_forms,
    submission_limit,
    validate_locations_in_countries,
)
from members.models import Organisation
from services.forms import ListingCorrectionForm, ServiceFormSet, ServiceUpdateFormSet, SuggestUpdateForm
from services.models import CorrectionRequest, Service
from services.services import (
    ServiceInput,
    application_revise,
    application_service_values,
    application_submit,
    correction_request_create,
)

THROTTLE_WINDOW = datetime.timedelta(hours=1)
VERIFICATION_CORRECTION = "verification-correction"
# As long as a form's token is accepted at all (members.forms.STARTED_MAX_AGE): a spent one is never accepted again.
FORM_TOKEN_KEPT = datetime.timedelta(seconds=STARTED_MAX_AGE)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def sent_from_this_site(request) -> bool:
    """The browser's own word on where a form was sent from: ``Sec-Fetch-Site`` (every current browser), else
    ``Origin``. A browser that sends neither (an old one, or a script that can also read the page) is let through:
    the signed, single-use form token still has to be right."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    trusted = {_origin(request.build_absolute_uri("/")), *map(_origin, settings.CSRF_TRUSTED_ORIGINS)}
    return origin.lower() in trusted


def cookieless_form(view):
    """A public form that works without any cookie. Django's CSRF check needs a cookie, which would follow a
    survivor from page to page; in its place, the post must come from this site, and the form's token (signed,
    single-use) or the link's (the verification page) must be right."""

    @csrf_exempt
    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and not sent_from_this_site(request):
            raise PermissionDenied(_("This form can only be sent from this site's own page."))
        return view(request, *args, **kwargs)

    return checked


@functools.cache
def _proxy_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def from_trusted_proxy(request) -> bool:
    """Whether the request reached us through one of ``TRUSTED_PROXIES``: only then is X-Forwarded-For believed.
    Anyone who reaches the app server directly could write any address there."""
    try:
        peer = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(peer in network for network in _proxy_networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()))))


def client_ip(request) -> str:
    """The client's address as the limits and the login lockout count it (an IPv6 address by its /64). Behind
    ``TRUSTED_PROXY_COUNT`` reverse proxies, and only for requests that come from one of them, it is read from
    X-Forwarded-For, that many hops from the right."""
    address = request.META.get("REMOTE_ADDR", "")
    hops = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if hops and from_trusted_proxy(request):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            address = forwarded[-hops]
    return membership.client_network(address)


def _throttled(request, scope: str) -> bool:
    return not membership.submission_allowed(
        scope=scope, ip_address=client_ip(request), limit=submission_limit(scope), window=THROTTLE_WINDOW
    )


def _too_many() -> str:
    return _("Too many forms were sent from your connection. Please try again in an hour.")


def _already_sent() -> str:
    return _("This form was already sent. To send another one, check your answers and send it again.")


def _refused(request, form) -> str | None:
    """Why an otherwise valid public form is not accepted, or None: its token was spent (each form shown is sent
    once), or its connection sent too many."""
    if not membership.token_spend(token=form.token, purpose="form", keep_for=FORM_TOKEN_KEPT):
        return _already_sent()
    if _throttled(request, form.throttle_scope):
        return _too_many()
    return None


@cookieless_form
@require_http_methods(["GET", "POST"])
def join(request):
    if request.method == "POST":
        organisation_form = OrganisationApplicationForm(request.POST)
        organisation_valid = organisation_form.is_valid()
        countries = list(organisation_form.cleaned_data.get("countries") or [])
        locations = LocationFormSet(request.POST, prefix="locations")
        service_forms = ServiceFormSet(request.POST, prefix="services", form_kwargs={"countries": countries})
        if locations.is_valid():
            validate_locations_in_countries(countries, locations)
        if organisation_valid and locations.is_valid() and service_forms.is_valid():
            refusal = _refused(request, organisation_form)
            if refusal:
                organisation_form.add_error(None, refusal)
            else:
                try:
                    _apply(organisation_form.cleaned_data, locations, service_forms)
                except ValidationError as error:
                    organisation_form.add_error(None, error)
                else:
                    return redirect("services:join-done")
        organisation_form.renew_token()
    else:
        organisation_form = OrganisationApplicationForm()
        locations = LocationFormSet(prefix="locations")
        service_forms = ServiceFormSet(prefix="services")
    return render(
        request,
        "members/organisation_join.html",
        {
            "form": organisation_form,
            "locations": locations,
            "services": service_forms,
            "error_summary": join_error_summary(organisation_form, locations, service_forms),
        },
        status=400 if request.method == "POST" else 200,
    )


def _anchor(form, name: str) -> str:
    """The id of the field an error is about, for a link to it: a group of checkboxes or radios by its first."""
    if name == NON_FIELD_ERRORS or name not in form.fields or form.fields[name].widget.is_hidden:
        return ""
    bound = form[name]
    if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bound.auto_id}_0"
    return bound.auto_id


def _errors_of(form, part: str = "", fields=None) -> list[dict]:
    names = [name for name in (fields or [NON_FIELD_ERRORS, *form.fields]) if name in form.errors]
    return [
        {"anchor": _anchor(form, name), "part": part, "message": message}
        for name in names
        for message in form.errors[name]
    ]


def join_error_summary(organisation_form, locations, service_forms) -> list[dict]:
    """Every error of a join form that was not accepted, in the order of the page, each with the id of its field
    (the GOV.UK error summary: a list of links at the top)."""
    if not organisation_form.is_bound:
        return []
    names = [NON_FIELD_ERRORS, *organisation_form.fields]
    contact = names.index("contact_name")
    summary = _errors_of(organisation_form, fields=names[:contact])
    summary += [{"anchor": "", "part": "", "message": message} for message in locations.non_form_errors()]
    for number, form in enumerate(locations.forms, start=1):
        summary += _errors_of(form, _("Service point %(number)s") % {"number": number})
    summary += [{"anchor": "", "part": "", "message": message} for message in service_forms.non_form_errors()]
    for number, form in enumerate(service_forms.forms, start=1):
        summary += _errors_of(form, _("Service %(number)s") % {"number": number})
    return summary + _errors_of(organisation_form, fields=names[contact:])


def _location_input(item: dict | None) -> membership.LocationInput | None:
    """A service point form's cleaned data as the membership functions take it (None stays None: removed)."""
    if item is None:
        return None
    return membership.LocationInput(
        **{field.name: item[field.name] for field in dataclasses.fields(membership.LocationInput)}
    )


def _service_input(item: dict | None) -> ServiceInput | None:
    """A service form's cleaned data as the services functions take it (None stays None: removed)."""
    if item is None:
        return None
    names = (field.name for field in dataclasses.fields(ServiceInput))
    return ServiceInput(**{name: item[name] for name in names})


def _apply(data: dict, locations, service_forms) -> Organisation:
    return application_submit(
        name=data["name"],
        acronym=data["acronym"],
        kind=data["kind"],
        description=data["description"],
        website=data["website"],
        public_email=data["public_email"],
        public_phone=data["public_phone"],
        countries=list(data["countries"]),
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        contact_phone=data["contact_phone"],
        language=translation.get_language(),
        locations=[_location_input(item) for item in filled_forms(locations) if item is not None],
        services=[_service_input(item) for item in filled_forms(service_forms) if item is not None],
    )


@cookieless_form
@require_http_methods(["GET", "POST"])
def join_update(request, token: str):
    """The page a "changes needed" e-mail links to: the applicant updates everything her application holds (its
    own fields, its service points and its services), as often as she is asked, while it waits for her changes."""
    invalid = "members/organisation_verify_invalid.html"
    try:
        organisation = membership.organisation_from_application_update_token(token)
    except signing.SignatureExpired:
        return render(request, invalid, {"expired": True, "update": True}, status=410)
    except signing.BadSignature:
        return render(request, invalid, {"expired": False, "update": True}, status=404)
    countries = list(organisation.countries.all())
    if request.method == "POST":
        form = ApplicationUpdateForm(request.POST, countries=countries)
        locations = LocationUpdateFormSet(
            request.POST, prefix="locations", initial=membership.application_location_values(organisation)
        )
        service_forms = ServiceUpdateFormSet(
            request.POST,
            prefix="services",
            initial=application_service_values(organisation),
            form_kwargs={"countries": countries},
        )
        if locations.is_valid():
            validate_locations_in_countries(countries, locations)
        if form.is_valid() and locations.is_valid() and service_forms.is_valid():
            values = {name: form.cleaned_data[name] for name in membership.APPLICATION_UPDATE_FIELDS}
            try:
                application_revise(
                    organisation=organisation,
                    values=values,
                    locations=[_location_input(item) for item in filled_forms(locations)],
                    services=[_service_input(item) for item in filled_forms(service_forms)],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return render(request, "members/organisation_update_done.html", {"organisation": organisation})
    else:
        form = ApplicationUpdateForm(initial=membership.application_values(organisation), countries=countries)
        locations = LocationUpdateFormSet(
            prefix="locations", initial=membership.application_location_values(organisation)
        )
        service_forms = ServiceUpdateFormSet(
            prefix="services", initial=application_service_values(organisation), form_kwargs={"countries": countries}
        )
    return render(
        request,
        "members/organisation_update.html",
        {
            "form": form,
            "organisation": organisation,
            "countries": countries,
            "locations": locations,
            "services": service_forms,
            "error_summary": join_error_summary(form, locations, service_forms),
        },
        status=400 if request.method == "POST" else 200,
    )


def join_done(request):
    return render(request, "members/organisation_join_done.html")


def _reported_listing(request):
    """The public listing the report is about, from ``?service=<pk>`` or ``?organisation=<pk>``."""
    try:
        if request.GET.get("service"):
            service = Service.objects.public().select_related("organisation").get(pk=int(request.GET["service"]))
            return service.organisation, service
        if request.GET.get("organisation"):
            return Organisation.objects.public().get(pk=int(request.GET["organisation"])), None
    except (ValueError, Service.DoesNotExist, Organisation.DoesNotExist) as error:
        raise Http404(_("This listing does not exist.")) from error
    raise Http404(_("Say which listing is wrong."))


@cookieless_form
@require_http_methods(["GET", "POST"])
def report_listing(request):
    organisation, service = _reported_listing(request)
    if request.method == "POST":
        form = SuggestUpdateForm(request.POST)
        if form.is_valid():
            refusal = _refused(request, form)
            if refusal:
                form.add_error(None, refusal)
            else:
                correction_request_create(
                    organisation=organisation,
                    service=service,
                    kind=form.cleaned_data["kind"],
                    message=form.cleaned_data["message"],
                    reporter_email=form.cleaned_data["reporter_email"],
                )
                return redirect("services:report-listing-done")
        form.renew_token()
    else:
        form = SuggestUpdateForm()
    return render(
        request,
        "services/correctionrequest_form.html",
        {
            "form": form,
            "organisation": organisation,
            "service": service,
            "error_summary": _errors_of(form, fields=[NON_FIELD_ERRORS, "kind", "message", "reporter_email"]),
        },
        status=400 if request.method == "POST" else 200,
    )


def report_listing_done(request):
    return render(request, "services/correctionrequest_done.html")


@cookieless_form
@require_http_methods(["GET", "POST"])
def verify_listing(request, token: str):
    """The page a verification reminder links to: the member's contact confirms or corrects her listing."""
    try:
        organisation = membership.organisation_from_verification_token(token)
    except signing.SignatureExpired:
        return render(request, "members/organisation_verify_invalid.html", {"expired": True}, status=410)
    except signing.BadSignature:
        return render(request, "members/organisation_verify_invalid.html", {"expired": False}, status=404)
    if organisation.status not in (Organisation.Status.APPROVED, Organisation.Status.SUSPENDED):
        return render(request, "members/organisation_verify_invalid.html", {"expired": False}, status=404)

    correction_form = ListingCorrectionForm()
    done = None
    # A link sends one correction: a leaked or forwarded link cannot fill the staff's queue.
    corrected = membership.token_spent(token=token, purpose=VERIFICATION_CORRECTION)
    if request.method == "POST":
        if request.POST.get("action") == "confirm":
            membership.listing_mark_verified(organisation=organisation, by=None)
            done = "confirmed"
        elif not corrected:
            correction_form = ListingCorrectionForm(request.POST)
            if correction_form.is_valid():
                with transaction.atomic():
                    if membership.token_spend(
                        token=token, purpose=VERIFICATION_CORRECTION, keep_for=membership.verification_max_age()
                    ):
                        correction_request_create(
                            organisation=organisation,
                            message=correction_form.cleaned_data["message"],
                            reporter_email=organisation.contact_email,
                            source=CorrectionRequest.Source.VERIFICATION,
                        )
                        done = "corrected"
                    else:
                        corrected = True
    return render(
        request,
        "members/organisation_verify.html",
        {
            "organisation": organisation,
            "locations": organisation.locations.select_related("city__country"),
            "listed_services": organisation.services.filter(status="active"),
            "correction_form": correction_form,
            "done": done,
            "corrected": corrected,
        },
        status=400 if request.method == "POST" and done is None else 200,
    )
