"""The directory's benchmark (``make bench``): a fixed, realistic mix of requests through the whole Django stack.

Each request goes through Django's test client, so through every middleware, URL resolution, the view, the
templates and the database, in this process (no network, no server). After a warm-up the request types are run
in rounds (one of each per round, so a busy moment on the machine hits every type alike), and for each type the
script prints p50 and p95 in milliseconds, the database queries per request, and the ratios to the floor: a view
that does nothing behind the same stack (``/es/bench-floor/``, present only in ``bench.settings``), and to a page
that does not exist (404). Result cards are kept between requests, as on a running server (``services.card_cache``),
and so are the answers of repeated broad searches (``services.search.search_answers``), except for the "first seen"
type: queries no earlier request asked, broad and narrow, whose cards and answers are set aside;
``--cold-cards`` forgets every card, kept page and answer before each request.

Its own database, filled by ``generate_directory`` when it is missing:
- SQLite by default: ``bench.sqlite3`` (``bench-<N>.sqlite3`` for another size) in the project folder;
- PostgreSQL when ``DATABASE_URL`` is a PostgreSQL URL: the same server, database ``rssn_bench`` (``rssn_bench_<N>``),
  created if needed;
- or exactly ``BENCH_DATABASE_URL`` when set.

    make bench                                   # SQLite, 10,000 organisations
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x make bench
    .venv/bin/python bench/run.py --organisations 100000 --rounds 200
    make bench BENCH_ARGS=--cold-cards           # every result card made from its rows
"""

import argparse
import contextlib
import logging
import math
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

P95_TARGET_MS = 60
QUERY_TARGET = 12
P50_OF_NOT_FOUND = 4
# The status each request type answers (200 unless said here).
STATUS = {"not found": 404}
DEFAULT_ORGANISATIONS = 10_000
SEED = 1


def bench_database_url(organisations: int) -> str:
    explicit = os.environ.get("BENCH_DATABASE_URL")
    if explicit:
        return explicit
    suffix = "" if organisations == DEFAULT_ORGANISATIONS else f"_{organisations}"
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://", "pgsql://")):
        parts = urlsplit(url)
        return urlunsplit(parts._replace(path=f"/rssn_bench{suffix}"))
    name = "bench.sqlite3" if not suffix else f"bench-{organisations}.sqlite3"
    return f"sqlite:///{ROOT / name}"


def ensure_postgresql_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=DEFAULT_ORGANISATIONS)
    parser.add_argument("--rounds", type=int, default=100, help="Measured requests of each type.")
    parser.add_argument("--warmup", type=int, default=10, help="Unmeasured requests of each type first.")
    parser.add_argument("--only", default="", help="Comma-separated request names to run (default: all).")
    parser.add_argument(
        "--cold-cards",
        action="store_true",
        help="Forget the kept result cards, pages and search answers before every request, so that every card is made "
        "from its rows and every search runs its statements (as just after an edit); by default they are kept, as on a "
        "running server.",
    )
    return parser.parse_args()


def setup(organisations: int) -> str:
    url = bench_database_url(organisations)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    # Measured as in production: no debug pages or query log, and the query count comes from a wrapper.
    os.environ.setdefault("DEBUG", "false")
    if url.startswith(("postgres://", "postgresql://")):
        ensure_postgresql_database(url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench.synthetic import SLUG_PREFIX
    from members.models import Organisation

    present = Organisation.objects.filter(slug__startswith=f"{SLUG_PREFIX}-{SEED}-").count()
    if present == 0:
        print(f"Generating {organisations} organisations into {redacted(url)} (once)...", flush=True)
        call_command("generate_directory", organisations=organisations, seed=SEED)
        vacuum()
    elif present != organisations:
        sys.exit(f"{redacted(url)} holds {present} synthetic organisations, not {organisations}: delete it first.")
    return url


def vacuum() -> None:
    """PostgreSQL: ``VACUUM (ANALYZE)`` of the directory's tables after the load, as autovacuum does soon after on a
    server where it is on (PostgreSQL's default; this machine's server has it off). Without it no page is marked
    all-visible, so every index-only scan still reads the table, which no production database goes on doing."""
    from django.db import connection

    from services.search import directory_tables

    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(table) for table in directory_tables(connection))
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {tables}")


def redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urlunsplit(parts)


# Queries a person may type, by page language, for the "first seen" type: each URL is asked once (the warm-up's
# first, then the rounds' in turn) and its cards are made from its rows.
FIRST_SEEN = {
    "es": [
        "violencia",
        "mujeres",
        "apoyo",
        "abogada familia",
        "refugio temporal",
        "psicologa",
        "denuncia",
        "salud mental",
        "casa de acogida",
        "orientacion juridica",
        "trabajo",
        "ninos",
    ],
    "pt": ["violencia domestica", "mulheres", "apoio", "advogada", "abrigo", "psicologa", "denuncia", "saude mental"],
    "en": ["violence", "women", "support group", "lawyer", "shelter", "counseling", "legal aid", "mental health"],
    "id": ["kekerasan", "perempuan", "bantuan", "pengacara", "rumah aman", "konseling", "hukum", "kesehatan jiwa"],
}
FIRST_SEEN_COUNTRY = {"es": "MX", "pt": "BR", "en": "US", "id": "ID"}
FRESH = {"first seen"}


def first_seen_urls() -> list[str]:
    """Every query of ``FIRST_SEEN`` alone, in its language's country, and its second page: each URL once."""
    urls = []
    for variant in ("", "&country={country}", "&page=2"):
        for language, queries in FIRST_SEEN.items():
            country = FIRST_SEEN_COUNTRY[language]
            urls += [
                f"/{language}/search/?q={query.replace(' ', '+')}{variant.format(country=country)}" for query in queries
            ]
    return urls


# Sentences as people type them, not every word of which is found together, by page language: the services of the
# types of help they name take turns (``services.search.understanding.needs``), or those with the most of their
# words come first. Partial answers are never kept (``services.search.answers``): each request runs its statements.
PARTLY_FOUND = {
    "es": [
        "mi hijo tiene fiebre y no tengo casa",
        "necesito abogada y un lugar para dormir con mis hijos",
        "me pegan y no tengo donde ir con mi bebe",
    ],
    "pt": [
        "preciso de abrigo e remedio pro meu filho",
        "minha filha esta doente e nao tenho onde morar",
        "preciso de advogado e de um lugar pra ficar",
    ],
    "en": ["my kid has a fever", "im homeless with 2 kids", "need a lawyer and a place to stay"],
    "id": ["butuh dokter dan tempat tinggal buat anak", "butuh pengacara dan tempat menginap"],
}


def partly_found_urls() -> list[str]:
    """The sentences of ``PARTLY_FOUND``, the languages in turn."""
    urls = []
    for position in range(max(len(queries) for queries in PARTLY_FOUND.values())):
        for language, queries in PARTLY_FOUND.items():
            if position < len(queries):
                urls.append(f"/{language}/search/?q={queries[position].replace(' ', '+')}")
    return urls


def request_mix() -> list[tuple[str, list[str]]]:
    """(name, URLs): the URLs of a type are used in turn. Places and listings are picked from the data."""
    from django.db.models import Count

    from members.models import City
    from services.models import Service

    bogota = City.objects.get(country__code="CO", name_en="Bogotá")
    mexico = City.objects.get(country__code="MX", name_en="Mexico City")
    jakarta = City.objects.get(country__code="ID", name_en="Jakarta")
    busiest = City.objects.annotate(n=Count("locations")).order_by("-n").first()
    service_ids = list(Service.objects.public().order_by("pk").values_list("pk", flat=True)[:5000:500])
    return [
        ("floor", ["/es/bench-floor/"]),
        # A page that does not exist, through the same stack: every type's p50 within P50_OF_NOT_FOUND times its.
        ("not found", ["/es/bench-no-such-page/"]),
        ("home", ["/es/", "/en/"]),
        ("text es", ["/es/search/?q=apoyo+psicosocial", "/es/search/?q=abogada", "/es/search/?q=refugio"]),
        ("text pt", ["/pt/search/?q=assistência+jurídica", "/pt/search/?q=abrigo", "/pt/search/?q=saúde"]),
        ("text en", ["/en/search/?q=legal+aid", "/en/search/?q=counselling", "/en/search/?q=shelter"]),
        ("text id", ["/id/search/?q=rumah+aman", "/id/search/?q=konseling", "/id/search/?q=hukum"]),
        # The broadest words of the field: the most documents to rank (issue 19's "Must hold").
        (
            "broad words",
            [
                "/es/search/?q=violencia",
                "/en/search/?q=violence",
                "/es/search/?q=mujeres",
                "/es/search/?q=apoyo",
                "/id/search/?q=kekerasan",
                "/id/search/?q=perempuan",
            ],
        ),
        # Words understood: a sentence, a term of another language, a typo corrected, a partial match.
        (
            "words understood",
            [
                "/es/search/?q=necesito+un+abogado",
                "/pt/search/?q=onde+dormir+hoje",
                "/es/search/?q=shelter",
                "/es/search/?q=sicologa",
                "/id/search/?q=saya+butuh+tempat+berlindung",
            ],
        ),
        ("sentences partly found", partly_found_urls()),
        # Queries no earlier request asked, their cards made from their rows (issue 19's "Must hold").
        ("first seen", first_seen_urls()),
        (
            "text + filters",
            [
                "/es/search/?q=apoyo&country=CO&category=psychosocial-support&free=on",
                "/en/search/?q=legal&country=MX&language=es&population=refugees-migrants",
                "/pt/search/?q=saude&country=BR&mode=in_person",
            ],
        ),
        # What it takes to get in (issue 23): its filters alone, with words, and near a place.
        (
            "access filters",
            [
                "/es/search/?no_documents=on&walk_in=on",
                "/en/search/?q=legal&no_referral=on&country=MX",
                f"/es/search/?near={bogota.pk}&radius=25&wheelchair=on",
            ],
        ),
        (
            "near city",
            [
                f"/es/search/?near={bogota.pk}&radius=25",
                f"/es/search/?near={mexico.pk}&radius=50",
                f"/id/search/?near={jakarta.pk}&radius=25",
                f"/en/search/?near={busiest.pk}&radius=200",
            ],
        ),
        (
            "near + text + filters",
            [
                f"/es/search/?near={bogota.pk}&radius=50&q=legal&population=refugees-migrants",
                f"/es/search/?near={mexico.pk}&radius=25&q=apoyo&category=psychosocial-support&free=on",
                f"/id/search/?near={jakarta.pk}&radius=100&q=konseling&mode=in_person",
            ],
        ),
        ("open now", ["/es/search/?open_now=on", "/en/search/?open_now=on&country=US"]),
        ("service page", [f"/es/services/{pk}/" for pk in service_ids]),
        ("country page", ["/es/countries/CO/", "/pt/countries/BR/", "/id/countries/ID/"]),
        ("API search", ["/api/v1/services/?q=legal&country=CO", f"/api/v1/services/?near={bogota.pk}&radius=25"]),
    ]


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(mix, rounds: int, warmup: int, cold_cards: bool = False) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client

    from rssn.memory import freeze_long_lived_objects
    from services.card_cache import forget as forget_kept_cards
    from services.card_cache import set_aside as set_kept_cards_aside
    from services.search import search_answers

    client = Client()
    for name, urls in mix:
        for index in range(warmup):
            response = client.get(urls[index % len(urls)])
            if response.status_code != STATUS.get(name, 200):
                sys.exit(f"{name}: {urls[index % len(urls)]} answered {response.status_code}")
    # As each gunicorn worker does after its first requests (rssn/gunicorn.py, rssn/memory.py): without it, the
    # collector's full passes over every long-lived object are the slowest requests.
    freeze_long_lived_objects()
    timings = {name: [] for name, _urls in mix}
    cpu = {name: [] for name, _urls in mix}
    queries = {name: [] for name, _urls in mix}
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        for round_number in range(rounds):
            for name, urls in mix:
                fresh = name in FRESH
                url = urls[(round_number + (warmup if fresh else 0)) % len(urls)]
                counter.count = 0
                if cold_cards:
                    forget_kept_cards()
                    search_answers.forget()
                with (
                    set_kept_cards_aside() if fresh else contextlib.nullcontext(),
                    search_answers.set_aside() if fresh else contextlib.nullcontext(),
                ):
                    started, started_cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    elapsed = (time.perf_counter() - started) * 1000
                    cpu[name].append((time.process_time() - started_cpu) * 1000)
                if response.status_code != STATUS.get(name, 200):
                    sys.exit(f"{name}: {url} answered {response.status_code}")
                timings[name].append(elapsed)
                queries[name].append(counter.count)
    return {
        name: {
            "p50": statistics.median(timings[name]),
            "p95": percentile(timings[name], 0.95),
            "cpu50": statistics.median(cpu[name]),
            "cpu95": percentile(cpu[name], 0.95),
            "queries": max(queries[name]),
        }
        for name, _urls in mix
    }


def python_speed_ms() -> float:
    """The machine's speed for plain Python, to compare figures taken on different machines: the best of five runs
    of a fixed loop (a million additions and dictionary writes), in ms."""
    best = math.inf
    for _run in range(5):
        started = time.perf_counter()
        table = {}
        for number in range(1_000_000):
            table[number & 1023] = number + 1
        best = min(best, time.perf_counter() - started)
    return best * 1000


def describe_database() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def main():
    arguments = parse_arguments()
    url = setup(arguments.organisations)
    from services.models import Service

    mix = request_mix()
    if arguments.only:
        wanted = {"floor", "not found", *(name.strip() for name in arguments.only.split(","))}
        mix = [(name, urls) for name, urls in mix if name in wanted]
    services = Service.objects.count()
    print(
        f"{describe_database()} at {redacted(url)}: {arguments.organisations} organisations, {services} services; "
        f"{arguments.warmup} warm-up and {arguments.rounds} measured requests per type, nproc {os.cpu_count()}, "
        f"load average {os.getloadavg()[0]:.1f}, Python speed {python_speed_ms():.0f} ms (lower is faster); "
        f"result cards and answers {'forgotten before every request' if arguments.cold_cards else 'kept'}",
        flush=True,
    )
    # The page not found is logged as a warning each time: not the bench's output.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    results = run(mix, arguments.rounds, arguments.warmup, arguments.cold_cards)
    floor, not_found = results["floor"], results["not found"]
    print(
        f"{'request':24} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'p50/floor':>10} {'p95/floor':>10} "
        f"{'p50/404':>8}  {'cpu p50':>8} {'cpu p95':>8}  target"
    )
    failed = []
    for name, result in results.items():
        ok = (
            result["p95"] < P95_TARGET_MS
            and result["queries"] <= QUERY_TARGET
            and result["p50"] <= P50_OF_NOT_FOUND * not_found["p50"]
        )
        if not ok:
            failed.append(name)
        print(
            f"{name:24} {result['p50']:8.1f} {result['p95']:8.1f} {result['queries']:8d} "
            f"{result['p50'] / floor['p50']:10.1f} {result['p95'] / floor['p95']:10.1f} "
            f"{result['p50'] / not_found['p50']:8.1f}  "
            f"{result['cpu50']:8.1f} {result['cpu95']:8.1f}  {'ok' if ok else 'MISSED'}"
        )
    print(
        "cpu: this process's CPU time per request (with SQLite it includes the database's work, so it stays meaningful "
        "on a busy machine; with PostgreSQL the server's share is not in it)."
    )
    print(
        f"Targets: p95 under {P95_TARGET_MS} ms, at most {QUERY_TARGET} queries and p50 within "
        f"{P50_OF_NOT_FOUND} times the page not found's per request"
        + (f"; missed by: {', '.join(failed)}." if failed else ": all met.")
    )


if __name__ == "__main__":
    main()
