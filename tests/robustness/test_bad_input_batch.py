"""Bad inputs in a real `newsprism analyze` batch: the good ones are stored, each bad one is
one line naming it, the exit code says some failed, and nothing already stored changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import one_line
from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import read_file
from newsprism.records import RawArticle
from tests.robustness.bad_input_catalogue import BODY, SECRET, all_cases, write_case, write_secret

runner = CliRunner()
NEWSPRISM = Path(sys.executable).with_name("newsprism")
EXISTING = {
    "bridge.txt": "Bridge closed\nThe city closed the Danube bridge on Monday after engineers found cracks, officials said.\n",
    "strike.txt": "Dockers strike\nDock workers in Rotterdam walked out on Tuesday over pay, the union said.\n",
}


def analyze(*args: str):
    return runner.invoke(app, ["analyze", *args, "--quiet"])


def snapshot(db: Path, article_ids: set[str] | None = None) -> dict[str, tuple[int, str]]:
    """Return (row count, hash of all rows) per table; only the rows of ``article_ids`` if given."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        result = {}
        for table in tables:
            columns = {r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
            key = "id" if table == "articles" else "article_id" if "article_id" in columns else None
            where = ""
            if article_ids is not None:
                if key is None:
                    continue
                where = f" WHERE {key} IN (SELECT unnest(?))"
            row = con.execute(f"SELECT count(*), md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) "
                              f"FROM {table} t{where}", [sorted(article_ids)] if where else []).fetchone()
            result[table] = (row[0], row[1])
        return result
    finally:
        con.close()


def stored_ids(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """Return (root, secret, store already holding two articles, its snapshot)."""
    root = tmp_path_factory.mktemp("bad-batch")
    secret = write_secret(root)
    existing = root / "existing"
    existing.mkdir()
    for name, text in EXISTING.items():
        (existing / name).write_text(text)
    db = root / "store.duckdb"
    result = analyze(str(existing), "--db", str(db))
    assert result.exit_code == 0, result.output
    return root, secret, db


def failure_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("skipped ")]


def test_batch_of_only_bad_files_changes_nothing_stored(workspace):
    root, secret, db = workspace
    folder = root / "only-bad"
    cases = [c for c in all_cases(secret) if c.in_batch and not c.articles]
    for case in cases:
        write_case(folder, case)
    before = snapshot(db)
    result = analyze(str(folder), "--db", str(db))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = failure_lines(result.output)
    assert len(lines) == sum(c.errors for c in cases)
    for case in cases:
        # Every error is one line that names its file (escaped when the name holds a newline).
        assert sum(line.startswith(f"skipped {one_line(str(folder / case.filename))}") for line in lines) == case.errors, case.name
    assert SECRET not in result.output
    after = snapshot(db)
    failures_before, failures_after = before.pop("failures"), after.pop("failures")
    assert after == before
    assert failures_after[0] == failures_before[0] + len(lines)


def test_mixed_batch_stores_the_good_and_reports_the_bad(workspace):
    root, secret, db = workspace
    folder = root / "mixed"
    cases = [c for c in all_cases(secret) if c.in_batch]
    for case in cases:
        write_case(folder, case)
    good = folder / "good.txt"
    good.write_text(f"Ceasefire holds\n{BODY} The ceasefire held overnight, monitors said.\n")
    old_ids = stored_ids(db)
    old_rows = snapshot(db, old_ids)
    expected_new = {build_article(item).id for path in sorted(p for p in folder.rglob("*") if p.is_file())
                    for item in read_file(path, 20_000_000) if isinstance(item, RawArticle)}

    result = analyze(str(folder), "--db", str(db))

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    summary = " ".join(result.output.split())
    assert f"{len(expected_new)} new article(s) stored" in summary
    assert f"{sum(c.errors for c in cases)} input(s) failed" in summary
    assert len(failure_lines(result.output)) == sum(c.errors for c in cases)
    assert stored_ids(db) == old_ids | expected_new
    assert snapshot(db, old_ids) == old_rows
    con = duckdb.connect(str(db), read_only=True)
    try:
        sources = {r[0] for r in con.execute("SELECT source FROM articles").fetchall()}
        texts = [r[0] for r in con.execute("SELECT text FROM articles").fetchall()]
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        bad_offsets = con.execute(
            "SELECT count(*) FROM sentences s JOIN articles a ON a.id = s.article_id "
            "WHERE s.start < 0 OR s.\"end\" > length(a.text) OR substr(a.text, s.start + 1, s.\"end\" - s.start) <> s.text"
        ).fetchone()[0]
    finally:
        con.close()
    assert str(good) in sources
    assert str(folder / "name\nwith newline.txt") in sources  # provenance keeps the real name
    assert str(folder / "Москва café 東京 ☃.txt") in sources
    assert any("Robert'); DROP TABLE articles;--" in t for t in texts) and "articles" in tables
    assert any("<script>alert('x')</script>" in t for t in texts)
    assert all(SECRET not in t and "lollollol" not in t for t in texts)
    assert bad_offsets == 0


def test_rerun_of_the_same_bad_batch_stores_nothing_twice(workspace):
    root, secret, db = workspace
    folder = root / "rerun"
    for case in all_cases(secret):
        if case.in_batch and case.filename.endswith(".jsonl"):
            write_case(folder, case)
    first = analyze(str(folder), "--db", str(db))
    before = snapshot(db)
    second = analyze(str(folder), "--db", str(db))
    assert first.exit_code == second.exit_code == 1
    assert "0 new article(s) stored" in " ".join(second.output.split())
    after = snapshot(db)
    before.pop("failures"), after.pop("failures")
    assert after == before


def test_console_script_names_each_bad_argument_on_one_line(tmp_path):
    """The installed `newsprism` command, with awkward names passed as arguments."""
    secret = write_secret(tmp_path)
    by_name = {c.name: c for c in all_cases(secret)}
    paths = [write_case(tmp_path, by_name[name]) for name in (
        "name with newline", "non-ASCII name", "name like a glob", "empty file with newline in name",
        "random bytes as rss", "RSS external entity", "name like rich markup")]
    missing = tmp_path / "no such file.txt"
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run([str(NEWSPRISM), "analyze", *map(str, paths), str(missing), "--db", str(tmp_path / "s.duckdb"), "-q"],
                          capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = failure_lines(done.stderr)
    assert lines == [
        f"skipped {missing}: no such file or folder",  # found while expanding the arguments, so first
        f"skipped {one_line(str(paths[3]))}: empty file",
        f"skipped {paths[4]}: binary file, not text",
        f"skipped {paths[5]}: refused unsafe XML (EntitiesForbidden: entity or DTD declarations)",
        f"skipped {paths[6]}: empty file",
    ]
    assert "3 new article(s) stored" in " ".join(done.stdout.split())
