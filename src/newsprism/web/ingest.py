"""Ingestion through the server: posted articles go through the same readers and pipeline as files.

The posted articles are written to a private JSONL file and analysed with ``run_analysis``,
so they get the same validation, size limits and one-line errors as `newsprism analyze`.
The store is opened for writing only for the length of one request; if `analyze` holds it,
the request fails with "store is locked" and nothing changes.
"""

from __future__ import annotations

import json
import tempfile
import threading
from pathlib import Path

from newsprism.config import Settings
from newsprism.store import Store
from newsprism.web import models as m

# One ingestion at a time per server: DuckDB admits one writer.
_write_lock = threading.Lock()


def ingest_articles(db_path: Path, request: m.IngestRequest, settings: Settings) -> m.IngestResult:
    """Analyse and store the posted articles; return what was stored and what failed."""
    from newsprism.pipeline import run_analysis

    with _write_lock, tempfile.TemporaryDirectory(prefix="newsprism-ingest-") as folder:
        path = Path(folder) / "posted.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for article in request.articles:
                handle.write(json.dumps(article.model_dump(mode="json", exclude_none=True)) + "\n")
        with Store(db_path) as store:
            report = run_analysis([str(path)], settings.with_(db_path=db_path), store)
    # Failures name the private temp file; name the posted entry instead ("posted.jsonl#3").
    failures = [str(f).replace(str(path), "posted") for f in report.failures]
    return m.IngestResult(
        stored=report.stored, already_stored=report.already_stored, failures=failures
    )
