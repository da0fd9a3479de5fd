"""Spelling variants and transliterations of one name merge; different names do not.

Decision on plurals: "the Clintons" names a family, a group of its own, so it never merges with
"Clinton" the person.
"""

from __future__ import annotations

import pytest

from newsprism.actors.merge import StoredActor, plan_merges
from newsprism.actors.names import same_person
from newsprism.actors.transliteration import same_name

MUST_MERGE = [
    ("Lukashenko", "Lukashenka"),       # Russian and Belarusian endings
    ("Shoigu", "Shoygu"),
    ("Zelensky", "Zelenskyy"), ("Zelensky", "Zelenskiy"), ("Zelenskyy", "Zelenskyi"),
    ("Gaddafi", "Qaddafi"), ("Gaddafi", "Kadhafi"), ("Gadhafi", "Qadhafi"),
    ("Navalny", "Navalnyy"), ("Prigozhin", "Prigojin"),
    ("Yevgeny", "Evgeny"), ("Sergei", "Sergey"), ("Dmitry", "Dmitri"), ("Oleksiy", "Oleksii"),
]
MUST_NOT_MERGE = [
    ("Obama", "Osama"),
    ("Clinton", "Clintons"),            # a family is not the person
    ("Medvedev", "Medvedeva"),          # a woman's form of the surname is another person
    ("Bush", "Busch"),                  # German spelling is not a transliteration
    ("Abe", "Abbe"), ("Gore", "Kore"), ("Kim", "Kin"), ("Kerry", "Kerr"),
    ("Putin", "Pulin"), ("Lavrov", "Lazarov"), ("Shoigu", "Shoiga"), ("Blinken", "Blinker"),
]


@pytest.mark.parametrize(("a", "b"), MUST_MERGE)
def test_transliterations_are_one_name(a, b):
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize(("a", "b"), MUST_NOT_MERGE)
def test_different_names_stay_apart(a, b):
    assert not same_name(a, b) and not same_name(b, a)


def test_full_names_compare_surname_and_first_name():
    assert same_person("Volodymyr Zelenskyy", "Volodymyr Zelensky")
    assert same_person("Aleksandr Lukashenka", "Alexander Lukashenko")
    assert same_person("Yevgeny Prigozhin", "Evgeny Prigojin")
    assert not same_person("Barack Obama", "Osama bin Laden")
    assert not same_person("Dmitry Medvedev", "Svetlana Medvedeva")


def test_records_of_one_person_merge_across_spellings():
    actors = [StoredActor("1", "Volodymyr Zelensky", "person", "UKR", "GOV", [], 5),
              StoredActor("2", "Zelenskyy", "person", None, None, [], 2),
              StoredActor("3", "Zelenskiy", "person", "UKR", None, [], 1),
              StoredActor("4", "Osama", "person", None, None, [], 1),
              StoredActor("5", "Obama", "person", "USA", "GOV", [], 1)]
    plans = {keep.id: sorted(o.id for o in others) for keep, others in plan_merges(actors)}
    assert plans == {"1": ["2", "3"]}


def test_a_known_person_in_another_spelling(analyze_text):
    a = analyze_text("Lukashenka said he had spoken to the Wagner chief twice on Saturday.")
    found = [x for x in a.actors if x.kind == "person"]
    assert [(x.name, x.country) for x in found][:1] == [("Alexander Lukashenko", "BLR")]


def test_two_spellings_in_one_article_are_one_actor(analyze_text):
    a = analyze_text("Volodymyr Zelenskyy met the generals in Kyiv. Later Zelensky said the front was holding.")
    people = [x for x in a.actors if x.kind == "person"]
    assert len(people) == 1 and people[0].country == "UKR"
