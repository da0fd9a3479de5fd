"""Each reader turns its format into articles with the metadata the format carries."""

from __future__ import annotations

import json
from datetime import date

from newsprism.errors import UnreadableArticle
from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import expand_inputs, read_file

PAGE = """<!doctype html><html><head><title>Harbour talks collapse | Coast Ledger</title>
<meta property="og:site_name" content="Coast Ledger">
<meta property="article:published_time" content="2024-05-02T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Harbour talks collapse</h1>
<p>PORTVILLE, Coast Ledger: Negotiators for the dock workers walked out of talks with the port authority on Wednesday, the union said.</p>
<p>The port authority said it would resume the talks next week if the strike ended.</p>
<p>According to the Harbour Gazette, three ships were diverted to a neighbouring port on Tuesday night.</p>
</article><footer>Copyright 2024 Coast Ledger</footer><script>track()</script></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Ledger</title><language>en</language>
<item><title>Strike spreads</title><link>page.html</link><pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate>
<description>Short summary.</description></item>
<item><title>Mayor meets union</title><pubDate>Fri, 03 May 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The mayor met union leaders on Friday to discuss the strike.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Delta Post</title>
<entry><title>Ceasefire holds</title><updated>2024-02-10T08:00:00Z</updated>
<content type="html">&lt;p&gt;The ceasefire held overnight, the army said on Saturday.&lt;/p&gt;</content></entry></feed>"""


def _read(path):
    return list(read_file(path, 10_000_000, {}))


def test_html_body_title_date_and_outlet(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (raw,) = _read(path)
    article = build_article(raw)
    assert article.title == "Harbour talks collapse"
    assert article.outlet == "Coast Ledger" and article.published == date(2024, 5, 2)
    assert article.published_from == "html" and article.dateline == "Portville"
    assert "walked out of talks" in article.text and "track()" not in article.text and "Copyright" not in article.text


def test_rss_entry_uses_linked_local_html_and_entry_text(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "ledger.rss").write_text(FEED, encoding="utf-8")
    first, second = _read(tmp_path / "ledger.rss")
    assert first.title == "Strike spreads" and "walked out of talks" in first.text
    assert first.published == date(2024, 5, 2) and first.published_from == "feed" and first.outlet == "Coast Ledger"
    assert second.text == "The mayor met union leaders on Friday to discuss the strike."
    assert second.source.endswith("ledger.rss#1")


def test_atom_entry_content(tmp_path):
    path = tmp_path / "delta.atom"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = _read(path)
    assert entry.outlet == "Delta Post" and entry.published == date(2024, 2, 10)
    assert entry.text == "The ceasefire held overnight, the army said on Saturday."


def test_feed_link_outside_its_folder_is_not_followed(tmp_path):
    secret = tmp_path / "secret.html"
    secret.write_text(PAGE, encoding="utf-8")
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "f.rss").write_text(FEED.replace("page.html", "../secret.html"), encoding="utf-8")
    first, _ = _read(feeds / "f.rss")
    assert first.text == "Short summary."


def test_jsonl_fields_and_bad_lines_reported_by_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"title": "T1", "text": "The minister resigned.", "url": "https://example.org/1", "outlet": "Wire One",
                    "published": "2024-05-06", "language": "en"}),
        "{broken",
        json.dumps({"title": 5, "text": "x"}),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Second good line.", "published": "yesterday"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = _read(path)
    good = [i for i in items if not isinstance(i, UnreadableArticle)]
    bad = [str(i) for i in items if isinstance(i, UnreadableArticle)]
    assert [(g.title, g.outlet, g.published, g.url, g.language) for g in good] == [
        ("T1", "Wire One", date(2024, 5, 6), "https://example.org/1", "en")]
    assert bad == [
        f"{path}#2: line is not JSON (Expecting property name enclosed in double quotes)",
        f"{path}#3: field 'title' must be a string",
        f"{path}#4: no \"text\" field",
        f"{path}#5: \"published\" is not an ISO date: 'yesterday'",
    ]


def test_plain_text_manifest_supplies_outlet_and_date(tmp_path):
    (tmp_path / "a.txt").write_text("Dam seized\nKESTRA, The Valley Times: Gunmen seized the dam on Monday.\n", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"file": "a.txt", "outlet": "Valley Times Online", "published": "2025-01-07"}) + "\n")
    (raw,) = list(read_file(tmp_path / "a.txt", 10_000_000, {}))
    article = build_article(raw)
    assert (article.title, article.outlet, article.outlet_from, article.published) == (
        "Dam seized", "Valley Times Online", "manifest", date(2025, 1, 7))
    assert article.dateline == "Kestra"


def test_ecbplus_xml_becomes_plain_text(tmp_path):
    xml = ('<Document doc_name="1_1ecbplus.xml">'
           '<token t_id="1" sentence="0" number="0">http://example.org/x</token>'
           '<token t_id="2" sentence="1" number="0">Quake</token><token t_id="3" sentence="1" number="1">hits</token>'
           '<token t_id="4" sentence="2" number="0">It</token><token t_id="5" sentence="2" number="1">struck</token>'
           '<token t_id="6" sentence="2" number="2">at</token><token t_id="7" sentence="2" number="3">dawn</token>'
           '<token t_id="8" sentence="2" number="4">.</token></Document>')
    path = tmp_path / "1_1ecbplus.xml"
    path.write_text(xml, encoding="utf-8")
    (raw,) = _read(path)
    assert (raw.format, raw.title, raw.text) == ("ecbplus", "Quake hits", "It struck at dawn.")


def _ecbplus_file(tmp_path, url: str):
    tokens = [url, "Dock", "strike", "ends", "Workers", "went", "back", "."]
    sentences = [0, 1, 1, 1, 2, 2, 2, 2]
    xml = '<Document doc_name="5_1ecbplus.xml">' + "".join(
        f'<token t_id="{i}" sentence="{s}" number="{i}">{t}</token>' for i, (t, s) in enumerate(zip(tokens, sentences), 1)
    ) + "</Document>"
    path = tmp_path / "5_1ecbplus.xml"
    path.write_text(xml, encoding="utf-8")
    return path


def test_an_ecbplus_article_takes_its_outlet_from_its_url(tmp_path):
    # The URL sentence is not text, but it names the publisher: a known domain (or a subdomain
    # of one) gives the outlet's name, an unknown host stands for itself.
    (raw,) = _read(_ecbplus_file(tmp_path, "http://articles.latimes.com/2011/may/02/dock"))
    assert (raw.outlet, raw.url, raw.title, raw.text) == (
        "Los Angeles Times", "http://articles.latimes.com/2011/may/02/dock", "Dock strike ends", "Workers went back.")
    (raw,) = _read(_ecbplus_file(tmp_path, "https://www.harbour-ledger.example/dock"))
    assert raw.outlet == "harbour-ledger.example"


def test_expand_inputs_takes_files_folders_and_globs(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.html", "sub/c.jsonl", "README.md", "notes.png", "manifest.jsonl"):
        (tmp_path / name).write_text("x")
    files, missing, *_ = expand_inputs([str(tmp_path), str(tmp_path / "sub" / "*.html"), str(tmp_path / "nope.txt")])
    assert [f.name for f in files] == ["a.txt", "b.html", "c.jsonl"]
    assert [m.reason for m in missing] == ["no such file or folder"]


def test_a_json_article_in_a_crawlers_field_names(tmp_path):
    # news-please writes one JSON object per article under its own field names.
    path = tmp_path / "article.json"
    path.write_text(json.dumps({
        "title": "Port strike ends", "maintext": "Dock workers returned to work on Monday, the union said.",
        "date_publish": "2024-05-06 09:12:00", "source_domain": "coastledger.example", "url": "https://coastledger.example/a",
        "language": "en"}, indent=2), encoding="utf-8")
    [raw] = list(read_file(path, 10_000_000))
    assert (raw.title, raw.outlet, raw.published, raw.url, raw.format) == (
        "Port strike ends", "coastledger.example", date(2024, 5, 6), "https://coastledger.example/a", "json")
    assert raw.text.startswith("Dock workers returned")


def test_a_news_api_response_gives_its_articles_and_reports_a_bad_one(tmp_path):
    path = tmp_path / "response.json"
    path.write_text(json.dumps({"status": "ok", "totalResults": 2, "articles": [
        {"source": {"id": None, "name": "Delta Post"}, "title": "Ceasefire holds",
         "content": "The ceasefire held overnight, the army said.", "publishedAt": "2024-02-10T08:00:00Z"},
        {"source": {"name": "Delta Post"}, "title": "No body here"},
    ]}), encoding="utf-8")
    items = list(read_file(path, 10_000_000))
    assert (items[0].outlet, items[0].published, items[0].title) == ("Delta Post", date(2024, 2, 10), "Ceasefire holds")
    assert isinstance(items[1], UnreadableArticle) and str(items[1]) == f'{path}#2: no "text" field'


def test_a_json_list_of_articles_with_paragraph_lists_and_rfc_dates(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([
        {"headline": "Talks resume", "body-paragraphs": [["Talks resumed on Friday."], ["Both sides", "attended."]],
         "pubDate": "Fri, 03 May 2024 10:00:00 GMT", "source": "wire"},
        {"text": 42},
    ]), encoding="utf-8")
    first, second = list(read_file(path, 10_000_000))
    assert first.text == "Talks resumed on Friday.\n\nBoth sides attended." and first.published == date(2024, 5, 3)
    assert str(second) == f"{path}#2: field 'text' must be a string or a list of paragraphs"


def test_a_broken_json_file_is_one_line_naming_it(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"title": "cut off', encoding="utf-8")
    [failure] = list(read_file(path, 10_000_000))
    assert isinstance(failure, UnreadableArticle) and str(failure).startswith(f"{path}: not JSON (")
    assert "\n" not in str(failure)


def test_odd_json_values_cost_only_their_record(tmp_path):
    path = tmp_path / "odd.json"
    path.write_text(json.dumps([
        {"text": "First report.", "published": "Tue, 10 Jun 99999999999 04:00:00 GMT"},
        {"text": "Second report.", "source": {"id": None, "name": None}},
        {"text": "Third report."},
    ]), encoding="utf-8")
    items = list(read_file(path, 10_000_000))
    assert isinstance(items[0], UnreadableArticle) and '"published" is not an ISO date' in str(items[0])
    assert (items[1].text, items[1].outlet) == ("Second report.", None)
    assert items[2].text == "Third report."
    lines = tmp_path / "huge.jsonl"
    lines.write_text('{"text": "A", "n": ' + "9" * 5000 + '}\n{"text": "Still read."}\n', encoding="utf-8")
    first, second = list(read_file(lines, 10_000_000))
    assert isinstance(first, UnreadableArticle) and second.text == "Still read."


def test_a_file_named_on_its_own_is_not_walked_even_inside_a_named_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Bridge closed\nThe city closed the bridge on Monday.\n")
    (tmp_path / "settings.json").write_text('{"title": "not an article", "url": "https://example.org"}')
    inputs = expand_inputs([str(tmp_path), f"{tmp_path}/./settings.json"])
    assert tmp_path / "a.txt" in inputs.walked
    assert all(p.name != "settings.json" for p in inputs.walked)
