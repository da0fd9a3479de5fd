"""Read ``manifest.jsonl``: per-file metadata a user supplies beside plain-text articles."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsprism.ingest.metadata import plausible_publication_date

MANIFEST_NAME = "manifest.jsonl"


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    file: str
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
    url: str | None = None
    title: str | None = None


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return plausible_publication_date(date.fromisoformat(value.strip()[:10]))
    except ValueError:
        return None


def read_manifest(folder: Path) -> tuple[dict[str, ManifestEntry], list[str]]:
    """Return the manifest entries of ``folder`` by file name, and one warning per bad line."""
    path = folder / MANIFEST_NAME
    entries: dict[str, ManifestEntry] = {}
    warnings: list[str] = []
    if not path.is_file():
        return entries, warnings
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append(f"{path}:{number}: not JSON ({exc.msg})")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("file"), str):
            warnings.append(f"{path}:{number}: needs a \"file\" field")
            continue

        def text(key: str) -> str | None:
            value = row.get(key)
            return value.strip() if isinstance(value, str) and value.strip() else None

        entries[row["file"]] = ManifestEntry(
            file=row["file"],
            outlet=text("outlet"),
            published=_parse_date(row.get("published")),
            language=text("language"),
            url=text("url"),
            title=text("title"),
        )
    return entries, warnings
