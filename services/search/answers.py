"""A results page (``search``), and the answers of repeated searches, kept per process.

A search asked again (the same words, filters, page and size, in the same language) need not run its statements
again: its answer is kept in a least-recently-used map of ``ANSWERS_PER_PROCESS`` entries, the ids of the page in
order with their rank and distance, the count, the phone and online services beside it, and the corrections of its
words. A page made from a kept answer still reads its services through the listing's public rule (or the ids of
those whose card is kept), as any page does.

What a person typed is never kept. The key is an HMAC, under a secret made at random when the process starts and
never written anywhere, of what decides the answer (``ServiceFilter.kept_answer_parts``), the page asked for, its
size, the directory's version (``services.cache.version``: an edit of any listing, location or category forgets
every answer) and, for open now, the minute. The value holds ids, numbers, and each correction as the position of
the word it replaces and the word of the public vocabulary searched instead. Only broad answers are kept (at least
``SearchAnswers.broad`` services, every word found together, no name typed whole), and never near the browser's
location: a kept answer comes faster, and the time a request takes must not tell anyone that someone else searched
for a rare word, a shelter's name or from a place. Nothing is written to the shared cache, a file or the database,
and nothing outlives the process.
"""

import contextlib
import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass, field

from cachetools import LRUCache
from django.core.paginator import Page
from django.db import connections

from services import cache as directory_cache
from services.models import Service

from .paging import CappedPaginator
from .reading import read_rows
from .shortcuts import carried_annotations, shortcut
from .text import normalise
from .understanding import Understanding

ANSWERS_PER_PROCESS = 2000


@dataclass
class ResultPage:
    """One page of a search: its services (``page``, a Django ``Page``; ``capped`` when the count stopped at
    ``COUNT_LIMIT``) and, near a place, the first phone and online services covering the place's country
    (``remote``; ``more_remote`` when there are more)."""

    page: Page
    capped: bool
    remote: list = field(default_factory=list)
    more_remote: bool = False


@dataclass(frozen=True)
class Answer:
    """What a search found, without what was typed: the page's ``number``, the ``count``, the page's rows and
    those of the list beside it (``(id, *values)`` of ``names``: ``search_rank``, ``distance_km``), and the
    ``corrections``, ``(position of the typed word among the text's words, the word searched instead)``."""

    number: int
    count: int
    names: tuple[str, ...]
    rows: tuple[tuple, ...]
    remote_names: tuple[str, ...] = ()
    remote: tuple[tuple, ...] = ()
    more_remote: bool = False
    understood: bool = False
    corrections: tuple[tuple[int, str], ...] = ()


class SearchAnswers:
    """The answers this process keeps, by an HMAC of what decides them (``key``), the least recently used dropped
    first. ``broad``: the fewest services an answer finds to be kept."""

    broad = 100

    def __init__(self, size: int = ANSWERS_PER_PROCESS):
        self._secret = secrets.token_bytes(32)  # made at process start, never written anywhere
        self._lock = threading.Lock()
        self._answers: LRUCache = LRUCache(maxsize=size)

    def key(self, *asked) -> bytes:
        """The key of the answer to what ``asked`` says (plain values), at the directory's current version and with
        the counts' limit."""
        asked = (*asked, CappedPaginator.count_limit, directory_cache.version())
        return hmac.new(self._secret, repr(asked).encode(), hashlib.sha256).digest()

    def search_key(self, parts: tuple | None, page, size: int, remote: int = 0, strict: bool = False) -> bytes | None:
        """The key of a search's answer (``search``): ``parts`` is what decides it (``kept_answer_parts``, None when
        its answer is never kept, and then so is the key)."""
        if parts is None:
            return None
        return self.key("search", parts, str(page)[:20], size, remote, strict)

    def get(self, key: bytes) -> Answer | None:
        with self._lock:
            return self._answers.get(key)

    def keep(self, key: bytes, answer: Answer) -> None:
        with self._lock:
            self._answers[key] = answer

    def entries(self) -> list[tuple[bytes, Answer]]:
        """Every kept key and answer (tests: nothing typed is among them)."""
        with self._lock:
            return list(self._answers.items())

    def forget(self) -> None:
        """Forget every kept answer (tests, ``bench/run.py``)."""
        with self._lock:
            self._answers.clear()

    @contextlib.contextmanager
    def set_aside(self):
        """Inside the block, no answer kept before it is found; after it, those come back and the answers kept
        inside are forgotten (``bench/run.py``: queries seen for the first time)."""
        with self._lock:
            saved = list(self._answers.items())
            self._answers.clear()
        try:
            yield
        finally:
            with self._lock:
                self._answers.clear()
                for key, answer in saved:
                    self._answers[key] = answer


search_answers = SearchAnswers()


@shortcut
def kept_answer(key: bytes) -> Answer | None:
    """The answer kept under ``key``, if any (a shortcut: ``plain_way`` answers every search anew)."""
    return search_answers.get(key)


def search(
    filters, page, size: int, *, remote: int = 0, kept=None, strict: bool = False, kept_results=None
) -> ResultPage:
    """The services that ``filters`` (a ``services.filters.ServiceFilter``) find, page ``page`` (a number, or text
    as a request gives it: a wrong one is the nearest page, or ``InvalidPage`` when ``strict``; "last" the last) of
    ``size``; near a place, with up to ``remote`` of the phone and online services covering the place's country,
    read with the first page. ``kept``: what answers the services whose rows need not be read (``read_slices``;
    ``services.card_cache.PageCards.kept``). A kept answer answers a search asked again.

    ``kept_results``: the page's ``services.card_cache.KeptResults``, told the key of an answer that is kept. When it
    holds the page's results already and every service of the answer is still public (one statement), the page is
    not read: ``page`` is None, and the results come from the block."""
    parts = filters.kept_answer_parts()
    key = search_answers.search_key(parts, page, size, remote, strict)
    answer = kept_answer(key) if key is not None else None
    if answer is not None:
        if kept_results is not None and kept_results.answer_kept(key):
            if _all_public(answer, filters.queryset.db):
                filters.answered(_understood(filters, answer))
                return ResultPage(page=None, capped=answer.count >= CappedPaginator.count_limit)
            kept_results.not_kept()
            return _from_answer(filters, answer, size, kept, compiled=False)
        return _from_answer(filters, answer, size, kept)
    results = filters.qs.with_listing_data()
    beside = []
    if remote and filters.place is not None:
        # One more than is shown, to know whether there are more: that one's rows are not read (``read_slices``).
        beside = [(filters.remote_queryset().with_listing_data(), 0, remote + 1, remote)]
    paginator = CappedPaginator(results, size, beside_first_page=beside, kept=kept)
    number = paginator.num_pages if page == "last" else page
    shown = paginator.page(number) if strict else paginator.get_page(number)
    others = paginator.beside[0] if beside else []
    found = ResultPage(page=shown, capped=paginator.capped, remote=others[:remote], more_remote=len(others) > remote)
    if key is not None:
        answer = _answer_of(filters, found, results, beside)
        # Kept only under the key it was made for: no edit saved while it was made (open now was decided at the
        # minute of its key, ``ServiceFilter.asked_at``).
        if answer is not None and search_answers.search_key(parts, page, size, remote, strict) == key:
            search_answers.keep(key, answer)
            if kept_results is not None:
                kept_results.answer_kept(key)
    return found


# The public rule's statement for a number of ids, per database: compiled once, as building it through the ORM cost as
# much as running it (docs/performance.md, "Reading a page"), with stand-ins where the ids go.
_public_rules: dict[tuple[str, int], tuple[str, list]] = {}
_STAND_IN = -987654321


def _all_public(answer: Answer, db: str) -> bool:
    """Whether every service of ``answer`` (its page and the list beside it) is still public
    (``Service.objects.public()``)."""
    return _all_public_ids({row[0] for row in (*answer.rows, *answer.remote)}, db)


def _all_public_ids(ids, db: str) -> bool:
    """Whether every one of these services is still public (``Service.objects.public()``)."""
    ids = sorted(ids)
    rule = _public_rules.get((db, len(ids)))
    if rule is None:
        stand_ins = list(range(_STAND_IN, _STAND_IN - len(ids), -1))
        query = Service.objects.using(db).public().filter(pk__in=stand_ins).order_by().values_list("pk").query
        sql, params = query.get_compiler(using=db).as_sql()
        places = [stand_ins.index(value) if value in stand_ins else None for value in params]
        rule = _public_rules[(db, len(ids))] = (sql, list(zip(params, places, strict=True)))
    sql, params = rule
    with connections[db].cursor() as cursor:
        cursor.execute(sql, [value if place is None else ids[place] for value, place in params])
        return len(cursor.fetchall()) == len(ids)


def _rows(services, names) -> tuple[tuple, ...]:
    return tuple((service.pk, *(getattr(service, name) for name in names)) for service in services)


def _answer_of(filters, found: ResultPage, results, beside) -> Answer | None:
    """``found`` as an answer to keep, or None when it is not broad (``SearchAnswers.broad``) or its words are not all
    found together, name a service whole, or cannot be said without what was typed."""
    count = found.page.paginator.count
    if count < search_answers.broad:
        return None
    corrections = ()
    understood = filters.understood
    if understood is not None:
        if understood.missing or understood.partial or understood.whole_name:
            return None
        tokens = [normalise(token) for token in filters.text.split()]
        if any(word not in tokens for word in understood.corrections):
            return None
        corrections = tuple(
            (position, understood.corrections[word])
            for position, word in enumerate(tokens)
            if word in understood.corrections
        )
    names = tuple(carried_annotations(results._index))
    remote_names = tuple(carried_annotations(beside[0][0]._index)) if beside else ()
    return Answer(
        number=found.page.number,
        count=count,
        names=names,
        rows=_rows(found.page.object_list, names),
        remote_names=remote_names,
        remote=_rows(found.remote, remote_names),
        more_remote=found.more_remote,
        understood=understood is not None,
        corrections=corrections,
    )


def _from_answer(filters, answer: Answer, size: int, kept, compiled: bool = True) -> ResultPage:
    """The page of a kept answer: its services read through the listing's rule (``read_rows``; ``_page_of``)."""
    page, remote = _page_of(answer, filters.queryset.with_listing_data(), size, kept, compiled)
    filters.answered(_understood(filters, answer))
    return ResultPage(page=page, capped=page.paginator.capped, remote=remote, more_remote=answer.more_remote)


def _understood(filters, answer: Answer) -> Understanding | None:
    """What the search's words were understood to mean, as its answer says (its corrections alone)."""
    if not answer.understood:
        return None
    tokens = filters.text.split()
    return Understanding([], {normalise(tokens[position]): word for position, word in answer.corrections})


def _page_of(answer: Answer, listing, size: int, kept, compiled: bool = True) -> tuple[Page, list]:
    """The page of a kept answer and the list beside it, their services read through ``listing`` (``read_rows``:
    its rule checked for each; when every service's card is kept, the public rule's statement compiled once, as
    every listing of a kept answer is the public one, unless ``compiled`` is False: found false already)."""
    shown, remote = read_rows(
        listing,
        [(answer.rows, answer.names, None), (answer.remote, answer.remote_names, None)],
        kept,
        (lambda ids: _all_public_ids(ids, listing.db)) if compiled else None,
    )
    paginator = CappedPaginator([], size)
    paginator.count = answer.count
    return paginator._get_page(shown, answer.number, paginator), remote


def listed(services, asked: tuple, page, size: int, *, kept=None, kept_results=None) -> Page | None:
    """Page ``page`` of ``size`` of ``services`` (chosen and ordered from the index by nothing a person typed: a
    country's, by name), its answer kept as a search's is, whatever its count, under ``asked``: the plain values
    that chose and ordered them. ``kept_results`` as for ``search``: None when the page comes from its block."""
    key = search_answers.key("listed", asked, str(page)[:20], size)
    answer = kept_answer(key)
    if answer is not None:
        if kept_results is not None and kept_results.answer_kept(key):
            if _all_public(answer, services.db):
                return None
            kept_results.not_kept()
            return _page_of(answer, services._listing, size, kept, compiled=False)[0]
        return _page_of(answer, services._listing, size, kept)[0]
    paginator = CappedPaginator(services, size, kept=kept)
    shown = paginator.get_page(page)
    names = tuple(carried_annotations(services._index))
    if search_answers.key("listed", asked, str(page)[:20], size) == key:
        rows = _rows(shown.object_list, names)
        search_answers.keep(key, Answer(number=shown.number, count=paginator.count, names=names, rows=rows))
        if kept_results is not None:
            kept_results.answer_kept(key)
    return shown
