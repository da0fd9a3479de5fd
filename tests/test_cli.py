"""The command line as a user runs it: analyze, show, export, and clear errors."""

from __future__ import annotations

import json

import duckdb
import pyarrow.parquet as pq
from typer.testing import CliRunner

from newsprism.cli import app
from tests.conftest import SEEDS

runner = CliRunner()


def test_analyze_show_export_round_trip(tmp_path):
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["analyze", str(SEEDS), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "2 new article(s) stored" in result.output
    shown = runner.invoke(app, ["show", "--db", str(db)])
    assert shown.exit_code == 0 and "TASS" in shown.output and "Gulf Observer" in shown.output
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / fmt
        exported = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
        assert exported.exit_code == 0, exported.output
        assert (out / f"articles.{fmt}").is_file() and (out / f"dates.{fmt}").is_file()
    rows = [json.loads(line) for line in (tmp_path / "jsonl" / "articles.jsonl").read_text().splitlines()]
    assert sorted(r["outlet"] for r in rows) == ["TASS", "The Gulf Observer"]
    assert pq.read_table(tmp_path / "parquet" / "sentences.parquet").num_rows == duckdb.connect(str(db), read_only=True).execute(
        "SELECT count(*) FROM sentences").fetchone()[0]


def test_partial_failure_sets_exit_code_and_names_the_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Bridge closed\nThe city closed the bridge on Monday, officials said.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["analyze", str(folder), "--db", str(db), "--quiet"])
    assert result.exit_code == 1
    assert f"{folder / 'empty.txt'}: empty file" in result.output
    assert f"{folder / 'binary.txt'}: binary file, not text" in result.output
    assert "1 new article(s) stored" in result.output
    failures = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM failures").fetchone()[0]
    assert failures == 2


def test_files_of_other_kinds_in_a_folder_are_named_not_failed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Bridge closed\nThe city closed the bridge on Monday, officials said.\n")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "settings.json").write_text('{"threshold": 0.5}')
    db = tmp_path / "s.duckdb"
    walked = runner.invoke(app, ["analyze", str(folder), "--db", str(db), "--quiet"])
    assert walked.exit_code == 0, walked.output
    assert f"{folder}: 2 file(s) not read, not an article format (.jpg, .pdf)" in walked.output
    assert f"{folder / 'settings.json'}: a JSON object with no article text field" in walked.output
    assert "1 new article(s) stored" in walked.output
    # Named on its own, the same file is a failure: the user asked for its articles.
    named = runner.invoke(app, ["analyze", str(folder / "settings.json"), "--db", str(db), "--quiet"])
    assert named.exit_code == 1 and "skipped" in named.output and "no article text field" in named.output
    # A folder with nothing to read says so, and fails.
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "a.pdf").write_bytes(b"%PDF")
    empty = runner.invoke(app, ["analyze", str(tmp_path / "scans"), "--db", str(db), "--quiet"])
    assert empty.exit_code == 1 and "no article files in this folder" in empty.output


def test_missing_model_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["analyze", str(SEEDS), "--db", str(tmp_path / "s.duckdb"), "--model", "en_core_web_xx", "-q"])
    assert result.exit_code == 2
    assert "spaCy model 'en_core_web_xx' is not installed: run `pip install en-core-web-xx`" in " ".join(result.output.split())


def test_show_on_missing_store_says_so(tmp_path):
    result = runner.invoke(app, ["show", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such store" in result.output


def test_export_rejects_unknown_format(tmp_path):
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["analyze", str(SEEDS), "--db", str(db), "-q"])
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "xlsx", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "unknown format 'xlsx'" in result.output


def test_show_events_quotes_and_actors_of_an_actor(seeds_store):
    # The done-when: `newsprism show events --actor Putin` lists them with their sentences.
    events = runner.invoke(app, ["show", "events", "--actor", "Putin", "--db", str(seeds_store)])
    assert events.exit_code == 0, events.output
    shown = " ".join(events.output.split())     # the terminal wraps long lines
    assert "CONSULT/phone" in shown and "Kazakhstan (KAZ GOV)" in shown
    assert "Putin also spoke with Turkish President Recep Tayyip Erdogan." in shown
    quotes = runner.invoke(app, ["show", "quotes", "--actor", "Blinken", "--db", str(seeds_store)])
    assert quotes.exit_code == 0 and "on twitter" in quotes.output.lower()
    actors = runner.invoke(app, ["show", "actors", "--actor", "Erdogan", "--db", str(seeds_store)])
    assert "Recep Tayyip Erdogan" in actors.output and "TUR GOV" in " ".join(actors.output.split())
    typed = runner.invoke(app, ["show", "events", "--type", "RETREAT", "--db", str(seeds_store)])
    assert "RETREAT" in typed.output and "CONSULT" not in typed.output


def test_show_something_unknown_or_nobody_is_one_clear_line(seeds_store):
    result = runner.invoke(app, ["show", "verbs", "--db", str(seeds_store)])
    assert result.exit_code == 2 and "choose one of articles, events, quotes, actors" in result.output
    nobody = runner.invoke(app, ["show", "events", "--actor", "Nobody Atall", "--db", str(seeds_store)])
    assert nobody.exit_code == 2 and "no actor named like 'Nobody Atall'" in nobody.output


def test_stories_lists_each_story_in_a_few_lines_with_its_outlets_and_claims(seeds_store):
    listed = CliRunner().invoke(app, ["stories", "--db", str(seeds_store)], env={"COLUMNS": "100"})
    assert listed.exit_code == 0, listed.output
    lines = [line for line in listed.output.splitlines() if line.strip()]
    assert 2 <= len(lines) <= 3                        # one story: what, then who and how it stands
    assert "2 outlet(s): TASS, The Gulf Observer" in listed.output.replace("\n", " ")
    assert "corroborated" in listed.output and "single-source" in listed.output
