# The country's one emergency number becomes a typed line. Apart from 0006's schema changes: on PostgreSQL a table
# cannot be altered in the transaction that wrote rows referencing it ("pending trigger events").

from django.db import migrations, models


def emergency_number_to_line(apps, schema_editor):
    """The country's emergency number becomes a line of kind "emergency" (the rows there were are helplines for
    gender-based violence); ``load_reference`` then types the network's numbers exactly (Brazil's 190 is the
    police)."""
    Country = apps.get_model("members", "Country")
    Helpline = apps.get_model("members", "Helpline")
    for country in Country.objects.exclude(emergency_number=""):
        line, created = Helpline.objects.get_or_create(
            country=country,
            phone=country.emergency_number,
            defaults={"kind": "emergency", "order": 0, "open_24_7": True},
        )
        if not created:
            Helpline.objects.filter(pk=line.pk).update(kind="emergency")


def line_to_emergency_number(apps, schema_editor):
    Country = apps.get_model("members", "Country")
    Helpline = apps.get_model("members", "Helpline")
    for country in Country.objects.all():
        lines = Helpline.objects.filter(country=country, kind__in=["emergency", "police"])
        line = lines.order_by("kind", "order", "pk").first()  # "emergency" before "police"
        if line is not None:
            Country.objects.filter(pk=country.pk).update(emergency_number=line.phone)
            line.delete()


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0006_helpline_kind_source'),
    ]

    operations = [
        # A default for the way back: the column comes back filled with "" before line_to_emergency_number runs.
        migrations.AlterField(
            model_name='country',
            name='emergency_number',
            field=models.CharField(default='', max_length=20, verbose_name='emergency number'),
        ),
        migrations.RunPython(emergency_number_to_line, line_to_emergency_number),
        migrations.RemoveField(
            model_name='country',
            name='emergency_number',
        ),
    ]
