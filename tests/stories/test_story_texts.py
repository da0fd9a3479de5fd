"""What clustering reads of a stored article: the headline and the opening sentence weigh double."""

from __future__ import annotations

from newsprism.config import Settings
from newsprism.pipeline import run_analysis
from newsprism.store import Store
from newsprism.stories.stage import story_texts


def test_opening_sentence_counts_twice(tmp_path):
    opening = "Flood water broke the levee at Kessel on Monday night and covered the lower town."
    body = "Farmers moved their cattle to the hills. The mayor asked for sandbags and pumps."
    source = tmp_path / "kessel.txt"
    source.write_text(f"{opening} {body}\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        run_analysis([str(source)], Settings(db_path=db), store)
        [article_id] = [r["id"] for r in store.query("SELECT id FROM articles")]
        [item] = story_texts(store, [article_id])
    assert item.text.count("broke the levee at Kessel") == 2
    assert item.text.count("asked for sandbags") == 1
