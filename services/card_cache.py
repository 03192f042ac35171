"""The result cards (and the API's items) each process keeps: what a listing looks like to everyone who reads it
in a language, so that a page showing it again need not read its rows nor render it.

A least-recently-used map (``cachetools.LRUCache``) of ``CARDS_PER_PROCESS`` entries, keyed by kind (``card`` or
``api``), language, service and version: the version (``services.cache.version``) changes whenever a listing or
the reference data is edited, in any process, so an entry made before an edit is never read after it. A page reads
the version once (``PageCards``), before its rows: a card made from rows read at an older version is not kept.
The queryset knows nothing of this: the paginator is given ``PageCards.kept``, which answers the ids whose card
is kept, and reads only the others' rows.

The small includes a card is made of (its types of help, where it is given, what it takes to get in, ...) are kept
too (``kept_include``): each is decided by a few plain values of the card's rows, which most cards share; and so are
the parts of pages that show reference data alone (``{% keep %}``, ``services.templatetags.directory``).
"""

import contextlib
import functools
import re
import secrets
import threading
from urllib.parse import quote_plus

from cachetools import LRUCache
from django.http import QueryDict
from django.template import Node
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from rssn.languages import page_language
from services import cache as directory_cache

# About 4.5 kB a card with its opening hours (docs/performance.md).
CARDS_PER_PROCESS = 2000

_lock = threading.Lock()
_entries: LRUCache = LRUCache(maxsize=CARDS_PER_PROCESS)
_version = {"current": None}
# The parts kept by ``kept_markup``: the version they were made at, and each one by its key, in two generations. When
# the newer holds PARTS_PER_PROCESS, it becomes the older and the older is dropped; what a page finds in the older
# moves back to the newer. What pages keep asking for (the navigation, the common includes) stays; what one card
# alone asked for (its phone, its date) goes.
PARTS_PER_PROCESS = 5000
_parts: tuple[str | None, dict, dict] = (None, {}, {})


class KeptCard:
    """Stands for a service of a page whose card is kept, instead of its rows: its id and the card, and, as a row
    would have them, the ``search_rank`` and ``distance_km`` the page's reading sets."""

    def __init__(self, pk: int, card):
        self.pk = pk
        self.kept_card = card


def forget() -> None:
    """Forget every card and part this process keeps (``bench/run.py --cold-cards``, tests)."""
    global _parts
    with _lock:
        _entries.clear()
        _parts = (None, {}, {})
        _pages.clear()
        _results.clear()


@contextlib.contextmanager
def set_aside():
    """Inside the block, no card kept before it is found; after it, those come back and the cards made inside are
    forgotten (``bench/run.py``: queries seen for the first time, among others whose cards are kept)."""
    with _lock:
        saved = list(_entries.items())
        _entries.clear()
    try:
        yield
    finally:
        with _lock:
            _entries.clear()
            for key, card in saved:
                _entries[key] = card


class PageCards:
    """One page's use of the kept cards of a ``kind`` in the page's language, at the version current when the page
    began (read once)."""

    def __init__(self, kind: str = "card", language: str | None = None):
        self.kind = kind
        self.language = language or page_language()
        self.version = directory_cache.version()

    @functools.cached_property
    def _unchanged(self) -> bool:
        """Whether the version is still the one the page began with, asked once, after its rows were read."""
        return directory_cache.version() == self.version

    def _key(self, pk: int) -> tuple:
        return (self.kind, self.language, pk, self.version)

    def kept(self, pks) -> dict[int, KeptCard]:
        """A ``KeptCard`` for each of these services whose card is kept."""
        found = {}
        with _lock:
            for pk in pks:
                card = _entries.get(self._key(pk))
                if card is not None:
                    found[pk] = KeptCard(pk, card)
        return found

    def keep(self, pk: int, card) -> None:
        """Keep a service's card made from rows this page read, unless the version changed since the page began
        (an edit saved since then may be missing from the rows). Entries of older versions are dropped at once."""
        if not self._unchanged:
            return
        with _lock:
            if _version["current"] != self.version:
                _entries.clear()
                _version["current"] = self.version
            _entries[self._key(pk)] = card


def kept_markup(version: str, key: tuple, make, language: str | None = None) -> str:
    """What ``make()`` answers (markup, or what markup is made from: a card's slotted parts, ``PageLinks``), kept
    under ``key`` per language (the active one unless given) and ``version``: for what depends on nothing else (the
    reference data are in the version)."""
    global _parts  # replaced whole at a new version and at a new generation
    held_version, entries, older = _parts
    if held_version != version:
        entries, older = {}, {}
        _parts = (version, entries, older)
    key = (language or translation.get_language(), *key)
    markup = entries.get(key)
    if markup is None:
        markup = older.get(key)
        if markup is None:
            markup = make()
        if len(entries) >= PARTS_PER_PROCESS:
            older, entries = entries, {}
            _parts = (version, entries, older)
        entries[key] = markup
    return markup


def kept_include(version: str, template_name: str, key: tuple, values, language: str | None = None) -> SafeString:
    """``template_name`` rendered with the context ``values()`` answers, kept per language and ``version`` under
    ``key``: the plain values that context is made from (a cost's code, not its label), which decide it whole. A
    card finds its include from its row's own values, without working out what the include prints."""
    return kept_markup(
        version, ("include", template_name, *key), lambda: get_template(template_name).render(values()), language
    )


class KeptBlock(Node):
    """``{% keep "name" value ... %}...{% endkeep %}`` (``services.templatetags.directory.keep``): the block's markup
    kept per language, version of the directory and the values given, under the template's name and its own."""

    def __init__(self, name: str, values: list, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        values = tuple(_hashable(value.resolve(context)) for value in self.values)
        version = directory_cache.version_of(context.get("request"))
        key = ("keep", self.origin.template_name, self.name, *values)
        return kept_markup(version, key, lambda: self.nodelist.render(context))


# The pages kept by ``KeptPage``: what a service's page prints of its own is about 4.5 kB.
PAGES_PER_PROCESS = 1000
_pages: LRUCache = LRUCache(maxsize=PAGES_PER_PROCESS)


class KeptPage:
    """What a public page prints of its own (its ``{% keep_page %}`` block), kept per process under ``key`` (plain
    values: the page's kind and object), the language, the page's version of the directory (``version_of``, read
    before its view), the site's address as the request names it and the minute of UTC (what the page shows of
    opening hours and closures changes on a minute). Only for an address without a query (no referral list, nothing
    typed, no page number); the view says what else its block shows, in ``extra``, and sets ``keeps`` to False when
    the block shows something that changes within a minute (a shelter's places, "updated 3 minutes ago")."""

    def __init__(self, request, key: tuple, moment=None):
        self.moment = (moment or timezone.now()).replace(second=0, microsecond=0)
        self.key = None
        if request.method in ("GET", "HEAD") and not request.GET:
            version = directory_cache.version_of(request)
            self.key = (*key, translation.get_language(), version, request.build_absolute_uri("/"), self.moment)
        with _lock:
            found = _pages.get(self.key) if self.key is not None else None
        self.markup, self.extra = found if found is not None else (None, None)
        self.keeps = True

    def keep(self, markup: str, now) -> None:
        """Keep the block's ``markup``, made at ``now`` (the page's moment), unless a new minute began since the key
        was made."""
        if self.key is None or not self.keeps or now.replace(second=0, microsecond=0) != self.moment:
            return
        with _lock:
            _pages[self.key] = (markup, self.extra)


class KeptPageBlock(Node):
    """``{% keep_page %}...{% endkeep_page %}`` (``services.templatetags.directory.keep_page``): the block's markup
    kept by the view's ``KeptPage`` (``kept_page`` in the context), or as kept."""

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        page = context.get("kept_page")
        if page is not None and page.markup is not None:
            return page.markup
        markup = self.nodelist.render(context)
        if page is not None:
            page.keep(markup, context["now"])
        return markup


# The results blocks kept by ``KeptResults``: a page of twenty cards (and five beside them) is 25–50 kB.
RESULTS_PER_PROCESS = 200
_results: LRUCache = LRUCache(maxsize=RESULTS_PER_PROCESS)
# A block is kept with marks where each value of the address goes (``v``) and each service's places (``c``); the
# marks hold a token no listing can contain.
_RESULTS_TOKEN = secrets.token_hex(8)
_RESULTS_MARK = re.compile(f"{_RESULTS_TOKEN}([vc])([0-9]+)")


def kept_results() -> list[tuple]:
    """Every kept results block, key and value (tests: nothing typed is among them)."""
    with _lock:
        return list(_results.items())


class KeptResults:
    """The results of a search page (its ``{% keep_results %}`` block: the count, the order links, the cards, the
    pages, the phone and online services beside them) or of a country's page, kept per process beside a kept answer
    (``services.search.search_answers``) and under its key, the names of the address's parameters, the language,
    the page's version of the directory (``version_of``), the site's address as the request names it and the minute
    of UTC (the cards' open badges change on a minute).

    What was typed is never kept: the block is rendered from the address with each value replaced by a mark
    (``masked``), and each mark is replaced by its value, URL-encoded, for every page (``filled``); the places a
    shelter gives say how long ago they were updated, and are rendered for every page too. Only for an address
    whose parameters are all the page's own (``parameters``), so never with a referral list (``s``, which changes
    every card's list button). A page uses a kept block only when every service of its answer is still public
    (``services.search.search``, ``listed``): a paused service shows at once, and an edit (an address made
    confidential) is a new version."""

    def __init__(self, request, now, parameters):
        self.now = now
        self.key = None
        self.parts = None
        self.places: list = []
        self._extra = None
        # What the block shows of the address besides its links, made from ``masked`` (the view's).
        self.masked_context: dict = {}
        query = request.GET
        if request.method not in ("GET", "HEAD") or any(name not in parameters for name in query):
            return
        self.masked = QueryDict(mutable=True, encoding=query.encoding)
        self._values = []
        for name, items in query.lists():
            marks = []
            for item in items:
                marks.append(f"{_RESULTS_TOKEN}v{len(self._values)}")
                self._values.append(quote_plus(str(item).encode(query.encoding or "utf-8"), safe=""))
            self.masked.setlist(name, marks)
        self.version = directory_cache.version_of(request)
        self.language = translation.get_language()
        self._extra = (
            tuple((name, len(items)) for name, items in query.lists()),
            self.language,
            self.version,
            request.build_absolute_uri("/"),
            now.replace(second=0, microsecond=0),
        )

    def answer_kept(self, answer_key: bytes) -> bool:
        """The search's answer is kept under ``answer_key``: the block may be kept beside it. Whether one is kept
        already (``parts``)."""
        if self._extra is None:
            return False
        self.key = (answer_key, *self._extra)
        with _lock:
            found = _results.get(self.key)
        if found is not None:
            self.parts, places = found
            self.places = list(places)
        return found is not None

    def not_kept(self) -> None:
        """The page is made as any other, its block neither read from nor kept."""
        self.key, self.parts, self.places = None, None, []

    def mark_places(self, facts) -> str:
        """The mark where a service's places go (``services.cards.places_shown``), rendered for every page."""
        self.places.append(facts)
        return f"{_RESULTS_TOKEN}c{len(self.places) - 1}"

    def keep(self, markup: str) -> None:
        """Keep the block, rendered with its marks, unless an edit was saved since the page began. Kept as text
        and, for each mark, its value's position (``v``) or its places' bitwise inverse (``c``)."""
        split = _RESULTS_MARK.split(markup)
        parts = [split[0]]
        for index in range(1, len(split), 3):
            position = int(split[index + 1])
            parts += [position if split[index] == "v" else ~position, split[index + 2]]
        self.parts = tuple(parts)
        if directory_cache.version() == self.version:
            with _lock:
                _results[self.key] = (self.parts, tuple(self.places))

    def filled(self, places) -> str:
        """The block for this page: each mark replaced by its value (``places(facts)``: a service's places)."""
        values = self._values
        shown = [places(facts) for facts in self.places]
        return "".join(
            [part if part.__class__ is str else values[part] if part >= 0 else shown[~part] for part in self.parts]
        )


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value
