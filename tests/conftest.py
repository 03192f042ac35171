import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Every test starts with an empty cache, so cached reads from one test never leak into another."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
