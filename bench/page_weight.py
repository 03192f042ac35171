"""Print the compressed weight of the home and results pages (HTML + CSS + JS), the budget being 60 KB each, and
of the results' map view (the same with the map's code and the site's own basemap), the budget being 300 KB.

Run against a database with the demo loaded, for example:
    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/page_weight.py
"""

import gzip
import os
import sys
from pathlib import Path

BUDGET = 60 * 1024
MAP_BUDGET = 300 * 1024
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rssn.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from members.models import City  # noqa: E402

PAGE_ASSETS = ("css/site.css", "js/site.js")
# What the map view loads besides: its code (only there) and the basemap its script fetches.
MAP_ASSETS = (
    "vendor/leaflet/leaflet.css",
    "css/map.css",
    "vendor/leaflet/leaflet.js",
    "vendor/topojson-client/topojson-client.min.js",
    "js/map.js",
    "map/basemap.json",
)


def compressed(path: str) -> int:
    return len(gzip.compress((ROOT / "static" / path).read_bytes()))


def report(client, url: str, assets: dict, budget: int) -> None:
    html = client.get(url).content
    total = len(gzip.compress(html)) + sum(assets.values())
    verdict = "ok" if total < budget else "OVER BUDGET"
    print(f"{url:60} {len(html) / 1024:6.1f} KB html, {total / 1024:6.1f} KB gzip with assets  {verdict}")


def main():
    client = Client()
    assets = {path: compressed(path) for path in PAGE_ASSETS}
    map_assets = {**assets, **{path: compressed(path) for path in MAP_ASSETS}}
    city = City.objects.filter(locations__isnull=False).first()
    pages = ["/es/", "/es/search/", "/en/search/?q=legal"]
    if city is not None:
        pages.append(f"/es/search/?near={city.pk}&radius=200")
    for path, size in map_assets.items():
        print(f"{path:60} {size / 1024:6.1f} KB gzip")
    for url in pages:
        report(client, url, assets, BUDGET)
    print(f"map view (budget {MAP_BUDGET // 1024} KB):")
    for url in pages[1:]:
        report(client, url + ("&" if "?" in url else "?") + "view=map", map_assets, MAP_BUDGET)


if __name__ == "__main__":
    main()
