"""The staff roles and what each one may see: the staff's one gate, as ``public()`` querysets are the visitors'.

Roles are Django groups created by a migration (``0003_role_groups``): Coordinators review and decide applications
and edit listings and cities in the countries they coordinate (``CoordinatorAssignment``); Editors edit listings
everywhere but cannot decide membership or delete; Administrators may do everything. Model permissions say which
kinds of record a role may see or change; ``scoped`` says which records: every admin view reads through it
(``members.admin_scope``).
"""

from django.db.models import Model, QuerySet

COORDINATORS = "Coordinators"
EDITORS = "Editors"
ADMINISTRATORS = "Administrators"

DECIDE_MEMBERSHIP = "members.decide_membership"

# The lookup from each record that belongs to an organisation (or a city) to the countries it is in: a coordinator
# sees the record when one of them is hers. By label, so that ``members`` names ``services`` models without
# importing them. Every other model is reference data (countries, categories) or an administrators' tool, for which
# the model permissions alone decide.
SCOPE_PATHS = {
    "members.city": "country",
    "members.organisation": "countries",
    "members.application": "countries",
    "members.location": "organisation__countries",
    "members.openinghours": "location__organisation__countries",
    "members.membershipstatuschange": "organisation__countries",
    "members.organisationmember": "organisation__countries",
    "members.proposedchange": "organisation__countries",
    "services.correctionrequest": "organisation__countries",
    "services.service": "organisation__countries",
}


def _in_group(user, name: str) -> bool:
    return user.is_authenticated and user.groups.filter(name=name).exists()


def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_superuser or _in_group(user, ADMINISTRATORS))


def sees_every_country(user) -> bool:
    """Administrators and editors work on the whole network's listings."""
    return is_administrator(user) or (user.is_authenticated and user.is_active and _in_group(user, EDITORS))


def is_country_scoped(user) -> bool:
    """Everyone but administrators and editors sees only the records of the countries she coordinates: a staff
    account without a role sees none."""
    return not sees_every_country(user)


def coordinated_country_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.coordinator_assignments.values_list("country_id", flat=True))


def _coordinated_countries(user) -> QuerySet:
    """The ids of her countries, as a subquery: the scope costs no query of its own."""
    from members.models import CoordinatorAssignment

    if not user.is_authenticated:
        return CoordinatorAssignment.objects.none().values("country_id")
    return CoordinatorAssignment.objects.filter(user_id=user.pk).values("country_id")


def scope_path(model: type[Model]) -> str | None:
    """The lookup from ``model`` to the countries that put its records in a coordinator's scope, or None."""
    return SCOPE_PATHS.get(model._meta.label_lower) or SCOPE_PATHS.get(model._meta.concrete_model._meta.label_lower)


def scoped(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` narrowed to the records ``user`` may see: all of them for administrators and editors, those of
    her countries for a coordinator. A subquery, so that an organisation in two of her countries comes once."""
    path = scope_path(queryset.model)
    if path is None or not is_country_scoped(user):
        return queryset
    inside = queryset.model._default_manager.filter(**{f"{path}__in": _coordinated_countries(user)}).values("pk")
    return queryset.filter(pk__in=inside)


def in_scope(user, record) -> bool:
    """Whether ``record`` (saved) is one ``user`` may see."""
    if scope_path(type(record)) is None or not is_country_scoped(user):
        return True
    return scoped(user, type(record)._default_manager.filter(pk=record.pk)).exists()


def acts_for(user, organisation, permission: str) -> bool:
    """Whether ``user``, active and holding ``permission``, may use it on ``organisation``: administrators
    everywhere, coordinators for organisations working in one of their countries."""
    if user is None or not (user.is_authenticated and user.is_active and user.has_perm(permission)):
        return False
    return is_administrator(user) or organisation.countries.filter(pk__in=coordinated_country_ids(user)).exists()


def can_decide_membership(user, organisation) -> bool:
    """Administrators decide everywhere; coordinators only for organisations working in their countries."""
    return acts_for(user, organisation, DECIDE_MEMBERSHIP)


def countries_in_scope(user, queryset: QuerySet) -> QuerySet:
    """``queryset`` of countries narrowed to those the user may see in the admin: a coordinator's own."""
    if not is_country_scoped(user):
        return queryset
    return queryset.filter(pk__in=coordinated_country_ids(user))
