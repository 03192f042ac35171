"""Phone numbers are read back in every format the directory shows them in, and stored in E.164."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+57 600 0000199", "+576000000199"),  # as the public pages show it
        ("+57 601 5550100", "+576015550100"),
        ("+52-55-5555-0100", "+525555550100"),
        ("+55 (95) 3623.0100", "+559536230100"),
        ("0057 601 555 0100", "+576015550100"),
        ("+576015550100", "+576015550100"),
        ("1 4 7", "147"),
        ("911", "911"),
    ],
)
def test_a_number_as_shown_is_accepted_and_stored_in_e164(typed, stored):
    service = ServiceFactory()
    service.phone = typed
    service.full_clean()
    assert service.phone == stored


@pytest.mark.parametrize("typed", ["601 555 0100", "+57 12", "call us"])
def test_a_number_without_its_country_code_or_too_short_is_refused(typed):
    service = ServiceFactory()
    service.phone = typed
    with pytest.raises(ValidationError):
        service.full_clean()
