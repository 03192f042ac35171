"""Guard: the interface is complete in every language — no untranslated, fuzzy or broken entry."""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")


def catalogue(language: str) -> polib.POFile:
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing"
    return polib.pofile(str(path))


def placeholders(text: str) -> set[str]:
    return {match.group(0) for match in PLACEHOLDER.finditer(text)}


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_is_complete(language):
    po = catalogue(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert len(po) > 50


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_translations_keep_every_placeholder(language):
    broken = []
    for entry in catalogue(language).translated_entries():
        if entry.msgid_plural:
            pairs = [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, translation in pairs:
            if placeholders(source) != placeholders(translation):
                broken.append(entry.msgid)
    assert not broken, f"{language}: placeholders differ in {broken[:5]}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo_path = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), "run `manage.py compile_translations` (make run and make test do)"
    mo = polib.mofile(str(mo_path))
    compiled = {entry.msgid: entry.msgstr for entry in mo if not entry.msgid_plural}
    for entry in po.translated_entries():
        if not entry.msgid_plural and not entry.msgctxt:
            assert compiled.get(entry.msgid) == entry.msgstr, entry.msgid


# The keywords Django's makemessages gives xgettext for Python files (gettext, ngettext and _ are xgettext's own).
XGETTEXT_KEYWORDS = [
    "gettext_noop",
    "gettext_lazy",
    "ngettext_lazy:1,2",
    "pgettext:1c,2",
    "npgettext:1c,2,3",
    "pgettext_lazy:1c,2",
    "npgettext_lazy:1c,2,3",
]


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext's xgettext (make messages needs it)")
def test_make_messages_finds_every_message_the_python_code_asks_for():
    """Every catalogue entry used in a Python file is found there by xgettext, as ``make messages`` runs it: one it
    cannot read (a gettext call inside an f-string) would be dropped from the catalogues on the next run, and shown
    untranslated."""
    po = catalogue("es")
    sources = {}
    for entry in po:
        for path, _line in entry.occurrences:
            if path.endswith(".py"):
                sources.setdefault(path, set()).add((entry.msgctxt, entry.msgid))
    assert sources
    command = ["xgettext", "--language=Python", "--from-code=UTF-8", "--output=-"]
    command += [f"--keyword={keyword}" for keyword in XGETTEXT_KEYWORDS]
    extracted = subprocess.run(  # noqa: S603  # nosec B603  # our command and our own files
        [*command, *sorted(sources)], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    ).stdout
    found = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(extracted)}
    missing = sorted(msgid for wanted in sources.values() for context, msgid in wanted - found)
    assert not missing, f"xgettext does not find {missing[:5]}"
