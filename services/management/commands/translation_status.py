"""How complete the content translations are: per model and per language, records complete and records lacking some.

A field is missing in a language when it is empty there but written in another language (see
``members.admin_filters``); staff find the records themselves with the admin's "missing translation" filter.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from modeltranslation.translator import translator

from members.admin_filters import missing_translation_q

APPS = ("members", "services")


def translated_models():
    return [model for model in translator.get_registered_models(abstract=False) if model._meta.app_label in APPS]


class Command(BaseCommand):
    help = "Count, per model and per language, the records with every translated field written and those lacking some."

    def add_arguments(self, parser):
        parser.add_argument(
            "--model",
            action="append",
            dest="models",
            metavar="MODEL",
            help="Only this model, for example organisation or services.Service (repeat for several).",
        )

    def handle(self, *args, models=None, **options):
        chosen = self.choose(models) if models else translated_models()
        chosen.sort(key=lambda model: model._meta.label)

        headers = (_("Model"), _("Language"), _("Records"), _("Complete"), _("Missing"))
        rows = []
        for model in chosen:
            total = model._default_manager.count()
            for code, _name in settings.LANGUAGES:
                missing = model._default_manager.filter(missing_translation_q(model, code)).count()
                rows.append((model._meta.label, code, total, total - missing, missing))

        widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
        for index, row in enumerate([headers, *rows]):
            cells = [
                str(cell).ljust(width) if i < 2 else str(cell).rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            self.stdout.write("  ".join(cells).rstrip())
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))

    def choose(self, names):
        available = {model._meta.label_lower: model for model in translated_models()}
        by_name = {model._meta.model_name: model for model in available.values()}
        chosen = []
        for name in names:
            model = available.get(name.lower()) or by_name.get(name.lower())
            if model is None:
                raise CommandError(
                    _("%(name)s is not a translated model. Choose from: %(choices)s.")
                    % {"name": name, "choices": ", ".join(sorted(available))}
                )
            if model not in chosen:
                chosen.append(model)
        return chosen
