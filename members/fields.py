"""Model fields shared by the apps."""

from django.core.exceptions import ValidationError
from django.db import models

from members.validators import normalise_phone, validate_phone

# Room in a form for a number typed as the directory shows it (+57 601 555 0100, or with dots and dashes);
# what is stored is its E.164 form, which fits ``max_length``.
TYPED_PHONE_LENGTH = 32


class PhoneNumberField(models.CharField):
    """A phone number stored in E.164 (+576015550100), or a short national code (911, 147). Every format the
    directory shows a number in is read back: spaces, dots, dashes and brackets, so that a number copied from a
    public page into the admin, a spreadsheet or an import is accepted."""

    default_validators = [validate_phone]

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        value = value.strip()
        compact = "".join(character for character in value if character not in " .-()/\u00a0")
        if compact.isdigit() and 2 <= len(compact) <= 6:
            return compact
        if compact.startswith("00"):
            compact = "+" + compact[2:]
        if compact.startswith("+"):
            try:
                return normalise_phone(compact)
            except ValidationError:
                return value  # the validator says what is wrong with it
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"max_length": TYPED_PHONE_LENGTH, **kwargs})
