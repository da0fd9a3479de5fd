"""The event maps in a browser: the /map page and a story's map show placed events as dots, with
the sentence on hover and a click through to the event."""

from __future__ import annotations

import httpx
import pytest

from tests.browser.conftest import SCREENSHOTS, no_sideways_scroll

pytestmark = pytest.mark.browser


def _hover_and_follow(tab, dots) -> None:
    """Hover a dot: its sentence shows in the tip; click it: the event's page opens.

    The last dot drawn: it lies on top, where events placed at one town share a point.
    """
    dot = dots.last
    sentence = dot.locator("title").text_content()
    dot.hover()
    tip = tab.locator(".map-tip")
    tip.wait_for(state="visible")
    assert tip.inner_text() == sentence and ": " in sentence   # "TYPE at PLACE (how): the sentence"
    event_id = dot.get_attribute("data-event")
    dot.click()
    tab.wait_for_url(f"**/events/{event_id}")
    assert tab.locator("blockquote.sentence").count() >= 1
    said = " ".join(tab.locator("blockquote.sentence").first.inner_text().split())
    assert said[:60] in " ".join(sentence.split(": ", 1)[1].split())


def test_the_map_page_places_events_with_their_sentences(thirty_server, page):
    events = httpx.get(f"{thirty_server}/api/events", params={"limit": 500}).json()["items"]
    placed = [e for e in events if e.get("lat") is not None]
    assert placed, "the example crisis names places the gazetteer resolves"
    page.goto(f"{thirty_server}/map")
    dots = page.locator("svg.event-map .dot")
    assert dots.count() == len(placed)
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SCREENSHOTS / "map.png"))
    _hover_and_follow(page, dots)
    assert page.script_errors == []


def test_the_story_map_places_the_storys_events(thirty_server, page):
    story = max(httpx.get(f"{thirty_server}/api/stories").json()["items"], key=lambda s: len(s["outlets"]))
    page.goto(f"{thirty_server}/stories/{story['id']}#map")
    dots = page.locator("#map svg.event-map .dot")
    assert dots.count() > 0
    page.locator("#map").screenshot(path=str(SCREENSHOTS / "story-map.png"))
    _hover_and_follow(page, dots)
    assert page.script_errors == []


@pytest.mark.shared
def test_the_seed_events_are_on_the_map(seeds_server, page):
    """Real news: the seed articles' events land on the map and open their sentences."""
    page.goto(f"{seeds_server}/map")
    dots = page.locator("svg.event-map .dot")
    assert dots.count() > 0
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SCREENSHOTS / "map-seeds.png"))
    _hover_and_follow(page, dots)
    assert page.script_errors == []
