"""Read the geoparsing corpora's XML (LGL, TR-News, GeoVirus): one ``<article>`` per article.

The three files share a layout: ``<articles><article>`` with a ``<text>`` and, depending on
the corpus, ``<title>``, ``<url>`` or ``<source>`` (the page address) and ``<domain>``. The
text is kept exactly as written, so the corpora's character offsets stay valid. ``<dltime>``
is when the page was downloaded, not when it was published, so it is not read as a date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import defusedxml.ElementTree as safe_xml

from newsprism.errors import UnreadableArticle
from newsprism.records import RawArticle


def looks_like_geo_xml(head: bytes) -> bool:
    """Return whether the start of an XML file is an ``<articles>`` list of ``<article>`` elements."""
    head = head.lower()
    return b"<articles" in head and b"<article" in head.replace(b"<articles", b"")


def _field(article, tag: str) -> str | None:
    element = article.find(tag)
    text = (element.text or "").strip() if element is not None else ""
    return text or None


def read_geo_xml(path: Path, data: bytes, manifest=None) -> Iterator[RawArticle | UnreadableArticle]:
    """Yield each ``<article>`` as an article (``path#N``); one without text is named, not fatal."""
    try:
        root = safe_xml.fromstring(data)
    except Exception as exc:
        raise UnreadableArticle(str(path), f"malformed XML ({type(exc).__name__})") from None
    for number, article in enumerate(root.iter("article"), 1):
        source = f"{path}#{number}"
        element = article.find("text")
        text = element.text if element is not None and element.text else ""
        if not text.strip():
            yield UnreadableArticle(source, "article has no <text>")
            continue
        domain = _field(article, "domain")
        outlet = manifest.outlet if manifest and manifest.outlet else (domain.removeprefix("www.") if domain else None)
        yield RawArticle(source=source, text=text, format="geo-xml", title=_field(article, "title"), outlet=outlet,
                         url=_field(article, "url") or _field(article, "source"))
