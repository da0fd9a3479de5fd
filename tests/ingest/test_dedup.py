"""Syndicated copies are kept with their own outlet and linked to the original."""

from __future__ import annotations

import json
import shutil

import duckdb

from newsprism.ingest.dedup import DedupItem, find_copies, signature
from newsprism.pipeline import run_analysis
from newsprism.store import Store
from tests.conftest import EXAMPLES


def test_examples_syndicated_copy_is_linked_to_the_wire_original(examples_store):
    con = duckdb.connect(str(examples_store), read_only=True)
    rows = con.execute(
        "SELECT c.kind, copy.outlet, orig.outlet, copy.source, orig.source FROM copies c "
        "JOIN articles copy ON copy.id = c.article_id JOIN articles orig ON orig.id = c.original_id").fetchall()
    assert len(rows) == 1
    kind, copy_outlet, original_outlet, copy_source, original_source = rows[0]
    assert (kind, copy_outlet, original_outlet) == ("near", "Drovna Courier", "Continental Wire")
    assert copy_source.endswith("drovna-courier-2025-03-11.txt") and original_source.endswith("continental-wire-2025-03-11.txt")
    # Both are stored: a copy is never dropped.
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(list((EXAMPLES / "crisis").glob("*.txt")))


def test_near_copy_found_whichever_arrives_first():
    original = " ".join(f"word{i}" for i in range(300))
    edited = original + " and one added sentence at the end."
    unrelated = " ".join(f"other{i}" for i in range(300))
    items = [(DedupItem(name, name, None, i), signature(text, 128)) for i, (name, text) in
             enumerate([("orig", original), ("copy", edited), ("other", unrelated)])]
    links = find_copies([], items, 0.8, 128)
    assert [(link.article_id, link.original_id, link.kind) for link in links] == [("copy", "orig", "near")]
    reversed_links = find_copies([items[1]], [items[0]], 0.8, 128)
    assert [(link.article_id, link.original_id) for link in reversed_links] == [("copy", "orig")]


def test_exact_copy_under_another_outlet_is_a_copy(tmp_path, settings):
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Floods close bridge\nRIVERTON, The Daily Current: The river burst its banks on Tuesday, closing the main bridge.\n"
    (folder / "a.txt").write_text(text)
    (folder / "b.txt").write_text(text)
    (folder / "manifest.jsonl").write_text(
        json.dumps({"file": "a.txt", "outlet": "The Daily Current", "published": "2024-04-02"}) + "\n"
        + json.dumps({"file": "b.txt", "outlet": "Riverside Herald", "published": "2024-04-03"}) + "\n")
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = run_analysis([str(folder)], settings.with_(db_path=db), store)
        assert report.stored == 2 and report.copies == 1
        (row,) = store.query("SELECT a.outlet AS copy, o.outlet AS original, c.kind FROM copies c "
                             "JOIN articles a ON a.id = c.article_id JOIN articles o ON o.id = c.original_id")
    assert row == {"copy": "Riverside Herald", "original": "The Daily Current", "kind": "exact"}


def test_rerun_stores_nothing_twice(tmp_path, settings):
    folder = tmp_path / "seeds"
    shutil.copytree(EXAMPLES / "crisis", folder)
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        first = run_analysis([str(folder)], settings.with_(db_path=db), store)
        before = store.counts()
        second = run_analysis([str(folder), str(folder / "*.txt")], settings.with_(db_path=db), store)
        after = store.counts()
    assert first.stored == before["articles"] > 0
    assert second.stored == 0 and second.already_stored == first.stored
    assert before == after
