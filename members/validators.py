"""Validators shared by the models and the forms."""

import functools
import zoneinfo

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext_lazy as _

validate_web_url = URLValidator(
    schemes=["http", "https"], message=_("Enter a web address starting with http:// or https://.")
)

validate_email_address = EmailValidator(message=_("Enter an e-mail address, for example name@example.org."))


def normalise_phone(value: str, region: str | None = None) -> str:
    """Return ``value`` in E.164 (+5215555550100) or raise ValidationError.

    A number without a leading + is read in ``region`` (an ISO 3166-1 alpha-2 code) when one is given.
    """
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            _("Enter a phone number with its country code, for example +52 55 5555 0100."), code="invalid_phone"
        ) from error
    if not phonenumbers.is_possible_number(number):
        raise ValidationError(_("This phone number has too few or too many digits."), code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_phone(value: str) -> None:
    """Model-level check: stored phone numbers are E.164, or short national codes such as 911 or 147."""
    if value.isdigit() and 2 <= len(value) <= 6:
        return
    if not value.startswith("+") or normalise_phone(value) != value:
        raise ValidationError(
            _("Store phone numbers in international format, for example +525555550100."), code="not_e164"
        )


@functools.cache
def known_time_zones() -> frozenset[str]:
    """The IANA names this machine knows; reading them walks the tz database, so once per process."""
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in known_time_zones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value}, code="bad_tz")


def validate_time_zones(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Give at least one time zone."), code="bad_tz")
    for item in value:
        validate_time_zone(item)
