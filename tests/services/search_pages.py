"""The pages a search gives, and the same pages the plain way (``services.search.plain_way``), for the tests that
compare the shortcuts with ranking every match."""

from django.db import connection
from django.http import QueryDict
from django.utils import translation

from services import search
from services.filters import ServiceFilter


def pages(language: str, query: str, size: int) -> tuple[list[list[int]], int]:
    """Every page of ``query`` (a query string) on the ``language`` page, as service ids, and the count."""
    with translation.override(language):
        filterset = ServiceFilter(QueryDict(query))
        paginator = search.CappedPaginator(filterset.qs, size)
        found = [[service.pk for service in paginator.get_page(n)] for n in range(1, paginator.num_pages + 1)]
    return found, paginator.count


def assert_the_plain_way_gives_the_same_pages(language: str, query: str, size: int) -> None:
    fast = pages(language, query, size)
    with search.plain_way():
        plain = pages(language, query, size)
    assert fast == plain
    assert fast[1] > 0


def assert_the_same_pages_when_counted_up_to_the_limit(monkeypatch, language: str, query: str, rows_per_id: int):
    """A small count limit makes the matches "many" (read in name order); few rows per id on PostgreSQL make the
    first rows of the sort index too few, so the matches are sorted."""
    engine = search.backend(connection.alias)
    for name in ("DENSE_ROWS_PER_ID", "AT_RANK_ROWS_PER_ID"):
        if hasattr(engine, name):
            monkeypatch.setattr(engine, name, rows_per_id)
    monkeypatch.setattr(search.CappedPaginator, "count_limit", 3)
    fast = pages(language, query, 2)
    with search.plain_way():
        plain = pages(language, query, 2)
    assert fast == plain
