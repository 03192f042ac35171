from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.accounts import ensure_demo_accounts
from demo.directory import load_demo


class Command(BaseCommand):
    help = (
        "Load the fictional demo directory (organisations, locations and services in the network's countries) and "
        "the demo accounts. Loads the reference data first. Running it again gives the same directory and keeps "
        "existing accounts and their passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the fictional directory even though DJANGO_ENV is production (a staging site, say).",
        )

    def handle(self, *args, **options):
        if settings.PRODUCTION and not options["allow_production"]:
            raise CommandError(
                "This is a production site (DJANGO_ENV=production): the demo directory is fictional and would be "
                "shown to survivors. Use --allow-production only on a staging copy."
            )
        counts = load_demo()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo directory loaded: {summary}."))
        for line in ensure_demo_accounts():
            self.stdout.write(line)
