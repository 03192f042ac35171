from django.core.management.base import BaseCommand

from members.demo import ensure_demo_accounts, load_demo


class Command(BaseCommand):
    help = (
        "Load the fictional demo directory (organisations, locations and services in the network's countries) and "
        "the demo accounts. Loads the reference data first. Running it again gives the same directory and keeps "
        "existing accounts and their passwords."
    )

    def handle(self, *args, **options):
        counts = load_demo()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo directory loaded: {summary}."))
        for line in ensure_demo_accounts():
            self.stdout.write(line)
