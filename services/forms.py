"""Forms of the services app. Public: the services offered in the join form, suggesting an update, and the
member's own corrections on the verification page (no JavaScript needed, a size limit on every field), the printable
country card's choices. Staff: the coverage map's choices."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from members.forms import (
    AbuseProtectedForm,
    IdMultipleChoiceField,
    RemovableFormSetMixin,
    application_formset,
    form_phone,
)
from members.models import Country
from services.fields import DocumentsFormField
from services.models import CorrectionRequest, Population, Service, ServiceCategory


class ServiceApplicationForm(forms.Form):
    name = forms.CharField(label=_("Name of the service"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    categories = IdMultipleChoiceField(
        label=_("Categories"),
        queryset=ServiceCategory.objects.select_related("parent"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one category.")},
    )
    in_person = forms.BooleanField(label=_("In person, at the service points above"), required=False, initial=True)
    by_phone = forms.BooleanField(label=_("By phone"), required=False)
    online = forms.BooleanField(label=_("Online or messaging"), required=False)
    outreach = forms.BooleanField(label=_("Outreach (mobile team)"), required=False)
    phone = forms.CharField(label=_("Phone or hotline"), max_length=30, required=False)
    # What a caseworker asks before sending someone: asked, never assumed (the listing shows "ask the service"
    # for a fact nobody gave).
    cost = forms.ChoiceField(
        label=_("Cost for the people you serve"),
        choices=[(value, label) for value, label in Service.Cost.choices if value],
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether the service is free, low cost or paid.")},
    )
    referral_required = forms.TypedChoiceField(
        label=_("Referral"),
        choices=[
            ("no", _("No referral needed: people can come or call directly")),
            ("yes", _("A referral from another organisation is needed")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether people need a referral.")},
    )

    # What it takes to get in, beyond the referral: optional (unanswered, the listing says "ask the service").
    documents_required = DocumentsFormField(
        label=_("Documents people must bring"),
        help_text=_("Leave empty if you prefer that people ask you."),
    )
    appointment = forms.ChoiceField(
        label=_("Walk in or appointment"),
        choices=[(value, label) for value, label in Service.Appointment.choices if value],
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.countries = list(countries)

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(mode) for mode in ("in_person", "by_phone", "online", "outreach")):
            self.add_error("in_person", _("Say how the service is given: in person, by phone, online or by outreach."))
        if cleaned.get("phone"):
            try:
                cleaned["phone"] = form_phone(cleaned["phone"], self.countries)
            except ValidationError as error:
                self.add_error("phone", error)
        return cleaned

    def category_groups(self) -> list[tuple]:
        """The category choices as the join form shows them: ``(main category, its subcategories, open)``, the
        subcategories folded away unless one of them is chosen. A phone showed 44 checkboxes per service."""
        bound = self["categories"]
        chosen = {str(value) for value in bound.value() or []}
        mains, subs = [], {}
        for option in bound.subwidgets:
            category = option.data["value"].instance
            if category.parent_id is None:
                mains.append(option)
            else:
                subs.setdefault(category.parent_id, []).append(option)
        groups = []
        for main in mains:
            children = subs.get(main.data["value"].instance.pk, [])
            groups.append((main, children, any(str(child.data["value"]) in chosen for child in children)))
        return groups


class ServiceFormSetBase(forms.BaseFormSet):
    """The join form's services, with its own words for too few or too many (not Django's "submit 1 form")."""

    default_error_messages = {
        "too_few_forms": _("Describe at least one service."),
        "too_many_forms": _("Describe at most ten services."),
    }


# A fixed number of forms (no JavaScript needed): the first must be filled, the others may stay empty.
ServiceFormSet = application_formset(ServiceApplicationForm, ServiceFormSetBase, extra=2)


class ServiceUpdateFormSetBase(RemovableFormSetMixin, ServiceFormSetBase):
    removal_label = _("Remove this service from the application")


# The update link's services: those the application holds, then two more to fill.
ServiceUpdateFormSet = application_formset(ServiceApplicationForm, ServiceUpdateFormSetBase, extra=2, removable=True)


class SuggestUpdateForm(AbuseProtectedForm):
    """ "Suggest an update" on a public listing: what is wrong, from a short list, and optional details."""

    throttle_scope = "report"

    kind = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=CorrectionRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is wrong.")},
    )
    # Nothing typed here is offered again by the browser's form memory on a shared device.
    message = forms.CharField(
        label=_("Details (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        help_text=_("For example, the right phone number or the new address. Needed when you choose “Something else”."),
    )
    reporter_email = forms.EmailField(
        label=_("Your e-mail (optional)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Only if you want us to be able to ask you something. Staff see it, no one else."),
    )
    field_order = ["kind", "message", "reporter_email", "homepage", "started"]

    def clean(self):
        cleaned = super().clean()
        cleaned["message"] = (cleaned.get("message") or "").strip()
        if cleaned.get("kind") == CorrectionRequest.Kind.OTHER and not cleaned["message"]:
            self.add_error("message", _("Say in a few words what is wrong."))
        return cleaned


class ListingCorrectionForm(forms.Form):
    """From the verification page: the member's own contact says what changed."""

    message = forms.CharField(
        label=_("What should change in your listing?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 6})
    )


def main_category_field() -> forms.ModelChoiceField:
    """A choice of one main type of help, by its slug, or every one."""
    return forms.ModelChoiceField(
        ServiceCategory.objects.filter(parent__isnull=True),
        required=False,
        to_field_name="slug",
        label=_("Type of help"),
        empty_label=_("Every type of help"),
    )


class CoverageForm(forms.Form):
    category = main_category_field()
    population = forms.ModelChoiceField(
        Population.objects.all(),
        required=False,
        to_field_name="code",
        label=_("Population served"),
        empty_label=_("Every population"),
    )
    country = forms.ModelChoiceField(
        Country.objects.none(),
        required=False,
        to_field_name="code",
        label=_("Country"),
        empty_label=_("Every country I can see"),
    )

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries


class CountryCardForm(forms.Form):
    """The printable country card's choices, sent by GET (no JavaScript): a country, then a type of help and a city
    of that country, or every one. Cities are grouped by country."""

    country = forms.ModelChoiceField(
        Country.objects.order_by("name"),
        to_field_name="code",
        label=_("Country"),
        empty_label=_("Choose a country"),
        error_messages={"required": _("Choose the country of the card.")},
    )
    category = main_category_field()
    city = forms.TypedChoiceField(label=_("City"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.cities = {city.pk: city for city in cities}
        groups: dict[str, list] = {}
        for city in cities:
            groups.setdefault(city.country.name, []).append((city.pk, city.name))
        self.fields["city"].choices = [("", _("Every city")), *groups.items()]

    def clean_city(self):
        pk = self.cleaned_data["city"]
        return self.cities[pk] if pk is not None else None

    def clean(self):
        cleaned = super().clean()
        country, city = cleaned.get("country"), cleaned.get("city")
        if country is not None and city is not None and city.country_id != country.pk:
            self.add_error(
                "city",
                _("%(city)s is not in %(country)s: choose one of its cities, or every city.")
                % {"city": city.name, "country": country.name},
            )
        return cleaned
