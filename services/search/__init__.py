"""The directory's search: text, filters and "near", on SQLite and PostgreSQL alike. Nothing outside this package
imports its modules: every name below is the public interface.

One entry point answers a search: ``search(filters, page, size)`` gives a ``ResultPage``. ``index_services`` keeps
the index current (``services.signals``), ``deferred_indexing`` and ``bulk_indexing`` batch it, ``rebuild_index``
makes it again (``rebuild_search_index``). The chainable conditions of ``services.querysets.DirectoryQuerySet``
(``search``, ``near``, ``in_country``...) are the functions of ``conditions``.

The modules, from the bottom: ``text``, ``words``, ``facets``, ``geometry`` and ``week`` are pure (no model, no
database; ``words``: word forms, stop words, typo distances and the phrases that name types of help per language);
``backends`` holds one module per engine, and every engine check; ``documents`` says what a search document is made
of and ``indexing`` keeps them; ``understanding`` says what a query's words mean, against the public index (word
forms, the categories' search terms, other languages, typos, sentences); ``conditions`` narrows documents;
``shortcuts`` are the measured shortcuts, each named in docs/performance.md; ``reading`` and ``paging`` read a page
of results; ``answers`` answers a results page, and keeps the answers of repeated broad searches.

One meaning on every database: a query word matches a document when one of the document's words starts with it.
Documents are stored as `` word word word `` (normalised, space-separated, spaces at both ends), so that meaning
is ``LIKE '% word%'``; the engines only make it fast (``backends.sqlite``, ``backends.postgresql``).
"""

from .access import NO_DOCUMENTS_FACET, NO_REFERRAL_FACET, WALK_IN_FACET, WHEELCHAIR_FACET
from .answers import ResultPage, SearchAnswers, listed, search, search_answers
from .backends import backend
from .conditions import (
    LOCATION_TIME_ZONES_CACHE_KEY,
    KeptAnswers,
    by_facets,
    by_text,
    kept_closures,
    location_time_zones,
    near,
    not_near,
    open_at,
    places_available,
    points_within,
)
from .documents import build_index_rows, sort_name_field
from .facets import CATEGORY_BITS, FACET_MARK, country_code, facet
from .geometry import MAX_CELLS, MAX_RADIUS_KM, bounding_box, cell, cells_around, distance_km
from .indexing import (
    add_every_documents_words,
    analyse,
    bulk_indexing,
    deferred_indexing,
    directory_tables,
    forget_kept_listings,
    index_new_services,
    index_opening_spans,
    index_services,
    rebuild_index,
)
from .paging import COUNT_LIMIT, CappedPaginator, NarrowPaginator
from .reach import MESSAGE_FACET
from .reading import UnreadRow, in_index_order, read_slices, slice_rows, slice_with_count
from .rows import among, new_instance
from .shortcuts import SHORTCUTS, best_results, count_up_to, nearest_first, plain_way
from .text import MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS, MIN_WORD_LENGTH, normalise, query_words
from .understanding import (
    LanguageNamed,
    PlaceNamed,
    PopulationNamed,
    Understanding,
    corrected_text,
    language_named,
    place_named,
    population_named,
    rank,
    term_index,
    understand,
    vocabulary,
)
from .week import SECONDS_PER_DAY, SECONDS_PER_WEEK, opening_span_bounds
from .words import (
    NEED_WORDS,
    STEMMERS,
    UNWANTED,
    Concept,
    TermIndex,
    concepts,
    correction,
    edits_allowed,
    filters_said,
    fold,
    forms,
    meaningful,
    negated,
    says_cost_only,
    sound_keys,
    sounding,
    sounds_like,
    split_in_two,
    stem,
    stems,
    stop_words,
    typed,
    without,
    written_out,
)

__all__ = [
    "SearchAnswers",
    "listed",
    "search_answers",
    "MESSAGE_FACET",
    "NO_DOCUMENTS_FACET",
    "NO_REFERRAL_FACET",
    "WALK_IN_FACET",
    "WHEELCHAIR_FACET",
    "among",
    "new_instance",
    "NEED_WORDS",
    "STEMMERS",
    "Concept",
    "TermIndex",
    "UNWANTED",
    "LanguageNamed",
    "PlaceNamed",
    "PopulationNamed",
    "Understanding",
    "concepts",
    "corrected_text",
    "correction",
    "edits_allowed",
    "fold",
    "filters_said",
    "forms",
    "meaningful",
    "negated",
    "says_cost_only",
    "sound_keys",
    "sounding",
    "sounds_like",
    "stem",
    "split_in_two",
    "stems",
    "stop_words",
    "typed",
    "without",
    "written_out",
    "language_named",
    "place_named",
    "population_named",
    "rank",
    "term_index",
    "understand",
    "vocabulary",
    "COUNT_LIMIT",
    "FACET_MARK",
    "LOCATION_TIME_ZONES_CACHE_KEY",
    "MAX_CELLS",
    "MAX_QUERY_CHARACTERS",
    "MAX_QUERY_WORDS",
    "MAX_RADIUS_KM",
    "MIN_WORD_LENGTH",
    "SECONDS_PER_DAY",
    "SECONDS_PER_WEEK",
    "SHORTCUTS",
    "UnreadRow",
    "CappedPaginator",
    "KeptAnswers",
    "NarrowPaginator",
    "ResultPage",
    "add_every_documents_words",
    "analyse",
    "backend",
    "best_results",
    "bounding_box",
    "build_index_rows",
    "bulk_indexing",
    "by_facets",
    "by_text",
    "cell",
    "cells_around",
    "count_up_to",
    "country_code",
    "deferred_indexing",
    "directory_tables",
    "distance_km",
    "CATEGORY_BITS",
    "facet",
    "forget_kept_listings",
    "in_index_order",
    "index_new_services",
    "index_opening_spans",
    "index_services",
    "kept_closures",
    "location_time_zones",
    "near",
    "nearest_first",
    "normalise",
    "not_near",
    "open_at",
    "places_available",
    "opening_span_bounds",
    "plain_way",
    "points_within",
    "query_words",
    "read_slices",
    "rebuild_index",
    "search",
    "slice_rows",
    "slice_with_count",
    "sort_name_field",
]
