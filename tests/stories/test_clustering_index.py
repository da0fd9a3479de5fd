"""Story search index: new articles find their stories through it, not by comparing with every stored article.

The stores here hold plain article rows written directly (no spaCy needed): clustering reads
titles, texts and dates, and names when there are any.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newsprism.config import Settings
from newsprism.errors import NewsprismError
from newsprism.store import Store
from newsprism.stories import stage
from newsprism.stories.candidates import (MEMBER_LIMIT, SIDE_MEMBERS, candidate_members, candidate_stories, index_vectors,
                                          member_limits)
from newsprism.stories.stage import cluster_new_articles, story_texts

INDEX = Settings(story_search="index", story_candidate_limit=4)
START = date(2025, 6, 2)

# Made-up place and people names: rare everywhere, as the names of a real happening are.
SYLLABLES = ("kor", "vel", "dun", "mira", "tash", "olen", "brack", "sif", "ruen", "zal", "pym", "hald")


def made_up_name(number: int) -> str:
    """Return a distinct invented word for each number (three syllables from SYLLABLES)."""
    a, rest = divmod(number, len(SYLLABLES) ** 2)
    b, c = divmod(rest, len(SYLLABLES))
    return (SYLLABLES[a % len(SYLLABLES)] + SYLLABLES[b] + SYLLABLES[c]).capitalize()


WORDS_PER_HAPPENING = 10


def report(number: int, variant: int) -> tuple[str, str]:
    """Return (title, text) of one report on happening ``number``; variants word it differently.

    A happening's words are its own invented names (town, people, river, ...), as the
    participants of a real happening are; each variant leaves some out and orders them anew.
    """
    words = [made_up_name(WORDS_PER_HAPPENING * number + k) for k in range(WORDS_PER_HAPPENING)]
    kept = [w for k, w in enumerate(words) if (k + variant) % 4 != 0]
    shift = 3 * variant % len(kept)
    kept = kept[shift:] + kept[:shift]
    title = f"{kept[0]} and {kept[1]} in {kept[2]}"
    body = f"{title}. " + " ".join(f"{kept[k]} met {kept[(k + 1) % len(kept)]}." for k in range(len(kept)))
    return title, body


def add_article(store: Store, article_id: str, title: str, text: str, published: date | None) -> None:
    store.insert_rows("articles", [{
        "id": article_id, "source": f"{article_id}.txt", "format": "text", "outlet": f"Outlet {article_id[-1]}",
        "title": title, "text": text, "published": published, "content_hash": article_id,
        "word_count": len(text.split())}])


def story_of(store: Store) -> dict[str, str]:
    return {r["article_id"]: r["story_id"] for r in store.query("SELECT article_id, story_id FROM story_articles")}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as opened:
        yield opened


def test_a_new_article_joins_its_story_through_the_index(store):
    for happening in range(3):
        for variant in range(2):
            add_article(store, f"h{happening}-{variant}", *report(happening, variant), START)
    cluster_new_articles(store, INDEX)
    before = story_of(store)
    assert len(set(before.values())) == 3
    add_article(store, "late", *report(1, 2), START + timedelta(days=2))
    add_article(store, "late-undated", *report(2, 2), None)
    cluster_new_articles(store, INDEX)
    after = story_of(store)
    assert after["late"] == before["h1-0"]
    assert after["late-undated"] == before["h2-0"]           # undated articles use the same index
    assert {a: after[a] for a in before} == before           # stored articles keep their stories


def test_many_unrelated_stories_do_not_make_a_new_article_compare_with_all(store, monkeypatch):
    stories = 120
    for happening in range(stories):
        for variant in range(2):
            add_article(store, f"h{happening}-{variant}", *report(happening, variant), START + timedelta(days=happening % 5))
    cluster_new_articles(store, INDEX)
    assert len(set(story_of(store).values())) == stories
    add_article(store, "new", *report(77, 2), START + timedelta(days=3))
    add_article(store, "new-undated", *report(41, 2), None)
    items = story_texts(store, ["new", "new-undated"])
    found = candidate_stories(store, items, INDEX.story_window_days, INDEX.story_candidate_limit)
    stored = story_of(store)
    for article_id, happening in (("new", 77), ("new-undated", 41)):
        assert 1 <= len(found[article_id]) <= INDEX.story_candidate_limit
        assert found[article_id][0][0] == stored[f"h{happening}-0"]     # its own story ranks first
    # The clustering itself compares the two new articles with members of their candidates only.
    compared: list[int] = []
    original = stage.assign_stories

    def counting(items, stored, *args, **kwargs):
        compared.append(len(stored))
        return original(items, stored, *args, **kwargs)

    monkeypatch.setattr(stage, "assign_stories", counting)
    cluster_new_articles(store, INDEX)
    # Every stored article is within the time window; two per story, at most `limit` stories each.
    assert compared and max(compared) <= 2 * INDEX.story_candidate_limit * min(2, MEMBER_LIMIT) < 2 * stories
    after = story_of(store)
    assert after["new"] == stored["h77-0"] and after["new-undated"] == stored["h41-0"]


def test_index_and_exact_search_agree_on_a_small_store(tmp_path):
    results = []
    for search in ("exact", "index"):
        with Store(tmp_path / f"{search}.duckdb") as store:
            for happening in range(6):
                add_article(store, f"h{happening}-0", *report(happening, 0), START)
            cluster_new_articles(store, Settings(story_search=search))
            for happening in range(6):
                add_article(store, f"h{happening}-1", *report(happening, 1), START + timedelta(days=1))
            cluster_new_articles(store, Settings(story_search=search))
            results.append(story_of(store))
    assert results[0] == results[1]
    assert len(set(results[0].values())) == 6


def test_a_store_clustered_before_the_index_existed_is_indexed_on_the_next_run(store):
    for happening in range(3):
        add_article(store, f"h{happening}-0", *report(happening, 0), START)
    cluster_new_articles(store, INDEX)
    store.con.execute("DELETE FROM story_terms")
    store.con.execute("DELETE FROM story_spans")
    add_article(store, "late", *report(2, 1), START)
    cluster_new_articles(store, INDEX)
    assert store.count("story_spans") == 3
    assert story_of(store)["late"] == story_of(store)["h2-0"]


def test_index_vectors_keep_names_and_rare_words_not_common_ones():
    items = story_texts_free("Mayor Korvelpym said people in Tashzal were flooded.", ("korvelpym", "actor:q1"))
    vector = index_vectors(items)[0]
    assert "korvelpym" in vector and "tashzal" in vector and "flooded" in vector
    assert "people" not in vector and "said" not in vector
    assert "name:actor:q1" in vector


def story_texts_free(text: str, names: tuple[str, ...]):
    from newsprism.stories.similarity import StoryText

    return [StoryText("a", text, names, START)]


def test_unknown_story_search_stops_with_one_line(store):
    with pytest.raises(NewsprismError) as error:
        cluster_new_articles(store, Settings(story_search="lsh"))
    assert "\n" not in str(error.value) and "story_search='lsh'" in str(error.value)


def test_an_article_brings_many_members_of_its_best_story_only_and_a_few_of_the_others(store):
    # Undated stories stay within every article's reach and keep growing; their members that
    # one new article brings into the clustering must not grow with them.
    for happening in range(2):
        for variant in range(MEMBER_LIMIT + 6):
            add_article(store, f"h{happening}-{variant}", *report(happening, variant), None)
    cluster_new_articles(store, INDEX)
    stored = story_of(store)
    best, other = stored["h0-0"], stored["h1-0"]
    assert best != other
    limits = member_limits({"new": [(best, 0.9), (other, 0.2)], "new-2": [(other, 0.3)]})
    assert limits == {best: MEMBER_LIMIT, other: MEMBER_LIMIT}          # the best of some article
    limits = member_limits({"new": [(best, 0.9), (other, 0.2)]})
    assert limits == {best: MEMBER_LIMIT, other: SIDE_MEMBERS}
    members = candidate_members(store, limits, [None], INDEX.story_window_days)
    assert sorted(members.values()).count(best) == MEMBER_LIMIT
    assert sorted(members.values()).count(other) == SIDE_MEMBERS
    add_article(store, "new", *report(0, MEMBER_LIMIT + 7), None)
    cluster_new_articles(store, INDEX)
    assert story_of(store)["new"] == best
