"""E-mail each approved member not verified in six months a signed link to confirm or correct its listing.

Run it from cron, for example monthly: ``python manage.py send_verification_reminders``.
"""

from django.core.management.base import BaseCommand

from members.services import stale_listings
from services.services import verification_reminder_send


class Command(BaseCommand):
    help = "E-mail the private contact of each listing not verified in six months a link to confirm or correct it."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the organisations, send nothing.")

    def handle(self, *args, dry_run=False, **options):
        stale = stale_listings().order_by("last_verified_on", "pk")
        count = 0
        for organisation in stale.iterator():
            if not dry_run:
                verification_reminder_send(organisation=organisation)
            self.stdout.write(f"{organisation.pk}\t{organisation.last_verified_on or '-'}\t{organisation}")
            count += 1
        verb = "Would remind" if dry_run else "Reminded"
        self.stdout.write(self.style.SUCCESS(f"{verb} {count} organisation(s)."))
