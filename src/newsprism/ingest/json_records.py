"""JSON article records: one article as a JSON object, in the shapes crawlers and news APIs write.

Besides our own field names (``text``, ``title``, ``outlet``, ``published``, ``url``,
``language``) a record may use the common ones of other tools, so their output needs no
conversion: news-please (``maintext``, ``date_publish``, ``source_domain``), NewsAPI
(``content``, ``publishedAt``, ``source: {"name": ...}``), schema.org (``headline``,
``datePublished``, ``articleBody``) and paragraph lists (``"body-paragraphs": [[...], ...]``).
The first name present with a value wins, in the order listed.
"""

from __future__ import annotations

from datetime import date
from email.utils import parsedate_to_datetime

from newsprism.errors import UnreadableArticle
from newsprism.ingest.metadata import plausible_publication_date
from newsprism.records import RawArticle

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "articleBody", "maintext", "content", "article", "body-paragraphs", "paragraphs"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "source_domain", "site_name"),
    "published": ("published", "date", "date_publish", "datePublished", "publishedAt", "published_at", "pubDate"),
    "url": ("url", "link"),
    "language": ("language", "lang", "inLanguage"),
}


def _first(row: dict, field: str) -> tuple[str, object] | tuple[None, None]:
    """Return (name used, value) of the first name of ``field`` the record fills."""
    for name in FIELD_NAMES[field]:
        value = row.get(name)
        if value not in (None, "", [], {}):
            return name, value
    return None, None


def _paragraphs(value: object) -> str | None:
    """Return a list of paragraphs (or of lists of sentences) as text, None if it is not one."""
    if not isinstance(value, list):
        return None
    paragraphs = []
    for item in value:
        if isinstance(item, str):
            paragraphs.append(item.strip())
        elif isinstance(item, list) and all(isinstance(part, str) for part in item):
            paragraphs.append(" ".join(part.strip() for part in item))
        else:
            return None
    return "\n\n".join(p for p in paragraphs if p)


def parse_published(value: object) -> date | None:
    """Return the day of an ISO date or timestamp, or of an RFC 2822 one ("Tue, 10 Jun 2003
    04:00:00 GMT"); None for anything else, or a placeholder year."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return plausible_publication_date(date.fromisoformat(text[:10]))
    except ValueError:
        pass
    try:
        return plausible_publication_date(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def bad_published_reason(value: str, name: str = "published") -> str:
    """Return why a publication date was refused: not a date, or a placeholder year."""
    try:
        date.fromisoformat(value.strip()[:10])
    except ValueError:
        try:
            parsedate_to_datetime(value.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            return f"\"{name}\" is not an ISO date: {value[:40]!r}"
    return f"\"{name}\" {value[:40]!r} is outside the years 1800 to 2200"


def record_article(row: object, source: str, fmt: str) -> RawArticle | UnreadableArticle:
    """Return the article one JSON record holds, or why it holds none (naming ``source``)."""
    if not isinstance(row, dict):
        return UnreadableArticle(source, "not a JSON object")
    values: dict[str, str | None] = {}
    for field in FIELD_NAMES:
        name, value = _first(row, field)
        if name is None:
            values[field] = None
        elif isinstance(value, str):
            values[field] = value
        elif field == "text" and (joined := _paragraphs(value)) is not None:
            values[field] = joined
        elif field == "outlet" and isinstance(value, dict):
            # NewsAPI: "source": {"id": ..., "name": "BBC News"}; a source without a name is no outlet.
            values[field] = value["name"] if isinstance(value.get("name"), str) else None
        else:
            kind = "a string or a list of paragraphs" if field == "text" else "a string"
            return UnreadableArticle(source, f"field {name!r} must be {kind}")
    if not (values["text"] or "").strip():
        return UnreadableArticle(source, "no \"text\" field")
    published = None
    if values["published"]:
        published = parse_published(values["published"])
        if published is None:
            return UnreadableArticle(source, bad_published_reason(values["published"], _first(row, "published")[0]))
    return RawArticle(
        source=source, text=values["text"], format=fmt, title=values["title"] or None,
        outlet=values["outlet"] or None, published=published,
        published_from="metadata" if published else None,
        url=values["url"] or None, language=values["language"] or None,
    )
