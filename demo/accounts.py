"""The demo accounts: one staff account per role, each with a random password said once, on the console."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from members.models import CoordinatorAssignment, Country, Organisation, OrganisationMember


# One spec per account; add the role accounts (coordinator, editor...) here.
@dataclass(frozen=True)
class DemoAccount:
    username: str
    label: str
    superuser: bool = False
    groups: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO codes a coordinator coordinates


DEMO_ACCOUNTS = [
    DemoAccount(username="demo-admin", label="Demo admin", superuser=True),
    DemoAccount(username="demo-administrator", label="Demo administrator", groups=("Administrators",)),
    DemoAccount(
        username="demo-coordinator-co", label="Demo coordinator (Colombia)", groups=("Coordinators",), countries=("CO",)
    ),
    DemoAccount(username="demo-editor", label="Demo editor", groups=("Editors",)),
]


def ensure_demo_account(account: DemoAccount) -> str:
    """Create the account with a random password and say so once; an existing account is left untouched."""
    user_model = get_user_model()
    if user_model.objects.filter(username=account.username).exists():
        return (
            f"{account.label}: user {account.username} already exists (password unchanged; reset it with "
            f"`python manage.py changepassword {account.username}`)."
        )
    password = secrets.token_urlsafe(12)
    user = user_model.objects.create_user(
        username=account.username,
        email=f"{account.username}@example.org",
        password=password,
        is_staff=True,
        is_superuser=account.superuser,
    )
    if account.groups:
        user.groups.set(Group.objects.filter(name__in=account.groups))
    for country in Country.objects.filter(code__in=account.countries):
        CoordinatorAssignment.objects.create(user=user, country=country)
    return f"{account.label}: user {account.username}, password {password} — log in at {settings.SITE_URL}/es/admin/"


DEMO_MEMBER_EMAIL = "demo-member@example.org"


def ensure_demo_member() -> str:
    """A member account (not staff) of the first Colombian demo organisation, for the member area."""
    user_model = get_user_model()
    if user_model.objects.filter(username=DEMO_MEMBER_EMAIL).exists():
        return (
            f"Demo member: {DEMO_MEMBER_EMAIL} already exists (password unchanged; reset it with "
            f"`python manage.py changepassword {DEMO_MEMBER_EMAIL}`)."
        )
    organisation = Organisation.objects.filter(is_demo=True, countries__code="CO").public().order_by("slug").first()
    if organisation is None:
        return "Demo member: no demo organisation in Colombia to attach it to."
    password = secrets.token_urlsafe(12)
    user = user_model.objects.create_user(
        username=DEMO_MEMBER_EMAIL, email=DEMO_MEMBER_EMAIL, password=password, is_staff=False
    )
    OrganisationMember.objects.create(user=user, organisation=organisation, language="es")
    return (
        f"Demo member ({organisation.name}): e-mail {DEMO_MEMBER_EMAIL}, password {password} — sign in at "
        f"{settings.SITE_URL}/es/account/sign-in/"
    )


def ensure_demo_accounts() -> list[str]:
    return [*(ensure_demo_account(account) for account in DEMO_ACCOUNTS), ensure_demo_member()]
