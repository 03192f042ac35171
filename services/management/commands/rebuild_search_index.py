from django.core.management.base import BaseCommand

from services.search import forget_kept_listings, rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index (text documents and map points) of every service, then refresh the database's "
        "statistics, and forget what is cached of the listings. Run it after bulk loads that bypass model signals "
        "(bulk_create, update, loaddata)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias (default: default).")

    def handle(self, *args, database, **options):
        count = rebuild_index(using=database)
        forget_kept_listings()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} services."))
