"""``make search-quality``: the judged queries (``judged-queries.tsv``) against the demo directory.

Loads the demo directory into a scratch database made for this run and dropped after it (a temporary SQLite file by
default; with a PostgreSQL ``DATABASE_URL`` naming database ``x``, database ``x_search_quality`` on the same
server), runs every judged query through the search page's filterset in its page language and prints, per
language, hit@5, the mean reciprocal rank and the share of queries with no result (``quality.py`` says how they
are counted).

    make search-quality
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x make search-quality
    .venv/bin/python bench/search_quality/run.py --misses     # also list the queries without a hit in the first 5
    .venv/bin/python bench/search_quality/run.py --queries /tmp/blind-set.tsv --misses  # a blind set's first run
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

# Appended to the configured database's name: runs against different databases never share a scratch one.
SCRATCH_POSTGRESQL_SUFFIX = "_search_quality"


def _postgresql(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def _recreate_postgresql_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def _drop_postgresql_database(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    name = urlsplit(url).path.lstrip("/")
    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="List the queries without a hit in the first five.")
    parser.add_argument(
        "--queries", type=Path, help="Another file of judged queries, in the same form (a blind set's first run)."
    )
    arguments = parser.parse_args()

    configured = os.environ.get("DATABASE_URL", "")
    with tempfile.TemporaryDirectory(prefix="rssn-search-quality-") as folder:
        if _postgresql(configured):
            name = (urlsplit(configured).path.lstrip("/") or "rssn") + SCRATCH_POSTGRESQL_SUFFIX
            url = urlunsplit(urlsplit(configured)._replace(path=f"/{name}"))
            _recreate_postgresql_database(url)
        else:
            url = f"sqlite:///{Path(folder) / 'search-quality.sqlite3'}"
        os.environ["DATABASE_URL"] = url
        os.environ["DJANGO_SETTINGS_MODULE"] = "rssn.settings"
        os.environ["CACHE_URL"] = "locmem://"
        import django

        django.setup()
        from django.core.management import call_command

        try:
            call_command("migrate", verbosity=0)
            call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
            from bench.search_quality.quality import evaluate, judged_queries, report

            engine = "PostgreSQL" if _postgresql(url) else "SQLite"
            figures = evaluate(judged_queries(arguments.queries) if arguments.queries else judged_queries())
            print(
                f"Search quality on the demo directory ({engine}), {sum(f.queries for f in figures.values())} "
                "judged queries:"
            )
            print(report(figures, misses=arguments.misses))
        finally:
            if _postgresql(url):
                _drop_postgresql_database(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
