"""The site's own settings plus one bench-only page, ``/<language>/bench-floor/`` (see ``bench/urls.py``).

Used only by ``bench/run.py``: the floor page exists nowhere else, so it can never be switched on in production.
"""

from rssn.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
