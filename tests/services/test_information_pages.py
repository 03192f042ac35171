"""The public information pages: about the network, how to use the directory, what to expect, safety."""

import pytest
from django.urls import reverse
from django.utils import translation

PAGES = {
    "services:about": "About the network",
    "services:help": "How to use the directory",
    "services:what-to-expect": "What to expect from a service",
    "services:safety": "Using this site safely",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
@pytest.mark.parametrize("url_name", PAGES)
def test_information_page_renders_in_every_language_with_its_translated_title(client, url_name, language):
    with translation.override(language):
        url = reverse(url_name)
        title = translation.gettext(PAGES[url_name])
    if language != "en":
        assert title != PAGES[url_name], f"{PAGES[url_name]!r} has no {language} translation"
    response = client.get(url)
    assert response.status_code == 200
    assert url.startswith(f"/{language}/")
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert f'<html lang="{language}"' in html
    assert not response.cookies


@pytest.mark.django_db
def test_every_page_links_to_the_information_pages(client):
    html = client.get(reverse("services:home")).content.decode()
    for url_name in PAGES:
        assert f'href="{reverse(url_name)}"' in html
