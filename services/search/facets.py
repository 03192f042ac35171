"""Facet words: what the filters ask, written as words of a search document so the text index answers them.

Pure: imports no models. ``facet("country", "CO") == "=country=co"``; the "=" mark is no letter or digit, so no
query word (``text.normalise``) can ever match a facet word.
"""

MODES = ["in_person", "by_phone", "online", "outreach"]
SERVICE_FACTS = ["cost", *MODES, "open_24_7"]
# Facets: words in a document's ``facets`` that say what the filters ask (``=country=co``, ``=category=12``...).
# They start with "=", which no query word can contain, so a search never matches them, and the text index covers
# them with the words: one index intersects a search's conditions. (A separate, short field: PostgreSQL may check a
# filter row by row, and reading the long text for that was slow.)
FACET_MARK = "="


def facet(kind: str, value="") -> str:
    """The facet word for ``kind`` and ``value``: ``facet("country", "CO") == "=country=co"``."""
    return f"{FACET_MARK}{kind}{FACET_MARK}{value}".lower() if value != "" else f"{FACET_MARK}{kind}"


def country_code(country) -> str:
    """A Country's or a code's ISO code, upper-case."""
    return str(getattr(country, "code", country) or "").strip().upper()


def facet_group(alternatives) -> tuple[str, ...]:
    """A filter's facet words as the index is asked for them: lower-case, each once, sorted."""
    return tuple(sorted({word.lower() for word in alternatives}))
