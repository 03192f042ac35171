"""Text as the index and the queries see it: accent-folded, lower-case words of letters and digits.

Pure: imports no models and touches no database, so both engines' tokenizers are matched by the same function.
"""

import functools
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterable

MAX_QUERY_CHARACTERS = 200
MAX_QUERY_WORDS = 10
# One-letter words ("a", "e", "y", "o" in Spanish and Portuguese) would match nearly every document; they are
# dropped from queries (documents keep them, so "a" in a longer word still counts).
MIN_WORD_LENGTH = 2

# Letters that Unicode does not decompose into a base letter plus accent, folded by hand so that people who
# type without them still find the word.
_EXTRA_FOLDS = str.maketrans({"ø": "o", "đ": "d", "ð": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"})


_NOT_WORD = re.compile(r"[\W_]+")


def _is_accent(character: str) -> bool:
    return bool(unicodedata.combining(character))


class _AccentFolds(dict):
    """``str.translate`` table folding each non-ASCII character the first time it is seen: its NFKD decomposition
    without the combining marks (decomposition is per character, so this equals folding the whole text, and
    indexing a large directory spends its time here otherwise)."""

    def __missing__(self, code_point: int) -> str:
        character = chr(code_point)
        folded = "".join(
            ch for ch in unicodedata.normalize("NFKD", character) if ch.isascii() or not _is_accent(ch)
        ).translate(_EXTRA_FOLDS)
        self[code_point] = folded
        return folded


_ACCENT_FOLDS = _AccentFolds()


def normalise(text: str) -> str:
    """Accent-folded, lower-case words separated by single spaces; punctuation and symbols become spaces.

    Words are runs of letters and digits (Unicode categories L* and N*), as in SQLite's FTS5 ``unicode61``
    tokenizer, so both engines see the same words.
    """
    if not text:
        return ""
    text = str(text)
    if not text.isascii():
        text = text.translate(_ACCENT_FOLDS)
    return _NOT_WORD.sub(" ", text.casefold().translate(_EXTRA_FOLDS)).strip()


def joined_contractions(words: list[str]) -> list[str]:
    """``words`` (normalised) with English "not" put back on its verb: normalising splits "can't" into "can t", and
    the one-letter "t" is no query word, so "I can't sleep" would lose its negation and read "can sleep". "can t",
    "don t", "won t", "didn t" become "cant", "dont", "wont", "didnt", as people type them without the apostrophe."""
    joined = []
    for word in words:
        if word == "t" and joined and joined[-1].endswith("n"):
            joined[-1] += "t"
        else:
            joined.append(word)
    return joined


# A letter typed three times or more in a row: "ayudaaa", "tolonggg", "helppp". No word of the four languages has one.
_DRAWN_OUT = re.compile(r"([^\W\d_])\1{2,}")


def read_once(word: str) -> str:
    """``word`` with each letter drawn out read once, unless that leaves less than a word ("zzzzzz")."""
    once = _DRAWN_OUT.sub(r"\1", word)
    return once if len(once) >= MIN_WORD_LENGTH else word


def query_words(text: str, uncounted: Collection[str] = ()) -> list[str]:
    """The words of a query, as they are matched: normalised, at least two characters, no repeats but of the words in
    ``uncounted`` (phrases and negations are made of them: "i want to leave but i have nowhere to go"), at most ten
    not in ``uncounted`` (and ten in all when every word is), "n't" joined to its verb (``joined_contractions``), a
    letter drawn out in a cry typed once ("ayudaaa" is "ayuda").
    The search passes the page language's stop
    words: a sentence typed as in a chat keeps the need it says last ("hola buenas noches disculpe la molestia es que
    yo no sé a quién pedir un abogado")."""
    words, counted = [], 0
    typed = normalise(str(text or "")[: MAX_QUERY_CHARACTERS * 4])[:MAX_QUERY_CHARACTERS].split()
    for word in joined_contractions([read_once(word) for word in typed]):
        if len(word) < MIN_WORD_LENGTH or (word in words and word not in uncounted):
            continue
        if word not in uncounted:
            if counted == MAX_QUERY_WORDS:
                break
            counted += 1
        words.append(word)
    return words if counted else words[:MAX_QUERY_WORDS]


class Words(dict):
    """The normalised words of each text, worked out once: an organisation's names and description, its categories'
    and its places' names recur in the document of each of its services (building the documents spent half its
    time normalising them again)."""

    def __missing__(self, text: str) -> list[str]:
        words = self[text] = normalise(text).split()
        return words


#: Set in a document's field between its words and the stems of its words that none of them starts
#: (``document_field``): what comes after it is a form of a word, never a word shown to anybody. A query word never
#: holds "=" (``normalise``), so it never matches it; FTS5 and PostgreSQL keep it as one word of its own.
STEMS_MARK = "=stems"
#: A whole name as one word of a document's names (``whole_name``): "Rumah Aman Melati" is ``=name=rumah=aman=melati``.
WHOLE_NAME = "=name="


#: A phrase of stop words alone that a category's term says ("go with me", "ir cmg"), as one query word
#: (``said_phrase``): ``=said=go=with=me``. No document holds it, so it is found through the term's categories alone,
#: and it counts as one word.
SAID_PHRASE = "=said="


def said_phrase(words: Iterable[str]) -> str:
    """``words`` (a phrase of stop words) as one query word: ``SAID_PHRASE`` and the words joined by "="."""
    return SAID_PHRASE + "=".join(words)


def typed_words(word: str) -> str:
    """A query word as typed: the words of a ``said_phrase`` separated by spaces, any other word itself."""
    return word.removeprefix(SAID_PHRASE).replace("=", " ") if word.startswith(SAID_PHRASE) else word


@functools.lru_cache(maxsize=65536)
def whole_name(text: str) -> str:
    """``text`` (a name, or a query) as one word: its words as a query takes them (``query_words``) after
    ``WHOLE_NAME``, joined by "=", so a name typed whole is one exact word of the index (FTS5 keeps "=" in words,
    PostgreSQL splits the documents' words on spaces only). Empty when it has no such word."""
    words = query_words(text)
    return WHOLE_NAME + "=".join(words) if words else ""


def document_field(
    values: Iterable[str], words: Words | None = None, stems: Iterable[str] = (), whole: Iterable[str] = ()
) -> str:
    """Normalised words of ``values``, each once, in order, with a space at both ends; then, after ``STEMS_MARK``,
    those of ``stems`` that are not among them; then the ``whole`` names' words (``whole_name``). (Normalising is
    per character and words never span two values, so each value's words are those of all of them joined.)"""
    words = Words() if words is None else words
    found = dict.fromkeys(itertools.chain.from_iterable(words[value] for value in values if value))
    added = [stem for stem in dict.fromkeys(stems) if stem not in found]
    parts = [" ".join(found)] if found else []
    if added:
        parts += [STEMS_MARK, " ".join(added)]
    parts += [word for word in dict.fromkeys(whole) if word]
    return f" {' '.join(parts)} " if parts else ""


def shown_words(field: str) -> str:
    """A document's field without what ``document_field`` adds after its words (stems, whole names): the words
    its listing holds."""
    return field.partition(" =")[0]
