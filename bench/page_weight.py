"""Print the compressed weight of the home and results pages (HTML + CSS + JS), the budget being 60 KB each.

Run against a database with the demo loaded, for example:
    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python manage.py load_demo
    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/page_weight.py
"""

import gzip
import os
import sys
from pathlib import Path

BUDGET = 60 * 1024
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rssn.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from members.models import City  # noqa: E402


def main():
    client = Client()
    assets = {
        path: len(gzip.compress((ROOT / "static" / path).read_bytes())) for path in ("css/site.css", "js/site.js")
    }
    city = City.objects.filter(locations__isnull=False).first()
    pages = ["/es/", "/es/search/", "/en/search/?q=legal"]
    if city is not None:
        pages.append(f"/es/search/?near={city.pk}&radius=200")
    for path, size in assets.items():
        print(f"{path:45} {size / 1024:6.1f} KB gzip")
    for url in pages:
        html = client.get(url).content
        total = len(gzip.compress(html)) + sum(assets.values())
        verdict = "ok" if total < BUDGET else "OVER BUDGET"
        print(f"{url:45} {len(html) / 1024:6.1f} KB html, {total / 1024:6.1f} KB gzip with assets  {verdict}")


if __name__ == "__main__":
    main()
