"""The staff admin site: a password and a one-time code (TOTP) from a registered device.

``ADMIN_REQUIRE_2FA`` (on in production, off in development so the demo admin can log in) is read on each request,
so a test can switch it.

The name, the password and the code are asked on one page and checked together: a wrong password and a right
password with a wrong (or missing) code get the same answer, so the page never tells whether the password was
right, and a wrong code counts toward the login lockout (django-axes) as a wrong password does.
"""

import re

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.admin import OTPAdminSite
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

DIGITS = re.compile(r"^\d+$")


def _could_have_made(device, token: str) -> bool:
    if isinstance(device, TOTPDevice):
        return bool(DIGITS.match(token)) and len(token) == device.digits
    return isinstance(device, StaticDevice) and len(token) == 8


def _candidates(user, token: str) -> list:
    """The user's devices that could have made this code: an authenticator app's codes are digits of its length, a
    backup code is eight letters and digits. Only these record a failure, so a wrong code does not throttle a device
    it could not belong to."""
    return [device for device in devices_for_user(user, confirmed=True) if _could_have_made(device, token)]


def verified_device(user, token: str):
    """The device that accepts ``token``, or None."""
    for device in _candidates(user, token):
        allowed, _reason = device.verify_is_allowed()
        if allowed and device.verify_token(token):
            return device
    return None


class CodeInput(forms.TextInput):
    """A one-time code is never shown again: a code that failed is of no use, and the page stays the same whatever
    was wrong."""

    def format_value(self, value):
        return None


class OneTimeCodeField(forms.CharField):
    """A one-time code as people type it (spaces ignored), for every form that asks for one: the staff sign-in and
    the member area's. Its box is never filled again (``CodeInput``)."""

    def __init__(self, *, label=None, max_length=16, required=False, **kwargs):
        label = _("One-time code") if label is None else label
        widget = CodeInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"})
        super().__init__(label=label, max_length=max_length, required=required, widget=widget, **kwargs)

    def to_python(self, value):
        return re.sub(r"\s", "", super().to_python(value))


class OneStepOTPLoginForm(AdminAuthenticationForm):
    otp_token = OneTimeCodeField(help_text=_("The code your authenticator app shows now, or one of your backup codes."))
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Enter a correct user name, password and one-time code. Note that the user name and password may be "
            "case-sensitive."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        token = self.cleaned_data.get("otp_token") or ""
        if username is not None and password:
            # A wrong password is recorded as a failure by authenticate() itself (user_login_failed).
            self.user_cache = authenticate(self.request, username=username, password=password)
            if self.user_cache is not None:
                device = verified_device(self.user_cache, token) if token else None
                if device is None:
                    # The password was right, the code was not: the same failure, counted the same way.
                    user_login_failed.send(sender=__name__, credentials={"username": username}, request=self.request)
                    self.user_cache = None
                else:
                    self.user_cache.otp_device = device  # django_otp marks the session verified at login
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class StaffAdminSite(OTPAdminSite):
    # The directory's name, not Django's, on every staff page.
    site_header = _("RSSN Directory: staff")
    site_title = _("RSSN Directory")
    index_title = _("Your work")

    def __init__(self, name="admin"):
        super().__init__(name)

    def index(self, request, extra_context=None):
        from services.workbench import waiting_for, waiting_per_country

        # The start page lists the work waiting in the staff member's countries (services.workbench), and for a
        # coordinator of several countries the same country by country, as her weekly digest does.
        context = {"waiting": waiting_for(request.user), "waiting_per_country": waiting_per_country(request.user)}
        return super().index(request, {**context, **(extra_context or {})})

    @property
    def login_form(self):
        return OneStepOTPLoginForm if settings.ADMIN_REQUIRE_2FA else AdminAuthenticationForm

    @property
    def login_template(self):
        return "admin/login_otp.html" if settings.ADMIN_REQUIRE_2FA else None

    def get_urls(self):
        from django.urls import path

        from services.views import coverage, missing_languages

        # Staff pages that are not a model's: the coverage map and the listings missing a language
        # (services.views); each reads through the staff scope gate.
        return [
            path("coverage/", self.admin_view(coverage), name="coverage"),
            path("missing-languages/", self.admin_view(missing_languages), name="missing_languages"),
            *super().get_urls(),
        ]

    def has_permission(self, request):
        if not AdminSite.has_permission(self, request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()
