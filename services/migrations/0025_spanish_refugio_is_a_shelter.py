from django.db import migrations

from services.models import split_search_terms

# The Spanish term dropped from asylum and migration status: alone, "refugio" is a shelter in Spanish (asylum is
# "pedir refugio", "solicitud de refugio"). A database seeded before seeds were recorded (0024) would keep it through
# load_reference, which adds a newer seed's terms and removes none there.
DROPPED = ("asylum-migration", "search_terms_es", "refugio")


def drop_term(apps, schema_editor):
    slug, field, dropped = DROPPED
    categories = apps.get_model("services", "ServiceCategory").objects.using(schema_editor.connection.alias)
    for category in categories.filter(slug=slug):
        terms = split_search_terms(getattr(category, field))
        kept = [term for term in terms if term.casefold() != dropped]
        if len(kept) != len(terms):
            setattr(category, field, ", ".join(kept))
            category.save(update_fields=[field])


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0024_category_seeded_search_terms"),
    ]

    operations = [
        migrations.RunPython(drop_term, migrations.RunPython.noop, elidable=True),
    ]
