"""Fixtures for the web tests: apps over the seeds and examples stores, and a hostile store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.pipeline import run_analysis
from newsprism.store import Store
from newsprism.web.app import ServerConfig, create_app

# Article text a hostile source could publish: markup, script, SQL and odd characters.
EVIL_TITLE = "<script>alert('title')</script> Breaking"
EVIL_BODY = (
    "Officials said on Monday that <script>alert('body')</script> talks will continue. "
    "The minister met the envoy in Vienna on Tuesday; DROP TABLE articles; -- "
    '<img src=x onerror=alert(1)> and "quoted" words followed.'
)
EVIL_URL = "javascript:alert(document.cookie)"


@pytest.fixture(scope="session")
def seeds_client(seeds_store):
    app = create_app(ServerConfig(seeds_store))
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="session")
def examples_client(examples_store):
    app = create_app(ServerConfig(examples_store))
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="session")
def evil_store(tmp_path_factory, settings) -> Path:
    """Return a store holding one article whose title, body and URL carry script and SQL."""
    folder = tmp_path_factory.mktemp("evil")
    source = folder / "evil.jsonl"
    source.write_text(
        json.dumps(
            {
                "title": EVIL_TITLE,
                "text": EVIL_BODY,
                "outlet": "<b>Evil</b> Outlet",
                "published": "2024-05-06",
                "url": EVIL_URL,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    path = folder / "evil.duckdb"
    with Store(path) as store:
        run_analysis([str(source)], settings.with_(db_path=path), store)
    return path


@pytest.fixture(scope="session")
def evil_client(evil_store):
    app = create_app(ServerConfig(evil_store))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
