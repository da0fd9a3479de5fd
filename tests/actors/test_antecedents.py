"""Whom pronouns mean when events ask (actors/antecedents.py), on constructed sentences."""

from newsprism.actors.antecedents import Candidate, choose_person, evidence_genders

from tests.events.helpers import coded_event


def test_an_unambiguous_pronoun_gives_a_gender_and_an_ambiguous_one_none():
    persons = [Candidate(0, 0, "varga", True), Candidate(0, 20, "reiss"), Candidate(1, 60, "okafor", True)]
    # "She" in sentence 0 after two people says nothing; "he" in sentence 1 after one person does.
    genders = evidence_genders(persons, [(0, 40, "she"), (1, 80, "he")], "x" * 100)
    assert genders == {"okafor": "m"}


def test_an_honorific_gives_a_gender():
    text = "Mrs. Halloran met the envoy."
    assert evidence_genders([Candidate(0, 5, "halloran")], [], text) == {"halloran": "f"}


def test_a_known_gender_wins_over_a_nearer_unknown_person():
    persons = [Candidate(0, 0, "varga", True), Candidate(0, 30, "reiss")]
    assert choose_person(persons, 0, 50, "f", {"varga": "f"}) == "varga"
    assert choose_person(persons, 0, 50, "m", {"varga": "f"}) == "reiss"


def test_an_excluded_person_is_never_chosen():
    persons = [Candidate(0, 0, "varga", True), Candidate(0, 30, "reiss")]
    assert choose_person(persons, 0, 50, "m", {}, exclude={"reiss"}) == "varga"


def test_a_previous_sentence_offers_its_subject_first():
    persons = [Candidate(0, 0, "ombudsman", True), Candidate(0, 30, "clerk")]
    assert choose_person(persons, 1, 60, "m", {}) == "ombudsman"


def test_one_ambiguous_possessive_does_not_change_a_persons_gender(analyze_text):
    analyzed = analyze_text(
        "Senator Mara Quill challenged Governor Tobias Fenn on Monday as she sought to weaken Fenn's "
        "lead and regain her footing. Later the moderator asked Fenn why he had criticized the mayor.")
    event = coded_event(analyzed, "criticized")
    assert [s.name for s in event.sources] == ["Tobias Fenn"]


def test_i_in_a_quotation_is_its_speaker(analyze_text):
    analyzed = analyze_text('"I apologize to Senator Elena Brandt for my remarks," Councilman Rupert Haskell wrote on Friday.')
    event = coded_event(analyzed, "apologize")
    assert [s.name for s in event.sources] == ["Rupert Haskell"]
    assert [t.name for t in event.targets] == ["Elena Brandt"]


def test_he_in_a_quotation_is_not_its_speaker(analyze_text):
    analyzed = analyze_text(
        "President Arno Vidal visited the capital and praised the new cabinet. "
        '"I understand why he praises the government," the activist Tomas Lind said.')
    event = coded_event(analyzed, "praises")
    assert [s.name for s in event.sources] == ["Arno Vidal"]


def test_a_definite_description_means_the_latest_actor_of_that_role(analyze_text):
    analyzed = analyze_text("The moderator raised the scandals of President Walt Harmon, asking Senator Jon Ivers "
                            "why he had criticized the former president's record.")
    event = coded_event(analyzed, "criticized")
    assert [s.name for s in event.sources] == ["Jon Ivers"]
    assert "Walt Harmon" in [t.name for t in event.targets]


def test_a_quotations_speaker_stays_the_topic_of_its_sentences(analyze_text):
    analyzed = analyze_text('"There is real anger in this town," Mayor Bo Grant said. "It is a hard time. But I do not '
                            'condone any of it." Councilwoman Ada Reyes mocked his tough talk on Tuesday.')
    event = coded_event(analyzed, "mocked")
    assert "Bo Grant" in [t.name for t in event.targets]
