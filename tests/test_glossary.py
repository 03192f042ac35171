"""Guard: the variants that locale/README.md's "Words we do not use" lists do not come back.

Searched in each language: the project's catalogues (English: their source texts), the reference data and the demo
content written in the four languages, and every message Django and the installed apps serve in that language
(Django's Spanish is Spain's, its Portuguese Portugal's, unless the settings and ``rssn/django_wording.py`` say
otherwise).
"""

import dataclasses
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import trans_real

from demo import directory as demo
from members import reference, time_zones
from services import reference as taxonomy

README = Path(settings.BASE_DIR) / "locale" / "README.md"
LANGUAGES = ("es", "pt", "en", "id")


def forbidden_variants() -> dict[str, list[str]]:
    """``{language: [variant, ...]}`` from the README's table."""
    section = README.read_text().split("## Words we do not use", 1)[1]
    rows = re.findall(r"^\| (es|pt|en|id) \| ([^|]+?) \|", section, re.MULTILINE)
    variants = {}
    for language, variant in rows:
        variants.setdefault(language, []).append(variant.strip())
    return variants


def pattern(variants: list[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(variant) for variant in variants) + r")(?!\w)", re.IGNORECASE)


# The categories' search terms are the words people type, kept as they say them: a variant the directory does not
# write ("ruta de atención", "manajer kasus") is exactly what its search must understand. They are never shown.
WORDS_PEOPLE_TYPE = {"SEARCH_TERMS"}


def texts_in(value) -> dict[str, list[str]]:
    """Every text of a module's reference data, by language: the dictionaries keyed by the four languages, found in
    lists, tuples, dictionaries and dataclasses."""
    found = {language: [] for language in LANGUAGES}

    def walk(item):
        if isinstance(item, dict):
            if set(item) == set(LANGUAGES):
                for language, text in item.items():
                    if isinstance(text, str):
                        found[language].append(text)
                    else:
                        walk(text)
            else:
                for nested in item.values():
                    walk(nested)
        elif isinstance(item, list | tuple):
            for nested in item:
                walk(nested)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            for field in dataclasses.fields(item):
                walk(getattr(item, field.name))

    for name, module_value in vars(value).items():
        if not name.startswith("__") and name not in WORDS_PEOPLE_TYPE:
            walk(module_value)
    return found


def catalogue_texts(language: str) -> list[str]:
    if language == "en":
        po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"))
        return [text for entry in po for text in (entry.msgid, entry.msgid_plural) if text]
    po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"))
    return [entry.msgstr for entry in po] + [text for entry in po for text in entry.msgstr_plural.values()]


def served_texts(language: str) -> list[str]:
    """The messages served in ``language``: for each message, the translation that wins among Django's, the
    installed apps' and the project's catalogues."""
    catalog = trans_real.translation(language)._catalog
    keys = catalog.keys()  # a TranslationCatalog, not a dict: it cannot be iterated itself
    return [text for text in (catalog.get(key) for key in keys) if isinstance(text, str)]


CONTENT = {module.__name__: texts_in(module) for module in (taxonomy, reference, time_zones, demo)}


def test_the_readme_lists_variants_for_every_language():
    variants = forbidden_variants()
    assert set(variants) == set(LANGUAGES)
    assert "Alojamiento seguro" in variants["es"] and "Palavra-passe" in variants["pt"]
    assert "la sobreviviente" in variants["es"] and "Transferência de renda" in variants["pt"]


def test_the_reference_data_is_read_in_every_language():
    for texts in CONTENT.values():
        assert all(texts[language] for language in LANGUAGES)
    assert "Albergue seguro" in CONTENT[taxonomy.__name__]["es"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_forbidden_variant_in_the_catalogues(language):
    variants = pattern(forbidden_variants()[language])
    found = sorted({match.group(0) for text in catalogue_texts(language) for match in variants.finditer(text)})
    assert found == [], f"{language}: {found} (see locale/README.md, “Words we do not use”)"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("module", sorted(CONTENT))
def test_no_forbidden_variant_in_the_reference_data_and_demo_content(module, language):
    variants = pattern(forbidden_variants()[language])
    found = [text for text in CONTENT[module][language] if variants.search(text)]
    assert found == [], f"{module}, {language}: {found[:3]}"


@pytest.mark.parametrize("language", ["es", "pt", "id"])
def test_no_forbidden_variant_in_what_django_and_the_apps_serve(language):
    variants = pattern(forbidden_variants()[language])
    found = sorted({text for text in served_texts(language) if variants.search(text)})
    assert found == [], f"{language}: {found[:5]}"


def test_the_guard_finds_a_variant_that_comes_back():
    """The search itself: a planted variant, in any case, is found as whole words only."""
    variants = pattern(forbidden_variants()["es"])
    assert variants.search("Tipo de ayuda: ALOJAMIENTO SEGURO")
    assert variants.search("con el consentimiento de la sobreviviente.")
    assert not variants.search("con el consentimiento de la persona sobreviviente.")
    assert pattern(forbidden_variants()["pt"]).search("Palavra-passe:")
    assert not pattern(forbidden_variants()["pt"]).search("das pessoas sobreviventes")
    assert not pattern(forbidden_variants()["en"]).search("the shelter helps them")
