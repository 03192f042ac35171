"""Create the staff roles as groups with their model permissions (see members/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW_ONLY = [
    ("members", "country"),
    ("members", "city"),
    ("members", "helpline"),
    ("members", "membershipstatuschange"),
    ("services", "servicecategory"),
    ("services", "population"),
    ("services", "language"),
]
LISTINGS = [
    ("members", "organisation"),
    ("members", "location"),
    ("members", "openinghours"),
    ("services", "service"),
]


def _permissions(apps, pairs, actions):
    Permission = apps.get_model("auth", "Permission")
    codenames = []
    for app_label, model in pairs:
        codenames += [(app_label, f"{action}_{model}") for action in actions]
    found = []
    for app_label, codename in codenames:
        found += list(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    return found


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the groups can get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    viewing = _permissions(apps, VIEW_ONLY, ["view"])
    editing = _permissions(apps, LISTINGS, ["view", "change"])
    # Editing a listing may add a service point, its hours or a service, never delete them.
    editing += _permissions(apps, LISTINGS[1:], ["add"])
    editing += _permissions(apps, [("members", "correctionrequest")], ["view", "change"])

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(viewing + editing)

    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    deciding = _permissions(apps, [("members", "application")], ["view", "change"])
    deciding += list(Permission.objects.filter(content_type__app_label="members", codename="decide_membership"))
    coordinators.permissions.set(viewing + editing + deciding)

    administrators, _ = Group.objects.get_or_create(name="Administrators")
    administrators.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["members", "services", "auth"])
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Coordinators", "Administrators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0002_onboarding_history_corrections_throttle"),
        ("services", "0002_service_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
