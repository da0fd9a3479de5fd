"""The store keeps page furniture as sentences marked with their kind, not dropped."""

from __future__ import annotations

from newsprism.store import Store


def test_a_caption_sentence_is_stored_marked(analyze_text, tmp_path):
    text = ("Talks resumed in Geneva on Monday.\n\n"
            "Delegates arrive for the talks on Monday. REUTERS/Anna Berg\n\n"
            "The envoy said progress had been made.")
    analyzed = analyze_text(text, published="2024-03-04")
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([analyzed])
        rows = store.query("SELECT text, furniture FROM sentences ORDER BY sentence_index")
    kinds = {r["text"].strip(): r["furniture"] for r in rows}
    assert kinds["Talks resumed in Geneva on Monday."] is None
    assert "caption" in kinds.values(), kinds
    assert len(rows) == len(analyzed.sentences)   # kept, not dropped
