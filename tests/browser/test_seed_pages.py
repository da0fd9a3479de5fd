"""Browser tests of the seed story's pages: the claim strip, article highlights, actor and search pages.

Run against a live server over the seeds store (`seeds_server` in conftest.py), in Debian's
Chromium; screenshots land in test-output/screenshots/ (gitignored).
"""

from __future__ import annotations

import httpx
import pytest

from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.shared   # the seeds come from ../shared


@pytest.fixture
def server(seeds_server):
    return seeds_server


def _putin_phone_claim(server: str) -> tuple[str, dict]:
    """Return (story id, claim) of the corroborated Putin phone-contact claim, or skip if there are no stories."""
    stories = httpx.get(f"{server}/api/stories").json()["items"]
    if not stories:
        pytest.skip("the store has no stories: the stories stage has not run on the seeds")
    for story in stories:
        for claim in httpx.get(
            f"{server}/api/claims", params={"story": story["id"], "limit": 500}
        ).json()["items"]:
            sentences = " ".join(e["text"] for o in claim["outlets"] for e in o["evidence"])
            reported = {o["outlet"] for o in claim["outlets"] if o["status"] == "reported"}
            if (
                claim["status"] == "corroborated"
                and claim["plover_type"] == "CONSULT"
                and "Putin" in sentences
                and {"TASS", "The Gulf Observer"} <= reported
            ):
                return story["id"], claim
    raise AssertionError("no corroborated CONSULT claim about Putin reported by both seed outlets")


def test_story_matrix_shows_the_corroborated_putin_phone_claim(server, page):
    story_id, claim = _putin_phone_claim(server)
    page.goto(f"{server}/stories/{story_id}")
    row = page.locator(f"#c-{claim['id']}")
    assert row.locator(".badge").inner_text() == "corroborated"
    for outlet in ("TASS", "The Gulf Observer"):
        cell = row.locator(f'.strip .cell[data-outlet="{outlet}"]')
        assert "s-reports" in cell.get_attribute("class")
        assert cell.get_attribute("title").startswith(
            f"{outlet}: "
        )  # the outlet's wording on hover
    page.screenshot(path=str(SCREENSHOTS / "story.png"), full_page=False)

    row.click()
    panel = page.locator(f"#d-{claim['id']}")
    panel.wait_for(state="visible")
    items = panel.locator("li.evidence-item")
    assert items.count() >= 2
    shown = panel.inner_text()
    for outlet_report in claim["outlets"]:
        assert outlet_report["outlet"] in shown
        assert outlet_report["evidence"][0]["text"] in shown
    panel.screenshot(path=str(SCREENSHOTS / "story-claim.png"))

    page.click("#network-details summary")
    page.locator("#network-svg .edge").first.wait_for(state="attached")
    assert page.locator("#network-svg .node").count() >= 3
    page.locator("#network-svg").screenshot(path=str(SCREENSHOTS / "story-network.png"))
    assert page.script_errors == []


def test_article_page_links_each_highlight_to_its_record(server, page):
    articles = httpx.get(f"{server}/api/articles").json()["items"]
    gulf = next(a for a in articles if a["outlet"] == "The Gulf Observer")
    page.goto(f"{server}/articles/{gulf['id']}")
    assert page.locator("mark.hl-event").count() > 3
    assert page.locator("mark.hl-actor").count() > 10
    page.screenshot(path=str(SCREENSHOTS / "article.png"), full_page=True)
    page.locator("mark.hl-event a").first.click()
    page.wait_for_url("**/events/*")
    assert page.locator("blockquote.sentence mark.hl-focus").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "event.png"))
    page.locator("blockquote.sentence").first.wait_for()
    page.locator(".evidence-item .who a").first.click()
    page.wait_for_url("**/articles/*#s-*")
    assert page.script_errors == []


def test_actor_and_search_pages(server, page):
    page.goto(f"{server}/")
    page.fill("header input[type=search]", "Lukashenko")
    page.press("header input[type=search]", "Enter")
    page.wait_for_url("**/search?q=Lukashenko")
    page.screenshot(path=str(SCREENSHOTS / "search.png"))
    page.locator("ul.inline a").first.click()
    page.wait_for_url("**/actors/*")
    assert "TASS" in page.locator("main").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "actor.png"), full_page=True)
    assert page.script_errors == []
