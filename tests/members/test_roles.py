"""The staff roles: groups created by the migration, their permissions, the coordinator's countries, demo accounts."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from demo.accounts import ensure_demo_accounts
from members import roles
from members.models import CoordinatorAssignment
from tests.factories import CountryFactory, OrganisationFactory


@pytest.mark.django_db
def test_the_migration_creates_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Coordinators", "Editors", "Administrators"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("group", "allowed", "refused"),
    [
        (
            "Coordinators",
            ["members.decide_membership", "members.change_organisation", "services.change_service"],
            ["members.delete_organisation", "services.delete_service", "auth.change_user"],
        ),
        (
            "Editors",
            ["members.change_organisation", "members.change_location", "services.change_service"],
            ["members.decide_membership", "members.delete_organisation", "members.view_application"],
        ),
        (
            "Administrators",
            ["members.decide_membership", "members.delete_organisation", "auth.change_user", "services.delete_service"],
            [],
        ),
    ],
)
def test_each_role_has_its_permissions(group, allowed, refused):
    user = get_user_model().objects.create_user(username=f"someone-{group}", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    user = get_user_model().objects.get(pk=user.pk)  # fresh permission cache
    for permission in allowed:
        assert user.has_perm(permission), permission
    for permission in refused:
        assert not user.has_perm(permission), permission


def test_a_coordinator_decides_only_in_her_countries(colombia, ecuador, coordinator_co, administrator, editor):
    colombian = OrganisationFactory(pending=True, countries=[colombia])
    ecuadorian = OrganisationFactory(pending=True, countries=[ecuador])
    assert roles.can_decide_membership(coordinator_co, colombian)
    assert not roles.can_decide_membership(coordinator_co, ecuadorian)
    assert roles.can_decide_membership(administrator, ecuadorian)
    assert not roles.can_decide_membership(editor, colombian)
    assert not roles.can_decide_membership(None, colombian)


@pytest.mark.django_db
def test_demo_accounts_one_per_role_passwords_printed_only_when_created():
    CountryFactory(code="CO")
    get_user_model().objects.filter(username__startswith="demo-").delete()
    first = "\n".join(ensure_demo_accounts())
    for username in ("demo-administrator", "demo-coordinator-co", "demo-editor"):
        assert f"user {username}, password " in first
    users = get_user_model().objects
    assert list(users.get(username="demo-editor").groups.values_list("name", flat=True)) == ["Editors"]
    assert list(users.get(username="demo-administrator").groups.values_list("name", flat=True)) == ["Administrators"]
    coordinator = users.get(username="demo-coordinator-co")
    assert list(coordinator.groups.values_list("name", flat=True)) == ["Coordinators"]
    assert list(CoordinatorAssignment.objects.filter(user=coordinator).values_list("country__code", flat=True)) == [
        "CO"
    ]

    second = "\n".join(ensure_demo_accounts())
    assert "password " + "unchanged" in second
    assert ", password " not in second
