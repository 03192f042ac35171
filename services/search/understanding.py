"""What the words of a search mean, read against the public index (issue 19).

A query becomes *concepts* (``words.concepts``): phrases that name types of help (a category's search
terms or name, in any of the four languages) and single words. A document matches a concept when it has every word
of it, each as the start of one of its words in one of its forms (the word or its stem, ``words.forms``),
or when it is a service of one of the concept's categories (or of their subcategories: their documents carry the
main category's facet word). A search finds the documents that match every concept.

``understand`` decides, against the public documents only, what to search for when that finds nothing: a word
found nowhere in the page language is tried in its forms of the other three; then corrected against the public
index's vocabulary (``vocabulary``: the names of public services and organisations, the categories' names and search
terms; never a description, an address or a listing that is not public); what is still found nowhere is left out,
and when the rest are not found together, the documents matching the most of them come first (``partial``).

Nothing here keeps the words of a query: they live in the request that asked.
"""

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, Q, Value, When, Window
from django.db.models.expressions import Expression
from django.db.models.functions import RowNumber
from django.db.models.sql import Query
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from members.models import City
from services import cache as directory_cache
from services.models import ServiceSearchDocument, split_search_terms

from . import words as understood_words
from .backends import backend
from .documents import sort_name_field
from .facets import beyond_bits, category_bits, facet
from .text import MAX_QUERY_WORDS, normalise, query_words, read_once, shown_words, typed_words, whole_name
from .words import (
    LANGUAGES,
    LONGEST_ABBREVIATION,
    NEGATIONS,
    NOT_A_PLACE_ALONE,
    PLACE_ALIASES,
    PLACE_BEFORE,
    PLACE_BEFORE_IN,
    PLACE_OF_ORIGIN_BEFORE,
    SOUNDED_LANGUAGES,
    SPOKEN_AFTER,
    SPOKEN_BEFORE,
    SPOKEN_WHERE,
    Concept,
    TermIndex,
    concepts,
    correction,
    forms,
    phrases_said,
    sounding,
    sounds_like,
    split_in_two,
    stop_words,
    typed,
    without,
)

# Rank of a query word in a document: in its own names (service, organisation, acronym), through one of the
# concept's categories, in its places, elsewhere (descriptions). In a partial search a word found counts more than
# any difference of where it is found, so that the documents with the most words come first.
RANK_NAME, RANK_CATEGORY, RANK_PLACE, RANK_TEXT = 4, 3, 2, 1
PARTIAL_FOUND = 8
# A service whose own name, or its organisation's, is the query whole comes before every other (more than any
# number of words can add up to).
RANK_WHOLE_NAME = 1000
# A query naming several types of help that no service meets together (``Understanding.needs``): each word found
# counts FOUND_WITH_TURNS (more than the places of every word add up to; a need said in a phrase counts once), and the
# documents that found as many rank within RANK_TURNS of each other, the services of the needs taking turns in its
# upper half, one place per need and turn (``taking_turns``).
FOUND_WITH_TURNS = 64
RANK_TURNS = 10**7
WHOLE_NAME_WITH_TURNS = RANK_WHOLE_NAME + (MAX_QUERY_WORDS + 1) * RANK_TURNS


@dataclass
class Understanding:
    """What a search looks for. ``concepts``: what documents must match (all of them, or in a ``partial`` search
    as many as possible); ``corrections``: typed word → the word searched instead, as shown; ``missing``: the typed
    words found nowhere, left out."""

    concepts: list[Concept]
    corrections: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    partial: bool = False
    language: str = "en"
    # ``text.whole_name`` of the query when a public document has it among its names: those come first.
    whole_name: str = ""
    # PostgreSQL: the words of the index each form starts (``backends.postgresql.expand_words``), looked up once.
    expanded: dict[str, list[str] | None] = field(default_factory=dict, repr=False)

    @functools.cached_property
    def needs(self) -> tuple["Need", ...]:
        """The types of help the query names (``needs``), when it names two or more that no service meets together,
        the strongest first; else ()."""
        return needs(self)

    @functools.cached_property
    def ties(self) -> tuple[tuple[int, ...], ...]:
        """For each phrase of two or more words that names two or more types of help equally, its categories in the
        order their services rank (``TermIndex.most_specific_first``); () when none does. A single word naming two
        (*aluguel*, rent: cash assistance, transitional housing) keeps name order: the shortcuts of one-word searches
        read both helps' services together in name order."""
        tied = [concept for concept in self.concepts if len(concept.categories) > 1 and len(concept.words) > 1]
        terms = term_index() if tied else None
        return tuple(tuple(terms.most_specific_first(concept.categories, concept.words)) for concept in tied)

    @property
    def any_concept(self) -> bool:
        """Whether a document matching any of the concepts is found (``partial``, or separate ``needs``), those with
        the most of them ranked first, rather than only documents matching every one."""
        return self.partial or bool(self.needs)

    @property
    def words(self) -> tuple[str, ...]:
        """The first form of each word, for the index's shortcuts (``shortcuts.best_results``)."""
        return tuple(word_forms[0] for concept in self.concepts for word_forms in concept.forms)

    @property
    def forms(self) -> tuple[tuple[str, ...], ...]:
        return tuple(word_forms for concept in self.concepts for word_forms in concept.forms)


# --- What the directory knows: category terms and the public vocabulary ------------------------------------------


_held: dict[str, tuple[str, object]] = {}


def _per_version(key: str, make):
    """``make()`` once per version of the directory (``services.cache.version``: it changes with every edit of a
    listing or a category), in this process."""
    current = directory_cache.version()
    held = _held.get(key)
    if held is None or held[0] != current:
        held = _held[key] = (current, make())
    return held[1]


def _category_phrases(categories) -> list[tuple[int, str, str]]:
    phrases = []
    for category in categories:
        for language in AVAILABLE_LANGUAGES:
            texts = [getattr(category, build_localized_fieldname("name", language), "") or ""]
            texts += split_search_terms(getattr(category, build_localized_fieldname("search_terms", language), ""))
            phrases += [(category.pk, language, text) for text in texts if text]
    return phrases


def term_index() -> TermIndex:
    """The categories' names and search terms in every language (``words.TermIndex``)."""

    def make():
        categories = directory_cache.categories()
        return TermIndex(_category_phrases(categories), {category.pk: category.parent_id for category in categories})

    return _per_version("terms", make)


@dataclass(frozen=True)
class PopulationNamed:
    """A group of people a query names (``population_named``): ``population``, the words that name it as typed
    (``said``), and the query's text without them (``rest``)."""

    population: object
    said: str
    rest: str


def _population_phrases() -> tuple[dict[tuple[str, ...], object], int]:
    """Each population's search terms in every language, normalised (as word tuples), to the population; and the
    most words one has."""

    def make():
        phrases = {}
        for population in directory_cache.populations():
            for language in AVAILABLE_LANGUAGES:
                terms = split_search_terms(getattr(population, build_localized_fieldname("search_terms", language), ""))
                for term in terms:
                    words = tuple(normalise(term).split())
                    if words:
                        phrases.setdefault(words, population)
        return phrases, max((len(words) for words in phrases), default=0)

    return _per_version("population phrases", make)


def population_named(text: str, language: str) -> PopulationNamed | None:
    """The group of people ``text`` names by one of its populations' search terms (in any language: "gay", "mujer
    trans", "adulta mayor"), the longest first, unless those words belong to a longer phrase that names a type of
    help ("psicóloga para mujer trans" asks for counselling): the search then shows that group's services, as the
    filter "For" does, and searches the rest of the words."""
    named = _first_said(text, language, *_population_phrases())
    return PopulationNamed(*named) if named is not None else None


def _first_said(text: str, language: str, phrases, longest: int, otherwise=()) -> tuple[object, str, str] | None:
    """The value of the first of ``phrases`` that ``text`` says (``words.phrases_said``), the words that say it as
    typed, and ``text`` without them; None when none is said, or when its words belong to a phrase that names a type
    of help."""
    found = phrases_said(text, phrases, longest, otherwise)[:1]
    if not found:
        return None
    said = typed(text, found[0])
    if _in_a_longer_help_phrase(text, language, set(normalise(said).split())):
        return None
    return found[0].value, said, without(text, found)


@dataclass(frozen=True)
class LanguageNamed:
    """A language a query says the help must be given in (``language_named``): ``language``, the words that say so as
    typed (``said``), and the query's text without them (``rest``)."""

    language: object
    said: str
    rest: str


def _names_of(text: str) -> set[tuple[str, ...]]:
    """A language's name, normalised, whole and each of its parts in brackets apart: "wayuu (wayuunaiki)" is also
    "wayuu" and "wayuunaiki"."""
    parts = [text, *re.split(r"[()]", text)]
    return {tuple(normalise(part).split()) for part in parts} - {()}


def _language_phrases() -> tuple[dict[tuple[str, ...], object], int, set[tuple[str, str]]]:
    """Each language's names in every language, with the words that say the help is given in it
    (``words.SPOKEN_BEFORE``, ``words.SPOKEN_AFTER``), normalised, to the language; the most words one has; and each
    negation (``words.NEGATIONS``) with each first word of a phrase: "I don't speak Spanish" asks for no Spanish."""

    def make():
        places = set()
        for country in directory_cache.countries():
            for language in AVAILABLE_LANGUAGES:
                places |= _names_of(getattr(country, build_localized_fieldname("name", language), "") or "")
        phrases, befores = {}, set().union(*SPOKEN_BEFORE.values())
        for spoken in directory_cache.languages():
            for language in AVAILABLE_LANGUAGES:
                for name in _names_of(getattr(spoken, build_localized_fieldname("name", language), "") or ""):
                    for before in befores:
                        if before not in SPOKEN_WHERE or (language != "id" and name not in places):
                            phrases.setdefault((*before, *name), spoken)
                    for after in SPOKEN_AFTER:
                        phrases.setdefault((*name, *after), spoken)
        negations = {word for words in NEGATIONS.values() for word in words.split()}
        firsts = {words[0] for words in phrases}
        return (
            phrases,
            max((len(words) for words in phrases), default=0),
            {(negation, first) for negation in negations for first in firsts},
        )

    return _per_version("language phrases", make)


def language_named(text: str, language: str) -> LanguageNamed | None:
    """The language ``text`` says the help must be given in ("atención en quechua", "lawyer who speaks Portuguese",
    "konseling dalam bahasa Inggris": ``words.SPOKEN_BEFORE``), the longest phrase first, unless those words belong to
    a phrase that names a type of help ("atendimento em espanhol" is orientation for people on the move): the search
    then shows the services given in that language, as the filter "Language" does, and searches the rest of the
    words."""
    named = _first_said(text, language, *_language_phrases())
    return LanguageNamed(*named) if named is not None else None


def _in_a_longer_help_phrase(text: str, language: str, said: set[str], *, alone: bool = True) -> bool:
    """Whether a phrase naming a type of help (``words.concepts``) says one of the words ``said`` with others, or
    (``alone``) says them alone."""
    found = concepts(query_words(text, stop_words(language)), language, term_index())
    return any(
        concept.categories and said & set(concept.words) and (alone or set(concept.words) - said) for concept in found
    )


@dataclass(frozen=True)
class PlaceNamed:
    """A place a query names (``place_named``): ``city``, a city a person can search near (None for a country, or a
    city with no public service), ``country``, its country, the words that name it as typed (``said``), and the
    query's text without them (``rest``)."""

    city: object
    country: object
    said: str
    rest: str


def _place_phrases(language: str) -> tuple[dict[tuple[str, ...], object], int]:
    """The names of the directory's cities and countries in every language, normalised, each after the words that
    say where (``words.PLACE_BEFORE``), and a city's alone too, to (city, country); each after words that say where
    someone comes from (``words.PLACE_OF_ORIGIN_BEFORE``) to None; and the most words one has."""

    def make():
        befores = PLACE_BEFORE | PLACE_BEFORE_IN.get(language, frozenset())
        phrases = {}
        for name, (value, alone) in _places().items():
            for before in befores:
                phrases[(*before, *name)] = value
            for before in PLACE_OF_ORIGIN_BEFORE:
                phrases[(*before, *name)] = None
            if alone and not (len(name) == 1 and name[0] in NOT_A_PLACE_ALONE):
                phrases.setdefault(name, value)
        return phrases, max((len(words) for words in phrases), default=0)

    return _per_version(f"place phrases {language}", make)


def _places() -> dict[tuple[str, ...], tuple[tuple[object, object], bool]]:
    """Each name of the directory's cities and countries in every language (and ``words.PLACE_ALIASES``), normalised,
    to its (city a person can search near or None, country), and whether it is a place alone (a city's)."""

    def make():
        countries = {country.pk: country for country in directory_cache.countries()}
        near = {city.pk: city for city in directory_cache.cities_with_services()}
        places = {}
        for city in City.objects.filter(proposed=False, country__in=list(countries)).order_by("pk"):
            for name in _place_names(city):
                places.setdefault(name, ((near.get(city.pk), countries[city.country_id]), True))
        for alias, name in PLACE_ALIASES.items():
            if tuple(name.split()) in places:
                places[(alias,)] = places[tuple(name.split())]
        for country in countries.values():
            for name in _place_names(country):
                places[name] = ((None, country), False)
        return places

    return _per_version("places", make)


def _place_names(place) -> set[tuple[str, ...]]:
    return {
        tuple(normalise(name).split())
        for language in AVAILABLE_LANGUAGES
        if (name := getattr(place, build_localized_fieldname("name", language), "") or "")
    } - {()}


def place_named(text: str, language: str) -> PlaceNamed | None:
    """The place ``text`` names: a city or a country of the directory after words that say where ("abogada en
    Lima", "shelter in Indonesia", "pengacara di Medan": ``words.PLACE_BEFORE``), or a city alone ("refugio bogota"),
    never where someone comes from ("soy de Caracas"), nor words that belong to a phrase naming a type of help. The
    search then shows the services near that city, or in that country, as the filters "Near" and "Country" do
    (``services.filters.ServiceFilter.with_filters_said``), and searches the rest of the words."""
    phrases, longest = _place_phrases(language)
    for found in phrases_said(text, phrases, longest):
        if found.value is None:
            continue
        said = typed(text, found)
        # A place's name is a place even where one of its words alone is a help's, by its stem ("Boa Vista", "visto").
        if _in_a_longer_help_phrase(text, language, set(normalise(said).split()), alone=False):
            continue
        city, country = found.value
        return PlaceNamed(city, country, said, without(text, [found]))
    return None


_WORD = re.compile(r"\w+")


def vocabulary() -> tuple[Counter, dict[str, str]]:
    """The words a typo is corrected to, with the number of public documents (or terms) that have each, and the
    way each is shown (its accents, from the categories' names and terms): the names of public services and
    organisations, and the categories' names and search terms. Nothing that is not public, and no description."""

    def make():
        counts, shown = Counter(), {}
        for _category_id, _language, phrase in _category_phrases(directory_cache.categories()):
            for word in _WORD.findall(phrase.casefold()):
                folded = normalise(word)
                if len(folded) >= understood_words.SHORTEST_CORRECTED and folded.isalpha():
                    counts[folded] += 1
                    shown.setdefault(folded, word)
        names = ServiceSearchDocument.objects.public().values_list("names", flat=True).iterator(chunk_size=2000)
        for text in names:
            # The stems a document adds ("psicolog") are forms of words, never a word to show.
            shown_names = set(shown_words(text).split())
            counts.update(word for word in shown_names if len(word) >= understood_words.SHORTEST_CORRECTED)
        return counts, shown

    return _per_version("vocabulary", make)


def sounds(language: str) -> dict[str, str]:
    """The public vocabulary (``vocabulary``) and the stop words of ``language`` by how they sound
    (``words.sound_keys``): what a word found nowhere is searched as when it sounds like one of them."""
    return _per_version(f"sounds-{language}", lambda: sounding(vocabulary()[0], language, stop_words(language)))


# --- Matching concepts in the index --------------------------------------------------------------------------------


def _any(lookup: str, values) -> Q:
    condition = Q()
    for value in values:
        condition |= Q(**{lookup: value})
    return condition


def related_categories(understanding: Understanding, concept: Concept, word: str) -> set[int]:
    """The categories through which ``word`` (of ``concept``) ranks ``RANK_CATEGORY``: the concept's, and those with
    the word among their names or terms."""
    return concept.categories | term_index().categories_of_word(word, understanding.language)


def strong_categories(understanding: Understanding) -> set[int]:
    """Every query word's ``related_categories``: a document of none of them, with no query word in its names,
    ranks ``RANK_PLACE`` at most for each word. A lone concept that names types of help: theirs alone
    (``words_rank``)."""
    if len(understanding.concepts) == 1 and understanding.concepts[0].categories:
        return set(understanding.concepts[0].categories)
    return {
        pk
        for concept in understanding.concepts
        for word in concept.words
        for pk in related_categories(understanding, concept, word)
    }


@dataclass(frozen=True)
class Need:
    """A type of help a query names: the categories its words name (``named``), and those with a word of it among
    their names or terms too (``related``, ``related_categories``)."""

    named: frozenset[int]
    related: frozenset[int]


def needs(understanding: Understanding) -> tuple[Need, ...]:
    """The types of help a query names (its concepts with categories), strongest first, when no document has every
    word (``partial``), it names two or more and no category is related to every one of them (``related_categories``,
    a main category's subcategories with it):
    "my kid has a fever" (child protection, medical care), "im homeless with 2 kids" (a shelter, child protection).
    Else () (none or one named, or a service of one category meets them all: "abogada familia", whose family law is
    legal aid). The strongest need is said by the more specific words (``_strength``)."""
    named = [(position, concept) for position, concept in enumerate(understanding.concepts) if concept.categories]
    if len(named) < 2 or not understanding.partial:
        return ()
    terms = term_index()
    language = understanding.language
    helps, together = {}, None
    for _position, concept in named:
        related = set(concept.categories)
        for word in concept.words:
            related |= terms.categories_of_word(word, language)
        helps[concept] = Need(concept.categories, frozenset(related))
        related |= {pk for pk, parent in terms.parents.items() if parent in related}
        together = related if together is None else together & related
    if together:
        return ()
    ordered = sorted(named, key=lambda item: _strength(*item, terms, language))
    return tuple(helps[concept] for _position, concept in ordered)


def _strength(position: int, concept: Concept, terms: TermIndex, language: str) -> tuple:
    """How specifically ``concept`` (the query's ``position``-th) names its help, the most specific least: more of
    the query's words (a longer phrase); words in the terms of fewer main types of help (*fever*, *homeless* are
    one help's words, *kids* is said of child protection and of family law); a subcategory rather than a main
    category; then said earlier."""
    mains = {terms.parents.get(pk) or pk for word in concept.words for pk in terms.categories_of_word(word, language)}
    subcategory = all(terms.parents.get(pk) is not None for pk in concept.categories)
    return (-len(concept.words), len(mains), not subcategory, position)


def in_categories(categories, document: str = "", *, db: str = "default") -> Q:
    """Documents of one of ``categories`` (ids), or of one of their subcategories: asked of the row's
    ``category_bits`` (``facets.category_bits``), and of its facet words for an id no bit holds."""
    mask, beyond = category_bits(categories), beyond_bits(categories)
    condition = Q(**{f"{document}category_bits__any_bit": mask}) if mask else None
    if beyond or condition is None:
        of_facets = backend(db).of_facets([facet("category", pk) for pk in beyond], document=document)
        condition = of_facets if condition is None else condition | of_facets
    return condition


def whole_in_names(word: str, word_forms, document: str = "", *, db: str = "default") -> Q:
    """Documents with ``word``, or one of ``word_forms``, as a whole word of their names."""
    condition = Q()
    for form in dict.fromkeys((word, *word_forms)):
        condition |= backend(db).with_whole_name(form, document=document)
    return condition


def named(understanding: Understanding, concept: Concept, word: str, word_forms, document: str = "", *, db="default"):
    """Documents where ``word`` (of ``concept``) ranks ``RANK_NAME``: one of its forms starts a word of their names.
    A word of a phrase that names types of help (``Concept.categories``) counts in the names of a service of that
    help; in another service's names, only when the query asks for more than that phrase, and then a word of at most
    ``words.LONGEST_ABBREVIATION`` letters (an abbreviation: KB, LBH) only as a whole word, not as the beginning of a
    longer one ("KB" is family planning, not "KBG", gender-based violence)."""
    found = backend(db).in_names(word_forms, document=document)
    if not concept.categories:
        return found
    of_help = found & in_categories(concept.categories, document, db=db)
    if len(understanding.concepts) == 1:
        return of_help
    if len(word) <= LONGEST_ABBREVIATION:
        return of_help | whole_in_names(word, word_forms, document, db=db)
    return found


def rank(understanding: Understanding, document: str = "", *, db: str = "default"):
    """The ``search_rank`` of each document: for each query word, ``RANK_NAME`` when it is in the document's names
    (``named``), ``RANK_CATEGORY`` when the document is a service of one of its concept's categories or of a category
    with the word in its names or terms, ``RANK_PLACE`` in a place, ``RANK_TEXT`` otherwise; in a partial search,
    ``PARTIAL_FOUND`` more for each word found and nothing for one that is not; and ``RANK_WHOLE_NAME`` more when
    one of its names is the query whole (``Understanding.whole_name``). With ``Understanding.needs``, the services
    of the needs take turns (``taking_turns``). Names and categories are asked as the backend of ``db`` asks them
    (``in_names``, ``of_facets``, ``in_text``)."""
    total = words_rank(understanding, document, db=db)
    whole_rank = RANK_WHOLE_NAME
    if understanding.needs:
        total = taking_turns(understanding, total, document, db=db)
        whole_rank = WHOLE_NAME_WITH_TURNS
    elif understanding.ties:
        total, scale = broken_ties(understanding.ties, total, document, db=db)
        whole_rank *= scale
    if understanding.whole_name:
        total = total + whole_name_rank(understanding, whole_rank, document, db=db)
    return total


class Ranked(Expression):
    """``rank`` on the search documents (``document`` ""), as one expression node: the tree of conditions is built
    and resolved when a statement first reads the rank (selects, orders or filters by it), once for every statement
    of the search that does, and never for one that does not (a page whose needs take turns, ``turn_parts``; a
    count). Resolved in ``annotate``, the tree cost more than a search's statements took to answer, and was resolved
    again with every queryset ``annotate`` made. It lives in the request's queryset, never longer."""

    def __init__(self, understanding: Understanding, *, db: str = "default"):
        super().__init__(output_field=IntegerField())
        self.understanding, self.db = understanding, db
        # Taking turns is a window (``taking_turns``): Django reads these before the tree is built.
        self.contains_over_clause = bool(understanding.needs)
        self.contains_aggregate = False
        self.contains_column_references = True
        # The resolved tree, shared by the copies of this node; ``alias``: the documents' table in the statement.
        self.held, self.alias = {}, None

    def __eq__(self, other):
        return isinstance(other, Ranked) and other.held is self.held and other.alias == self.alias

    def __hash__(self):
        return hash((id(self.held), self.alias))

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        if self.alias is not None:
            return self  # resolved already: a subquery's annotations are resolved again against the outer query
        resolved = self.copy()
        resolved.alias = query.get_initial_alias()
        return resolved

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def tree(self):
        """The rank's tree, resolved, its columns those of the documents' table as the statement names it."""
        if "tree" not in self.held:
            documents = Query(ServiceSearchDocument)
            self.held["tree"] = rank(self.understanding, db=self.db).resolve_expression(documents)
            self.held["table"] = documents.get_initial_alias()
        tree, table = self.held["tree"], self.held["table"]
        return tree if self.alias in (None, table) else tree.relabeled_clone({table: self.alias})

    def get_group_by_cols(self):
        return self.tree().get_group_by_cols()

    def as_sql(self, compiler, connection):
        return compiler.compile(self.tree())


def words_rank(understanding: Understanding, document: str = "", *, db: str = "default"):
    """What the query's words add up to in each document (``rank``, before the turns of its needs, its ties and a
    name typed whole)."""
    engine = backend(db)
    turns = bool(understanding.needs)
    extra = FOUND_WITH_TURNS if turns else PARTIAL_FOUND if understanding.any_concept else 0
    total = Value(0, output_field=IntegerField())
    for concept in understanding.concepts:
        # While needs take turns a word is found in a service of its help or in a name, never in a place or a
        # description ("single mom need cash" in a shelter's description, "car" at the start of "cards").
        weak = 0 if turns else extra
        # A need said in a phrase is one thing asked for, however many words say it: found once, in a service of its
        # help or where one of its words is in a name ("mi novio me pega y tengo 15": the violence's two words and
        # the age's one take turns as equals).
        once = turns and bool(concept.categories) and len(concept.words) > 1
        word_extra = 0 if once else extra
        found_once = Q()
        for word, word_forms in zip(concept.words, concept.forms, strict=True):
            prefixes = [f" {form}" for form in word_forms]
            related = related_categories(understanding, concept, word)
            if concept.categories and len(understanding.concepts) == 1:
                # ``named``, its categories asked first: a row of none of them is not read for its names. Kept apart
                # from ``named`` on purpose: asked through it, every row is read for its names, at a measured cost.
                of_help = Case(
                    When(engine.in_names(word_forms, document=document), then=Value(RANK_NAME + extra)),
                    default=Value(RANK_CATEGORY + extra),
                    output_field=IntegerField(),
                )
                whens = [When(in_categories(concept.categories, document, db=db), then=of_help)]
                # Another help whose terms merely have a word of it ranks as a place: "he follows me" (safety) is no
                # case management, whose "follow-up" shares its stem.
                related = related - concept.categories
                if related:
                    whens.append(When(in_categories(related, document, db=db), then=Value(RANK_PLACE + extra)))
                    related = set()
            else:
                named_here = named(understanding, concept, word, word_forms, document, db=db)
                whens = [When(named_here, then=Value(RANK_NAME + word_extra))]
                found_once |= named_here
            found_through = _found_through(understanding, concept, related)
            if found_through:
                whens.append(
                    When(in_categories(found_through, document, db=db), then=Value(RANK_CATEGORY + word_extra))
                )
            if related - found_through:
                whens.append(When(in_categories(related - found_through, document, db=db), then=Value(RANK_CATEGORY)))
            whens.append(When(_any(f"{document}places__contains", prefixes), then=Value(RANK_PLACE + weak)))
            if understanding.any_concept:
                whens.append(When(engine.in_text(word_forms, document=document), then=Value(RANK_TEXT + weak)))
            default = 0 if understanding.any_concept else RANK_TEXT
            total = total + Case(*whens, default=Value(default), output_field=IntegerField())
        if once:
            found_once |= in_categories(concept.categories, document, db=db)
            total = total + Case(When(found_once, then=Value(extra)), default=Value(0), output_field=IntegerField())
    return total


def _found_through(understanding: Understanding, concept: Concept, related: set[int]) -> set[int]:
    """The categories of ``related`` through which a word of ``concept`` counts as found (``words_rank``,
    ``found_units``): all of them, except while needs take turns for a word that names a help: that help's alone.
    Another help whose terms merely have the word ranks by it, but has not found it ("money" among economic
    violence's terms)."""
    if understanding.needs and concept.categories:
        return related & concept.categories
    return related


def found_units(understanding: Understanding) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """What ``words_rank`` counts found in a partial search, as ``(forms, facet words)``: each query word (a need said
    in a phrase once, its words together) with its forms, and the facet words of the categories through which it
    ranks. A document ranked with a word found has one of its forms starting a word of its text or its names (where
    its names and places are too) or one of its facet words (``shortcuts.most_found_rows``)."""
    units = []
    for concept in understanding.concepts:
        once = bool(understanding.needs) and bool(concept.categories) and len(concept.words) > 1
        parts = []
        for word, word_forms in zip(concept.words, concept.forms, strict=True):
            categories = set(concept.categories) | _found_through(
                understanding, concept, related_categories(understanding, concept, word)
            )
            facet_words = tuple(facet("category", pk) for pk in sorted(categories))
            parts.append((tuple(dict.fromkeys((word, *word_forms))), facet_words))
        if once:
            forms = tuple(dict.fromkeys(form for word_forms, _facets in parts for form in word_forms))
            facet_words = tuple(dict.fromkeys(word for _forms, facets in parts for word in facets))
            parts = [(forms, facet_words)]
        units += parts
    return units


def whole_name_rank(understanding: Understanding, whole_rank: int, document: str = "", *, db: str = "default"):
    """``whole_rank`` for a document with the query whole among its names (``Understanding.whole_name``), else 0."""
    whole = When(backend(db).with_whole_name(understanding.whole_name, document=document), then=Value(whole_rank))
    return Case(whole, default=Value(0), output_field=IntegerField())


def broken_ties(ties, ranked, document: str = "", *, db: str = "default"):
    """``ranked`` with the ties between the types of help one phrase names equally (``Understanding.ties``) broken:
    multiplied by a scale larger than the ties can add up to, plus, for each such phrase, more for a service of a
    category that comes earlier in its order. Returns the rank and the scale."""
    scale = 1 + sum(len(categories) for categories in ties)
    broken = ranked * Value(scale)
    for categories in ties:
        preferred = Case(
            *[
                When(in_categories([pk], document, db=db), then=Value(len(categories) - place))
                for place, pk in enumerate(categories)
            ],
            default=Value(0),
            output_field=IntegerField(),
        )
        broken = broken + preferred
    return broken, scale


def taking_turns(understanding: Understanding, ranked, document: str = "", *, db: str = "default"):
    """``ranked`` (each document's rank, ``FOUND_WITH_TURNS`` for each word found, once for a need's phrase) with the
    services of the query's ``needs`` taking turns among the documents that found as many: the first of the strongest
    need's services, the first of the next need's..., then the second of each (a need's own help before the helps
    with one of its words among their terms, then by ``ranked`` and name), then the documents of no need by
    ``ranked``. A service of several needs takes its turn with the strongest. One window over the rows the statement
    finds (after every filter), the same on both engines. ``shortcuts.turns_rows`` takes the same turns over the rows
    of a statement that ranks each document once (``turn_parts``)."""
    count = len(understanding.needs)
    found = ranked / Value(FOUND_WITH_TURNS)
    of_need = _of_needs(understanding, document, db=db)
    name = f"{document}{sort_name_field(understanding.language)}"
    turn = Window(
        RowNumber(),
        partition_by=[found, _need(understanding, document, db=db)],
        order_by=[_named_first(understanding, document, db=db).asc(), ranked.desc(), F(name).asc(), F("pk").asc()],
    )
    within = Case(
        *[
            When(condition, then=Value(RANK_TURNS // 2 - number) - turn * Value(count))
            for number, condition in enumerate(of_need)
        ],
        default=ranked - found * Value(FOUND_WITH_TURNS),
        output_field=IntegerField(),
    )
    return found * Value(RANK_TURNS) + within


def _of_needs(understanding: Understanding, document: str = "", *, db: str = "default") -> list[Q]:
    """For each of the query's ``needs``, strongest first, its services (of one of its related categories)."""
    return [in_categories(need.related, document, db=db) for need in understanding.needs]


def _need(understanding: Understanding, document: str = "", *, db: str = "default"):
    """The number of the need whose turns a document takes (the strongest of those it is of), ``len(needs)`` for
    none."""
    return Case(
        *[
            When(condition, then=Value(number))
            for number, condition in enumerate(_of_needs(understanding, document, db=db))
        ],
        default=Value(len(understanding.needs)),
        output_field=IntegerField(),
    )


def _named_first(understanding: Understanding, document: str = "", *, db: str = "default"):
    """0 for a service of a help one of the needs names, else 1: those take their turns first."""
    named_helps = in_categories(set().union(*(need.named for need in understanding.needs)), document, db=db)
    return Case(When(named_helps, then=Value(0)), default=Value(1), output_field=IntegerField())


def turn_parts(understanding: Understanding, document: str = "", *, db: str = "default") -> dict:
    """What ``taking_turns`` reads of each document, for a statement that computes each once and takes the turns over
    its rows (``shortcuts.turns_rows``): ``ranked``, its words' rank (``words_rank``); ``need``, the number of the
    need it takes its turns with (``len(needs)`` for none); ``named_first`` (``_named_first``); ``whole``, what a
    name typed whole adds (``whole_name_rank``)."""
    whole = (
        whole_name_rank(understanding, WHOLE_NAME_WITH_TURNS, document, db=db)
        if understanding.whole_name
        else Value(0, output_field=IntegerField())
    )
    return {
        "ranked": words_rank(understanding, document, db=db),
        "need": _need(understanding, document, db=db),
        "named_first": _named_first(understanding, document, db=db),
        "whole": whole,
    }


def matching(documents, concept_list: list[Concept], *, partial: bool = False, expanded=None):
    """``documents`` narrowed to those matching every concept (``partial``: any); ``expanded``: the words of the
    index each form starts, looked up once (PostgreSQL)."""
    if not concept_list:
        return documents
    return backend(documents.db).match_concepts(
        documents, concept_list, document=documents.document, partial=partial, expanded=expanded
    )


def _found(documents, concept_list: list[Concept], expanded: dict) -> bool:
    found = matching(documents, concept_list, expanded=expanded)
    return backend(found.db).any_found(found)


def _whole_name(documents, words: list[str]) -> str:
    """``text.whole_name`` of the query's ``words`` when one of ``documents`` has it among its names, else ""."""
    word = whole_name(" ".join(words))
    if not word:
        return ""
    named = backend(documents.db).match_whole_name(documents, word, document=documents.document)
    return word if named.order_by().values("pk")[:1].exists() else ""


def _found_and_whole_name(documents, concept_list: list[Concept], expanded: dict, words: list[str]) -> tuple[bool, str]:
    """Whether ``documents`` match every concept of ``concept_list``, and the query's whole name when one of them
    has it among its names (``_whole_name``, else ""): one statement for both."""
    word = whole_name(" ".join(words))
    if not word:
        return _found(documents, concept_list, expanded), ""
    engine = backend(documents.db)
    found = matching(documents, concept_list, expanded=expanded)
    named = engine.match_whole_name(documents, word, document=documents.document)
    any_found, any_named = engine.any_found_of_both(found, named)
    return any_found, word if any_named else ""


# --- Deciding what to search for ------------------------------------------------------------------------------------


def _in_every_language(concept: Concept) -> Concept:
    """``concept`` with each word's forms in all four languages."""
    every = tuple(
        tuple(dict.fromkeys(form for language in LANGUAGES for form in forms(word, language))) for word in concept.words
    )
    return Concept(concept.words, every, concept.categories)


def understand(words: list[str], language: str, documents, *, correct: bool = True) -> Understanding:
    """What to search for: the concepts of ``words`` (normalised query words) on a page in ``language``, checked
    against ``documents`` (the public search documents). One query when they are found together (and one for a name
    typed whole); a few more otherwise (each concept alone, its other languages' forms, the query again with its
    corrected words)."""
    language = language if language in LANGUAGES else "en"
    terms, expanded, known = term_index(), {}, {}

    def found(concept_list: list[Concept]) -> bool:
        key = tuple(concept_list)
        if key not in known:
            known[key] = _found(documents, concept_list, expanded)
        return known[key]

    found_concepts = concepts(words, language, terms)
    if not found_concepts:
        return Understanding(found_concepts, language=language, whole_name=_whole_name(documents, words))
    all_found, named = _found_and_whole_name(documents, found_concepts, expanded, words)
    known[tuple(found_concepts)] = all_found
    if all_found:
        return Understanding(found_concepts, language=language, expanded=expanded, whole_name=named)
    _found_alone(documents, found_concepts, expanded, known)
    searched = {concept: _alone(concept, found) for concept in found_concepts}
    fixed = _corrections([c for c in found_concepts if searched[c] is None], language, terms, found) if correct else {}
    if fixed:
        # The query again with its words corrected: a corrected word may complete a phrase that names a type of help
        # ("violencia domestca": violencia doméstica), or the words may now be found together.
        found_concepts = concepts([part for word in words for part in fixed.get(word, word).split()], language, terms)
        if found(found_concepts):
            return Understanding(found_concepts, _shown(fixed), language=language, expanded=expanded)
        searched = {concept: _alone(concept, found) for concept in found_concepts}
    kept = [searched[concept] for concept in found_concepts if searched[concept] is not None]
    missing = [word for concept in found_concepts if searched[concept] is None for word in concept.words]
    typed = {correct_word: word for word, correct_word in fixed.items()}
    corrections = _shown({word: correct_word for word, correct_word in fixed.items() if correct_word not in missing})
    missing = [typed_words(typed.get(word, word)) for word in missing]
    if not kept:
        return Understanding(found_concepts, corrections, missing, language=language, expanded=expanded)
    if len(kept) > 1 and not found(kept):
        return Understanding(kept, corrections, missing, partial=True, language=language, expanded=expanded)
    return Understanding(kept, corrections, missing, language=language, expanded=expanded)


def _found_alone(documents, concept_list: list[Concept], expanded: dict, known: dict) -> None:
    """Whether each concept of ``concept_list`` is found alone, asked together (one statement on PostgreSQL) and kept
    in ``known`` for ``_alone``."""
    alone = [concept for concept in concept_list if (concept,) not in known]
    if len(alone) < 2:
        return
    searches = [matching(documents, [concept], expanded=expanded) for concept in alone]
    for concept, found in zip(alone, backend(documents.db).any_found_each(searches), strict=True):
        known[(concept,)] = found


def _alone(concept: Concept, found) -> Concept | None:
    """What to search for ``concept`` alone: itself when ``found``, else its words' forms in every language when
    those are, else None."""
    if found([concept]):
        return concept
    elsewhere = _in_every_language(concept)
    if elsewhere.forms != concept.forms and found([elsewhere]):
        return elsewhere
    return None


def _corrections(unfound: list[Concept], language: str, terms: TermIndex, found) -> dict[str, str]:
    """Typed word → the word of the public vocabulary (``vocabulary``) it is corrected to, for each single word of
    ``unfound`` (concepts found nowhere) that is not an everyday word of ``language`` (``words.everyday``): kept when
    the correction is found, or is a word of a category's name or terms (it may complete a phrase with the query's
    other words). A word that is no typo of one may be two typed together ("restrainingorder", ``split_in_two``):
    corrected to both, space between, when they are found. Else, on a page whose language is typed as it sounds
    (``words.SOUNDED_LANGUAGES``: Spanish, Portuguese), it is corrected to the word it sounds like ("alluda": ayuda,
    ``sounds``), kept as any correction is, or when it is a stop word ("nesesito": necesito, dropped as that word)."""
    counts, corrected = None, {}
    for concept in unfound:
        if len(concept.words) != 1 or concept.categories or understood_words.everyday(concept.words[0], language):
            continue
        if counts is None:
            counts, _shown_words = vocabulary()
        fixed = correction(concept.words[0], counts)
        if fixed is None:
            parts = split_in_two(concept.words[0], counts)
            fixed = " ".join(parts) if parts else None
        if fixed is None and language in SOUNDED_LANGUAGES:
            fixed = sounds_like(concept.words[0], sounds(language), language)
            if fixed in stop_words(language):
                corrected[concept.words[0]] = fixed
                continue
        if fixed is None:
            continue
        replacement = concepts(fixed.split(), language, terms)
        if terms.categories_of_word(fixed, language) or (replacement and found(replacement)):
            corrected[concept.words[0]] = fixed
    return corrected


def _shown(corrections: dict[str, str]) -> dict[str, str]:
    """Typed word → its correction as shown (each word with the accents of the categories' names and terms)."""
    _counts, shown = vocabulary()
    return {word: " ".join(shown.get(part, part) for part in fixed.split()) for word, fixed in corrections.items()}


def corrected_text(text: str, corrections: dict[str, str]) -> str:
    """``text`` with each corrected word replaced by its correction (each word read as ``text.query_words`` reads
    it: "sicologaaa" is "sicologa"), as typed otherwise."""
    return " ".join(corrections.get(read_once(normalise(token)), token) for token in str(text or "").split())
