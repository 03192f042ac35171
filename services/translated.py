"""The one place that picks the best available language of a translated content field.

A listing may be written in one language only. Pages show it in the visitor's language when it exists, otherwise
in the language the site's fallback order prefers, and say which language that is so templates can mark it with
``lang`` and a small "shown in Spanish" note.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

SHOWN_IN = {
    "es": _("Shown in Spanish"),
    "pt": _("Shown in Portuguese"),
    "en": _("Shown in English"),
    "id": _("Shown in Indonesian"),
}


@dataclass(frozen=True)
class Translated:
    value: str
    language: str
    page_language: str

    def __str__(self):
        return self.value

    def __bool__(self):
        return bool(self.value)

    @property
    def differs(self) -> bool:
        """Whether the text is in another language than the page."""
        return bool(self.value) and self.language != self.page_language

    @property
    def shown_in(self) -> str:
        return str(SHOWN_IN.get(self.language, "")) if self.differs else ""


def language_order(language: str) -> list[str]:
    """The active language first, then its fallbacks, then every other language."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    order = [language, *fallbacks.get(language, ()), *fallbacks.get("default", ())]
    order += [code for code, _name in settings.LANGUAGES]
    return list(dict.fromkeys(order))


@functools.cache
def _localized_fields(field: str, language: str) -> tuple[tuple[str, str], ...]:
    """``(language, attribute)`` pairs to read ``field`` from, best first. Worked out once per field and language:
    a results page asks for some hundred translated values."""
    return tuple((code, build_localized_fieldname(field, code)) for code in language_order(language))


@receiver(setting_changed)
def _forget_localized_fields(*, setting, **kwargs):
    if setting in {"LANGUAGES", "MODELTRANSLATION_FALLBACK_LANGUAGES"}:
        _localized_fields.cache_clear()


def page_language() -> str:
    """The active interface language without its region (``es`` for ``es-co``)."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def best_translation(instance, field: str, language: str | None = None) -> Translated:
    """The value of ``instance.<field>`` in the best available language, and that language's code."""
    language = language.split("-")[0] if language else page_language()
    for code, attribute in _localized_fields(field, language):
        value = getattr(instance, attribute, None)
        if value:
            return Translated(str(value), code, language)
    return Translated("", language, language)
