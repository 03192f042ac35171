"""Public forms of membership: the organisation and its service points in the join form, and the protection every
public form shares (a honeypot, a signed, single-use "form shown at" token, a limit per client).

They work without JavaScript: the join form is an organisation form and two fixed-size formsets (service points
here, services in ``services/forms.py``). Every field has a size limit; there are no file uploads.
"""

import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from members.models import City, Country, Location, Organisation
from members.validators import normalise_phone, validate_web_url

STARTED_SALT = "members.form-started"
STARTED_MAX_AGE = 24 * 60 * 60  # a form left open for a day is sent again with a fresh token


# The largest id a database stores (a 64-bit integer): SQLite fails on a larger number instead of finding nothing.
LARGEST_ID = 2**63 - 1


def _outside_ids(values) -> list:
    """The values that are whole numbers no database id can be (a form checks the rest itself)."""
    outside = []
    for value in values:
        try:
            number = int(str(value).strip())
        except ValueError:
            continue
        if abs(number) > LARGEST_ID:
            outside.append(value)
    return outside


class IdChoiceField(forms.ModelChoiceField):
    """A choice of a row by id that refuses an impossible id as an unknown choice."""

    def to_python(self, value):
        if value not in self.empty_values and _outside_ids([value]):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Choices of rows by id that refuse an impossible id as an unknown choice."""

    def _check_values(self, value):
        for pk in _outside_ids(value):
            raise ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk})
        return super()._check_values(value)


def form_started_token() -> str:
    """The signed "form shown at" time, with a random part: each form shown gets its own token, spent when the form
    is accepted (``members.services.token_spend``)."""
    return signing.dumps({"t": time.time(), "n": secrets.token_urlsafe(6)}, salt=STARTED_SALT)


def _started_at(value) -> float:
    return float(value["t"] if isinstance(value, dict) else value)


class AbuseProtectedForm(forms.Form):
    """A honeypot field people never see and a signed, single-use "form shown at" token: no session, no cookie."""

    min_fill_seconds = 3

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = form_started_token()
        if self.is_bound:
            # A missing, altered or day-old token is replaced, so the next "send" works; the input is kept.
            try:
                signing.loads(self.data.get(self.add_prefix("started"), ""), salt=STARTED_SALT, max_age=STARTED_MAX_AGE)
            except signing.BadSignature:
                self.started_was_invalid = True
                self.data = self.data.copy()
                self.data[self.add_prefix("started")] = self.fields["started"].initial

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise ValidationError(_("This form could not be sent. Leave the last field empty."), code="honeypot")
        return ""

    started_was_invalid = False

    def clean_started(self):
        if self.started_was_invalid:
            raise ValidationError(_("This form has expired. Check your answers and send it again."), code="expired")
        try:
            started = signing.loads(self.cleaned_data["started"], salt=STARTED_SALT, max_age=STARTED_MAX_AGE)
        except signing.BadSignature as error:
            raise ValidationError(
                _("This form has expired. Check your answers and send it again."), code="expired"
            ) from error
        try:
            shown_at = _started_at(started)
        except (KeyError, TypeError, ValueError) as error:
            raise ValidationError(
                _("This form has expired. Check your answers and send it again."), code="expired"
            ) from error
        if time.time() - shown_at < self.min_fill_seconds:
            raise ValidationError(
                _("This form was sent too quickly. Check your answers and send it again."), code="too_fast"
            )
        return started

    @property
    def abuse_errors(self):
        return [*self.errors.get("homepage", []), *self.errors.get("started", [])]

    @property
    def token(self) -> str:
        """The token this form was sent with."""
        return str(self.data.get(self.add_prefix("started"), ""))

    def renew_token(self) -> None:
        """Show the form again with a new token: the one it was sent with may be spent."""
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = form_started_token()


def form_phone(value: str, countries) -> str:
    """E.164; a number without + is read in the first of ``countries``."""
    if not value:
        return ""
    region = countries[0].code if countries else None
    return normalise_phone(value, region)


class OrganisationApplicationForm(AbuseProtectedForm):
    min_fill_seconds = 5
    throttle_scope = "join"

    name = forms.CharField(label=_("Name of the organisation or practitioner"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Organisation.Kind.choices)
    description = forms.CharField(
        label=_("What you do"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Public: a few sentences for survivors and the people who refer them."),
    )
    website = forms.URLField(
        label=_("Website"),
        max_length=200,
        required=False,
        validators=[validate_web_url],
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address starting with http:// or https://.")},
    )
    public_email = forms.EmailField(label=_("Public e-mail"), max_length=254, required=False)
    public_phone = forms.CharField(
        label=_("Public phone"),
        max_length=30,
        required=False,
        help_text=_("With its country code, for example +57 601 555 0100."),
    )
    countries = IdMultipleChoiceField(
        label=_("Countries you work in"),
        # In the order of their groups on the page, so that the first box (an error's link) is the first shown.
        queryset=Country.objects.order_by("region", "name"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one country.")},
    )
    contact_name = forms.CharField(
        label=_("Contact person"), max_length=150, help_text=_("Private: only the network's staff see it.")
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail"), max_length=254, help_text=_("Private: we write to you at this address.")
    )
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=30, required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree to the network's terms: the information marked public is shown on the directory, and the network "
            "may contact me about this application."
        ),
        error_messages={"required": _("Tick the box to agree to the network's terms.")},
    )

    field_order = [
        "name",
        "acronym",
        "kind",
        "description",
        "website",
        "public_email",
        "public_phone",
        "countries",
        "contact_name",
        "contact_email",
        "contact_phone",
        "consent",
        "homepage",
        "started",
    ]

    def country_groups(self) -> list[tuple]:
        """The country choices by region (``(region's name, its boxes)``): 19 boxes in one column were two phone
        screens with nothing to find one's own country by."""
        names = dict(Country.Region.choices)
        groups = {}
        for option in self["countries"].subwidgets:
            groups.setdefault(option.data["value"].instance.region, []).append(option)
        return [(names.get(region, region), options) for region, options in groups.items()]

    def clean(self):
        cleaned = super().clean()
        countries = list(cleaned.get("countries") or [])
        for name in ("public_phone", "contact_phone"):
            if cleaned.get(name):
                try:
                    cleaned[name] = form_phone(cleaned[name], countries)
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned


class ApplicationUpdateForm(forms.Form):
    """The application's own fields, changed by the applicant through the link of a "changes needed" e-mail."""

    _asked = OrganisationApplicationForm.base_fields
    name = _asked["name"]
    acronym = _asked["acronym"]
    description = _asked["description"]
    website = _asked["website"]
    public_email = _asked["public_email"]
    public_phone = _asked["public_phone"]
    contact_name = _asked["contact_name"]
    contact_email = _asked["contact_email"]
    contact_phone = _asked["contact_phone"]
    del _asked
    note = forms.CharField(
        label=_("A note for the coordinator (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example what you changed, or an answer to a question in the e-mail."),
    )

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.countries = list(countries)

    def clean(self):
        cleaned = super().clean()
        for name in ("public_phone", "contact_phone"):
            if cleaned.get(name):
                try:
                    cleaned[name] = form_phone(cleaned[name], self.countries)
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned


class LocationApplicationForm(forms.Form):
    name = forms.CharField(label=_("Name of the service point"), max_length=200)
    city = IdChoiceField(
        label=_("City"), queryset=City.objects.listed().select_related("country"), required=False, empty_label="—"
    )
    new_city_name = forms.CharField(
        label=_("Or, if your city is not in the list, its name"), max_length=100, required=False
    )
    new_city_country = IdChoiceField(
        label=_("Country of that city"), queryset=Country.objects.all(), required=False, empty_label="—"
    )
    address_visibility = forms.ChoiceField(
        label=_("Who may see the address"),
        choices=Location.AddressVisibility.choices,
        initial=Location.AddressVisibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    street_address = forms.CharField(label=_("Street address"), max_length=255, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        grouped: dict[str, list] = {}
        for city in City.objects.listed().select_related("country").order_by("country__name", "name"):
            grouped.setdefault(city.country.name, []).append((city.pk, city.name))
        self.fields["city"].choices = [("", "—"), *grouped.items()]

    def clean(self):
        cleaned = super().clean()
        city, new_city = cleaned.get("city"), (cleaned.get("new_city_name") or "").strip()
        cleaned["new_city_name"] = new_city
        if city and new_city:
            self.add_error("new_city_name", _("Choose a city from the list or type a new one, not both."))
        elif not city and not new_city and "city" not in self.errors:
            self.add_error("city", _("Choose the city of this service point, or type its name below."))
        elif new_city and not cleaned.get("new_city_country"):
            self.add_error("new_city_country", _("Choose the country of the new city."))
        if cleaned.get("address_visibility") == Location.AddressVisibility.PUBLIC and not cleaned.get("street_address"):
            self.add_error("street_address", _("A location with a public address needs its street address."))
        country = city.country if city else cleaned.get("new_city_country")
        if cleaned.get("phone"):
            try:
                cleaned["phone"] = form_phone(cleaned["phone"], [country] if country else [])
            except ValidationError as error:
                self.add_error("phone", error)
        cleaned["country"] = country
        return cleaned


class LocationFormSetBase(forms.BaseFormSet):
    """The join form's service points, with its own words for too few or too many (not Django's)."""

    default_error_messages = {
        "too_few_forms": _("Describe at least one service point."),
        "too_many_forms": _("Describe at most ten service points."),
    }


class RemovableFormSetMixin:
    """The update form's service points or services: each one the application holds can be removed (a box of our
    own wording); the empty ones after them can only be filled."""

    removal_label = ""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = self.removal_label


class LocationUpdateFormSetBase(RemovableFormSetMixin, LocationFormSetBase):
    removal_label = _("Remove this service point from the application")


def application_formset(form, base, *, extra: int, removable: bool = False):
    """The join form's (and the update link's) fixed number of forms, no JavaScript needed: at least one filled,
    at most ten; on the update page each one the application holds can be removed."""
    return formset_factory(
        form,
        formset=base,
        extra=extra,
        min_num=1,
        max_num=10,
        absolute_max=10,  # a forged count builds ten forms at most, not Django's thousand
        validate_min=True,
        validate_max=True,
        can_delete=removable,
        can_delete_extra=False,
    )


# A fixed number of forms (no JavaScript needed): the first must be filled, the others may stay empty.
LocationFormSet = application_formset(LocationApplicationForm, LocationFormSetBase, extra=1)

# The update link's service points: those the application holds, then one more to fill.
LocationUpdateFormSet = application_formset(LocationApplicationForm, LocationUpdateFormSetBase, extra=1, removable=True)


def filled_forms(formset) -> list:
    """Each form's cleaned data in the order shown, None for one removed or left empty (what the update's
    position-by-position functions take)."""
    removed = set(map(id, formset.deleted_forms)) if formset.can_delete else set()
    return [None if id(form) in removed or not form.cleaned_data else form.cleaned_data for form in formset.forms]


def validate_locations_in_countries(countries, location_formset) -> None:
    """Each service point must be in one of the countries the applicant chose."""
    countries = set(countries or [])
    if not countries:
        return
    for form in location_formset.forms:
        country = getattr(form, "cleaned_data", {}).get("country")
        if country and country not in countries:
            field = "city" if form.cleaned_data.get("city") else "new_city_country"
            form.add_error(field, _("This service point is in a country you did not choose above."))


def submission_limit(scope: str) -> int:
    return getattr(settings, "SUBMISSION_LIMITS", {}).get(scope, {"join": 5, "report": 10}.get(scope, 10))
