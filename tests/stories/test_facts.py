"""Facts: sentences with no coded event, aligned across outlets by their words."""

from __future__ import annotations

from datetime import date

from newsprism.stories.claims import StoryEvent, numbers_in
from newsprism.stories.facts import BOILERPLATE, FACT, build_fact_claims, same_fact


def fact(id: str, article: str, origin: str, sentence: str, *, day: int | None = None, via_media=False,
         is_copy=False) -> StoryEvent:
    return StoryEvent(id=id, article_id=article, outlet=origin, origin=origin, is_copy=is_copy, sentence_index=0,
                      start=0, end=len(sentence), trigger=sentence, lemma="", plover_type=FACT, mode=None,
                      sources=(), targets=(), date=date(2025, 3, day) if day else None, location=None,
                      negated=False, modality="happened", attribution=None, via_media=via_media,
                      sentence=sentence, numbers=numbers_in(sentence))


def test_two_outlets_telling_one_fact_in_like_words_corroborate_it():
    a = fact("1", "w", "Wire", "Four other people were treated for gunshot wounds at the district hospital.")
    b = fact("2", "v", "Vesta", "Four people were treated at the district hospital for gunshot wounds, doctors said.")
    claims = build_fact_claims([a, b])
    assert len(claims) == 1 and claims[0].status == "corroborated" and claims[0].contradictions == []


def test_unlike_numbers_or_days_are_different_facts():
    cut = fact("1", "w", "Wire", "Power cuts hit several towns in the east, the grid operator said.", day=11)
    back = fact("2", "w2", "Wire", "Power returned to most towns in the east, the grid operator said.", day=12)
    assert not same_fact(cut, back)
    four = fact("3", "a", "A", "Four people were treated for gunshot wounds at the district hospital.")
    nine = fact("4", "b", "B", "Nine people were treated for gunshot wounds at the district hospital.")
    assert not same_fact(four, nine)


def test_a_fact_credited_to_another_outlet_is_attributed_only():
    visit = fact("1", "d", "Courier", "According to Veldora One, the president postponed a planned visit to Brussels.",
                 via_media=True)
    assert build_fact_claims([visit])[0].status == "attributed-only"


def test_sentences_of_one_article_stay_apart():
    a = fact("1", "w", "Wire", "The dam's turbines stopped on Tuesday morning, the grid operator said.")
    b = fact("2", "w", "Wire", "The dam's turbines stopped on Tuesday morning, the operator repeated.")
    assert len(build_fact_claims([a, b])) == 2


def test_page_furniture_is_no_fact():
    assert BOILERPLATE.match("Follow Pam Key on Twitter @pamkeyNEN.")
    assert BOILERPLATE.match("- You can receive this daily update every weekday morning via email!")
    assert not BOILERPLATE.match("Four other people were treated for gunshot wounds.")

