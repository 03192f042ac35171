"""Garbage collection for a long-running worker.

After a few requests a worker holds about 140,000 long-lived objects (modules, settings, URL patterns, compiled
templates, translation catalogues, the reference-data cache). CPython's full collections scan all of them every
time, and those passes showed as the slowest requests (p95; docs/performance.md). Once those objects exist, they
are moved out of the collector's sight (``gc.freeze``): a full collection then scans only what requests create.
Objects frozen stay alive unless their reference count drops to zero, so garbage is collected first.
"""

import gc

#: Requests a worker serves before freezing: enough for every page type to have loaded what it keeps.
FREEZE_AFTER_REQUESTS = 100


def freeze_long_lived_objects() -> int:
    """Collect the garbage, then freeze every object alive now. Returns how many objects are frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def count_request(worker) -> None:
    """Called after each request a worker serves (``rssn.gunicorn.post_request``); freezes once, at the
    ``FREEZE_AFTER_REQUESTS``-th."""
    worker.rssn_requests = getattr(worker, "rssn_requests", 0) + 1
    if worker.rssn_requests == FREEZE_AFTER_REQUESTS:
        freeze_long_lived_objects()
