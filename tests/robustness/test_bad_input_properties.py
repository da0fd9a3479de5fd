"""Property tests: whatever bytes or text arrive, readers, the date resolver and the quote
extractor either give a sound result or say why not; they never crash."""

from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import UnreadableArticle
from newsprism.ingest.decode import clean_text
from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import read_feed, read_file, read_html, read_jsonl, read_text
from newsprism.nlp.dates import find_dates
from newsprism.records import Article, RawArticle

# 60 keeps the suite fast; benchmarks/bad_input_report.py raises it for a longer hunt.
EXAMPLES = int(os.environ.get("NEWSPRISM_PROPERTY_EXAMPLES", "60"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
READERS = {".txt": read_text, ".html": read_html, ".rss": read_feed, ".jsonl": read_jsonl}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


def run_reader(reader, path: Path, data: bytes) -> list[RawArticle | UnreadableArticle]:
    """Return what a reader gives for data, with an UnreadableArticle it raises as the last item.

    Any other exception propagates and fails the property: read_file's safety net would hide it.
    """
    items: list[RawArticle | UnreadableArticle] = []
    try:
        items.extend(reader(path, data, None))
    except UnreadableArticle as exc:
        items.append(exc)
    return items


def assert_sound(items: list[RawArticle | UnreadableArticle]) -> None:
    for item in items:
        if isinstance(item, UnreadableArticle):
            assert item.reason and "\n" not in str(item)
        else:
            assert item.text.strip(), "an article with no text"


def assert_sound_through_read_file(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    for item in read_file(path, 20_000_000):
        if isinstance(item, UnreadableArticle):
            assert "\n" not in str(item)
            assert not item.reason.startswith("could not parse"), f"a reader raised: {item}"
        else:
            assert item.text.strip() and item.text == clean_text(item.text)
            item.text.encode("utf-8")  # no lone surrogates: storable
            assert build_article(item).id


# -- readers -----------------------------------------------------------------------------------

@PROPERTY
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(sorted(READERS)))
def test_any_bytes(folder, data, suffix):
    path = folder / f"bytes{suffix}"
    assert_sound(run_reader(READERS[suffix], path, data))
    assert_sound_through_read_file(path, data)


@PROPERTY
@given(text=st.text(max_size=2000), suffix=st.sampled_from(sorted(READERS)),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-8-sig"]))
def test_any_text(folder, text, suffix, encoding):
    data = text.encode(encoding, errors="surrogatepass")
    path = folder / f"text{suffix}"
    assert_sound(run_reader(READERS[suffix], path, data))
    assert_sound_through_read_file(path, data)


WORDS = st.sampled_from(["The", "minister", "said", "talks", "resume", "&amp;", "&lt;b&gt;", "&#0;", "&#xD800;",
                         "&bogus;", "<", ">", "&", "]]>", "<![CDATA[", "\x00", "\u202e", "Москва", "\n", "'", '"'])
FRAGMENT = st.lists(WORDS | st.text(max_size=12), max_size=30).map(" ".join)
TAGS = st.sampled_from(["html", "head", "body", "title", "article", "p", "div", "script", "style", "h1", "b", "i",
                        "table", "td", "meta", "br", "noscript", "iframe", "svg"])


@st.composite
def html_pages(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(TAGS)
        parts.append(draw(st.sampled_from([f"<{tag}>", f"</{tag}>", f"<{tag} class='x'>", ""])))
        parts.append(draw(FRAGMENT))
    prolog = draw(st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8"?>',
                                   '<!DOCTYPE html [<!ENTITY e "x">]>', "<!DOCTYPE"]))
    return prolog + "".join(parts)


@PROPERTY
@given(page=html_pages())
def test_any_html_page(folder, page):
    path = folder / "page.html"
    data = page.encode("utf-8", errors="surrogatepass")
    assert_sound(run_reader(read_html, path, data))
    assert_sound_through_read_file(path, data)


@st.composite
def feeds(draw) -> str:
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        fields = [f"<{name}>{draw(FRAGMENT)}</{name}>" for name in
                  draw(st.lists(st.sampled_from(["title", "description", "link", "pubDate", "guid", "content:encoded"]),
                                max_size=5))]
        entries.append("<item>" + "".join(fields) + "</item>")
    body = "".join(entries)
    if draw(st.booleans()):
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(FRAGMENT)}</title>{body}</channel></rss>'
    atom = body.replace("item>", "entry>").replace("description>", "summary>")
    document = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>{atom}</feed>'
    return document[: draw(st.integers(1, len(document)))]  # often cut off part-way


@PROPERTY
@given(feed=feeds())
def test_any_feed(folder, feed):
    path = folder / "feed.rss"
    data = feed.encode("utf-8", errors="surrogatepass")
    assert_sound(run_reader(read_feed, path, data))
    assert_sound_through_read_file(path, data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8)
FIELDS = st.sampled_from(["title", "text", "url", "outlet", "published", "language", "extra"])


@st.composite
def jsonl_files(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        row = draw(st.dictionaries(FIELDS, JSON_VALUES | FRAGMENT | st.sampled_from(["2023-06-24", "0001-01-01", "9999-12-31"]),
                                   max_size=6))
        line = json.dumps(row)
        lines.append(draw(st.sampled_from([line, line[: len(line) // 2], json.dumps(draw(JSON_VALUES))])))
    return "\n".join(lines)


@PROPERTY
@given(content=jsonl_files())
def test_any_jsonl(folder, content):
    path = folder / "lines.jsonl"
    data = content.encode()
    items = run_reader(read_jsonl, path, data)
    assert_sound(items)
    assert len(items) <= content.count("\n") + 1  # one result per line at most: a bad line costs only itself
    assert_sound_through_read_file(path, data)


# -- dates -------------------------------------------------------------------------------------

DATE_WORDS = st.sampled_from([
    "on", "On", "Saturday", "Friday", "night", "morning", "the", "evening", "of", "last", "next", "this", "late", "early",
    "June", "Feb.", "February", "Dec", "23", "30", "31", "29", "0", "1st", "2023", "1999", "0001", "9999",
    "2023-02-30", "2023-06-24", "0000-00-00", "yesterday", "Today", "tomorrow", "tonight", "week", "month", "year",
    "weekend", "earlier", "that day", "the next day", "the day before", "will", "said", ",", ".", "March 2023", "in"])


@st.composite
def dated_texts(draw) -> tuple[str, list[tuple[int, int, int]]]:
    text = " ".join(draw(st.lists(DATE_WORDS | st.text(max_size=6), min_size=1, max_size=40)))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=4))) | {0, len(text)})
    return text, [(i, start, end) for i, (start, end) in enumerate(pairwise(cuts))]


PUBLISHED = st.none() | st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))
EXTREME = st.sampled_from([date.min, date.max, date(1, 1, 7), date(9999, 12, 25)])
EXPLICIT_YEAR = re.compile(r"\d{4}")


def article_with(text: str, published: date | None) -> Article:
    return build_article(RawArticle(source="<property>", text=text, format="text", published=published,
                                    published_from="metadata" if published else None))


@PROPERTY
@given(sample=dated_texts(), published=PUBLISHED)
def test_dates_resolve_soundly(sample, published):
    text, sentences = sample
    article = article_with(text, published)
    for mention in find_dates(article, sentences):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        start, end = next((s, e) for i, s, e in sentences if i == mention.sentence_index)
        assert start <= mention.start and mention.end <= end
        explicit = bool(EXPLICIT_YEAR.search(mention.text))
        if published is None and mention.status == "resolved":
            assert explicit, f"{mention.text!r} resolved without a publication date"
        if mention.resolved and mention.status == "resolved" and not explicit and published:
            # Relative expressions land near the article: at most "last year" from 31 December.
            assert abs(mention.resolved - published) <= timedelta(days=731), mention


@PROPERTY
@given(sample=dated_texts(), published=EXTREME)
def test_dates_at_the_ends_of_the_calendar_never_raise(sample, published):
    text, sentences = sample
    for mention in find_dates(article_with(text, published), sentences):
        assert mention.status in {"resolved", "unparsed", "anaphoric", "no_year", "no_publication_date", "range"}


# -- quotes ------------------------------------------------------------------------------------

QUOTE_WORDS = st.sampled_from([
    "\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u201a", "\u300c", "\u300d",
    "said", "told", "wrote", "added", "according to", "Lavrov", "Sergei Lavrov", "the State Department", "he", "she",
    "on Twitter", "in a statement", ":", ",", ".", "\u2014", "--", "\n", "\n\n", "PENCE:", "We will respond.",
    "This is a betrayal", "that", "urged", "to", "called", "them", "on Monday", "Moscow", "is", "not", "a",
])


@st.composite
def quoted_texts(draw) -> str:
    text = " ".join(draw(st.lists(QUOTE_WORDS | st.text(max_size=8), min_size=1, max_size=45)))
    return text if text.strip() else "Lavrov said nothing."


@PROPERTY
@given(text=quoted_texts(), published=PUBLISHED)
def test_quotes_point_at_their_words(nlp, text, published):
    from newsprism.events.quotes import find_quotes
    from newsprism.pipeline import analyze_doc, text_for_parse

    article = article_with(clean_text(text), published)
    doc = nlp(text_for_parse(article))
    analyzed = analyze_doc(article, doc)
    for quote in find_quotes(analyzed, doc):
        assert 0 <= quote.start < quote.end <= len(article.text), quote
        assert article.text[quote.start:quote.end] == quote.text
        assert 0 <= quote.sentence_index < max(1, len(analyzed.sentences))
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start <= quote.speaker_end <= len(article.text), quote
