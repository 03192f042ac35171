"""The site's own settings plus the bench app (``generate_directory``) and one bench-only page,
``/<language>/bench-floor/`` (see ``bench/urls.py``).

Used by ``bench/run.py`` and to generate a synthetic directory: neither the floor page nor the generator is
installed anywhere else, so they can never be switched on in production.
"""

from rssn.settings import *  # noqa: F403
from rssn.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
