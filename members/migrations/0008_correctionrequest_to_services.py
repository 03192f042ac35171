# CorrectionRequest moves to the services app, beside the listings it corrects. The rows stay: the table is renamed
# to the name Django gives it there, and services/migrations/0011_correctionrequest.py takes the model over in
# Django's state (with its content type, so staff keep their permissions on it).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0007_country_emergency_number_to_lines'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name='correctionrequest', table='services_correctionrequest'),
            ],
            state_operations=[
                migrations.DeleteModel(name='CorrectionRequest'),
            ],
        ),
    ]
