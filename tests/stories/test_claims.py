"""Claims: alignment of events across articles, independent origins, contradictions, status."""

from __future__ import annotations

from datetime import date

from newsprism.stories.claim_pairs import counts_in, numbers_in, pair_score, participant
from newsprism.stories.claims import (
    LINK_THRESHOLD,
    Claim,
    StoryEvent,
    build_claims,
    find_contradictions,
)
from newsprism.stories.origins import article_origins, match_outlet

MILITIA = participant("ovg", "Orin Valley Guard", "VLD", ("militia",))
DAM = participant("dam", "Selva Dam", "VLD")
POLICE = participant("police", "Police", "VLD")
KARST = participant("krs", "Karst Republic", "KRS", kind="country")


def event(id: str, article: str, origin: str, plover: str, sources=(), targets=(), trigger="seized", *,
          day: int | None = 11, location=None, negated=False, modality="happened", via_media=False,
          numbers=(), mode=None, is_copy=False, outlet=None, sentence="", attribution=None,
          quoted_by=None, credited=None, date_text=None, lat=None, lon=None, published=None) -> StoryEvent:
    return StoryEvent(id=id, article_id=article, outlet=outlet or origin, origin=origin, is_copy=is_copy,
                      sentence_index=0, start=0, end=len(trigger), trigger=trigger, lemma={"withdrew": "withdraw"}.get(trigger, trigger.rstrip("ed")),
                      plover_type=plover, mode=mode, sources=tuple(sources), targets=tuple(targets),
                      date=date(2025, 3, day) if day else None, location=location, negated=negated, modality=modality,
                      attribution=attribution, via_media=via_media, sentence=sentence or trigger, numbers=tuple(numbers),
                      quoted_by=quoted_by, credited=credited, date_text=date_text, lat=lat, lon=lon, published=published,
                      counts=tuple(c for role, parts in (("source", sources), ("target", targets))
                                   for p in parts for c in counts_in(p.name, p.head, role)))


def test_same_deed_by_same_actor_on_same_day_is_one_claim():
    a = event("1", "w", "Wire", "COERCE", [MILITIA], [DAM], "seized")
    b = event("2", "v", "Vesta", "COERCE", [participant(None, "the Orin Valley Guard militia", None)], [DAM], "took")
    assert pair_score(a, b) is not None
    claims = build_claims([a, b])
    assert len(claims) == 1 and claims[0].status == "corroborated"


def test_different_types_of_one_kind_join_only_for_the_same_speaker():
    # "called for an armed uprising" (REQUEST) / "accused the top brass" (ACCUSE), both Prigozhin's.
    prigozhin = participant("p", "Yevgeny Prigozhin", "RUS")
    a = event("1", "g", "Gulf", "REQUEST", [prigozhin], [participant("s", "Sergei Shoigu", "RUS")], "called", day=23)
    b = event("2", "t", "Tass", "ACCUSE", [prigozhin], [participant(None, "Russia's top brass", "RUS")], "accusing", day=23)
    other = event("3", "t", "Tass", "ACCUSE", [participant("d", "Defense Ministry", "RUS")], [prigozhin], "termed", day=23)
    assert pair_score(a, b) >= LINK_THRESHOLD
    assert not pair_score(a, other)          # no evidence that the ministry's answer is the same statement
    assert [len(c.events) for c in build_claims([a, b, other])] == [2, 1]


def test_conflict_and_cooperation_never_join():
    a = event("1", "w", "Wire", "ASSAULT", [MILITIA], [DAM])
    b = event("2", "v", "Vesta", "CONSULT", [MILITIA], [DAM])
    assert pair_score(a, b) is None


def test_different_modes_are_different_happenings():
    a = event("1", "w", "Wire", "COERCE", [POLICE], [MILITIA], "arrested", mode="arrest")
    b = event("2", "v", "Vesta", "COERCE", [POLICE], [MILITIA], "took", mode="seize")
    assert pair_score(a, b) is None


def test_dates_days_apart_are_different_happenings():
    a = event("1", "w", "Wire", "COERCE", [MILITIA], [participant(None, "a checkpoint", None)], day=3)
    b = event("2", "v", "Vesta", "COERCE", [MILITIA], [DAM], day=11)
    assert pair_score(a, b) is None


def test_different_victims_of_a_deed_are_different_happenings():
    activists = participant(None, "dozens of activists", None)
    commanders = participant(None, "three commanders of the militia", None)
    a = event("1", "f", "Voice", "COERCE", [POLICE], [activists], "detained", mode="arrest",
              sentence="Police detained dozens of activists in Brasna on Tuesday night, residents said.")
    b = event("2", "w", "Wire", "COERCE", [POLICE], [commanders], "detained", mode="arrest",
              sentence="Police detained three commanders of the militia in Brasna, the Interior Ministry said.")
    assert len(build_claims([a, b])) == 2


def test_syndicated_copy_and_relay_do_not_count_twice():
    original = event("1", "w", "Continental Wire", "COERCE", [MILITIA], [DAM])
    copy = event("2", "c", "Continental Wire", "COERCE", [MILITIA], [DAM], is_copy=True, outlet="Drovna Courier")
    claim = build_claims([original, copy])[0]
    assert claim.status == "single-source"


def test_origins_follow_copies_and_relays():
    origins = article_origins(
        {"w": "Continental Wire", "c": "Drovna Courier", "l": "The Atlantic Ledger", "f": "Talvera Free Voice"},
        copies={"c": "w"},
        relays={"l": ("Veldoran", "Police detained activists, according to Talvera Free Voice, an independent site.")},
        known_outlets=["Continental Wire", "Drovna Courier", "The Atlantic Ledger", "Talvera Free Voice"])
    assert origins["c"].origin == "Continental Wire" and origins["c"].copy_of == "w"
    assert origins["l"].origin == "Talvera Free Voice"
    assert origins["f"].origin == "Talvera Free Voice"


def test_relay_of_an_outlet_outside_the_corpus_keeps_its_name():
    assert match_outlet("Dailymail", "according to Dailymail.", ["TASS"], "The Gulf Observer") == "Dailymail"
    assert match_outlet("the Daily Mail", "", ["Daily Mail", "TASS"], None) == "Daily Mail"


def test_assertion_against_negation_is_a_contradiction():
    withdrew = event("1", "v", "Vesta", "RETREAT", [MILITIA], [DAM], "withdrew", day=13)
    stayed = event("2", "w", "Wire", "RETREAT", [MILITIA], [DAM], "withdraw", day=13, negated=True,
                   sentence="The militia did not withdraw from the dam on Thursday.")
    claims = build_claims([withdrew, stayed])
    assert len(claims) == 1 and claims[0].status == "contradicted"
    assert claims[0].contradictions[0].kind == "negation"


def test_allegation_against_denial_is_not_a_contradiction_between_outlets():
    armed = event("1", "v", "Vesta", "AID", [KARST], [MILITIA], "supplying", day=None, modality="alleged")
    denied = event("2", "d", "Courier", "AID", [KARST], [MILITIA], "arm", day=None, negated=True)
    assert find_contradictions([armed, denied]) == []


def test_different_death_tolls_are_a_number_contradiction():
    twelve = event("1", "v", "Vesta", "ASSAULT", [MILITIA], [participant(None, "12 people", None)], "killed", numbers=(12,))
    three = event("2", "w", "Wire", "ASSAULT", [MILITIA], [participant(None, "three dam guards", None)], "killed", numbers=(3,))
    claims = build_claims([twelve, three])
    assert len(claims) == 1 and claims[0].status == "contradicted"
    assert [(c.kind, c.first_value, c.second_value) for c in claims[0].contradictions] == [("number", "12 people", "3 guard")]


def test_different_places_are_a_place_contradiction_but_a_district_of_the_town_is_not():
    brasna = event("1", "v", "Vesta", "COERCE", [POLICE], [MILITIA], "arrested", location="Brasna", mode="arrest")
    talvera = event("2", "f", "Voice", "COERCE", [POLICE], [MILITIA], "arrested", location="Talvera", mode="arrest")
    district = event("3", "w", "Wire", "COERCE", [POLICE], [MILITIA], "detained", location="Brasna district", mode="arrest")
    kinds = [c.kind for c in find_contradictions([brasna, talvera, district])]
    assert kinds == ["place", "place"]
    assert find_contradictions([brasna, district]) == []


def test_same_origin_never_contradicts_itself():
    a = event("1", "v", "Vesta", "ASSAULT", [MILITIA], [DAM], "killed", numbers=(12,))
    b = event("2", "v2", "Vesta", "ASSAULT", [MILITIA], [DAM], "killed", numbers=(9,))
    assert find_contradictions([a, b]) == []


def test_claim_told_only_as_allegation_or_on_another_outlets_word_is_attributed_only():
    alleged = event("1", "v", "Vesta", "AID", [KARST], [MILITIA], "supplying", day=None, modality="alleged")
    relayed = event("2", "d", "Courier", "AID", [KARST], [MILITIA], "supplied", day=None, via_media=True)
    assert Claim([alleged, relayed]).status == "attributed-only"
    # One outlet asserting it beside another's report of an allegation: one origin asserts it.
    wire = event("3", "w", "Wire", "AID", [KARST], [MILITIA], "supplied", day=None)
    assert Claim([alleged, wire]).status == "single-source"
    assert Claim([alleged, wire, event("4", "l", "Ledger", "AID", [KARST], [MILITIA], "supplied", day=None)]).status == "corroborated"


def test_a_partys_denial_the_outlet_relays_is_not_its_own_voice():
    # «The Karst Republic did not arm anyone,» the ministry said: the outlet reports a denial.
    alleged = event("1", "v", "Vesta", "AID", [KARST], [MILITIA], "supplying", day=None, modality="alleged")
    denial = event("2", "d", "Courier", "AID", [KARST], [MILITIA], "arm", day=None, negated=True,
                   attribution="the ministry")
    # One party alleges, another denies, no outlet settles it: disputed.
    assert not denial.own_voice and Claim([alleged, denial]).status == "disputed"
    # The outlet's own "did not withdraw" is its own voice, and contradicts another's "withdrew".
    stayed = event("3", "w", "Wire", "RETREAT", [MILITIA], [DAM], "withdraw", day=13, negated=True,
                   sentence="The militia did not withdraw from the dam on Thursday.")
    assert stayed.own_voice


def test_numbers_in_phrases():
    assert numbers_in("12 people") == (12,)
    assert numbers_in("three dam guards") == (3,)
    assert numbers_in("the 2023 agreement") == ()
    # A tweet id in a participant phrase is no count (and would not fit the store's column).
    assert numbers_in("twitter.com/user/status/707395353688018944") == ()
    assert numbers_in("1,200 residents") == (1200,)


def test_a_state_and_its_government_body_are_one_party():
    republic = participant("krs", "The Karst Republic", "KRS", kind="country")
    ministry = participant("mfa", "Karstian Foreign Ministry", "KRS", kind="organisation", sector="GOV")
    denied = event("1", "w", "Wire", "REJECT", [republic], [participant(None, "the accusation", None)], "denied", day=None,
                   sentence="The Karst Republic has denied the accusation.")
    rejected = event("2", "d", "Courier", "REJECT", [ministry], [participant(None, "accusations", None)], "rejected",
                     day=None, sentence="The Karstian Foreign Ministry rejected accusations that it armed the militia.")
    claims = build_claims([denied, rejected])
    assert len(claims) == 1 and claims[0].status == "corroborated"


def test_a_shared_thing_does_not_make_two_agreements_one():
    # "his men would leave the dam if ..." / "the state will return it (the dam) to the people".
    halvik = participant("h", "Teodor Halvik", "VLD")
    the_state = participant(None, "the state", None)
    the_dam = participant(None, "the dam", None)
    offer = event("1", "d", "Courier", "AGREE", [halvik], [the_dam], "leave", day=None, modality="conditional")
    vow = event("2", "v", "Vesta", "AGREE", [the_state], [the_dam], "return", day=None, modality="planned")
    assert len(build_claims([offer, vow])) == 2


def test_a_disputed_place_contradicts_the_claim_but_not_the_happening():
    brasna = event("1", "v", "Vesta", "COERCE", [POLICE], [MILITIA], "arrested", location="Brasna", mode="arrest")
    talvera = event("2", "f", "Voice", "COERCE", [POLICE], [MILITIA], "arrested", location="Talvera", mode="arrest")
    claim = Claim([brasna, talvera], find_contradictions([brasna, talvera]))
    assert (claim.status, claim.happening) == ("contradicted", "corroborated")
    withdrew = event("3", "v", "Vesta", "RETREAT", [MILITIA], [DAM], "withdrew", day=13)
    stayed = event("4", "w", "Wire", "RETREAT", [MILITIA], [DAM], "withdraw", day=13, negated=True,
                   sentence="The militia did not withdraw from the dam on Thursday.")
    denied = Claim([withdrew, stayed], find_contradictions([withdrew, stayed]))
    assert (denied.status, denied.happening) == ("contradicted", "contradicted")


def test_an_arrival_is_neither_the_meeting_there_nor_the_plan_to_meet():
    marsh = participant("m", "Helena Marsh", None)
    arrived = event("1", "a", "Ledger", "CONSULT", [marsh], [KARST], "arrived", day=12, mode="visit")
    met = event("2", "w", "Wire", "CONSULT", [marsh], [participant(None, "the two delegations", None)], "met", day=None)
    plans = event("3", "a2", "Ledger2", "AGREE", [marsh], [participant(None, "Veldoran officials", "VLD")], "meet",
                  day=13, modality="planned")
    assert pair_score(arrived, met) is None
    assert pair_score(arrived, plans) is None


def test_a_mediation_is_not_one_of_the_meetings_held_in_it():
    marsh = participant("m", "Helena Marsh", None)
    sides = [participant(None, "a Veldoran government delegation", "VLD"), participant("ovg", "Orin Valley Guard", "VLD")]
    shuttled = event("1", "w", "Wire", "CONSULT", [marsh], sides, "shuttling", day=13, mode="third-party")
    mediated = event("2", "v", "Vesta", "CONSULT", [marsh], sides, "mediation", day=13, mode="third-party")
    met = event("3", "w", "Wire", "CONSULT", [marsh], [participant(None, "the two delegations", None)], "met", day=13)
    assert pair_score(shuttled, mediated) >= LINK_THRESHOLD
    assert pair_score(shuttled, met) is None
    assert sorted(len(c.events) for c in build_claims([shuttled, mediated, met])) == [1, 2]


def test_forces_gathering_in_one_place_and_heading_for_another_are_one_move():
    lesk = participant("lesk", "Lesk", "VLD", kind="place")
    gathered = event("1", "v", "Vesta", "MOBILIZE", [MILITIA], [lesk], "gathered", day=10, mode="troops")
    carried = event("2", "t", "Talvera", "MOBILIZE", [MILITIA], [participant(None, "the dam", None)], "carrying",
                    day=10, mode="troops")
    assert pair_score(gathered, carried) >= LINK_THRESHOLD
    # Different people arrested are different arrests: the rule is for places a move passes through.
    arrested = event("3", "v", "Vesta", "COERCE", [POLICE], [participant(None, "three commanders", "VLD", sector="REB")],
                     "arrested", day=11, mode="arrest")
    detained = event("4", "w", "Wire", "COERCE", [POLICE], [participant(None, "dozens of activists", "VLD", sector="OPP")],
                     "detained", day=11, mode="arrest")
    assert pair_score(arrested, detained) is None


def test_a_statement_of_last_week_is_not_the_undated_one_reported_now():
    halvik = participant("h", "Teodor Halvik", "VLD")
    warned = event("1", "w", "Wire", "THREATEN", [halvik], [participant("v", "Veldora", "VLD", kind="country")],
                   "warned", day=3)
    threat = event("2", "v", "Vesta", "THREATEN", [halvik], [POLICE], "threatened", day=None)
    fresh = StoryEvent(**{**{f: getattr(threat, f) for f in threat.__dataclass_fields__}, "published": date(2025, 3, 11)})
    assert pair_score(warned, fresh) is None
    recent = StoryEvent(**{**{f: getattr(threat, f) for f in threat.__dataclass_fields__}, "published": date(2025, 3, 5)})
    assert pair_score(warned, recent) is not None      # two days later: may be the same statement


def test_a_claim_label_names_identified_actors_first_and_no_one_twice():
    from newsprism.stories.analysis import claim_label

    putin = participant("putin", "Vladimir Putin", "RUS")
    colleagues = participant(None, "colleagues", None)
    belarus = participant("blr", "Belarus", "BLR", kind="country")
    told = event("1", "t", "Tass", "CONSULT", [colleagues, putin], [putin, belarus], "spoke", day=24, mode="phone")
    relayed = event("2", "g", "Gulf", "CONSULT", [putin], [belarus], "spoke", day=24, mode="phone")
    label = claim_label(Claim([told, relayed]))
    assert label.startswith("Vladimir Putin, colleagues spoke (CONSULT/phone) Belarus"), label
    assert label.count("Vladimir Putin") == 1


def test_a_meeting_and_an_agreement_join_only_between_the_same_parties():
    white_house = participant("wh", "White House", "USA")
    conferred = event("1", "f", "Fox", "CONSULT", [participant("b", "John Boehner", "USA")], [white_house], "conferring",
                      day=2, negated=True)
    committed = event("2", "n", "NYT", "AGREE", [white_house], [participant(None, "the AIPAC conference", "USA")],
                      "committed", day=2, negated=True)
    assert not pair_score(conferred, committed)


def test_only_a_denial_of_the_same_kind_of_deed_contradicts():
    karst = participant("krs", "Karst Republic", "KRS", kind="country")
    armed = event("1", "v", "Vesta", "AID", [karst], [MILITIA], "armed", day=None)
    met = event("2", "w", "Wire", "CONSULT", [karst], [MILITIA], "met", day=None, negated=True)
    denied = event("3", "d", "Courier", "AID", [karst], [MILITIA], "arm", day=None, negated=True,
                   sentence="The Karst Republic did not arm the militia.")
    assert find_contradictions([armed, met]) == []
    assert [c.kind for c in find_contradictions([armed, denied])] == ["negation"]


# -- contradictions need evidence (issue 16) ------------------------------------------------------

BOXER = participant("bx", "Oleg Marsh", "VLD")
HALVIK = participant("hv", "Teodor Halvik", "KRS")


def test_a_different_deed_never_negates():
    # "Marsh beat the champion in 2001" against "Marsh did not even fight": two deeds, not one denied.
    beat = event("1", "a", "Alpha", "ASSAULT", [BOXER], [], "beat", day=None, sentence="Marsh beat the champion years ago.")
    fought = event("2", "b", "Beta", "ASSAULT", [BOXER], [], "fight", day=None, negated=True,
                   sentence="Marsh did not even fight.")
    assert find_contradictions([beat, fought]) == []


def test_a_doer_named_only_by_a_pronoun_is_no_evidence():
    he = participant("hv", "Teodor Halvik", "KRS", mention="he")
    said_sorry = event("1", "a", "Alpha", "CONCEDE", [he], [], "apologized", day=None, sentence="After the outcry he apologized.")
    did_not = event("2", "b", "Beta", "CONCEDE", [he], [], "apologized", day=None, negated=True,
                    sentence="He did not apologize for the remarks.")
    assert find_contradictions([said_sorry, did_not]) == []
    named = [event("3", "a", "Alpha", "CONCEDE", [HALVIK], [], "apologized", day=None, sentence="Halvik apologized."),
             event("4", "b", "Beta", "CONCEDE", [HALVIK], [], "apologized", day=None, negated=True,
                   sentence="Halvik did not apologize.")]
    assert [c.kind for c in find_contradictions(named)] == ["negation"]


def test_a_negation_the_sentence_does_not_state_is_no_evidence():
    # The coder marked it negated, but nothing in the sentence says "not": no contradiction on its word.
    passed = event("1", "a", "Alpha", "AID", [HALVIK], [MILITIA], "armed", day=None, sentence="Halvik armed the militia.")
    misread = event("2", "b", "Beta", "AID", [HALVIK], [MILITIA], "armed", day=None, negated=True,
                    sentence="Parliament overturned the veto of a bill under which Halvik armed the militia.")
    assert find_contradictions([passed, misread]) == []


def test_offering_one_thing_is_not_denied_by_never_offering_another():
    aide = participant("sk", "Ivo Sestra", "VLD")
    offered = event("1", "a", "Alpha", "AID", [HALVIK], [aide], "offered", day=None,
                    sentence="Halvik offered Sestra unpaid posts on advisory boards.")
    never = event("2", "b", "Beta", "AID", [HALVIK], [aide], "offered", day=None, negated=True,
                  sentence="Halvik never offered Sestra the defence portfolio.")
    assert find_contradictions([offered, never]) == []


def test_counts_are_compared_role_by_role():
    # "a 6.7 quake killed 612 people" / "two quakes killed people": doers are not counted against victims.
    assert counts_in("three guards", "guard", "target") == (("target", "guard", 3),)
    assert counts_in("Sea Me We 4 cable", "cable") == ()       # a number in a name is not a count
    assert counts_in("A 6. 7 - strength quake", "quake") == ()   # a magnitude split by the tokenizer
    boats = event("1", "a", "Alpha", "ASSAULT", [participant(None, "pirates in three boats", None)],
                  [participant(None, "five people", None)], "attacked", day=None)
    other = event("2", "b", "Beta", "ASSAULT", [participant(None, "pirates in three boats", None)],
                  [participant(None, "two sailors", None)], "attacked", day=None)
    assert [c.kind for c in find_contradictions([boats, other])] == ["number"]


def test_dates_are_compared_as_precisely_as_they_are_stated():
    month = event("1", "a", "Alpha", "CONCEDE", [HALVIK], [], "apologized", day=1, date_text="earlier this month")
    day = event("2", "b", "Beta", "CONCEDE", [HALVIK], [], "apologized", day=10, date_text="on March 10")
    assert find_contradictions([month, day]) == []
    other_day = event("3", "c", "Gamma", "CONCEDE", [HALVIK], [], "apologized", day=20, date_text="on March 20")
    assert [c.kind for c in find_contradictions([day, other_day])] == ["date"]


def test_undated_reports_that_say_when_in_different_words_are_not_set_against_each_other():
    cables = participant(None, "five cables", None)
    january = event("1", "a", "Alpha", "COERCE", [], [cables], "cut", day=None, date_text="In January")
    friday = event("2", "b", "Beta", "COERCE", [], [participant(None, "three cables", None)], "cut", day=None,
                   date_text="on Friday morning")
    assert find_contradictions([january, friday]) == []


def test_places_far_apart_are_two_happenings_unless_everything_else_agrees():
    here = event("1", "a", "Alpha", "PROTEST", [participant(None, "protesters", None)], [], "marched", day=None, lat=47.2, lon=39.7)
    there = event("2", "b", "Beta", "PROTEST", [participant(None, "protesters", None)], [], "marched", day=None, lat=55.75, lon=37.6)
    near = event("3", "c", "Gamma", "PROTEST", [participant(None, "protesters", None)], [], "marched", day=None, lat=47.3, lon=39.9)
    assert pair_score(here, there) is None
    assert pair_score(here, near) is not None


def test_two_calls_between_different_pairs_never_join():
    a, b = participant("bd", "Joe Biden", "USA"), participant("mc", "Emmanuel Macron", "FRA")
    c, d = participant("lk", "Alexander Lukashenko", "BLR"), participant("pt", "Vladimir Putin", "RUS")
    call_1 = event("1", "x", "Xa", "CONSULT", [a], [b], "spoke", day=24)
    call_2 = event("2", "y", "Ya", "CONSULT", [c], [d], "spoke", day=24)
    same = event("3", "z", "Za", "CONSULT", [b], [a], "talked", day=24)
    assert pair_score(call_1, call_2) is None
    assert pair_score(call_1, same) >= LINK_THRESHOLD


def test_an_article_repeating_one_event_thousands_of_times_is_one_report_of_it():
    # A live blog repeating "protesters marched" 2,500 times: one claim, corroborated by the other outlet.
    crowd = participant(None, "protesters", None)
    repeated = [event(f"r{i}", "blog", "Blog", "PROTEST", [crowd], [], "marched", day=12,
                      sentence="Protesters marched through the old town.") for i in range(2500)]
    other = event("o", "wire", "Wire", "PROTEST", [crowd], [], "marched", day=12, sentence="Protesters marched to the square.")
    detained = event("d", "wire", "Wire", "COERCE", [POLICE], [participant(None, "two students", None)], "detained", day=12)
    claims = build_claims([*repeated, other, detained])
    sizes = sorted(len(c.events) for c in claims)
    assert sizes == [1, 2501]
    march = next(c for c in claims if len(c.events) == 2501)
    assert march.status == "corroborated" and march.origins == {"blog", "wire"}
    # the same claims as one report of it
    assert sorted(len(c.events) for c in build_claims([repeated[0], other, detained])) == [1, 2]


def test_a_disputed_claim_shows_each_partys_statement_and_who_relays_it():
    ministry = participant("mod", "Defence Ministry", "KRS")
    alleged = event("1", "a", "Alpha", "ASSAULT", [MILITIA], [ministry], "struck", modality="alleged",
                    attribution="Orin Valley Guard")
    relayed = event("2", "b", "Beta", "ASSAULT", [MILITIA], [ministry], "struck", modality="alleged",
                    attribution="Orin Valley Guard")
    denied = event("3", "b", "Beta", "ASSAULT", [MILITIA], [ministry], "struck", negated=True,
                   attribution="the Defence Ministry", sentence="The camps were not struck, the Defence Ministry said.")
    claim = Claim([alleged, relayed, denied], find_contradictions([alleged, relayed, denied]))
    assert claim.status == "disputed"
    assert [(s["party"], s["says"], s["outlets"]) for s in claim.statements()] == [
        ("the Defence Ministry", "denies", ["Beta"]), ("Orin Valley Guard", "alleges", ["Alpha", "Beta"])]
    assert {e.voice for e in claim.events} == {"party"}


def test_a_claim_label_is_short_names_each_actor_once_by_its_canonical_name():
    from newsprism.stories.analysis import LABEL_WORDS, claim_label

    putin = [participant("vp", name, "RUS", canonical="Vladimir Putin") for name in ("Putin", "the Russian president")]
    city = [participant("ro", name, "RUS", kind="place", canonical="Rostov-on-Don")
            for name in ("Rostov", "Rostov-on-Don", "the southern city of Rostov")]
    others = [participant(f"x{i}", f"Official Number{i}", "RUS") for i in range(5)]
    events = [event(str(i), f"a{i}", f"Outlet{i}", "CONSULT", [putin[i % 2]], [city[i % 3], *others], "met",
                    location="Rostov-on-Don") for i in range(6)]
    label = claim_label(Claim(events))
    assert len(label.split()) <= LABEL_WORDS
    assert label.count("Putin") == 1 and "Vladimir Putin" in label and "president" not in label
    assert label.count("Rostov") == 1


def test_a_denial_of_another_thing_offered_is_no_contradiction():
    aide = participant("sk", "Ivo Sestra", "VLD")
    offered = event("1", "a", "Alpha", "AID", [], [aide, participant(None, "unpaid advisory posts", None)], "offered",
                    day=None, sentence="Sestra was offered unpaid advisory posts.")
    never = event("2", "b", "Beta", "AID", [HALVIK], [aide, participant(None, "the defence portfolio", None)], "offered",
                  day=None, negated=True, sentence="Halvik never offered Sestra the defence portfolio.")
    assert find_contradictions([offered, never]) == []


def test_a_sentence_says_when_in_words_an_undated_article_cannot_resolve():
    from newsprism.stories.analysis import said_when_in

    assert said_when_in("In January, five cables were cut.") == "In January"
    assert said_when_in("Three cables were cut on Friday morning.") == "on Friday morning"
    assert said_when_in("Three cables were cut.") is None


def test_what_a_sentence_asks_or_leaves_open_is_nobodys_assertion():
    account = participant(None, "the mayor's mail account", None)
    asked = event("1", "w", "Wire", "COERCE", (), [account], "breached",
                  sentence="The provider declined to say whether Mr. Oduya's mail account was breached.")
    told = event("2", "v", "Vesta", "COERCE", (), [account], "breached",
                 sentence="The mayor's mail account was breached on Tuesday night.")
    assert asked.in_question and not asked.own_voice and asked.party is None
    assert not told.in_question and told.own_voice
    assert Claim([asked, told]).status == "single-source"


def test_a_principal_and_those_who_speak_for_him_are_one_party():
    account = participant(None, "the mayor's mail account", None)
    said = [event(str(i), art, origin, "COERCE", (), [account], "breached", attribution=who)
            for i, (art, origin, who) in enumerate((("w", "Wire", "Mr. Oduya"), ("v", "Vesta", "Oduya's spokeswoman"),
                                                   ("v", "Vesta", "Kemi Oduya, the city's mayor")))]
    # Three outlets' worth of the mayor's own word: attributed-only, not corroborated by "two parties".
    assert Claim(said).status == "attributed-only"
    police = event("9", "p", "Post", "COERCE", (), [account], "breached", attribution="city police")
    assert Claim([*said, police]).status == "corroborated"


def test_another_verb_for_a_deed_done_to_someone_is_another_happening():
    # One can be shot and live, arrested and never charged: the same actors do not make two deeds one.
    victim = participant("vm", "Marek Oldin", "VLD")
    shot = event("1", "a", "Alpha", "ASSAULT", [POLICE], [victim], "shot", sentence="Police shot Marek Oldin near the depot.")
    killed = event("2", "b", "Beta", "ASSAULT", [POLICE], [victim], "killed", sentence="Police killed Marek Oldin near the depot.")
    slain = event("3", "c", "Gamma", "ASSAULT", [POLICE], [victim], "slain", sentence="Marek Oldin was slain by police near the depot.")
    assert pair_score(shot, killed) is None
    assert pair_score(killed, slain) >= LINK_THRESHOLD
    assert sorted(len(c.events) for c in build_claims([shot, killed, slain])) == [1, 2]
    arrested = event("4", "a", "Alpha", "COERCE", [POLICE], [victim], "arrested", mode="arrest")
    charged = event("5", "b", "Beta", "COERCE", [POLICE], [victim], "charged", mode="arrest")
    assert pair_score(arrested, charged) is None


def test_a_victim_named_by_one_report_and_described_by_another_can_be_one():
    # "police arrested Marek Oldin" / "the arrest of the club's striker": a name against a description
    # is not evidence of two victims; two different names are.
    named = event("1", "a", "Alpha", "COERCE", [POLICE], [participant("vm", "Marek Oldin", "VLD")], "arrested",
                  mode="arrest", sentence="Police arrested Marek Oldin after the match on Sunday.")
    described = event("2", "b", "Beta", "COERCE", [POLICE], [participant(None, "the club's striker", None)], "arrested",
                      mode="arrest", sentence="Police arrested the club's striker after the match on Sunday.")
    other = event("3", "c", "Gamma", "COERCE", [POLICE], [participant("tk", "Tomas Kell", "VLD")], "arrested",
                  mode="arrest", sentence="Police arrested Tomas Kell after the match on Sunday.")
    assert pair_score(named, described) >= LINK_THRESHOLD
    assert pair_score(named, other) is None


def test_a_described_doer_is_no_evidence_of_another_doer():
    # "A fire destroyed the mill" / "The Harlow blaze destroyed the mill": a description and a name.
    # (The parser found no target in either sentence: only the deed and its words are shared.)
    by_fire = event("1", "a", "Alpha", "ASSAULT", [participant(None, "a fire", None)], [], "destroyed", day=None,
                    sentence="A fire destroyed the old mill overnight.")
    by_blaze = event("2", "b", "Beta", "ASSAULT", [participant(None, "The Harlow Blaze", None)], [], "destroyed",
                     day=None, sentence="The Harlow Blaze destroyed the old mill.")
    by_gang = event("3", "c", "Gamma", "ASSAULT", [participant("rg", "Red Hand Gang", "VLD")], [], "destroyed", day=None,
                    sentence="The Red Hand Gang destroyed the old mill.")
    assert pair_score(by_fire, by_blaze) >= LINK_THRESHOLD
    assert not pair_score(by_blaze, by_gang)      # two named doers who differ


def test_a_denial_of_another_thing_with_the_same_head_noun_is_no_contradiction():
    # "unpaid posts on advisory boards" / "a full-time paid post": the head noun is shared, the thing is not.
    aide = participant("sk", "Ivo Sestra", "VLD")
    offered = event("1", "a", "Alpha", "AID", [HALVIK], [aide], "offered", day=None,
                    sentence="Halvik offered Sestra unpaid posts on advisory boards.")
    never = event("2", "b", "Beta", "AID", [HALVIK], [aide], "offer", day=None, negated=True,
                  sentence="Halvik did not offer Sestra a full-time paid post.")
    assert find_contradictions([offered, never]) == []
    # The same thing offered and denied is still a contradiction.
    same = event("3", "c", "Gamma", "AID", [HALVIK], [aide], "offered", day=None,
                 sentence="Halvik offered Sestra a full-time paid post.")
    assert [c.kind for c in find_contradictions([same, never])] == ["negation"]


def test_described_things_offered_with_one_head_noun_are_compared_by_their_words():
    # The coder took "the thing offered" as a target: "unpaid advisory posts" / "a full-time paid post".
    aide = participant("sk", "Ivo Sestra", "VLD")
    offered = event("1", "a", "Alpha", "AID", [HALVIK], [aide, participant(None, "unpaid advisory posts", None)],
                    "offered", day=None, sentence="Sestra was offered unpaid advisory posts by Halvik.")
    never = event("2", "b", "Beta", "AID", [HALVIK], [aide, participant(None, "a full-time paid post", None)],
                  "offer", day=None, negated=True, sentence="Halvik did not offer Sestra a full-time paid post.")
    assert find_contradictions([offered, never]) == []


def test_a_hyphen_spaced_or_dropped_does_not_make_another_victim():
    # One deed by one doer, its victims written "co - workers" (a tokenised hyphen) and "coworkers".
    spaced = event("1", "w", "Wire", "ASSAULT", [MILITIA], [participant(None, "two co - workers", None)], "killed",
                   numbers=(2,), day=None)
    joined = event("2", "v", "Vesta", "ASSAULT", [participant(None, "a gunman", None)],
                   [participant(None, "two coworkers", None)], "killed", numbers=(2,), day=None)
    assert participant(None, "two co - workers", None).head == participant(None, "the co-worker", None).head == "coworker"
    assert len(build_claims([spaced, joined])) == 1


def _arrests(count: str, sentence: str, id: str, origin: str, trigger="arrested") -> StoryEvent:
    police = participant("pol", "City Police", "VLD", sector="COP")
    return event(id, origin.lower(), origin, "COERCE", [police], [participant(None, count, None)], trigger,
                 numbers=numbers_in(count), sentence=sentence)


def test_a_running_total_is_no_contradiction_of_an_early_count():
    early = _arrests("one person", "City Police said one person was arrested after the march.", "1", "Wire")
    total = _arrests("40 people", "By the end of the night City Police had arrested 40 people.", "2", "Vesta")
    assert not [c for claim in build_claims([early, total]) for c in claim.contradictions]


def test_a_count_during_a_spell_is_no_contradiction_of_the_whole():
    spell = _arrests("two people", "During the first clashes City Police arrested two people.", "1", "Wire")
    whole = _arrests("nine people", "City Police arrested nine people at the march.", "2", "Vesta")
    assert not [c for claim in build_claims([spell, whole]) for c in claim.contradictions]


def test_counts_of_two_deeds_of_one_attack_are_no_contradiction():
    killed = event("1", "w", "Wire", "ASSAULT", [MILITIA], [participant(None, "two guards", None)], "killed",
                   numbers=(2,), sentence="The militia killed two guards at the dam.")
    wounded = event("2", "v", "Vesta", "ASSAULT", [MILITIA], [participant(None, "five guards", None)], "wounded",
                    numbers=(5,), sentence="The militia wounded five guards at the dam.")
    assert not [c for c in find_contradictions([killed, wounded])]


def test_counts_of_one_deed_in_one_scope_still_contradict():
    few = _arrests("two people", "City Police arrested two people at the march.", "1", "Wire")
    many = _arrests("nine people", "City Police arrested nine people at the march.", "2", "Vesta")
    assert [(c.kind, c.first_value, c.second_value) for claim in build_claims([few, many])
            for c in claim.contradictions] == [("number", "2 people", "9 people")]
