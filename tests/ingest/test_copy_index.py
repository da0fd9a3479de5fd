"""Copy detection across batches looks its candidates up in the store (LSH band keys in
DuckDB) instead of loading every stored signature, and gives the links a whole-corpus
comparison would."""

from __future__ import annotations

import json

from newsprism.config import Settings
from newsprism.ingest.copy_index import band_keys, band_layout, stored_candidates
from newsprism.ingest.dedup import signature
from newsprism.pipeline import run_analysis
from newsprism.store import Store

BASE = " ".join(f"word{i}" for i in range(300))


def _corpus(folder, texts: dict[str, tuple[str, str, str]]):
    """Write files {name: (text, outlet, published)} with a manifest; return the folder."""
    folder.mkdir()
    lines = []
    for name, (text, outlet, published) in texts.items():
        (folder / name).write_text(text)
        lines.append(json.dumps({"file": name, "outlet": outlet, "published": published}))
    (folder / "manifest.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def _links(store: Store) -> set[tuple[str, str, str]]:
    return {(r["copy"], r["original"], r["kind"]) for r in store.query(
        "SELECT a.outlet AS copy, o.outlet AS original, c.kind FROM copies c "
        "JOIN articles a ON a.id = c.article_id JOIN articles o ON o.id = c.original_id")}


def test_stored_original_found_when_it_arrives_later_and_its_copies_follow(tmp_path, settings):
    # One article per batch, so every match has to come back from the store. Y copies X; then
    # W, the earliest, arrives: X becomes W's copy, and Y, stored as X's copy, follows to W.
    folder = _corpus(tmp_path / "in", {
        "1_y.txt": (BASE + " x added here. y added there too.", "Outlet Y", "2024-05-03"),
        "2_x.txt": (BASE + " x added here.", "Outlet X", "2024-05-02"),
        "3_w.txt": (BASE, "Outlet W", "2024-05-01"),
        "4_other.txt": (" ".join(f"other{i}" for i in range(300)), "Outlet O", "2024-05-01"),
    })
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        report = run_analysis([str(folder)], settings.with_(db_path=db, batch_size=1), store)
        assert report.stored == 4
        assert _links(store) == {("Outlet Y", "Outlet W", "near"), ("Outlet X", "Outlet W", "near")}


def test_store_without_band_keys_is_backfilled_and_still_finds_copies(tmp_path, settings):
    first = _corpus(tmp_path / "first", {"a.txt": (BASE, "Wire", "2024-05-01")})
    second = _corpus(tmp_path / "second", {"b.txt": (BASE + " and one more line.", "Paper", "2024-05-02")})
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        run_analysis([str(first)], settings.with_(db_path=db), store)
        # As a store written before band keys existed.
        store.con.execute("UPDATE minhashes SET band_keys = NULL, rows_per_band = NULL")
        run_analysis([str(second)], settings.with_(db_path=db), store)
        assert _links(store) == {("Paper", "Wire", "near")}
        assert store.query("SELECT count(*) AS n FROM minhashes WHERE band_keys IS NULL")[0]["n"] == 0


def test_lookup_returns_only_articles_sharing_a_band_or_hash(tmp_path):
    settings = Settings()
    threshold, permutations = settings.near_duplicate_threshold, settings.minhash_permutations
    bands, rows = band_layout(threshold, permutations)
    texts = {f"unrelated{n}": " ".join(f"t{n}w{i}" for i in range(200)) for n in range(40)}
    texts["near"] = BASE + " with a changed ending"
    texts["same-hash"] = "completely different words here"
    with Store(tmp_path / "s.duckdb") as store:
        for article_id, text in texts.items():
            sig = signature(text, permutations)
            store.insert_rows("articles", [{"id": article_id, "source": article_id, "format": "text", "text": text,
                                            "content_hash": "h-" + ("shared" if article_id == "same-hash" else article_id),
                                            "word_count": len(text.split())}])
            store.insert_rows("minhashes", [{"article_id": article_id, "signature": [int(v) for v in sig],
                                             "rows_per_band": rows, "band_keys": band_keys(sig, rows, bands)}])
        found = stored_candidates(store, [("new", "h-shared", signature(BASE, permutations))], threshold, permutations, {"new"})
    assert {item.article_id for item, _ in found} == {"near", "same-hash"}
