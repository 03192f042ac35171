"""What a person does on the directory, in a real browser, in two languages each."""

import base64
import json
import re
import time

import pytest
from playwright.sync_api import expect

from rssn.languages import best_translation
from tests.browser.conftest import NEUTRAL_TITLE, NEUTRAL_URL, SCREENSHOTS, screenshot

pytestmark = pytest.mark.browser

TWO_LANGUAGES = pytest.mark.parametrize("language", ["en", "es"])


def name_in(language: str, *objects) -> list[str]:
    """The names the pages show in ``language`` (with the content fallbacks: the listing's own language first)."""
    return [str(best_translation(obj, "name", language)) for obj in objects]


def result_titles(page):
    return page.locator("article.result h3 a").all_inner_texts()


def search_for(page, language: str, text: str):
    page.goto(f"/{language}/")
    page.locator("form[role=search] #id_q").fill(text)
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/search/\?"))


@TWO_LANGUAGES
@pytest.mark.parametrize("text", ["orientación jurídica", "orientacion juridica", "ORIENTACION"])
def test_search_by_text_with_and_without_accents(page, directory, language, text):
    search_for(page, language, text)

    titles = result_titles(page)
    assert len(titles) == 1
    assert titles == name_in(language, directory.legal_service)
    expect(page.locator("#id_q")).to_have_value(text)


@TWO_LANGUAGES
def test_filter_then_remove_the_filter(page, directory, language):
    page.goto(f"/{language}/search/")
    assert len(result_titles(page)) == 3

    page.locator("details.filter-panel > summary").click()
    page.locator("input[name=category][value=shelter]").check()
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"category=shelter"))
    assert result_titles(page) == name_in(language, directory.shelter_service)
    remove = page.locator(".active-filters a")
    expect(remove).to_have_count(1)

    remove.click()
    page.wait_for_url(re.compile(r"/search/\?(?!.*category)"))
    assert len(result_titles(page)) == 3
    expect(page.locator(".active-filters")).to_have_count(0)


@TWO_LANGUAGES
def test_near_me_with_the_browser_location_lists_the_nearest_first(page, context, directory, language):
    context.grant_permissions(["geolocation"])
    context.set_geolocation({"latitude": 4.6012, "longitude": -74.0801})
    page.goto(f"/{language}/")

    page.locator("[data-near-me]").click()
    page.wait_for_url(re.compile(r"lat=4\.60&lon=-74\.08"))

    # Rounded to about 1 km before it leaves the browser; Medellín is beyond the radius.
    assert result_titles(page) == name_in(language, directory.legal_service, directory.shelter_service)
    distances = page.locator("article.result").all_inner_texts()
    assert "km" in distances[0]


@TWO_LANGUAGES
def test_open_a_service_and_call_it(page, directory, language):
    search_for(page, language, "orientacion")
    page.locator("article.result h3 a").first.click()
    page.wait_for_url(re.compile(rf"/{language}/services/{directory.legal_service.pk}/"))

    expect(page.locator("h1")).to_have_text(name_in(language, directory.legal_service)[0])
    call = page.locator("a.phone[href^='tel:']").first
    expect(call).to_be_visible()
    assert call.get_attribute("href") == "tel:+5716010002"


@TWO_LANGUAGES
def test_referral_list_printed_and_shared(page, new_context, directory, language):
    page.goto(f"/{language}/search/")
    page.locator(f"[data-list-add='{directory.legal_service.pk}']").click()
    page.locator(f"[data-list-add='{directory.shelter_service.pk}']").click()
    expect(page.locator(f"[data-list-remove='{directory.shelter_service.pk}']")).to_be_visible()
    page.locator(".list-link a").click()
    page.wait_for_url(re.compile(rf"/{language}/list/\?s="))

    names = name_in(language, directory.legal_service, directory.shelter_service)
    expect(page.locator("article.referral h2")).to_have_text(names)
    share_url = page.locator("#share-link").input_value()
    expect(page.locator("[data-print]")).to_be_visible()

    page.emulate_media(media="print")
    expect(page.locator("article.referral h2")).to_have_text(names)
    expect(page.locator("a.phone").first).to_be_visible()
    for hidden in ["#quick-exit", ".site-header nav", ".share", "article.referral .no-print"]:
        expect(page.locator(hidden).first).to_be_hidden()
    page.emulate_media(media="screen")

    fresh = new_context().new_page()
    fresh.goto(share_url)
    expect(fresh.locator("article.referral h2")).to_have_text(names)


def visit_two_directory_pages(page, language, directory):
    page.goto(f"/{language}/")
    page.goto(f"/{language}/search/?q=orientacion")
    page.goto(f"/{language}/services/{directory.legal_service.pk}/")
    expect(page.locator("h1")).to_be_visible()


def assert_left_for_good(page):
    page.wait_for_url(NEUTRAL_URL)
    expect(page).to_have_title(NEUTRAL_TITLE)
    # Back: the directory's earlier pages leave again at once; the browser stays on the neutral site.
    page.go_back()
    page.wait_for_url(NEUTRAL_URL)
    expect(page).to_have_title(NEUTRAL_TITLE)


@TWO_LANGUAGES
def test_quick_exit_button(page, directory, language):
    visit_two_directory_pages(page, language, directory)
    page.locator("#quick-exit").click()
    assert_left_for_good(page)


@TWO_LANGUAGES
def test_quick_exit_by_pressing_shift_three_times(page, directory, language):
    visit_two_directory_pages(page, language, directory)
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_for_good(page)


@TWO_LANGUAGES
def test_typing_capital_letters_does_not_exit(page, directory, language):
    page.goto(f"/{language}/search/")
    field = page.locator("#id_q")
    field.click()
    for _ in range(3):
        page.keyboard.press("Shift+KeyA")
    page.keyboard.press("Shift+KeyB")
    expect(field).to_have_value("AAAB")
    page.wait_for_load_state()
    assert page.url.endswith(f"/{language}/search/")
    assert page.evaluate("window.sessionStorage.getItem('rssn-left')") is None


@pytest.mark.parametrize(("language", "other"), [("en", "es"), ("es", "pt")])
def test_switching_language_on_results_keeps_the_query(page, directory, language, other):
    search_for(page, language, "orientación")
    page.locator("nav.languages").get_by_role("link").and_(page.locator(f"[hreflang={other}]")).click()

    page.wait_for_url(re.compile(rf"/{other}/search/\?"))
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.locator("#id_q")).to_have_value("orientación")
    assert len(result_titles(page)) == 1


# Each document the browser draws reports its first frame: whether the directory's content could be seen in it.
# requestAnimationFrame runs just before a frame is painted; a page restored from the back-forward cache reports
# again when it is shown.
FIRST_FRAME_PROBE = """
(() => {
  const report = (how) => requestAnimationFrame(() => {
    const body = document.body;
    const shown = !!body && !!document.querySelector("main")
      && getComputedStyle(body).visibility !== "hidden";
    console.log("first-frame " + JSON.stringify({url: location.href, how, shown}));
  });
  report("load");
  addEventListener("pageshow", (event) => { if (event.persisted) report("restored"); });
})();
"""


# The quick-exit bar's red (--exit in site.css): every page of the directory draws it at the top of the first screen.
EXIT_RED = (0xA4, 0x16, 0x1A)
COUNT_EXIT_RED = """
async ([data, red]) => {
  const image = new Image();
  image.src = "data:image/png;base64," + data;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const drawing = canvas.getContext("2d");
  drawing.drawImage(image, 0, 0);
  const pixels = drawing.getImageData(0, 0, image.width, image.height).data;
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if ([0, 1, 2].every((c) => Math.abs(pixels[i + c] - red[c]) < 24)) count++;
  }
  return count;
}
"""


def exit_red_pixels(analyser, png: bytes) -> int:
    """How many pixels of a screenshot are the quick-exit bar's red (read by a blank page's canvas)."""
    return analyser.evaluate(COUNT_EXIT_RED, [base64.b64encode(png).decode(), list(EXIT_RED)])


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_back_after_a_quick_exit_never_draws_the_directory(page, new_context, directory, language, live_server):
    """A person leaves with the quick exit on a phone; someone else presses Back. The directory's page must not
    be drawn, not even for one frame, though the page's own scripts arrive late (a slow connection).

    Two witnesses: each document reports, just before its first frame, whether its content could be seen; and the
    browser's own screencast gives every frame it drew after Back, the first one saved for people to look at."""
    page.set_viewport_size({"width": 360, "height": 780})
    analyser = new_context().new_page()
    frames = []
    page.on("console", lambda message: frames.append(message.text) if message.text.startswith("first-frame ") else None)
    page.add_init_script(FIRST_FRAME_PROBE)

    def slow_site_script(route):
        time.sleep(0.4)
        route.continue_()

    page.route(re.compile(r"/static/js/site(\.[0-9a-f]+)?\.js$"), slow_site_script)
    visit_two_directory_pages(page, language, directory)
    # The witness sees the directory when it is drawn: the bar's red is on its first screen.
    assert exit_red_pixels(analyser, page.screenshot()) > 1000
    page.locator("#quick-exit").click()
    page.wait_for_url(NEUTRAL_URL)
    expect(page).to_have_title(NEUTRAL_TITLE)

    session = page.context.new_cdp_session(page)
    screencast = []
    session.on("Page.screencastFrame", lambda frame: _keep_frame(session, screencast, frame))
    session.send("Page.startScreencast", {"format": "png", "everyNthFrame": 1})
    # The screencast begins with the neutral page as it stands; Back starts after it, and every frame drawn from
    # then on is timed by the browser (seconds since the epoch, the clock of this machine).
    page.wait_for_timeout(300)
    frames.clear()
    back_at = time.time()
    page.go_back()
    page.wait_for_url(NEUTRAL_URL)
    expect(page).to_have_title(NEUTRAL_TITLE)
    page.wait_for_timeout(500)  # let the screencast deliver the frames drawn during the return
    session.send("Page.stopScreencast")

    after_back = [png for at, png in screencast if at >= back_at]
    assert after_back, "the screencast delivered no frame after Back"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"quick-exit-back-first-frame-{language}.png").write_bytes(after_back[0])
    assert [exit_red_pixels(analyser, png) for png in after_back] == [0] * len(after_back)

    drawn = [json.loads(frame.split(" ", 1)[1]) for frame in frames]
    directory_frames = [frame for frame in drawn if frame["url"].startswith(live_server.url)]
    assert not [frame for frame in directory_frames if frame["shown"]], drawn


def _keep_frame(session, frames: list, frame: dict) -> None:
    frames.append((frame["metadata"].get("timestamp", 0), base64.b64decode(frame["data"])))
    session.send("Page.screencastFrameAck", {"sessionId": frame["sessionId"]})


@pytest.mark.parametrize("language", ["es", "pt", "en", "id"])
def test_on_a_phone_the_results_are_on_the_first_screen(page, directory, language):
    """At 360 × 780 px the search form filled the first screen: after a search, the first result starts on it and
    the whole form is one tap away."""
    page.set_viewport_size({"width": 360, "height": 780})
    search_for(page, language, "orientacion")
    first = page.locator("article.result").first
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < 780
    screenshot(page, f"results-first-360-{language}")

    expect(page.locator("#id_q")).to_be_hidden()
    page.locator("#change-search > summary").click()
    expect(page.locator("#id_q")).to_have_value("orientacion")
    page.locator("#id_q").fill("psicologica")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"q=psicologica"))
    assert result_titles(page) == name_in(language, directory.shelter_service)


def test_on_a_phone_a_refused_location_is_explained_at_the_top_without_a_list_of_every_country(
    page, context, directory
):
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto("/es/")
    page.locator("[data-near-me]").click()  # no permission granted: the browser refuses
    page.wait_for_url(re.compile(r"near_me=1"))
    message = page.locator("main .notes[role=status]").last
    expect(message).to_be_visible()
    assert message.bounding_box()["y"] < 780
    expect(page.locator("article.result")).to_have_count(0)
    expect(page.locator("#id_near")).to_be_visible()  # the city choice, in the open form


def test_on_a_phone_after_add_to_list_the_card_title_is_not_under_the_quick_exit_bar(page, directory):
    page.set_viewport_size({"width": 360, "height": 780})
    search_for(page, "es", "orientacion")
    service = directory.legal_service
    page.locator(f"[data-list-add='{service.pk}']").click()
    page.wait_for_url(re.compile(rf"s={service.pk}"))
    bar = page.locator("#quick-exit").bounding_box()
    title = page.locator(f"#service-{service.pk} h3").bounding_box()
    assert title["y"] >= bar["y"] + bar["height"]
