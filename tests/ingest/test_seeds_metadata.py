"""The seeds' metadata, with and without the manifest: the acceptance case of the foundation."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import pytest

from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import read_file
from tests.conftest import GULF_OBSERVER, SEEDS, TASS

pytestmark = pytest.mark.shared


def _article(path, manifests):
    (raw,) = list(read_file(path, 10_000_000, manifests))
    return build_article(raw)


def test_manifest_gives_outlet_and_date():
    gulf = _article(GULF_OBSERVER, {})
    tass = _article(TASS, {})
    assert (gulf.outlet, gulf.published, gulf.published_from, gulf.dateline) == (
        "The Gulf Observer", date(2023, 6, 24), "manifest", "Washington")
    assert (tass.outlet, tass.published, tass.published_from, tass.dateline) == (
        "TASS", date(2023, 6, 26), "manifest", "Moscow")


def test_without_manifest_dateline_gives_outlet_and_day_but_no_year():
    gulf = _article(GULF_OBSERVER, None)
    tass = _article(TASS, None)
    assert gulf.outlet == "The Gulf Observer" and gulf.outlet_from == "dateline"
    assert tass.outlet == "TASS" and tass.outlet_from == "dateline"
    assert tass.published is None and tass.published_month_day == (6, 26)
    assert gulf.published is None  # the Gulf Observer's dateline names no day at all


def test_title_skips_site_navigation():
    assert _article(TASS, {}).title.startswith("Some top foreign diplomats asked")
    assert _article(GULF_OBSERVER, {}).title == "Antony Blinken holds crisis talks with US closest allies"


def test_seeds_store_holds_two_articles_with_relay_and_dates(seeds_store):
    con = duckdb.connect(str(seeds_store), read_only=True)
    rows = con.execute("SELECT outlet, published, dateline FROM articles ORDER BY published").fetchall()
    assert rows == [("The Gulf Observer", date(2023, 6, 24), "Washington"), ("TASS", date(2023, 6, 26), "Moscow")]
    relays = con.execute("SELECT a.outlet, c.name FROM cited_sources c JOIN articles a ON a.id = c.article_id WHERE relation = 'relays'").fetchall()
    assert relays == [("The Gulf Observer", "Dailymail")]
    saturday = con.execute(
        "SELECT d.resolved FROM dates d JOIN articles a ON a.id = d.article_id WHERE a.outlet = 'The Gulf Observer' AND d.text = 'on Saturday'").fetchall()
    assert saturday and all(r[0] == date(2023, 6, 24) for r in saturday)


def test_cited_sources_of_gulf_observer_name_bodies_with_their_sentences(seeds_store):
    con = duckdb.connect(str(seeds_store), read_only=True)
    rows = con.execute(
        "SELECT c.name, c.kind, s.text FROM cited_sources c JOIN articles a ON a.id = c.article_id "
        "JOIN sentences s ON s.article_id = c.article_id AND s.sentence_index = c.sentence_index "
        "WHERE a.outlet = 'The Gulf Observer'").fetchall()
    names = {r[0] for r in rows}
    assert {"Dailymail", "State Department", "Kremlin", "Russian state media"} <= names
    for name, kind, sentence in rows:
        assert name in sentence
    kinds = {r[0]: r[1] for r in rows}
    assert kinds["State Department"] == "government" and kinds["Russian state media"] == "media"


def test_tass_without_manifest_leaves_relative_dates_unresolved(tmp_path, nlp):
    from newsprism.pipeline import analyze_doc, text_for_parse

    shutil.copy(TASS, tmp_path / TASS.name)
    article = _article(tmp_path / TASS.name, {})
    analyzed = analyze_doc(article, nlp(text_for_parse(article)))
    by_text = {d.text: d for d in analyzed.dates}
    assert by_text["on Monday"].resolved is None and by_text["on Monday"].status == "no_publication_date"
    assert by_text["On the evening of June 23"].status == "no_year"
