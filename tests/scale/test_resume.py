"""A run killed with SIGKILL leaves a consistent store and a rerun finishes it; a second
writer gets a one-line "store is locked" error."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import StoreLocked
from newsprism.pipeline import run_analysis
from newsprism.store import Store
from tests.conftest import REPO
from tests.scale.helpers import ecbplus_sample, orphans, table_contents

pytestmark = pytest.mark.shared

# A child run that prints its progress, and kills itself inside the store transaction of
# batch KILL_AT (after the batch's articles and records are inserted, before the commit) when asked.
CHILD = textwrap.dedent("""
    import os, signal, sys
    from newsprism.config import Settings
    from newsprism.pipeline import run_analysis
    from newsprism.store import Store

    corpus, db, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if kill_at:
        original, calls = Store.insert_rows, {"minhashes": 0}

        def insert_rows(self, table, rows):
            original(self, table, rows)
            if table == "minhashes":
                calls["minhashes"] += 1
                if calls["minhashes"] == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)

        Store.insert_rows = insert_rows
    with Store(db) as store:
        run_analysis([corpus], Settings(db_path=db, batch_size=2), store,
                     lambda done, total, stored: print("stored", stored, flush=True))
""")

HOLDER = textwrap.dedent("""
    import sys, time
    from newsprism.store import Store
    with Store(sys.argv[1]):
        print("holding", flush=True)
        time.sleep(60)
""")


def _child(*args: str, script: str = CHILD) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO / "src")})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return ecbplus_sample(tmp_path_factory.mktemp("corpus") / "in", 12)


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory, corpus, settings):
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    with Store(db) as store:
        run_analysis([str(corpus)], settings.with_(db_path=db, batch_size=2), store)
    return db


def _assert_resumes_to_clean_run(db, corpus, settings, clean_run, stored_before):
    assert orphans(db) == dict.fromkeys(orphans(db), 0)
    with Store(db) as store:
        report = run_analysis([str(corpus)], settings.with_(db_path=db, batch_size=2), store)
    # Articles stored before the kill are skipped, not parsed again.
    assert report.already_stored == stored_before and report.stored == 12 - stored_before
    assert table_contents(db) == table_contents(clean_run)


def test_killed_inside_a_transaction_keeps_whole_batches_only(tmp_path, corpus, settings, clean_run):
    db = tmp_path / "killed.duckdb"
    child = _child(str(corpus), str(db), "3")
    child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL
    with Store(db) as store:
        stored = store.count("articles")
    # Two batches committed; the third died before its commit and left nothing.
    assert stored == 4
    _assert_resumes_to_clean_run(db, corpus, settings, clean_run, stored)


def test_killed_from_outside_mid_run_resumes(tmp_path, corpus, settings, clean_run):
    db = tmp_path / "killed.duckdb"
    child = _child(str(corpus), str(db), "0")
    for line in child.stdout:
        if int(line.split()[1]) >= 4:
            child.send_signal(signal.SIGKILL)
            break
    child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL
    with Store(db) as store:
        stored = store.count("articles")
    assert 4 <= stored < 12
    _assert_resumes_to_clean_run(db, corpus, settings, clean_run, stored)


def test_second_writer_gets_store_is_locked(tmp_path, corpus):
    db = tmp_path / "busy.duckdb"
    holder = _child(str(db), script=HOLDER)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(StoreLocked, match="store is locked"):
            Store(db)
        result = CliRunner().invoke(app, ["analyze", str(corpus), "--db", str(db), "--quiet"])
        assert result.exit_code == 2
        assert "store is locked" in result.output and str(db) in result.output
        assert len(result.output.strip().splitlines()) == 1
    finally:
        holder.kill()
        holder.wait()
    # Once the other process is gone the store opens as usual.
    deadline = time.monotonic() + 10
    while True:
        try:
            Store(db).close()
            break
        except StoreLocked:
            assert time.monotonic() < deadline
            time.sleep(0.2)
