"""`serve` reads while `analyze` writes: the server keeps answering from its snapshot."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.web.app import ServerConfig, create_app
from newsprism.web.snapshot import StoreBusy

# A writer like `newsprism analyze`: holds the store open for writing, adds a row, waits.
WRITER = """
import sys, time
from newsprism.store import Store
store = Store(sys.argv[1])
store.con.execute("INSERT INTO failures (source, reason) VALUES ('late.txt', 'written while serving')")
print("holding", flush=True)
sys.stdin.readline()
store.close()
"""


def _start_writer(path: Path) -> subprocess.Popen:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline().strip() == "holding"
    return writer


@pytest.fixture()
def store_copy(tmp_path, evil_store) -> Path:
    path = tmp_path / "live.duckdb"
    path.write_bytes(evil_store.read_bytes())
    return path


def test_server_serves_its_snapshot_while_another_process_writes(store_copy):
    app = create_app(ServerConfig(store_copy, recheck_seconds=0))
    with TestClient(app) as client:
        assert client.get("/api/articles").json()["total"] == 1
        writer = _start_writer(store_copy)
        try:
            assert client.get("/api/articles").json()["total"] == 1
            page = client.get("/")
            assert page.status_code == 200
            assert "being written by another newsprism process" in page.text
            assert client.get("/api/health").json()["store_busy"] is True
        finally:
            writer.communicate("done\n", timeout=30)
        time.sleep(0.05)  # let the file's mtime move past the snapshot's
        assert client.get("/api/health").json()["store_busy"] is False
        assert "being written" not in client.get("/").text


def test_server_started_during_a_write_says_store_busy(store_copy):
    writer = _start_writer(store_copy)
    try:
        with pytest.raises(StoreBusy, match="store busy"):
            create_app(ServerConfig(store_copy))
    finally:
        writer.communicate("done\n", timeout=30)
    assert create_app(ServerConfig(store_copy)) is not None


def test_analyze_can_write_while_the_server_runs(store_copy):
    """The server never holds the store itself, so a writer is never locked out by it."""
    app = create_app(ServerConfig(store_copy, recheck_seconds=0))
    with TestClient(app) as client:
        client.get("/api/articles")
        writer = _start_writer(
            store_copy
        )  # would fail with "store is locked" if the server held it
        writer.communicate("done\n", timeout=30)
        assert writer.returncode == 0


def test_missing_store_is_a_one_line_error(tmp_path):
    with pytest.raises(Exception, match="no such store"):
        create_app(ServerConfig(tmp_path / "absent.duckdb"))
