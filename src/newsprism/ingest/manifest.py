"""Read ``manifest.jsonl``: per-file metadata a user supplies beside plain-text articles."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from newsprism.errors import UnreadableArticle
from newsprism.ingest.decode import clean_field, decode_bytes, json_lines
from newsprism.ingest.metadata import plausible_publication_date
from newsprism.records import RawArticle

MANIFEST_NAME = "manifest.jsonl"
_TEXT_FIELDS = ("outlet", "language", "url", "title")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    file: str
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
    url: str | None = None
    title: str | None = None


def apply_manifest(raw: RawArticle, manifest: ManifestEntry | None) -> RawArticle:
    """Return the article with what the user says of its file in the manifest: that wins over
    what the file itself says."""
    if manifest is None:
        return raw
    return replace(
        raw, title=manifest.title or raw.title, outlet=manifest.outlet or raw.outlet, url=manifest.url or raw.url,
        language=manifest.language or raw.language, published=manifest.published or raw.published,
        published_from="manifest" if manifest.published else raw.published_from,
    )


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return plausible_publication_date(date.fromisoformat(value.strip()[:10]))
    except ValueError:
        return None


def read_manifest(folder: Path) -> tuple[dict[str, ManifestEntry], list[UnreadableArticle]]:
    """Return the manifest entries of ``folder`` by file name, and one error per bad line or field.

    A bad line costs only itself; a bad field only that field (the file keeps the others).
    """
    path = folder / MANIFEST_NAME
    entries: dict[str, ManifestEntry] = {}
    problems: list[UnreadableArticle] = []
    if not path.is_file():
        return entries, problems
    try:
        data = path.read_bytes()
        if not data.strip():  # an empty manifest supplies nothing, and loses nothing
            return entries, problems
        content = decode_bytes(data, str(path))
    except UnreadableArticle as exc:
        return entries, [exc]
    except OSError as exc:
        return entries, [UnreadableArticle(str(path), f"cannot read manifest ({exc.strerror or exc})")]
    for source, row in json_lines(content, str(path), "manifest line"):
        if isinstance(row, UnreadableArticle):
            problems.append(row)
            continue
        if not isinstance(row, dict) or not isinstance(row.get("file"), str):
            problems.append(UnreadableArticle(source, "manifest line needs a \"file\" field"))
            continue
        wrong = [k for k in _TEXT_FIELDS if row.get(k) is not None and not isinstance(row[k], str)]
        if wrong:
            problems.append(UnreadableArticle(source, f"manifest field {wrong[0]!r} must be a string; ignored"))
        published = _parse_date(row.get("published"))
        if row.get("published") and published is None:
            problems.append(UnreadableArticle(
                source, f"manifest \"published\" is not an ISO date between 1800 and 2200: {str(row['published'])[:40]!r}; ignored"))

        def text(key: str) -> str | None:
            value = row.get(key)
            return clean_field(value) if isinstance(value, str) else None

        entries[row["file"]] = ManifestEntry(
            file=row["file"],
            outlet=text("outlet"),
            published=published,
            language=text("language"),
            url=text("url"),
            title=text("title"),
        )
    return entries, problems
