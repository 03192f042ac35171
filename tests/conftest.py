import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Every test starts with an empty cache, so cached reads from one test never leak into another."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code run outside a request (forms, services, admin checks) speaks the source language, English, in tests.

    Requests still choose their language from the URL prefix, as in production; a test that needs another
    language outside a request says so with ``translation.override``.
    """
    with translation.override("en"):
        yield
