"""The roles' permissions for member accounts and proposed changes: coordinators invite and revoke members and
decide proposals in their countries (``members.roles`` scopes both by the organisation's countries); editors see
them; administrators may do everything."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Coordinators": [
        "view_organisationmember",
        "add_organisationmember",
        "change_organisationmember",
        "view_proposedchange",
        "change_proposedchange",
        "decide_proposedchange",
    ],
    "Editors": ["view_organisationmember", "view_proposedchange"],
    "Administrators": [
        "view_organisationmember",
        "add_organisationmember",
        "change_organisationmember",
        "delete_organisationmember",
        "view_proposedchange",
        "change_proposedchange",
        "decide_proposedchange",
    ],
}


def _grants(apps):
    app_config = apps.get_app_config("members")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            yield group, Permission.objects.filter(content_type__app_label="members", codename__in=codenames)


def grant(apps, schema_editor):
    for group, permissions in _grants(apps):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    for group, permissions in _grants(apps):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0013_member_accounts_and_proposed_changes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
