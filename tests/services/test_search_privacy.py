"""Survivor safety of the search (issue 19): the words a person types are never stored or logged, on the pages and
the API, whether they are found, corrected, left out or name a service whole; on both databases."""

import logging
import pickle

import pytest
from django.apps import apps
from django.core.cache import caches
from django.db import models
from django.urls import reverse
from django.utils import translation

from services import card_cache, search
from tests.factories import ServiceCategoryFactory, ServiceFactory

pytestmark = pytest.mark.django_db

# Words no listing holds: each appears in the logs, the cache or the database only if a query put it there.
UNKNOWN = ["zafrinovela", "psicolgoa", "domestca"]
# Every word typed, those of listings too (in a search term, a name): never in a log line, and stored only where
# the listings keep them.
TYPED = [*UNKNOWN, "quetzalbirdo", "abogada", "violencia", "necesito"]
QUERIES = [
    "necesito abogada zafrinovela",  # a word found nowhere, left out and said
    "psicolgoa",  # corrected
    "violencia domestca",  # a typo inside a phrase
    "Quetzalbirdo Norte",  # a name typed whole
]


@pytest.fixture
def listings():
    legal = ServiceCategoryFactory(slug="legal-aid", name_es="Asesoría jurídica", search_terms_es="abogada")
    counselling = ServiceCategoryFactory(
        slug="psychosocial-support", name_es="Apoyo psicosocial", search_terms_es="psicóloga, violencia doméstica"
    )
    ServiceFactory(name_es="Consultorio Violeta", categories=[legal])
    ServiceFactory(name_es="Escucha Lila", categories=[counselling])
    ServiceFactory(name_es="Quetzalbirdo Norte", categories=[counselling])


@pytest.fixture
def every_log_record():
    """Every record any logger writes, at every level, as its handlers would see it (after the loggers' filters)."""
    written = []

    class Keep(logging.Handler):
        def emit(self, record):
            written.append(self.format(record))

    handler = Keep(level=logging.DEBUG)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    loggers = [logging.getLogger(), *(logging.getLogger(name) for name in list(logging.root.manager.loggerDict))]
    levels = [(logger, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield written
    finally:
        for logger, level in levels:
            logger.removeHandler(handler)
            logger.setLevel(level)


def _rows() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models(include_auto_created=True)}


def _stored_anywhere(word: str) -> list[str]:
    """The models' text columns that hold ``word`` (read in one language: modeltranslation reads a translated
    field's own name in the active one)."""
    found = []
    with translation.override("en"):
        for model in apps.get_models(include_auto_created=True):
            for field in model._meta.concrete_fields:
                text = isinstance(field, models.CharField | models.TextField) and not getattr(field, "generated", False)
                if text and model._default_manager.filter(**{f"{field.attname}__icontains": word}).exists():
                    found.append(f"{model._meta.label}.{field.attname}")
    return found


def _cached_anywhere(word: str) -> bool:
    """Whether a key or value of a process-local cache holds ``word`` (the tests' caches are local memory)."""
    for alias in caches:
        kept = getattr(caches[alias], "_cache", None)
        if kept is None:
            continue
        for key, value in list(kept.items()):
            if word in str(key).casefold() or word.encode() in (
                value if isinstance(value, bytes) else pickle.dumps(value)
            ):
                return True
    return False


def _kept_as_an_answer(word: str) -> bool:
    """Whether a key or value of the answers this process keeps (``services.search.search_answers``) holds
    ``word``."""
    return any(
        word.encode() in key.lower() or word.encode() in pickle.dumps(answer) or word in repr(answer).casefold()
        for key, answer in search.search_answers.entries()
    )


def _kept_as_results(word: str) -> bool:
    """Whether a key or value of the results blocks this process keeps (``services.card_cache.kept_results``) holds
    ``word``."""
    return any(
        word.encode() in pickle.dumps(key) or word.encode() in pickle.dumps(value) or word in repr(value).casefold()
        for key, value in card_cache.kept_results()
    )


def test_the_words_of_a_search_are_never_stored_or_logged(client, listings, every_log_record, monkeypatch):
    # Every answer counts as broad here, so that the answers of these searches are kept where they may be.
    monkeypatch.setattr(search.SearchAnswers, "broad", 1)
    search.search_answers.forget()
    card_cache.forget()
    before = _rows()
    # A word of a listing: stored only where the listing keeps it (its category's terms, its document).
    stored_before = {word: _stored_anywhere(word) for word in TYPED}
    with translation.override("es"):
        url = reverse("services:search")
    # The capture sees what a request logs: a page not found is logged by Django, its path alone.
    assert client.get("/es/no-such-page-zz/").status_code == 404
    for query in QUERIES:
        for params in ({"q": query}, {"q": query, "as_typed": "1"}, {"q": query, "page": "2"}):
            assert client.get(url, params).status_code in (200, 404)
        response = client.get("/api/v1/services/", {"q": query, "lang": "es"})
        assert response.status_code == 200
    logged = "\n".join(every_log_record).casefold()
    assert "/es/no-such-page-zz/" in logged
    for word in TYPED:
        assert word not in logged, word
        assert _stored_anywhere(word) == stored_before[word], word
    for word in UNKNOWN:
        assert not _stored_anywhere(word), word
        assert not _cached_anywhere(word), word
    # The corrected searches' answers are kept (under a keyed hash), without a word typed.
    assert len(search.search_answers.entries()) >= 2
    for word in TYPED:
        assert not _kept_as_an_answer(word), word
    # Their results too, with a mark where what was typed goes in their links.
    assert card_cache.kept_results()
    for word in UNKNOWN:
        assert not _kept_as_results(word), word
    search.search_answers.forget()
    assert _rows() == before
