"""A stage that raises on one article (or one story) fails that one only: the run goes on, the
failure is stored with its stage, the exit code says so, and nothing stored before is lost."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

import newsprism.pipeline as pipeline
from newsprism.cli import app
from newsprism.config import Settings
from newsprism.pipeline import run_analysis
from newsprism.store import Store

runner = CliRunner()
POISON = "Zorblax"   # a made-up word: the broken stage raises on the article holding it

GOOD = [
    {"title": "Bridge closed", "outlet": "Daily A", "text": "The city closed the Danube bridge on Monday after engineers found cracks."},
    {"title": "Dock strike", "outlet": "Daily B", "text": "Dock workers in Rotterdam walked out on Tuesday over pay, the union said."},
]
BAD = {"title": "Odd one", "outlet": "Daily C", "text": f"Mayor {POISON} opened the new library in Lyon on Friday."}


def write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def breaking(stage_name: str):
    """Return an article_stages() whose stage ``stage_name`` raises on the poisoned article."""
    real = pipeline.article_stages

    def stages(settings=None):
        out = []
        for stage in real(settings):
            if pipeline.stage_name(stage) == stage_name:
                def broken(analyzed, doc, _stage=stage):
                    if POISON in analyzed.article.text:
                        raise IndexError("list index out of range")
                    _stage(analyzed, doc)
                broken.name = stage_name
                out.append(broken)
            else:
                out.append(stage)
        return out

    return stages


def rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("stage", ["resolve_actors", "extract_events", "extract_quotes"])
def test_a_stage_raising_on_one_article_fails_that_article_only(tmp_path, monkeypatch, stage):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_jsonl(first, GOOD[:1])
    write_jsonl(second, [GOOD[1], BAD])
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["analyze", str(first), "--db", str(db), "--quiet"]).exit_code == 0
    before = rows(db, "SELECT id, text FROM articles")
    monkeypatch.setattr(pipeline, "article_stages", breaking(stage))
    result = runner.invoke(app, ["analyze", str(second), "--db", str(db), "--quiet"])
    assert result.exit_code == 1, result.output
    assert "1 new article(s) stored" in result.output and "1 article(s) failed" in result.output
    assert f"{stage} failed: IndexError: list index out of range" in result.output
    stored = rows(db, "SELECT text FROM articles")
    assert len(stored) == 2 and not any(POISON in t for (t,) in stored)
    assert set(before) <= set(rows(db, "SELECT id, text FROM articles"))     # nothing stored earlier lost
    failures = rows(db, "SELECT source, stage, error_type, reason, article_id FROM failures")
    assert len(failures) == 1
    source, stage_stored, error_type, reason, article_id = failures[0]
    assert (stage_stored, error_type) == (stage, "IndexError") and str(second) in source and article_id
    assert "\n" not in reason


def test_strict_reraises(tmp_path, monkeypatch):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [*GOOD, BAD])
    monkeypatch.setattr(pipeline, "article_stages", breaking("resolve_actors"))
    result = runner.invoke(app, ["analyze", str(source), "--db", str(tmp_path / "s.duckdb"), "--quiet", "--strict"])
    assert isinstance(result.exception, IndexError)        # the traceback, not a summary line
    assert "stored in" not in result.output


def test_an_article_the_parser_raises_on_fails_alone(tmp_path, monkeypatch):
    real_load = pipeline.load_model

    class FlakyParser:
        """The real model, except that it raises on the poisoned text (in a pipe or alone)."""

        def __init__(self, nlp):
            self.nlp = nlp

        def __call__(self, text):
            if POISON in text:
                raise ValueError("parser broke\non two lines")
            return self.nlp(text)

        def pipe(self, texts, **_):
            for text in texts:
                yield self(text)

    monkeypatch.setattr(pipeline, "load_model", lambda *a: FlakyParser(real_load(*a)))
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [GOOD[0], BAD, GOOD[1]])
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = run_analysis([str(source)], Settings(db_path=db, batch_size=1), store)
    assert report.stored == 2 and report.failed_articles == 1
    assert rows(db, "SELECT stage, error_type, reason FROM failures") == [
        ("parse", "ValueError", "parse failed: ValueError: parser broke")]


def test_an_article_the_store_refuses_fails_alone(tmp_path, monkeypatch):
    real_write = Store.write_batch

    def refusing(self, analyzed, failures=(), extra_rows=None):
        if any(POISON in item.article.text for item in analyzed):
            raise RuntimeError("conversion failed")
        return real_write(self, analyzed, failures, extra_rows)

    monkeypatch.setattr(Store, "write_batch", refusing)
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [GOOD[0], BAD, GOOD[1]])
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = run_analysis([str(source)], Settings(db_path=db), store)
    assert report.stored == 2 and report.failed_articles == 1
    assert rows(db, "SELECT stage FROM failures") == [("store",)]


def test_a_story_stage_raising_on_one_story_fails_that_story_only(tmp_path, monkeypatch):
    import newsprism.stories.analysis as analysis

    real_rows = analysis.story_rows

    def story_rows(store, story_id):
        found = real_rows(store, story_id)
        texts = [a["text"] for a in analysis.story_articles(store, story_id)]
        if any(POISON in t for t in texts):
            raise KeyError("missing")
        return found

    monkeypatch.setattr(analysis, "story_rows", story_rows)
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [*GOOD, BAD])
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["analyze", str(source), "--db", str(db), "--quiet"])
    assert result.exit_code == 1, result.output
    assert "3 new article(s) stored" in result.output and "1 story(ies) failed" in result.output
    assert rows(db, "SELECT stage, error_type FROM failures") == [("story analysis", "KeyError")]
    assert rows(db, "SELECT count(*) FROM stories")[0][0] >= 2
