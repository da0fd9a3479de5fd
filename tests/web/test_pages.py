"""HTML pages, the static report and text highlighting, as an analyst would use them."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.web.highlight import Mark, blocks, segment
from newsprism.web.render import PLOVER_COLOURS, STATIC_DIR

pytestmark = pytest.mark.shared


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag in ("a", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if attrs.get("src"):
            self.srcs.append(attrs["src"])


def _parse(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def test_article_page_highlights_records_at_their_offsets(seeds_client):
    article = seeds_client.get("/api/articles", params={"outlet": "The Gulf Observer"}).json()[
        "items"
    ][0]
    detail = seeds_client.get(f"/api/articles/{article['id']}").json()
    html = seeds_client.get(f"/articles/{article['id']}").text
    event = detail["events"][0]
    # The trigger is marked and links to the event's own page.
    assert re.search(
        r'<mark class="hl[^"]*hl-event[^"]*"[^>]*><a href="/events/' + event["id"], html
    )
    parsed = _parse(html)
    assert {f"s-{s['sentence_index']}" for s in detail["sentences"]} <= parsed.ids
    # Every character of the article is on the page once (markup aside).
    text_only = re.sub(
        r"<[^>]+>", "", html.split('id="article-text">', 1)[1].split("</article>", 1)[0]
    )
    from html import unescape

    assert unescape(text_only) == detail["text"]


def test_event_page_shows_the_exact_sentence(seeds_client):
    event = seeds_client.get("/api/events", params={"plover_type": "CONSULT"}).json()["items"][0]
    html = seeds_client.get(f"/events/{event['id']}").text
    assert f'<mark class="hl hl-focus">{event["trigger"]}</mark>' in html
    assert f"/articles/{event['article_id']}#s-{event['sentence_index']}" in html


def test_actor_page_lists_events_across_outlets(seeds_client):
    putin = seeds_client.get("/api/actors", params={"name": "Vladimir Putin"}).json()["items"][0]
    html = seeds_client.get(f"/actors/{putin['id']}").text
    assert "<h2>TASS</h2>" in html and "<h2>The Gulf Observer</h2>" in html


def test_search_page_finds_actor_and_article(seeds_client):
    html = seeds_client.get("/search", params={"q": "Erdogan"}).text
    assert "Recep Tayyip Erdogan" in html and "/articles/" in html


def test_missing_pages_are_404_pages(seeds_client):
    for url in ("/articles/none", "/actors/none", "/events/none", "/quotes/none", "/stories/none"):
        response = seeds_client.get(url)
        assert response.status_code == 404 and "<h1>Not found</h1>" in response.text


def test_pages_load_no_asset_from_another_origin(examples_client):
    for url in ("/", "/articles", "/actors", "/search?q=dam"):
        parsed = _parse(examples_client.get(url).text)
        assert all(not src.startswith(("http:", "https:", "//")) for src in parsed.srcs)
        assert all(
            not h.startswith(("http:", "https:", "//"))
            for h in parsed.hrefs
            if h.endswith((".css", ".js"))
        )


def test_css_colours_match_the_network_colours():
    css = (STATIC_DIR / "app.css").read_text(encoding="utf-8")
    for plover, colour in PLOVER_COLOURS.items():
        assert f".pt-{plover} {{ background: {colour}; }}" in css


def test_report_opens_from_disk_with_every_link_resolving(examples_store, tmp_path):
    out = tmp_path / "report"
    result = CliRunner().invoke(app, ["report", "--db", str(examples_store), "--out", str(out)])
    assert result.exit_code == 0, result.output
    index = Path(result.stdout.strip().splitlines()[-1])
    assert index == (out / "index.html").resolve() and index.is_file()
    pages = list(out.glob("*.html"))
    assert len(pages) > 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parsed = _parse(html)
        assert not parsed.srcs  # script and style are inlined: each file works alone
        assert "<style>" in html
        for href in parsed.hrefs:
            if href.startswith(("http:", "https:", "data:")):
                continue
            target, _, anchor = href.partition("#")
            target_path = out / target if target else page
            assert target_path.is_file(), (page.name, href)
            if anchor:
                assert f'id="{anchor}"' in target_path.read_text(encoding="utf-8"), (
                    page.name,
                    href,
                )


def test_report_of_a_missing_store_is_one_line(tmp_path):
    result = CliRunner().invoke(
        app, ["report", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "no such store" in result.output and len(result.output.strip().splitlines()) == 1


# -- highlighting -------------------------------------------------------------------------------


def test_overlapping_marks_cut_into_pieces_that_link_to_the_narrowest():
    text = "Putin spoke with Erdogan on Saturday."
    sentence = Mark(0, len(text), "quote", "quote", "/quotes/q1")
    actor = Mark(17, 24, "actor", "actor: Erdogan", "/actors/e1")
    pieces = segment(text, 0, len(text), [sentence, actor])
    assert [p.text for p in pieces] == ["Putin spoke with ", "Erdogan", " on Saturday."]
    assert pieces[1].href == "/actors/e1" and pieces[0].href == "/quotes/q1"
    assert pieces[1].kinds == "hl-actor hl-quote"


def test_blocks_cover_every_character_once_and_drop_bad_offsets():
    text = "First one. Second one.\n\nThird."
    sentences = [(0, 0, 10), (1, 11, 22), (2, 24, 30)]
    marks = [Mark(11, 17, "event", "e", "/e"), Mark(25, 99, "date", "bad", None)]
    out = blocks(text, sentences, marks)
    assert "".join(seg.text for b in out for seg in b.segments) == text
    assert [b.index for b in out] == [0, None, 1, None, 2]
    assert all(not seg.marks for b in out if b.index == 2 for seg in b.segments)


def test_quote_page_marks_the_quoted_words_in_their_sentence(seeds_client):
    quotes = seeds_client.get("/api/quotes", params={"limit": 500}).json()["items"]
    direct = next((q for q in quotes if q["direct"]), None)
    if direct is None:
        pytest.skip("the quote stage found no direct quote in the seeds")
    html = seeds_client.get(f"/quotes/{direct['id']}").text
    from html import escape

    assert f'<mark class="hl hl-focus">{escape(direct["text"])}</mark>' in html
    article = seeds_client.get(f"/articles/{direct['article_id']}").text
    assert f'<a href="/quotes/{direct["id"]}">' in article


def test_quotes_filter_by_speaker_actor(seeds_client):
    quotes = seeds_client.get("/api/quotes", params={"limit": 500}).json()["items"]
    spoken = [q for q in quotes if q["speaker_actor_id"]]
    if not spoken:
        pytest.skip("the quote stage attributed no quote in the seeds")
    actor_id = spoken[0]["speaker_actor_id"]
    by_actor = seeds_client.get("/api/quotes", params={"actor": actor_id, "limit": 500}).json()
    assert by_actor["total"] == sum(1 for q in quotes if q["speaker_actor_id"] == actor_id)
    actor = seeds_client.get(f"/api/actors/{actor_id}").json()
    assert {q["id"] for q in actor["quote_list"]} == {q["id"] for q in by_actor["items"]}
