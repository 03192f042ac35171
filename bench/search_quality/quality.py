"""Search quality: the judged queries of ``judged-queries.tsv`` run through the search the pages use, scored.

For each query, the first results of ``ServiceFilter`` (the search page's and the API's filterset) in the page
language are read; a result *hits* when one of its categories, or a category's main category, is one the query
expects. Per language: hit@5 (the share of queries with a hit among the first five results), the mean reciprocal
rank of the first hit (among the first ten; none counts 0) and the share of queries with no result at all.

Used by ``bench/search_quality/run.py`` (``make search-quality``) and by ``tests/services/test_search_quality.py``;
both need a database with the demo directory loaded.
"""

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

JUDGED_QUERIES = Path(__file__).resolve().parent / "judged-queries.tsv"
LANGUAGES = ("es", "pt", "en", "id")
HIT_RANK = 5
RANKS_READ = 10
#: The targets the issue sets, and the floor below which the test fails.
HIT_TARGET, NO_RESULT_TARGET, HIT_FLOOR = 0.95, 0.02, 0.90


@dataclass(frozen=True)
class Judged:
    language: str
    query: str
    expected: frozenset[str]


@dataclass
class Figures:
    queries: int = 0
    hits: int = 0
    reciprocal_ranks: float = 0.0
    empty: int = 0
    misses: list[tuple[str, int]] = field(default_factory=list)  # (query, results found)

    @property
    def hit_at_5(self) -> float:
        return self.hits / self.queries if self.queries else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal_ranks / self.queries if self.queries else 0.0

    @property
    def no_result(self) -> float:
        return self.empty / self.queries if self.queries else 0.0


def judged_queries(path: Path = JUDGED_QUERIES) -> list[Judged]:
    """The judged queries: lines ``language<TAB>query<TAB>slug,slug``; ``#`` lines and the header are skipped."""
    queries = []
    with path.open(encoding="utf-8", newline="") as lines:
        for row in csv.reader((line for line in lines if not line.startswith("#")), delimiter="\t"):
            if not row or row[0] == "language":
                continue
            language, query, expected = row
            queries.append(Judged(language, query, frozenset(slug.strip() for slug in expected.split(","))))
    return queries


def category_slugs_by_service() -> dict[int, set[str]]:
    """Each service's category slugs and their main categories' slugs, read once for every query judged."""
    from services.models import Service, ServiceCategory

    parents = dict(ServiceCategory.objects.values_list("pk", "parent_id"))
    slugs = dict(ServiceCategory.objects.values_list("pk", "slug"))
    found = defaultdict(set)
    for service_id, category_id in Service.categories.through.objects.values_list("service_id", "servicecategory_id"):
        found[service_id].add(slugs[category_id])
        if parents[category_id]:
            found[service_id].add(slugs[parents[category_id]])
    return found


def search_ids(language: str, query: str, limit: int = RANKS_READ) -> list[int]:
    """The ids of the first ``limit`` services the search page in ``language`` lists for ``query``."""
    from django.http import QueryDict
    from django.utils import translation

    from services.filters import ServiceFilter

    data = QueryDict(mutable=True)
    data["q"] = query
    with translation.override(language):
        filterset = ServiceFilter(data)
        return [service.pk for service in filterset.qs[:limit]]


def evaluate(queries: list[Judged]) -> dict[str, Figures]:
    figures = {language: Figures() for language in LANGUAGES}
    slugs = category_slugs_by_service()
    for judged in queries:
        ids = search_ids(judged.language, judged.query)
        first_hit = next((rank for rank, pk in enumerate(ids, start=1) if slugs[pk] & judged.expected), None)
        language = figures[judged.language]
        language.queries += 1
        language.empty += not ids
        if first_hit is not None:
            language.reciprocal_ranks += 1 / first_hit
        if first_hit is not None and first_hit <= HIT_RANK:
            language.hits += 1
        else:
            language.misses.append((judged.query, len(ids)))
    return figures


def report(figures: dict[str, Figures], *, misses: bool = False) -> str:
    lines = [f"{'language':<9}{'queries':>8}{'hit@5':>8}{'MRR':>8}{'no result':>11}"]
    for language, row in figures.items():
        lines.append(
            f"{language:<9}{row.queries:>8}{row.hit_at_5:>8.1%}{row.mrr:>8.3f}{row.no_result:>11.1%}"
            + ("" if row.hit_at_5 >= HIT_TARGET and row.no_result <= NO_RESULT_TARGET else "   below target")
        )
    if misses:
        for language, row in figures.items():
            for query, found in row.misses:
                lines.append(f"  miss {language}: {query!r} ({found} result{'s' if found != 1 else ''} read)")
    return "\n".join(lines)
