"""Keyboard only: Tab reaches every control in the page's order, each visibly focused, the quick exit first."""

import pytest

pytestmark = pytest.mark.browser

MARK_TABBABLE = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const all = Array.from(document.querySelectorAll(selector)).filter((el) => {
    if (el.disabled || el.closest('[hidden], [inert]') || el.type === 'hidden') return false;
    if (el.tabIndex < 0) return false;
    const folded = el.closest('details:not([open])');
    if (folded && el !== folded.querySelector(':scope > summary')) return false;  // inside a closed <details>
    if (!el.getClientRects().length) return false;  // not rendered (e.g. inside a closed <details>)
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  });
  all.forEach((el, index) => el.setAttribute('data-kb', String(index)));
  return all.length;
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  return {
    index: el.getAttribute('data-kb'),
    id: el.id,
    label: (el.innerText || el.value || el.name || el.tagName).trim().slice(0, 40),
    focusVisible: el.matches(':focus-visible'),
    indicator: outline || shadow,
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0,
    foldedSummary: el.tagName === 'SUMMARY' && !el.parentElement.open,
  };
}"""


def tab_through(page) -> tuple[int, list[dict]]:
    """Tab from the top until focus leaves the page; a folded panel is opened with Enter on its summary."""
    count = page.evaluate(MARK_TABBABLE)
    seen = []
    while len(seen) <= count + 5:
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (seen and focused["index"] == seen[0]["index"]):
            break
        seen.append(focused)
        if focused["foldedSummary"]:
            page.keyboard.press("Enter")
            count = page.evaluate(MARK_TABBABLE)  # the panel's controls now count too, after the summary
    return count, seen


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("path", ["", "search/?q=orientacion", "search/?category=legal-aid&s={pk}"])
def test_tab_reaches_every_control_visibly_in_order(page, directory, language, path):
    page.goto(f"/{language}/" + path.format(pk=directory.legal_service.pk))
    count, seen = tab_through(page)

    assert [item["id"] for item in seen[:2]] == ["", "quick-exit"]
    assert seen[0]["index"] == "0"  # the skip link, then the quick exit
    if "s=" in path:  # the "view your list" link is among the controls counted
        assert page.locator(".list-link a[data-kb]").count() == 1
    indexes = [int(item["index"]) for item in seen if item["index"] is not None]
    assert indexes == list(range(count)), "every control reached once, in the page's order"
    shown = ("focusVisible", "indicator", "onScreen")
    not_visible = [item["label"] for item in seen if not all(item[key] for key in shown)]
    assert not_visible == []


def test_skip_link_moves_focus_to_the_content(page, directory):
    page.goto("/en/search/?q=orientacion")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    box = page.locator(".skip-link").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
