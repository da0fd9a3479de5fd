"""Readers: each turns one input file into RawArticles, or raises UnreadableArticle.

Formats are chosen by extension and, for unknown extensions, by sniffing the text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlparse

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from newsprism.actors.gazetteer import EXTENSION_FILE as GAZETTEER_FILE
from newsprism.errors import NotAnArticleFile, UnreadableArticle
from newsprism.ingest.decode import clean_field, clean_text, decode_bytes, json_lines
from newsprism.ingest.json_records import FIELD_NAMES, parse_published, record_article
from newsprism.ingest.manifest import MANIFEST_NAME, ManifestEntry, apply_manifest, read_manifest
from newsprism.ingest.metadata import plausible_publication_date
from newsprism.records import RawArticle

TEXT_EXTENSIONS = {".txt", ".text", ".md"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
FEED_EXTENSIONS = {".rss", ".atom", ".feed"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
JSON_EXTENSIONS = {".json"}
XML_EXTENSIONS = {".xml"}
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | FEED_EXTENSIONS | JSONL_EXTENSIONS | JSON_EXTENSIONS | XML_EXTENSIONS

# Site navigation that scrapers leave above the headline ("All news" on TASS pages).
_NAVIGATION_LINES = {"all news", "home", "menu", "news", "latest news", "top stories", "advertisement", "skip to content"}


def split_title(text: str) -> tuple[str | None, str]:
    """Return (title, body) of a plain-text article whose first real line is its title."""
    lines = text.split("\n")
    index = 0
    while index < len(lines) and (not lines[index].strip() or lines[index].strip().lower() in _NAVIGATION_LINES):
        index += 1
    if index >= len(lines):
        return None, ""
    title = lines[index].strip()
    body = "\n".join(lines[index + 1:]).strip("\n")
    if not body.strip():  # a one-line file is a body without a title
        return None, title
    # A dateline on the first line means the file has no title line.
    if len(title) > 300 or re.match(r"^[A-Z][\w .'-]{1,40},\s.{0,40}?(?::|/[A-Z]+/\.)\s", title):
        return None, "\n".join(lines[index:]).strip("\n")
    return title, body


def read_text(path: Path, data: bytes, manifest: ManifestEntry | None) -> Iterator[RawArticle]:
    text = clean_text(decode_bytes(data, str(path)))
    title, body = split_title(text)
    if not body.strip():
        raise UnreadableArticle(str(path), "no article text")
    yield apply_manifest(RawArticle(source=str(path), text=body, format="text", title=title), manifest)


# An XML declaration (XHTML pages) makes lxml refuse a str; a DOCTYPE with an internal subset
# ("<!DOCTYPE x [<!ENTITY ...>]>") is how entity-expansion and external-entity payloads ride in.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.I | re.S)


def _neutral_prolog(html: str) -> str:
    """Return the page without an XML declaration, and with any DOCTYPE internal subset dropped.

    HTML parsers never expand declared entities, but the subset would otherwise leak into the
    page text and hide the body from extraction; without it "&xxe;" stays inert literal text.
    """
    html = _XML_DECLARATION.sub("", html, count=1)
    return _DOCTYPE_SUBSET.sub("<!DOCTYPE html>", html[:200_000], count=1) + html[200_000:]


def html_to_article(html: str, source: str, manifest: ManifestEntry | None = None) -> RawArticle:
    """Return the article in an HTML page: trafilatura for the body, htmldate for the date."""
    import lxml.html
    import trafilatura
    from htmldate import find_date

    if not re.search(r"<\s*(html|body|p|div|article|h1|head)\b", html[:20000], re.I):
        raise UnreadableArticle(source, "not HTML: no html, body or paragraph elements")
    # lxml refuses control characters outright; they are noise in a page anyway.
    html = _neutral_prolog(clean_text(html))
    try:
        tree = lxml.html.fromstring(html)
        content = lxml.html.fromstring(html)
    except Exception as exc:  # lxml raises several types on garbage
        raise UnreadableArticle(source, f"malformed HTML ({type(exc).__name__})") from None
    # Never article text, yet on a short page trafilatura's recall mode takes them for the body:
    # a "please enable JavaScript" notice, the site menu, the copyright footer.
    for chrome in content.xpath("//noscript|//nav|//footer"):
        if chrome.getparent() is not None:
            chrome.drop_tree()
    try:
        doc = trafilatura.bare_extraction(content, with_metadata=True, include_comments=False, favor_recall=True)
    except Exception as exc:  # trafilatura and htmldate assert on some malformed trees
        raise UnreadableArticle(source, f"malformed HTML: text extraction failed ({type(exc).__name__})") from None
    body = (doc.text if doc is not None else None) or ""
    title = getattr(doc, "title", None)
    # trafilatura keeps the <h1> headline as the body's first line; the title is kept apart.
    first, _, rest = body.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        body = rest
    if not body.strip():
        # trafilatura passes over a bare fragment of a few sentences; a news brief is still
        # an article when its text sits in paragraphs.
        body = "\n".join(t for t in (" ".join(p.text_content().split()) for p in content.iter("p")) if t)
    if not body.strip():
        raise UnreadableArticle(source, "HTML page holds no article text")
    published: date | None = None
    # htmldate fetches when given a URL string; a parsed tree keeps it offline.
    try:
        found = find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # a date-finder failure costs the date, not the article
        found = None
    published = parse_published(found) or parse_published(getattr(doc, "date", None))
    outlet = getattr(doc, "sitename", None) or None
    return apply_manifest(RawArticle(
        source=source, text=clean_text(body), format="html", title=title, outlet=outlet, published=published,
        published_from="html" if published else None, url=getattr(doc, "url", None),
        language=getattr(doc, "language", None),
    ), manifest)


def read_html(path: Path, data: bytes, manifest: ManifestEntry | None) -> Iterator[RawArticle]:
    yield html_to_article(decode_bytes(data, str(path)), str(path), manifest)


def _reject_xml_attacks(text: str, source: str) -> None:
    """Raise when the XML declares entities or external references (billion laughs, XXE)."""
    try:
        safe_xml.fromstring(text.encode("utf-8") if isinstance(text, str) else text)
    except DefusedXmlException as exc:
        raise UnreadableArticle(source, f"refused unsafe XML ({type(exc).__name__}: entity or DTD declarations)") from None
    except Exception:
        # Malformed XML is left to the lenient feed parser; only attacks are refused here.
        if re.search(r"<!ENTITY|<!DOCTYPE[^>]*\[", text[:100_000], re.I):
            raise UnreadableArticle(source, "refused unsafe XML (entity declarations)") from None


_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _drop_invalid_character_references(text: str) -> str:
    """Return the feed without references to characters that cannot exist ("&#xD800;", "&#0;").

    feedparser encodes each referenced character as UTF-8 and fails on a surrogate or on a
    number past U+10FFFF, losing the whole feed for one bad reference.
    """
    def keep_valid(match: re.Match[str]) -> str:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        return match.group(0) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""

    return _CHARACTER_REFERENCE.sub(keep_valid, text)


def _entry_date(entry: dict) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                found = plausible_publication_date(date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday))
            except ValueError:
                continue
            if found:
                return found
    return None


def _html_fragment_text(fragment: str) -> str:
    import lxml.html

    if not fragment.strip():
        return ""
    if not re.search(r"<[a-zA-Z]", fragment):
        return fragment
    try:
        tree = lxml.html.fromstring(f"<div>{fragment}</div>")
    except Exception:
        return re.sub(r"<[^>]+>", " ", fragment)
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    blocks = [b.text_content().strip() for b in tree.xpath("//p|//li|//h1|//h2|//h3|//blockquote")]
    blocks = [b for b in blocks if b]
    return "\n".join(blocks) if blocks else tree.text_content().strip()


def _linked_local_html(link: str | None, feed_path: Path) -> Path | None:
    """Return the local HTML file an entry links to (relative path or file: URL), if it exists."""
    if not link:
        return None
    parsed = urlparse(link)
    if parsed.scheme not in ("", "file"):
        return None
    candidate = Path(unquote(parsed.path))
    if not candidate.is_absolute():
        candidate = feed_path.parent / candidate
    try:
        candidate = candidate.resolve()
        # Entries may only point at files beside the feed, never elsewhere on the disk.
        candidate.relative_to(feed_path.parent.resolve())
        # A link that is prose, not a path, can be too long a file name for stat().
        return candidate if candidate.is_file() else None
    except (OSError, ValueError):
        return None


def read_feed(path: Path, data: bytes, manifest: ManifestEntry | None) -> Iterator[RawArticle | UnreadableArticle]:
    import feedparser

    text = decode_bytes(data, str(path))
    _reject_xml_attacks(text, str(path))
    feed = feedparser.parse(_drop_invalid_character_references(text), resolve_relative_uris=False, sanitize_html=True)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise UnreadableArticle(str(path), f"feed has no entries{f' ({reason})' if reason else ''}")
    feed_title = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries):
        source = f"{path}#{number}"
        contents = entry.get("content") or []
        fragment = contents[0].get("value", "") if contents else entry.get("summary", "")
        body = clean_text(_html_fragment_text(fragment or ""))
        linked = _linked_local_html(entry.get("link"), path)
        if linked is not None:
            try:
                page = html_to_article(decode_bytes(linked.read_bytes(), str(linked)), str(linked))
                if len(page.text) > len(body):
                    body = page.text
            except UnreadableArticle:
                pass
        if not body.strip():
            # One empty or cut-off entry must not cost the reader the entries after it.
            broken = getattr(feed, "bozo_exception", None) if feed.get("bozo") else None
            yield UnreadableArticle(source, "feed entry has no text" + (f" (feed is malformed: {broken})" if broken else ""))
            continue
        published = _entry_date(entry)
        yield RawArticle(
            source=source, text=body, format="feed", title=entry.get("title") or None,
            outlet=(manifest.outlet if manifest and manifest.outlet else feed_title),
            published=published, published_from="feed" if published else None,
            url=entry.get("link") or None,
            language=feed.feed.get("language") or None,
        )


def read_jsonl(path: Path, data: bytes, manifest: ManifestEntry | None) -> Iterator[RawArticle | UnreadableArticle]:
    """Yield one article per JSON line; a bad line yields an error and reading goes on."""
    for source, row in json_lines(decode_bytes(data, str(path)), str(path)):
        if isinstance(row, UnreadableArticle):
            yield row
            continue
        if not isinstance(row, dict):
            yield UnreadableArticle(source, "line is not a JSON object")
            continue
        yield record_article(row, source, "jsonl")


def read_json(path: Path, data: bytes, manifest: ManifestEntry | None) -> Iterator[RawArticle | UnreadableArticle]:
    """Yield the articles of a JSON document: one article object, a list of them, or a news
    API response holding them under "articles"; a bad record costs only itself."""
    text = decode_bytes(data, str(path))
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableArticle(str(path), f"not JSON ({exc.msg}, line {exc.lineno})") from None
    except ValueError as exc:   # an integer of thousands of digits
        raise UnreadableArticle(str(path), f"not JSON we can read ({str(exc)[:80]})") from None
    if isinstance(document, dict) and isinstance(document.get("articles"), list):
        document = document["articles"]
    if isinstance(document, dict):
        if not any(name in document for name in FIELD_NAMES["text"]):
            raise NotAnArticleFile(str(path), "a JSON object with no article text field (text, body, maintext, ...)")
        article = record_article(document, str(path), "json")
        yield apply_manifest(article, manifest) if isinstance(article, RawArticle) else article
        return
    if not isinstance(document, list):
        raise UnreadableArticle(str(path), "JSON holds neither an article object nor a list of them")
    if not document:
        raise UnreadableArticle(str(path), "JSON list holds no articles")
    for number, row in enumerate(document, 1):
        yield record_article(row, f"{path}#{number}", "json")


def read_ecbplus(path: Path, data: bytes, manifest: ManifestEntry | None) -> Iterator[RawArticle]:
    """Read an ECB+ CAT XML file: tokens joined into sentences, one paragraph per sentence."""
    from newsprism.ingest.ecbplus import ecbplus_document
    from newsprism.ingest.url_outlet import outlet_from_url

    title, body, url = ecbplus_document(data, str(path))
    # A manifest's outlet wins; else the publisher named by the document's URL.
    outlet = (manifest.outlet if manifest else None) or outlet_from_url(url)
    yield RawArticle(source=str(path), text=body, format="ecbplus", title=title, outlet=outlet, url=url)


def sniff_format(path: Path, data: bytes) -> str:
    """Return the reader name for a file: by extension, else by looking at its start."""
    suffix = path.suffix.lower()
    if suffix in TEXT_EXTENSIONS:
        return "text"
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix in FEED_EXTENSIONS:
        return "feed"
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    if suffix in JSON_EXTENSIONS:
        return "json"
    head = data[:2000].lstrip().lower()
    if suffix in XML_EXTENSIONS:
        if b"<document" in head and b"<token" in data[:5000].lower():
            return "ecbplus"
        from newsprism.ingest.geo_xml import looks_like_geo_xml

        if looks_like_geo_xml(head):
            return "geo-xml"
        return "feed"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed"
    if head.startswith(b"<!doctype html") or head.startswith(b"<html"):
        return "html"
    return "text"


def read_geo_xml(path: Path, data: bytes, manifest: ManifestEntry | None) -> Iterator[RawArticle | UnreadableArticle]:
    """Read an LGL / TR-News / GeoVirus XML file: one article per ``<article>``."""
    from newsprism.ingest.geo_xml import read_geo_xml as read

    yield from read(path, data, manifest)


READERS = {"text": read_text, "html": read_html, "feed": read_feed, "jsonl": read_jsonl, "json": read_json,
           "ecbplus": read_ecbplus, "geo-xml": read_geo_xml}


def _sanitised(raw: RawArticle) -> RawArticle | UnreadableArticle:
    """Return the article with text and metadata made safe to hash, store and print.

    The one gate every reader's output passes: whatever a format let through (control
    characters, lone surrogates, a title with line breaks), what leaves here is clean.
    """
    text = clean_text(raw.text)
    if not text.strip():
        return UnreadableArticle(raw.source, "no article text")
    return replace(raw, text=text, title=clean_field(raw.title), outlet=clean_field(raw.outlet, 200),
                   url=clean_field(raw.url, 2000), language=clean_field(raw.language, 35))


def read_file(path: Path, max_bytes: int, manifests: dict[Path, dict[str, ManifestEntry]] | None = None) -> Iterator[RawArticle | UnreadableArticle]:
    """Yield the articles in one file, and an UnreadableArticle for each part that failed."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield UnreadableArticle(source, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (--max-file-mb)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield UnreadableArticle(source, f"cannot read file ({exc.strerror or exc})")
        return
    manifest_entries = None
    if manifests is not None:
        folder = path.parent
        if folder not in manifests:
            manifests[folder], problems = read_manifest(folder)
            yield from problems  # once per folder, with its first file
        manifest_entries = manifests[folder]
    entry = manifest_entries.get(path.name) if manifest_entries else None
    try:
        for item in READERS[sniff_format(path, data)](path, data, entry):
            yield item if isinstance(item, UnreadableArticle) else _sanitised(item)
    except UnreadableArticle as exc:
        yield exc
    except RecursionError:
        yield UnreadableArticle(source, "input nests too deeply to parse")
    except Exception as exc:  # a reader library failing on hostile input must not stop the batch
        yield UnreadableArticle(source, f"could not parse ({type(exc).__name__}: {str(exc)[:120]})")


# Files of ours that sit beside articles: their metadata and the corpus's own places.
SIDE_FILES = {MANIFEST_NAME, GAZETTEER_FILE}
# Files a folder walk leaves alone: documentation and licences beside a corpus are not articles.
_NOT_ARTICLES = re.compile(r"^(readme|licen[cs]e|copying|changelog|notice)[\w-]*(\..*)?$", re.I)


def _is_article_file(path: Path) -> bool:
    """Return whether a file found in a folder walk should be read as an article."""
    if path.name in SIDE_FILES or path.name.startswith(".") or _NOT_ARTICLES.match(path.name):
        return False
    return path.suffix.lower() in SUPPORTED_EXTENSIONS - {".md"}


def _unread_summary(folder: Path, others: list[Path]) -> str:
    """Return one line on the files a folder walk left alone: how many, of which types."""
    kinds = Counter(p.suffix.lower() or "no extension" for p in others)
    listed = ", ".join(f"{kind} ×{n}" if n > 1 else kind for kind, n in kinds.most_common(6))
    return f"{folder}: {len(others)} file(s) not read, not an article format ({listed})"


class Inputs(NamedTuple):
    """The files a run reads, and what it says about the paths it was given."""

    files: list[Path]
    missing: list[UnreadableArticle]          # paths that name nothing readable: failures
    unread: list[str]                         # a line per folder on the files of other types in it
    walked: set[Path]                         # files found by walking a folder, not named by the user


def expand_inputs(paths: list[str]) -> Inputs:
    """Return the files named by paths, folders (recursively) and globs, in a stable order.

    A folder holding no article file at all is a failure: the user asked for its articles."""
    import glob

    files: list[Path] = []
    missing: list[UnreadableArticle] = []
    unread: list[str] = []
    walked: set[Path] = set()
    named: set[Path] = set()      # files the user named, which a folder walk may also find
    readable = " ".join(sorted(SUPPORTED_EXTENSIONS - {".md"}))
    for raw in paths:
        # A file really named "report [1].txt" is that file, not a pattern matching "report 1.txt".
        is_pattern = any(c in raw for c in "*?[") and not Path(raw).exists()
        matches = [Path(p) for p in sorted(glob.glob(raw, recursive=True))] if is_pattern else [Path(raw)]
        if not matches:
            missing.append(UnreadableArticle(raw, "no file matches this pattern"))
        for match in matches:
            if match.is_dir():
                found = [p for p in sorted(match.rglob("*")) if p.is_file()]
                articles = [p for p in found if _is_article_file(p)]
                # Manifests, hidden files and READMEs are left alone by design, not worth a word.
                # A file of another type can never be an article, so no check against ``articles``.
                others = [p for p in found if p.suffix.lower() not in SUPPORTED_EXTENSIONS
                          and not p.name.startswith(".") and not _NOT_ARTICLES.match(p.name)]
                if not articles:
                    missing.append(UnreadableArticle(str(match), f"no article files in this folder (reads {readable})"
                                                     + (f"; {len(others)} other file(s) left unread" if others else "")))
                elif others:
                    unread.append(_unread_summary(match, others))
                files.extend(articles)
                walked.update(articles)
            elif match.is_file():
                files.append(match)
                named.add(match.resolve())
            else:
                missing.append(UnreadableArticle(str(match), "no such file or folder"))
    seen: set[Path] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]
    return Inputs(unique, missing, unread, {f for f in walked if f.resolve() not in named})
