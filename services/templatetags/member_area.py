"""The member area's template filters."""

from django import template

from members import proposals

register = template.Library()


@register.filter
def proposal_subject(proposal) -> str:
    """What a proposed change is about: the record, or the record to add or remove (``members.proposals``)."""
    return proposals.subject(proposal)
