"""The story page in a browser at 1366 px: 30 outlets without sideways scroll, the side switch,
and a claim's sentences grouped by side when it is opened."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest

from newsprism.outlets.sides import read_sides_file
from tests.browser.conftest import SCREENSHOTS, no_sideways_scroll

pytestmark = pytest.mark.browser


def _thirty_story(server: str) -> dict:
    stories = httpx.get(f"{server}/api/stories").json()["items"]
    story = max(stories, key=lambda s: len(s["outlets"]))
    assert len(story["outlets"]) == 30, "the 30 retellings should make one story of 30 outlets"
    return story


def _shown(tab) -> str:
    return tab.locator("#claim-matrix").get_attribute("data-shown")


def _cells_per_row(tab) -> Counter:
    """Return how many rows show how many strip cells (only the shown strip is visible)."""
    return Counter(tab.locator("tr.claim-row").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('.strip .cell')].filter(c => c.offsetParent).length)"))


def test_thirty_outlets_fit_1366_pixels_without_sideways_scroll(thirty_server, page):
    story = _thirty_story(thirty_server)
    page.goto(f"{thirty_server}/stories/{story['id']}")
    assert no_sideways_scroll(page)
    assert _shown(page) == "outlet"
    assert page.locator('.strip-head[data-grouping="outlet"] .head').count() == 30
    assert set(_cells_per_row(page)) == {30}
    # Each cell names its outlet on hover; the claim label shows whole on hover.
    first = page.locator("tr.claim-row").first
    cell = first.locator('.strip[data-grouping="outlet"] .cell').first
    assert cell.get_attribute("title").startswith(cell.get_attribute("data-outlet") + ":")
    label = first.locator(".claim-label")
    assert label.get_attribute("title") == label.inner_text() or label.get_attribute("title").startswith(label.inner_text()[:20])
    page.evaluate("document.getElementById('claims').scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "story-30-outlets-by-outlet.png"))
    assert page.script_errors == []


def test_the_side_switch_regroups_the_strips_without_a_reload(thirty_server, thirty_outlet_store, page):
    story = _thirty_story(thirty_server)
    page.goto(f"{thirty_server}/stories/{story['id']}")
    page.evaluate("window.notReloaded = true")
    page.check('#side-switch input[name="by"][value="side"]')
    assert _shown(page) == "control"
    assert set(_cells_per_row(page)) == {2}                   # state-controlled, independent
    assert page.locator('.strip-head[data-grouping="control"] .head').all_inner_texts() == ["independent", "state-controlled"]
    assert page.locator("#claims-by").inner_text() == "side"
    page.select_option('#side-switch select[name="sides"]', "country")
    assert _shown(page) == "country" and set(_cells_per_row(page)) == {3}   # the three fictional countries
    page.select_option('#side-switch select[name="sides"]', "file")
    assert _shown(page) == "file"
    sides = [d.name for d in read_sides_file(thirty_outlet_store[1].sides_file)]
    assert sorted(page.locator('.strip-head[data-grouping="file"] .head').all_inner_texts()) == sorted(sides)
    assert page.evaluate("window.notReloaded") is True
    assert "by=side" in page.url and "sides=file" in page.url   # a reload or a shared link keeps the view
    assert no_sideways_scroll(page)
    # A side's cell counts its outlets that carry the claim and names them on hover.
    cell = page.locator('tr.claim-row .strip[data-grouping="file"] .cell:not(.s-absent)').first
    reporting, members = cell.inner_text().split()[0].split("/")
    assert f"{reporting} of {members} report (" in cell.get_attribute("title")
    page.evaluate("document.getElementById('claims').scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "story-30-outlets-by-side.png"))
    page.check('#side-switch input[name="by"][value="outlet"]')
    assert _shown(page) == "outlet" and set(_cells_per_row(page)) == {30}
    assert "by=side" not in page.url
    assert page.script_errors == []


def test_an_opened_claim_shows_its_sentences_per_side(thirty_server, thirty_outlet_store, page):
    story = _thirty_story(thirty_server)
    claims = httpx.get(f"{thirty_server}/api/claims", params={"story": story["id"], "status": "corroborated",
                                                                "limit": 500}).json()["items"]
    claim = max(claims, key=lambda c: len(c["outlets"]))
    side_of = {outlet: d.name for d in read_sides_file(thirty_outlet_store[1].sides_file) for outlet in d.outlets}
    page.goto(f"{thirty_server}/stories/{story['id']}?by=side&sides=file")
    assert _shown(page) == "file"
    page.locator(f"#c-{claim['id']}").click()
    detail = page.locator(f"#d-{claim['id']}")
    detail.wait_for(state="visible")
    assert page.locator(f"#c-{claim['id']}").get_attribute("aria-expanded") == "true"
    groups = {g.get_attribute("data-side"): g for g in detail.locator(".side-group").all()}
    expected = {side_of[r["outlet"]] for r in claim["outlets"] if r["status"] != "absent"}
    assert set(groups) == expected and len(expected) >= 2
    for report in claim["outlets"]:
        if report["status"] != "absent" and report["evidence"]:
            group = groups[side_of[report["outlet"]]]
            assert report["outlet"] in group.inner_text()
            assert report["evidence"][0]["text"] in group.locator("blockquote.sentence").all_inner_texts()
    page.evaluate(f"document.getElementById('c-{claim['id']}').scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "story-claim-by-side.png"))
    # Switching the grouping regroups the open claim's sentences.
    page.select_option('#side-switch select[name="sides"]', "control")
    assert {g.get_attribute("data-side") for g in detail.locator(".side-group").all()} <= {"state-controlled", "independent"}
    page.locator(f"#c-{claim['id']}").click()                  # a second click closes it
    assert detail.is_hidden()
    assert page.script_errors == []


@pytest.mark.parametrize("view", ["?by=side&sides=control", "?by=side&sides=file", ""])
def test_the_script_draws_the_strips_the_server_draws(thirty_server, page, view):
    """A grouping the switch draws reads cell for cell as the page the server draws for it."""
    story = _thirty_story(thirty_server)
    strips = ("() => [...document.querySelectorAll('#claim-matrix .strip')].filter(s => !s.hidden)"
              ".map(s => s.outerHTML.replace(/ hidden=\"\"/, ''))")
    page.goto(f"{thirty_server}/stories/{story['id']}{view}")
    served = page.evaluate(strips)
    page.goto(f"{thirty_server}/stories/{story['id']}{'' if view else '?by=side&sides=kind'}")
    if view:
        page.check('#side-switch input[name="by"][value="side"]')
        page.select_option('#side-switch select[name="sides"]', view.rsplit("=", 1)[1])
    else:
        page.check('#side-switch input[name="by"][value="outlet"]')
    drawn = page.evaluate(strips)
    assert len(served) == len(drawn) > 10
    assert drawn == served
    assert page.script_errors == []


@pytest.mark.shared
def test_the_seed_story_compares_state_media_with_the_rest(seeds_server, page):
    """Real news: TASS (Russian state media) against The Gulf Observer (not profiled)."""
    story = httpx.get(f"{seeds_server}/api/stories").json()["items"][0]
    claims = httpx.get(f"{seeds_server}/api/claims", params={"story": story["id"], "status": "corroborated",
                                                              "limit": 500}).json()["items"]
    claim = next(c for c in claims if {"TASS", "The Gulf Observer"} <= {r["outlet"] for r in c["outlets"]})
    page.goto(f"{seeds_server}/stories/{story['id']}")
    assert no_sideways_scroll(page)
    page.check('#side-switch input[name="by"][value="side"]')
    assert page.locator('.strip-head[data-grouping="control"] .head').all_inner_texts() == ["state-controlled", "unprofiled"]
    page.locator(f"#c-{claim['id']}").click()
    detail = page.locator(f"#d-{claim['id']}")
    detail.wait_for(state="visible")
    tass = detail.locator('.side-group[data-side="state-controlled"]')
    assert "TASS" in tass.inner_text()
    tass_sentence = next(r for r in claim["outlets"] if r["outlet"] == "TASS")["evidence"][0]["text"]
    assert tass_sentence in tass.locator("blockquote.sentence").all_inner_texts()
    assert no_sideways_scroll(page)
    page.evaluate("document.getElementById('claims').scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "story-seeds-by-side.png"))
    assert page.script_errors == []
