"""``{% load hours %}``: when a service next opens or closes (``services.hours``), for its page."""

from django import template
from django.utils import timezone

from members import opening
from services.hours import next_change

register = template.Library()


@register.simple_tag
def next_opening_change(service, moment=None):
    """``{% next_opening_change service now as change %}``: a ``NextChange`` or None (always open, or no hours)."""
    fixed, hours = opening.fixed_state(service.open_24_7, service.locations.all())
    return None if fixed is not None else next_change(hours, moment or timezone.now())
