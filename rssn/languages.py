"""The site's language helpers, in one place: the page's language, the order in which a translated content field
falls back, the best available value of such a field, the per-language names of translated fields, and the links to
the current page in each language.

A listing may be written in one language only. Pages show it in the visitor's language when it exists, otherwise
in the language its member wrote it in, otherwise in the language the site's fallback order prefers, and say which
language that is so templates can mark it with ``lang`` and a small "shown in Spanish" note. No models here:
``members`` and ``services`` both use it.
"""

import functools
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, resolve, reverse
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


def base_language(code: str) -> str:
    """A language code without its region: ``es`` for ``es-co``."""
    return code.split("-")[0]


def supported_language(code: str | None) -> str:
    """``code`` when the site has that language, else the site's default (``LANGUAGE_CODE``)."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def localized_name(field: str, language: str) -> str:
    """The attribute of ``field`` in ``language``: ``name`` in ``id`` is ``name_ind`` (modeltranslation)."""
    return build_localized_fieldname(field, language.replace("-", "_"))


def in_every_language(*fields: str) -> tuple[str, ...]:
    """``name`` → ``name_es``, ``name_pt``, ``name_en``, ``name_ind``: each field's attribute in every language, in
    the order of ``LANGUAGES`` (admin search lookups, spreadsheet columns, form checks)."""
    return tuple(build_localized_fieldname(field, code) for field in fields for code, _name in settings.LANGUAGES)


def language_order(language: str) -> list[str]:
    """The active language first, then its fallbacks, then every other language."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    order = [language, *fallbacks.get(language, ()), *fallbacks.get("default", ())]
    order += [code for code, _name in settings.LANGUAGES]
    return list(dict.fromkeys(order))


@functools.cache
def localized_fields(field: str, language: str, own: str | None = None) -> tuple[tuple[str, str], ...]:
    """``(language, attribute)`` pairs to read ``field`` from, best first: the page's language, then the language
    the listing was written in (``own``), then the languages closest to the page's. Worked out once per field and
    pair of languages: a results page asks for some hundred translated values."""
    order = language_order(language)
    if own in order:
        order = list(dict.fromkeys([language, own, *order]))
    return tuple((code, build_localized_fieldname(field, code)) for code in order)


def written_in(instance) -> str | None:
    """The language a listing's member wrote it in (her contact language), when it is known without a query: an
    organisation's own, or that of a record's organisation already read with it."""
    own = getattr(instance, "contact_language", None)
    if own is None:
        state = getattr(instance, "_state", None)
        organisation = state.fields_cache.get("organisation") if state is not None else None
        own = getattr(organisation, "contact_language", None)
    return own


@receiver(setting_changed)
def _forget_localized_fields(*, setting, **kwargs):
    if setting in {"LANGUAGES", "MODELTRANSLATION_FALLBACK_LANGUAGES"}:
        localized_fields.cache_clear()
    if setting in {"LANGUAGES", "ROOT_URLCONF", "LANGUAGE_CODE"}:
        _reversed.cache_clear()


def page_language() -> str:
    """The active interface language without its region (``es`` for ``es-co``)."""
    return base_language(translation.get_language() or settings.LANGUAGE_CODE)


def best_translation(instance, field: str, language: str | None = None) -> Translated:
    """The value of ``instance.<field>`` in the best available language, and that language's code."""
    language = base_language(language) if language else page_language()
    for code, attribute in localized_fields(field, language, written_in(instance)):
        value = getattr(instance, attribute, None)
        if value:
            return Translated(str(value), code, language)
    return Translated("", language, language)


def language_links(request) -> list[dict]:
    """One plain link per language to the current page and query, for the switcher and ``hreflang``. A page that
    has no address (the "not found" page) has no translation either: its links lead to each language's home page."""
    page = request.get_full_path()
    current = translation.get_language()
    translated = _translations(page)
    links = []
    for code, _name in settings.LANGUAGES:
        url = translated(code)
        if url == page and code != current:
            url = _reversed(get_script_prefix(), code, "services:home", (), ())
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return links


def _translations(url: str):
    """``django.urls.translate_url(url, code)`` as a function of the code, the address resolved once."""
    parsed = urlsplit(url)
    try:
        match = resolve(unquote(parsed.path))
    except Resolver404:
        return lambda code: url
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name

    def translated(code: str) -> str:
        path = _reversed(get_script_prefix(), code, name, tuple(match.args), tuple(match.kwargs.items()))
        return url if path is None else urlunsplit((parsed.scheme, parsed.netloc, path, parsed.query, parsed.fragment))

    return translated


@functools.lru_cache(maxsize=4096)
def _reversed(prefix: str, code: str, name: str, args: tuple, kwargs: tuple) -> str | None:
    """The address of a page in a language (None when it has none) under the script ``prefix``: kept."""
    with translation.override(code):
        try:
            return reverse(name, args=args, kwargs=dict(kwargs))
        except NoReverseMatch:
            return None
