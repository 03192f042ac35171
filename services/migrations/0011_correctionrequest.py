# CorrectionRequest comes from the members app (members/migrations/0008_correctionrequest_to_services.py renamed
# its table): only Django's state changes here, and the content type follows the model, so the permissions the
# staff roles hold on it (and the admin's log entries) stay attached.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, *, source='members', target='services'):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    if not content_types.filter(app_label=target, model='correctionrequest').exists():
        content_types.filter(app_label=source, model='correctionrequest').update(app_label=target)
    ContentType.objects.clear_cache()


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source='services', target='members')


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('members', '0008_correctionrequest_to_services'),
        ('services', '0010_search_public_open'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CorrectionRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.TextField(max_length=2000, verbose_name='what is wrong')),
                        ('reporter_email', models.EmailField(blank=True, help_text='Private: never shown on the public directory.', max_length=254, verbose_name="reporter's e-mail")),
                        ('source', models.CharField(choices=[('public', 'Public report form'), ('verification', 'Verification by the member')], default='public', max_length=20, verbose_name='source')),
                        ('status', models.CharField(choices=[('open', 'Open'), ('resolved', 'Resolved'), ('dismissed', 'Dismissed')], db_index=True, default='open', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                        ('handled_at', models.DateTimeField(blank=True, null=True, verbose_name='handled at')),
                        ('note', models.TextField(blank=True, help_text='Private: never shown on the public directory.', verbose_name='staff note')),
                        ('handled_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='handled by')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='correction_requests', to='members.organisation', verbose_name='organisation')),
                        ('service', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='correction_requests', to='services.service', verbose_name='service')),
                    ],
                    options={
                        'verbose_name': 'correction request',
                        'verbose_name_plural': 'correction requests',
                        'ordering': ['created_at', 'pk'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['open', 'resolved', 'dismissed'])), name='correction_status'), models.CheckConstraint(condition=models.Q(('status', 'open'), ('handled_at__isnull', False), _connector='OR'), name='correction_handled_has_time')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
