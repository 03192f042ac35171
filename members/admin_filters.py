"""Which listings lack a translation: the admin's "missing translation" filter and the ``translation_status`` command.

A translated field is *missing* in a language when it is empty in that language but written in another one: the
directory then shows the other language's text (fallback) where a translation should be. A field left empty in
every language (an optional description nobody wrote) is missing content, not a missing translation.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from members.closures import ending_this_week


def translated_field_names(model: type[Model]) -> list[str]:
    """The model's fields translated with modeltranslation (``name``, ``description``...), in declaration order."""
    return list(translator.get_options_for_model(model).fields)


def _written(field: str, language: str) -> Q:
    return Q(**{f"{build_localized_fieldname(field, language)}__gt": ""})


def _empty(field: str, language: str) -> Q:
    localized = build_localized_fieldname(field, language)
    return Q(**{f"{localized}__isnull": True}) | Q(**{localized: ""})


def missing_translation_q(model: type[Model], language: str) -> Q:
    """Records with at least one translated field empty in ``language`` but written in another language."""
    others = [code for code, _name in settings.LANGUAGES if code != language]
    conditions = [
        _empty(field, language) & reduce(or_, (_written(field, other) for other in others))
        for field in translated_field_names(model)
    ]
    return reduce(or_, conditions)


class MissingTranslationFilter(admin.SimpleListFilter):
    """Pick a language, see the listings that still need a translation into it."""

    title = _("missing translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in dict(settings.LANGUAGES):
            return queryset.filter(missing_translation_q(queryset.model, self.value()))
        return queryset


class ClosureEndingFilter(admin.SimpleListFilter):
    """Locations or services whose temporary closure ends this week: the coordinator checks they reopen."""

    title = _("temporary closure")
    parameter_name = "closure"

    def lookups(self, request, model_admin):
        return [("ending", _("Ending this week"))]

    def queryset(self, request, queryset):
        if self.value() == "ending":
            return ending_this_week(queryset, timezone.localdate())
        return queryset
