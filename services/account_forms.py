"""The member area's forms: signing in (with the staff sign-in's lockout and one-time codes), passwords, and the
listing's pages, built from what ``members.proposals`` says a member may change."""

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.contrib.auth.signals import user_login_failed
from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user

from members import proposals
from members import services as membership
from members.models import City, Location, OpeningHours
from rssn.admin_site import OneTimeCodeField, verified_device
from rssn.languages import localized_name
from services.models import ContactChannel, Service

LANGUAGE_NAMES = dict(settings.LANGUAGES)


class MemberSignInForm(forms.Form):
    """E-mail address, password and, for a member who set up two-step sign-in, the one-time code, checked together:
    a wrong password and a wrong code get the same answer, and both count toward the lockout (django-axes)."""

    # "username", as the lockout (django-axes) reads it from the form.
    username = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    otp_token = OneTimeCodeField(
        help_text=_("Only if you set up two-step sign-in: the code your authenticator app shows now.")
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        self.device = None
        super().__init__(*args, **kwargs)

    def clean(self):
        email = (self.cleaned_data.get("username") or "").lower()
        password = self.cleaned_data.get("password")
        token = self.cleaned_data.get("otp_token") or ""
        if not (email and password):
            return self.cleaned_data
        user = authenticate(self.request, username=email, password=password)
        if user is not None and membership.member_of(user) is None:
            user = None  # staff sign in to the admin; revoked members nowhere
            user_login_failed.send(sender=__name__, credentials={"username": email}, request=self.request)
        elif user is not None and any(devices_for_user(user, confirmed=True)):
            self.device = verified_device(user, token) if token else None
            if self.device is None:
                user_login_failed.send(sender=__name__, credentials={"username": email}, request=self.request)
                user = None
        if user is None:
            raise forms.ValidationError(
                _(
                    "Enter a correct e-mail address and password, and your one-time code if you set up two-step "
                    "sign-in."
                ),
                code="invalid_login",
            )
        self.user = user
        return self.cleaned_data


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)


class MemberSetPasswordForm(SetPasswordForm):
    """Django's form: two entries that must match and pass the password validators."""


def _count_failure(request) -> None:
    """A wrong password or code given by a signed-in member counts toward the sign-in lockout (django-axes), as a
    failed sign-in does: a session left open cannot be used to guess them."""
    user_login_failed.send(sender=__name__, credentials={"username": request.user.get_username()}, request=request)


class MemberPasswordChangeForm(PasswordChangeForm):
    """Django's form: her current password, then the new one twice, checked by the password validators."""

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(request.user, *args, **kwargs)

    def clean_old_password(self):
        try:
            return super().clean_old_password()
        except forms.ValidationError:
            _count_failure(self.request)
            raise


class TwoStepConfirmForm(forms.Form):
    otp_token = OneTimeCodeField(label=_("The code your authenticator app shows now"), max_length=8, required=True)


class TwoStepOffForm(forms.Form):
    """Her current password and a code her app shows now, checked together: a session alone (left open, or taken)
    cannot remove the second step."""

    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    otp_token = OneTimeCodeField(label=_("The code your authenticator app shows now"), required=True)

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        password, token = cleaned.get("password"), cleaned.get("otp_token")
        if not (password and token):
            return cleaned
        user = self.request.user
        if not (user.check_password(password) and verified_device(user, token) is not None):
            _count_failure(self.request)
            raise forms.ValidationError(
                _("Enter your current password and the code your authenticator app shows now."), code="invalid"
            )
        return cleaned


# The listing's pages ----------------------------------------------------------------------------------------------


def _base_name(name: str) -> str | None:
    for code in LANGUAGE_NAMES:
        suffix = "_" + localized_name("x", code)[2:]
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def language_versions(form, base: str) -> list[dict]:
    """The four language versions of ``form``'s translated field ``base`` for the template
    (``_language_versions.html``), each with its language and whether it is missing."""
    versions = []
    for code, language in LANGUAGE_NAMES.items():
        bound = form[localized_name(base, code)]
        versions.append(
            {"field": bound, "language": language, "code": code, "missing": not (bound.value() or "").strip()}
        )
    return versions


def listing_form_class(model, *, adding: bool = False):
    """A model form over the fields a member may change (``members.proposals``), and those a new record needs when
    she adds one; nothing here saves it."""
    spec = proposals.editable(model)
    names = spec.fields_for(adding=adding)

    def formfield(db_field, **kwargs):
        if db_field.many_to_many:
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["required"] = not db_field.blank
        return db_field.formfield(**kwargs)

    form_class = modelform_factory(model, fields=names, formfield_callback=formfield)

    class ListingForm(form_class):
        version = forms.CharField(widget=forms.HiddenInput)

        def __init__(self, *args, organisation, **kwargs):
            super().__init__(*args, **kwargs)
            if "city" in self.fields:
                current = self.instance.city_id if self.instance.pk else None
                self.fields["city"].queryset = City.objects.filter(
                    country__in=organisation.countries.all()
                ).listed() | City.objects.filter(pk=current)
            if "locations" in self.fields:
                self.fields["locations"].queryset = Location.objects.current().filter(organisation=organisation)
            for name in self.fields:
                if name.endswith("description") or any(
                    name.startswith(base) for base in ("description_", "eligibility_", "how_to_access_",
                                                       "accessibility_notes_")
                ):  # fmt: skip
                    self.fields[name].widget.attrs.setdefault("rows", 4)

        def clean(self):
            cleaned = super().clean()
            names = [name for name in self.fields if name.startswith("name_")]
            if names and not any(cleaned.get(name) for name in names):
                self.add_error(names[0], _("Give the name in at least one language."))
            return cleaned

        def groups(self):
            """The form's fields for the template: each translated field's four language versions together, side
            by side, the missing ones marked; the other fields one by one."""
            seen, result = set(), []
            for name in names:
                base = _base_name(name) if name not in self.fields or not self.fields[name].disabled else None
                if base and base not in seen:
                    seen.add(base)
                    label = model._meta.get_field(base).verbose_name
                    result.append({"translated": True, "label": label, "versions": language_versions(self, base)})
                elif not base:
                    result.append({"translated": False, "field": self[name]})
            return result

        def values(self) -> dict:
            values = {}
            for name in names:
                value = self.cleaned_data.get(name)
                model_field = model._meta.get_field(name)
                if model_field.many_to_many:
                    value = sorted(item.pk for item in value or [])
                elif model_field.is_relation:
                    value = value.pk if value is not None else None
                elif value is None and not model_field.null:
                    value = ""
                values[name] = value
            return values

    return ListingForm


def new_record_initial(model) -> dict:
    """A new record's form starts from the safest choices: a new location's address is confidential until the
    member chooses to show more."""
    return {"version": "new", **proposals.safest_values(model)}


class RemovalForm(forms.Form):
    note = forms.CharField(
        label=_("Why should it be removed?"),
        help_text=_("For example: the location closed for good at the end of June. The coordinator reads it."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class HoursRowForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Day"), choices=[("", "—"), *OpeningHours.Weekday.choices], coerce=int, required=False
    )
    opens = forms.TimeField(label=_("Opens"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    closes = forms.TimeField(label=_("Closes"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))

    def clean(self):
        cleaned = super().clean()
        given = [cleaned.get(name) not in (None, "") for name in ("weekday", "opens", "closes")]
        if any(given) and not all(given):
            raise forms.ValidationError(_("Give the day, the opening and the closing time, or leave the row empty."))
        if all(given) and cleaned["opens"] == cleaned["closes"]:
            raise forms.ValidationError(_("The opening and closing times must differ."))
        return cleaned

    def row(self):
        if self.cleaned_data.get("weekday") in (None, ""):
            return None
        data = self.cleaned_data
        return [data["weekday"], data["opens"].strftime("%H:%M"), data["closes"].strftime("%H:%M")]


class ChannelRowForm(forms.Form):
    kind = forms.ChoiceField(label=_("Channel"), choices=[("", "—"), *ContactChannel.Kind.choices], required=False)
    address = forms.CharField(label=_("Number or address"), max_length=254, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, language in LANGUAGE_NAMES.items():
            self.fields[localized_name("hours", code)] = forms.CharField(
                label=_("Hours (%(language)s)") % {"language": language}, max_length=200, required=False
            )

    def clean(self):
        cleaned = super().clean()
        kind, address = cleaned.get("kind"), (cleaned.get("address") or "").strip()
        if kind and not address:
            self.add_error("address", _("Give the number or address of this channel."))
        elif address and not kind:
            self.add_error("kind", _("Choose the channel."))
        elif kind:
            channel = ContactChannel(kind=kind, address=address)
            try:
                channel.clean()
            except forms.ValidationError as error:
                self.add_error("address", error.message_dict.get("address", error.messages))
            else:
                cleaned["address"] = channel.address
        return cleaned

    def row(self):
        if not self.cleaned_data.get("kind"):
            return None
        return {name: self.cleaned_data.get(name) or "" for name in ("kind", "address", *self._hours_names())}

    def _hours_names(self):
        return [localized_name("hours", code) for code in LANGUAGE_NAMES]


# A forged count builds no more forms than the most a page shows, not Django's thousand more.
HoursFormSet = forms.formset_factory(HoursRowForm, extra=3, max_num=50, absolute_max=50)
ChannelFormSet = forms.formset_factory(ChannelRowForm, extra=2, max_num=20, absolute_max=20)

PART_FORMSETS = {"opening_hours": HoursFormSet, "channels": ChannelFormSet}


def part_initial(name: str, rows: list) -> list:
    if name == "opening_hours":
        return [{"weekday": weekday, "opens": opens, "closes": closes} for weekday, opens, closes in rows]
    return list(rows)


KINDS = {"organisation": None, "location": Location, "service": Service}


# Closures and places: changed at once, without review ------------------------------------------------------------


class ClosureForm(forms.Form):
    """A temporary closure of a location or a service (``services.services.closure_set``): its first and last day,
    and a short public note in each language, side by side as the listing's pages show a text's versions."""

    closed_from = forms.DateField(label=_("First day closed"), widget=forms.DateInput(attrs={"type": "date"}))
    closed_until = forms.DateField(
        label=_("Last day closed"),
        help_text=_("It opens again by itself the day after."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, today, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)
        length = Service._meta.get_field("closure_note").max_length
        for code, language in LANGUAGE_NAMES.items():
            self.fields[localized_name("closure_note", code)] = forms.CharField(
                label=language, max_length=length, required=False
            )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("closed_from"), cleaned.get("closed_until")
        if starts and ends and ends < starts:
            self.add_error("closed_until", _("The last day of the closure comes before its first day."))
        elif ends and ends < self.today:
            self.add_error("closed_until", _("The last day of the closure has already passed."))
        return cleaned

    def versions(self) -> list[dict]:
        return language_versions(self, "closure_note")

    def notes(self) -> dict[str, str]:
        """The note by language, as ``closure_set`` takes it."""
        return {code: self.cleaned_data.get(localized_name("closure_note", code)) or "" for code in LANGUAGE_NAMES}

    @classmethod
    def initial_of(cls, target) -> dict:
        """The form's values from ``target``'s closure, if it has one."""
        initial = {"closed_from": target.closed_from, "closed_until": target.closed_until}
        for code in LANGUAGE_NAMES:
            name = localized_name("closure_note", code)
            initial[name] = getattr(target, name, "")
        return initial
