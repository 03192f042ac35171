"""One module per database engine, with the same functions: every engine check of the search is made here.

``backend(db)`` is the module of the engine behind the database alias ``db``: ``sqlite`` (an FTS5 table) or
``postgresql`` (``tsvector`` columns with a GIN index). The rest of the package asks it, never the connection.
"""

from django.db import connections

from . import postgresql, sqlite

_BACKENDS = {"sqlite": sqlite, "postgresql": postgresql}


def backend(db: str):
    """The search backend of the database alias ``db``."""
    return _BACKENDS[connections[db].vendor]
