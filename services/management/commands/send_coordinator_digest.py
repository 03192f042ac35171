"""E-mail each coordinator the work waiting in her countries, when something waits.

Run it from cron, weekly: ``python manage.py send_coordinator_digest`` (README, Deployment).
"""

from django.core.management.base import BaseCommand

from services.services import coordinator_digest_send, digest_coordinators
from services.workbench import waiting_for


class Command(BaseCommand):
    help = "E-mail each coordinator the work waiting in her countries (only those for whom something waits)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would receive it, send nothing.")

    def handle(self, *args, dry_run=False, **options):
        sent = 0
        for coordinator in digest_coordinators():
            if dry_run:
                waiting = [item for item in waiting_for(coordinator) if item.count]
            else:
                waiting = coordinator_digest_send(coordinator=coordinator)
            if waiting:
                counts = ", ".join(f"{item.waiting.key} {item.count}" for item in waiting)
                self.stdout.write(f"{coordinator.pk}\t{coordinator.get_username()}\t{counts}")
                sent += 1
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(self.style.SUCCESS(f"{verb} the digest to {sent} coordinator(s)."))
