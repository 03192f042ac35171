"""Coordinators may correct the cities of their countries (a new city starts at its country's centre and the
application e-mail asks them to move it); ``members.roles`` scopes cities by country."""

from django.db import migrations


def allow(apps, schema_editor, add=True):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    change_city = Permission.objects.filter(content_type__app_label="members", codename="change_city").first()
    coordinators = Group.objects.filter(name="Coordinators").first()
    if change_city is None or coordinators is None:
        return
    if add:
        coordinators.permissions.add(change_city)
    else:
        coordinators.permissions.remove(change_city)


def disallow(apps, schema_editor):
    allow(apps, schema_editor, add=False)


class Migration(migrations.Migration):
    dependencies = [("members", "0010_coordinator_email_language"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(allow, disallow)]
