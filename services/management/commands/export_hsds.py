import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from services.hsds.export import export_organizations
from services.hsds.tabular import write_package


class Command(BaseCommand):
    help = (
        "Write the public directory in Open Referral HSDS 3.0: JSON (a list of organizations with their services, "
        "locations, schedules, phones, languages, cost options and our categories as taxonomy terms) or the tabular "
        "data package (a folder with datapackage.json and one CSV per table). Only approved organisations and active "
        "services; confidential locations without address or coordinates. One language per run, with fallback."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="A .json file (or - for standard output), or a folder for --format csv.")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--language",
            default="en",
            choices=[code for code, _name in settings.LANGUAGES],
            help="The language of the texts; a text missing in it falls back to another language (default en).",
        )

    def handle(self, *args, output, format, language, **options):
        organizations = export_organizations(language=language)
        services = sum(len(organization.get("services", [])) for organization in organizations)
        if format == "csv":
            if output == "-":
                raise CommandError("The tabular data package is a folder: give its path.")
            write_package(organizations, Path(output))
        else:
            text = json.dumps(organizations, indent=2, ensure_ascii=False) + "\n"
            if output == "-":
                self.stdout.write(text, ending="")
                return
            path = Path(output)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self.stdout.write(
            self.style.SUCCESS(f"Exported {len(organizations)} organisations and {services} services to {output}.")
        )
