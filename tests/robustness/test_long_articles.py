"""An article longer than max_article_chars is analysed in parts and stored whole, with
article-level offsets, and the run says so: nothing is cut silently."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from newsprism.article_parts import split_points
from newsprism.cli import app
from newsprism.config import Settings
from newsprism.pipeline import RunReport, parse_stream, run_analysis
from newsprism.store import Store

runner = CliRunner()

PARAGRAPHS = [
    "Foreign Minister Anna Lindqvist met her Turkish counterpart in Ankara on Monday, the ministry said.",
    "\"We will not accept new tariffs,\" Lindqvist told reporters after the talks.",
    "Protesters gathered outside the parliament in Oslo on Tuesday to demand higher wages for nurses.",
    "Police arrested three men in Lyon after a clash with supporters of the visiting team, officials said.",
]


def long_text(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs))


@pytest.mark.parametrize("limit", [50, 120, 1000])
def test_parts_join_back_into_the_text_and_respect_the_limit(limit):
    text = long_text(12) + " " + "x" * 300 + " tail"
    parts = split_points(text, limit)
    assert "".join(text[s:e] for s, e in parts) == text
    assert all(e - s <= limit for s, e in parts)
    assert all(parts[i][1] == parts[i + 1][0] for i in range(len(parts) - 1))


def test_parts_end_at_paragraph_ends_when_there_are_some():
    text = long_text(10)
    for start, end in split_points(text, 400)[:-1]:
        assert text[:end].endswith("\n\n")


def test_a_short_article_is_one_part():
    assert split_points("One sentence.", 200_000) == [(0, 13)]


def test_records_of_a_long_article_keep_article_level_offsets(nlp):
    from newsprism.ingest.metadata import build_article
    from newsprism.records import RawArticle

    text = long_text(24)
    article = build_article(RawArticle(source="<test>", text=text, format="text", title="Long"))
    steps: list[str] = []
    report = RunReport(max_article_chars=600, on_step=steps.append)
    (whole,) = list(parse_stream([article], nlp, Settings(max_article_chars=600), report))
    assert not report.failures and len(report.long_articles) == 1 and "analysed in" in report.long_articles[0]
    assert any("part 2 of" in s for s in steps)                  # progress inside the article
    assert [s.index for s in whole.sentences] == list(range(len(whole.sentences)))
    for records in (whole.sentences, whole.entities, whole.actor_mentions, whole.quotes):
        for r in records:
            assert text[r.start:r.end] == r.text
    assert {text[e.start:e.end] for e in whole.events} >= {"met", "arrested"}
    for e in whole.events:
        sentence = whole.sentences[e.sentence_index]
        assert sentence.start <= e.start < sentence.end
    assert len({e.id for e in whole.events}) == len(whole.events)
    assert len({q.id for q in whole.quotes}) == len(whole.quotes)
    direct = [q for q in whole.quotes if q.direct]
    assert len(direct) == 6 and {text[q.speaker_start:q.speaker_end] for q in direct} == {"Lindqvist"}


def test_a_long_article_is_stored_whole_and_named_in_the_run(tmp_path):
    source = tmp_path / "long.jsonl"
    text = long_text(30)
    source.write_text(json.dumps({"title": "Long", "outlet": "Daily", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = run_analysis([str(source)], Settings(db_path=db, max_article_chars=800), store)
    assert report.stored == 1 and not report.failures
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT text FROM articles").fetchone()[0] == text
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] > 10


def test_the_cli_says_an_article_was_analysed_in_parts(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSPRISM_MAX_ARTICLE_CHARS", "1500")
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"title": "Long", "text": long_text(20)}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(source), "--db", str(tmp_path / "s.duckdb"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "long article" in result.output and "analysed in 2 parts" in result.output
