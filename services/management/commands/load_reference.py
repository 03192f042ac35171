from django.core.management.base import BaseCommand

from members.reference import load_countries
from services.reference import load_taxonomy


class Command(BaseCommand):
    help = (
        "Create or update the reference data used in production too: countries with their emergency numbers, "
        "helplines and cities; service categories, populations served and languages. Safe to run again."
    )

    def handle(self, *args, **options):
        counts = {**load_countries(), **load_taxonomy()}
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded: {summary}."))
