from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from members import roles
from services.hsds.importer import Importer, load_records


class Command(BaseCommand):
    help = (
        "Import Open Referral HSDS 3.0 data: a JSON file (a list or a single organization or service) or a tabular "
        "data package (its folder or datapackage.json). Creates or updates by HSDS id, so running it twice makes no "
        "duplicates. New organisations arrive as applications unless --approve is given. Existing locations keep "
        "their address and its visibility unless --replace-addresses is given. An organisation with an error in any "
        "of its records is reported and skipped as a whole; each organisation is saved in its own transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Check everything and report, but save nothing.")
        parser.add_argument(
            "--approve",
            action="store_true",
            help="Approve new organisations (through the membership decision, which records it in their history).",
        )
        parser.add_argument(
            "--replace-addresses",
            action="store_true",
            help=(
                "Existing locations take the file's address, map point and address visibility, even where that "
                "publishes an address that is confidential in the directory. The report names each one."
            ),
        )
        parser.add_argument(
            "--by",
            metavar="USERNAME",
            help="Who approves with --approve: a user who may decide membership (default: the first superuser).",
        )
        parser.add_argument(
            "--language",
            default="en",
            choices=[code for code, _name in settings.LANGUAGES],
            help="The language the texts are written in (default en).",
        )

    def _approver(self, username):
        User = get_user_model()
        if username:
            user = User.objects.filter(username=username, is_active=True).first()
            if user is None:
                raise CommandError(f"No active user {username!r}.")
        else:
            user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
            if user is None:
                raise CommandError("--approve needs a user who may decide membership: give one with --by.")
        if not user.has_perm(roles.DECIDE_MEMBERSHIP):
            raise CommandError(f"{user} may not decide membership.")
        return user

    def handle(self, *args, path, dry_run, approve, by, language, replace_addresses, **options):
        source = Path(path)
        if not source.exists():
            raise CommandError(f"{path} does not exist.")
        try:
            records = load_records(source)
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        approver = self._approver(by) if approve else None
        importer = Importer(
            language=language,
            dry_run=dry_run,
            approve_by=approver,
            source=source.name,
            replace_addresses=replace_addresses,
        )
        report = importer.run(records)
        for problem in report.errors:
            self.stderr.write(self.style.ERROR(f"Skipped {problem}"))
        for problem in report.addresses_changed:
            self.stdout.write(self.style.WARNING(f"Address changed {problem}"))
        for problem in report.addresses_kept:
            self.stdout.write(f"Address kept {problem}")
        for problem in report.warnings:
            self.stdout.write(self.style.WARNING(f"Warning {problem}"))
        if report.unknown_terms:
            self.stdout.write(self.style.WARNING("Unknown taxonomy terms: " + "; ".join(sorted(report.unknown_terms))))
        prefix = "Dry run, nothing saved: would have " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
