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


# A document's categories (each subcategory's main category with it) as the bits of one integer too
# (``ServiceSearchDocument.category_bits``): a rank asks "of one of these categories?" of every document it ranks, and
# ``(category_bits & mask) <> 0`` reads the row it is reading, where the facet words were a set of ids built from the
# text index per statement. Ids from ``CATEGORY_BITS`` on are asked of the facet words (``in_categories``).
CATEGORY_BITS = 63


def category_bits(category_ids) -> int:
    """The bits of ``category_ids`` below ``CATEGORY_BITS`` (bit ``n`` for category ``n``)."""
    return sum(1 << pk for pk in set(category_ids) if 0 <= pk < CATEGORY_BITS)


def beyond_bits(category_ids) -> list[int]:
    """The ids of ``category_ids`` no bit holds, sorted."""
    return sorted(pk for pk in set(category_ids) if not 0 <= pk < CATEGORY_BITS)


def country_code(country) -> str:
    """A Country's or a code's ISO code, upper-case."""
    return str(getattr(country, "code", country) or "").strip().upper()


def facet_group(alternatives) -> tuple[str, ...]:
    """A filter's facet words as the index is asked for them: lower-case, each once, sorted."""
    return tuple(sorted({word.lower() for word in alternatives}))
