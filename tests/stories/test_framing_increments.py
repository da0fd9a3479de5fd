"""Framing and voices merged from a story's new articles give what a whole recount gives.

The two-run equality on the example corpus is in test_claim_increments.py; these tests build
the rows by hand (constructed articles, no store) for the parts that decide the merge.
"""

from __future__ import annotations

from newsprism.stories.framing import WORDING_PER_OUTLET, event_name_rows, wording_sample
from newsprism.stories.framing_increments import merge_happening_names
from newsprism.stories.voices import voices_of_quotes


def _article(i: int, outlet: str, text: str = "", copy_of: str | None = None) -> dict:
    return {"id": f"art-{i:03d}", "outlet": outlet, "title": "", "text": text, "copy_of": copy_of}


def test_the_wording_sample_does_not_depend_on_the_order_articles_arrived_in():
    articles = [_article(i, f"Outlet {i % 3}") for i in range(60)]
    first = {a["id"] for a in wording_sample(articles)}
    again = {a["id"] for a in wording_sample(list(reversed(articles)))}
    assert first == again
    per_outlet = {o: sum(1 for a in wording_sample(articles) if a["outlet"] == o) for o in ("Outlet 0", "Outlet 1")}
    assert per_outlet == {"Outlet 0": WORDING_PER_OUTLET, "Outlet 1": WORDING_PER_OUTLET}


def test_an_article_outside_the_sample_leaves_it_as_it_was():
    articles = [_article(i, "Harbour Post") for i in range(40)] + [_article(100, "Coast Daily")]
    sample = wording_sample(articles)
    for i in range(40, 100):
        grown = wording_sample([*articles, _article(i, "Harbour Post")])
        if all(a["id"] != f"art-{i:03d}" for a in grown):
            assert grown == sample
            return
    raise AssertionError("no article fell outside the sample")


def test_names_of_the_happening_merge_counts_and_keep_the_earliest_place():
    early = _article(1, "Harbour Post", "The blockade of the port went on. Nobody expected a blockade.")
    stored = _article(2, "Harbour Post", "A blockade closed the harbour mouth.")
    later = _article(3, "Harbour Post", "The blockade ended at dawn.")
    order = [early, stored, later]
    whole = event_name_rows("s", order)
    merged = merge_happening_names(event_name_rows("s", [stored]), event_name_rows("s", [early, later]),
                                   {a["id"]: i for i, a in enumerate(order)})
    assert sorted(map(sorted, (r.items() for r in merged))) == sorted(map(sorted, (r.items() for r in whole)))
    (row,) = [r for r in merged if r["term"].lower() == "blockade"]
    assert row["count"] == 3 and row["article_id"] == "art-001"     # "blockade of the port" is its own name


def _quote(qid: str, article: str, start: int, speaker: str, actor: str | None = None, channel: str | None = None) -> dict:
    return {"id": qid, "article_id": article, "start": start, "direct": True, "speaker": speaker,
            "speaker_actor_id": actor, "channel": channel, "channel_detail": None,
            "actor_name": "Port Authority" if actor else None, "country": None, "sector": "GOV" if actor else None}


def test_voices_of_stored_and_new_quotes_are_grouped_as_a_recount_groups_them():
    own = {"a1": "Harbour Post", "a2": "Harbour Post", "a3": "Coast Daily"}
    quotes = [_quote("q1", "a1", 10, "the port authority", "act-port", "statement"),
              _quote("q2", "a2", 5, "Port Authority", "act-port", "briefing"),
              _quote("q3", "a3", 0, "Ilse Moraine"), _quote("q4", "a2", 90, "ILSE MORAINE")]
    rows = voices_of_quotes("s", quotes, own)
    port = next(r for r in rows if r["speaker_actor_id"] == "act-port")
    assert (port["speaker"], port["quote_count"], port["channels"], port["quote_ids"]) == \
        ("Port Authority", 2, ["briefing", "statement"], ["q1", "q2"])
    # Unresolved speakers group by their name whatever its case, per outlet.
    assert sorted((r["outlet"], r["speaker"]) for r in rows if not r["speaker_actor_id"]) == \
        [("Coast Daily", "Ilse Moraine"), ("Harbour Post", "ILSE MORAINE")]
