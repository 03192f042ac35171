"""The demo accounts: one staff account per role, each with a random password said once, on the console."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from members.models import CoordinatorAssignment, Country


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


def ensure_demo_accounts() -> list[str]:
    return [ensure_demo_account(account) for account in DEMO_ACCOUNTS]
