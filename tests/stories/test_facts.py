"""Facts: sentences with no coded event, aligned across outlets by their words."""

from __future__ import annotations

from datetime import date

from newsprism.stories.claim_pairs import numbers_in
from newsprism.stories.claims import StoryEvent
from newsprism.stories.facts import BOILERPLATE, FACT, build_fact_claims, figures_in, same_fact, speaker_of


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



def test_a_fact_a_sentence_hangs_on_a_speaker_is_that_speakers_word():
    sentence = "Repairs to the bridge will cost about 4 million crowns, the roads office said on Monday."
    end = 100 + len(sentence)
    # The reported statement opens the sentence and its speaker follows: the office's estimate.
    assert speaker_of(100, end, [(100, 154, "the roads office", "said")]) == "the roads office"
    # "According to the office, repairs will cost ...": hung on the office wherever it stands.
    assert speaker_of(100, end, [(126, end, "the office", "according to")]) == "the office"
    # "The office said that repairs will cost ...": the outlet reports the statement itself.
    assert speaker_of(100, end, [(126, end, "The office", "said")]) is None
    # A statement inside a longer sentence does not make the whole sentence someone's word.
    assert speaker_of(100, end, [(150, 170, "a driver", "said")]) is None
    estimate = fact("1", "a", "Courier", sentence)
    estimate = StoryEvent(**{**{f: getattr(estimate, f) for f in estimate.__slots__}, "attribution": "the roads office"})
    assert not estimate.own_voice and estimate.party == "roads office"
    same = fact("2", "b", "Herald", "The roads office put the cost of the bridge repairs at 4 million crowns on Monday.")
    same = StoryEvent(**{**{f: getattr(same, f) for f in same.__slots__}, "attribution": "roads office"})
    # One party's estimate passed on by two outlets is still that party's word alone.
    assert build_fact_claims([estimate, same])[0].status == "attributed-only"


def test_sentences_stating_the_same_figures_tell_one_fact():
    a = fact("1", "a", "Courier", "She kept the chair by a 211-to-58 vote.")
    b = fact("2", "b", "Herald", "Councillors re-elected Marta Oyelaran as chair, 211 votes to 58, after a long night.")
    c = fact("3", "c", "Wire", "Ms. Oyelaran prevailed, 211 to 58, though her rival drew more support than expected.")
    claims = build_fact_claims([a, b, c])
    assert len(claims) == 1 and claims[0].status == "corroborated"
    # Years, clock times and decimals are no figures; one shared figure is not enough.
    assert figures_in("At 10:30 on May 14, 2019, the index rose 2.6 points to 1,250.") == {14, 1250}
    d = fact("4", "d", "Post", "The rival drew 58 votes in the first round of the council race.")
    assert not same_fact(a, d)


def test_two_origins_counting_one_thing_differently_contradict_each_other():
    # No event is coded in either sentence, but both count the people the blast hurt.
    a = fact("1", "a", "Courier", "A gas blast shook the harbour district on Sunday, injuring five people and damaging shops.")
    b = fact("2", "b", "Herald", "The blast in the harbour district injured two people, the fire service said.")
    b = StoryEvent(**{**{f: getattr(b, f) for f in b.__slots__}, "attribution": "the fire service"})
    (claim,) = build_fact_claims([a, b])
    assert claim.status == "contradicted"
    (clash,) = claim.contradictions
    assert (clash.kind, clash.first_value, clash.second_value) == ("number", "5 people", "2 people")


def test_counts_that_do_not_clash():
    from newsprism.stories.facts import stated_counts

    # What is counted hangs on a word: "smugglers in three boats" / "on two speed boats" count the
    # smugglers' boats; an estimate, a money sum, a year or a lone count of one is no count.
    assert [(c.anchor, c.noun, c.value) for c in stated_counts("The smugglers, in three boats, fled the coast guard.")] \
        == [("smuggler", "boat", 3)]
    assert [(c.anchor, c.noun, c.value) for c in stated_counts("The smugglers on two speed boats fled.")] \
        == [("smuggler", "boat", 2)]
    assert stated_counts("Police said about 200 people marched in 2019 for one of the lanes.") == ()
    # Same count on the same word: no clash, one fact.
    a = fact("1", "a", "Courier", "The smugglers, in three boats, fled the coast guard at dawn.")
    b = fact("2", "b", "Herald", "Smugglers in three boats outran the coast guard cutter.")
    assert all(c.contradictions == [] for c in build_fact_claims([a, b]))
    # Different things counted on the same word, or counts in unrelated sentences: no clash.
    c = fact("3", "c", "Wire", "The smugglers, in three boats, fled the coast guard at dawn.")
    d = fact("4", "d", "Post", "Fishermen sold two boats at the market in Brasna last spring.")
    assert all(x.contradictions == [] for x in build_fact_claims([c, d]))
    # One origin telling two counts is not two voices: no clash.
    e = fact("5", "e", "Post", "The smugglers, in three boats, fled the coast guard at dawn.")
    f = fact("6", "f", "Post", "The smugglers on two speed boats fled the coast guard.")
    assert all(x.contradictions == [] for x in build_fact_claims([e, f]))


def test_statistics_names_and_measures_are_not_counts_to_set_against_each_other():
    from newsprism.stories.facts import stated_counts

    # A line of statistics, a named owner, a measure noun, a bound after the figure, a split thousands figure.
    assert stated_counts("Okafor finished the match with 20 goals and nine blocks.") == ()
    assert [(c.anchor, c.value) for c in stated_counts("The crew hauled 20 crates and nine barrels.")] \
        == [("haul", 20)]
    assert stated_counts("Okafor's 20 tackles were the most of the night.") == ()
    assert stated_counts("The keeper left the club after six seasons.") == ()
    assert stated_counts("The thieves took jewels worth 85 million euros.") == ()
    assert stated_counts("At least nine pilots flew for 300 hours or more this month.") == ()
    assert stated_counts("The league counted 4, 051 tackles by rookies.") == ()
    # A count hung on a deed is kept.
    assert [(c.anchor, c.noun, c.value) for c in stated_counts("The storm flooded the valley, stranding four families.")] \
        == [("strand", "famili", 4)]


def test_shares_and_parts_of_a_total_are_not_counts():
    from newsprism.stories.facts import stated_counts

    assert stated_counts("The striker converted 9 of 14 penalties in the cup.") == ()
    assert stated_counts("The boxer landed 28 of his 68 jabs in the round.") == ()
    assert stated_counts("She completed her first 17 dives without a fault.") == ()
    assert stated_counts("Rescuers freed another 20 miners overnight.") == ()


def test_a_count_so_far_is_no_contradiction_of_an_unscoped_one():
    # "so far" makes a running total: more may have been hurt later than the other outlet counted.
    a = fact("1", "a", "Courier", "A gas blast shook the harbour district on Sunday, injuring five people so far.")
    b = fact("2", "b", "Herald", "The blast in the harbour district injured two people, the fire service said.")
    b = StoryEvent(**{**{f: getattr(b, f) for f in b.__slots__}, "attribution": "the fire service"})
    assert all(c.contradictions == [] for c in build_fact_claims([a, b]))
