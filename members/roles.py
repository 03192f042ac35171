"""The staff roles and a coordinator's country scope.

Roles are Django groups created by a migration (``0003_role_groups``): Coordinators review and decide applications
and edit listings in the countries they coordinate (``CoordinatorAssignment``); Editors edit listings everywhere
but cannot decide membership or delete; Administrators may do everything.
"""

from django.db.models import QuerySet

COORDINATORS = "Coordinators"
EDITORS = "Editors"
ADMINISTRATORS = "Administrators"

DECIDE_MEMBERSHIP = "members.decide_membership"


def _in_group(user, name: str) -> bool:
    return user.is_authenticated and user.groups.filter(name=name).exists()


def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_superuser or _in_group(user, ADMINISTRATORS))


def is_country_scoped(user) -> bool:
    """Coordinators see only their countries; administrators and editors see every listing."""
    return not is_administrator(user) and _in_group(user, COORDINATORS)


def coordinated_country_ids(user) -> set[int]:
    return set(user.coordinator_assignments.values_list("country_id", flat=True))


def organisations_in_scope(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` of organisations narrowed to those the user may see in the admin."""
    if not is_country_scoped(user):
        return queryset
    return queryset.filter(countries__in=coordinated_country_ids(user)).distinct()


def in_scope(user, organisation) -> bool:
    if not is_country_scoped(user):
        return True
    return organisation.countries.filter(pk__in=coordinated_country_ids(user)).exists()


def can_decide_membership(user, organisation) -> bool:
    """Administrators decide everywhere; coordinators only for organisations working in their countries."""
    if user is None or not (user.is_authenticated and user.is_active and user.has_perm(DECIDE_MEMBERSHIP)):
        return False
    if is_administrator(user):
        return True
    return organisation.countries.filter(pk__in=coordinated_country_ids(user)).exists()


def countries_in_scope(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` of countries narrowed to those the user may see in the admin: a coordinator's own."""
    if not is_country_scoped(user):
        return queryset
    return queryset.filter(pk__in=coordinated_country_ids(user))
