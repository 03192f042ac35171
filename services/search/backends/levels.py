"""What both backends share to count a partial search's matches by the number of its units each found
(``found_counts``, ``with_found``): no SQL here."""

# The most units whose combinations a condition with ``least`` of them or more spells out (any ``least`` of them
# together): beyond, each match's units are counted from each unit's documents.
MOST_UNITS_COMBINED = 4


def levels(counted: dict[int, int], units: int, limit: int) -> list[tuple[int, bool]]:
    """``found_counts`` from ``counted`` (number of units found → matches that found that many): for each number
    ``least`` from 0 to ``units``, how many matches found ``least`` or more, no further than ``limit``, and whether
    one found fewer."""
    return [
        (min(sum(count for n, count in counted.items() if n >= least), limit), any(n < least for n in counted))
        for least in range(units + 1)
    ]
