"""Whether a change to the pages' rendering leaves their HTML the same: a fixed set of public pages in the four
languages (the bench's mix, the first-seen queries, home, search with filters, lists, maps and no results, service,
organisation and country pages, the referral list, information pages), rendered at a fixed moment on the bench's
database, each with its result cards made from the rows and then kept. Each page's HTML goes to a folder; run it
from the trees before and after a change and compare the folders (``diff -r``).

    BENCH_DATABASE_URL=sqlite:////path/bench.sqlite3 .venv/bin/python bench/same_html.py /tmp/before
    (the same from the other tree into /tmp/after), then: diff -r /tmp/before /tmp/after
    --kept: cards and kept parts are not forgotten between pages (pages share what they keep)
"""

import argparse
import datetime
import logging
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Every closure of the synthetic directory's holiday week holds on this day (generated on 5 December 2026).
MOMENT = datetime.datetime(2026, 12, 10, 15, 7, tzinfo=datetime.UTC)


def page_urls(run) -> list[str]:
    from members.models import Organisation
    from services.models import Service

    urls = [url for name, urls in run.request_mix() if name not in ("floor", "not found") for url in urls]
    urls = [url for url in urls if not url.startswith("/api/")] + run.first_seen_urls()
    public = Service.objects.public().order_by("pk")
    closed = list(public.filter(closed_from__isnull=False).values_list("pk", flat=True)[:6])
    placed = list(public.exclude(capacity="").values_list("pk", flat=True)[:6])
    location_closed = list(public.filter(locations__closed_from__isnull=False).values_list("pk", flat=True)[:6])
    some = list(public.values_list("pk", flat=True)[:3000:300])
    organisations = list(Organisation.objects.public().order_by("pk").values_list("slug", flat=True)[:400:100])
    listed = ",".join(str(pk) for pk in closed[:2] + placed[:2] + some[:3])
    for language in ("es", "pt", "en", "id"):
        prefix = f"/{language}"
        urls += [
            f"{prefix}/",
            f"{prefix}/?country=CO",
            f"{prefix}/search/",
            f"{prefix}/search/?q=apoyo&s={listed}",
            f"{prefix}/search/?q=zzzzqqq",
            f"{prefix}/search/?q=zzzzqqq&country=MX",
            f"{prefix}/search/?country=CO&page=3",
            f"{prefix}/search/?q=legal&view=map",
            f"{prefix}/search/?q=abrigo&sort=name",
            f"{prefix}/search/?open_now=on&country=BR",
            f"{prefix}/search/?near_me=1",
            f"{prefix}/search/?lat=4.61&lon=-74.08&radius=25",
            f"{prefix}/search/?places=on",
            f"{prefix}/search/?no_documents=on&walk_in=on&no_referral=on&wheelchair=on&message=on&open_24_7=on",
            f"{prefix}/search/?q=apoyo&country=CO&page=2",
            f"{prefix}/search/?reaches=CO",
            f"{prefix}/search/?q=apoyo&country=XX&population=nope&page=x",
            f"{prefix}/countries/MX/",
            f"{prefix}/countries/US/?page=2&s={listed}",
            f"{prefix}/list/?s={listed}",
            f"{prefix}/safety/",
            f"{prefix}/card/?country=CO",
            f"{prefix}/about/",
            f"{prefix}/help/",
        ]
        urls += [f"{prefix}/search/?q={query}" for query in ("violencia", "shelter", "kekerasan", "abrigo")]
        urls += [f"{prefix}/services/{pk}/" for pk in closed[:3] + placed[:3] + location_closed[:3] + some[:4]]
        urls += [f"{prefix}/services/{some[0]}/?s={listed}"]
        urls += [f"{prefix}/organisations/{slug}/" for slug in organisations]
    return urls


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--kept", action="store_true", help="Keep cards and kept parts from page to page.")
    arguments = parser.parse_args()
    from bench import run

    run.setup(run.DEFAULT_ORGANISATIONS)
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.test import Client
    from django.utils import timezone

    from services.card_cache import forget

    timezone.now = lambda: MOMENT  # the bench's own process: every page at the same moment
    client = Client()
    arguments.folder.mkdir(parents=True, exist_ok=True)
    problems = 0
    urls = page_urls(run)
    for index, url in enumerate(urls):
        if not arguments.kept:
            forget()
        made, kept = client.get(url), client.get(url)
        if made.status_code != 200 or made.content != kept.content:
            print(f"{url}: {made.status_code}, {'the same' if made.content == kept.content else 'not the same'} kept")
            problems += 1
        (arguments.folder / f"{index:04d}.html").write_bytes(url.encode() + b"\n" + made.content)
    print(f"{len(urls)} pages written to {arguments.folder}; {problems} not 200 or changed once kept")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    os.environ.setdefault("DEBUG", "false")
    main()
