"""Every rule of the coder's rule table codes the sentence it names and none it must not, and every
CAMEO code the coder stores agrees with its PLOVER type and mode (the mapping in
events/data/cameo_plover.tsv, from CAMEO2PLOVER-2021). Needs only the installed spaCy model.

Each `must` sentence is plain past tense, affirmative and in a main clause, so the coder's
modality recoding ("will", "must", negation) leaves the rule's own PLOVER type in place.
"""

from __future__ import annotations

import pytest

from newsprism.events.cameo import agrees, settle
from newsprism.events.cameo_patterns import excluded_patterns
from newsprism.events.lexicon import RULES, Rule

PUBLISHED = "2024-03-04"


def _emitted_name(rule: Rule) -> str:
    """Return the name an event coded by this rule carries (modifier and carrier rules code
    under their noun's name)."""
    return rule.name if rule.kind in ("verb", "noun") else f"noun:{rule.lemma}"


def _fired(analyzed, rule: Rule) -> bool:
    name = _emitted_name(rule)
    return any(e.plover_type == rule.trigger.plover and (e.rule == name or e.rule.startswith(name + " + "))
               for e in analyzed.events)


def test_rule_names_are_unique():
    names = [r.name for r in RULES]
    assert sorted({n for n in names if names.count(n) > 1}) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_codes_its_sentence(analyze_text, rule):
    analyzed = analyze_text(rule.must, published=PUBLISHED)
    fired = [(e.plover_type, e.rule) for e in analyzed.events]
    assert _fired(analyzed, rule), f"{rule.must!r}: expected {rule.trigger.plover} by {rule.name}, got {fired}"


MUST_NOT = [pytest.param(rule, sentence, id=f"{rule.name}:{n}") for rule in RULES
            for n, sentence in enumerate(rule.must_not)]


@pytest.mark.parametrize(("rule", "sentence"), MUST_NOT)
def test_rule_leaves_alone_what_it_must_not_code(analyze_text, rule, sentence):
    analyzed = analyze_text(sentence, published=PUBLISHED)
    assert not _fired(analyzed, rule), [(e.plover_type, e.rule, e.trigger) for e in analyzed.events]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_cameo_code_agrees_with_its_plover_type_and_mode(rule):
    t = rule.trigger
    assert agrees(t.cameo, t.plover, t.mode), (t.cameo, t.plover, t.mode)


# Sentences whose events the coder recodes by modality, negation or setting: the stored CAMEO
# code must follow the PLOVER type ("will attack" is a threat, 13x; "refused to meet" 12x).
RECODED_SENTENCES = [
    "The army will attack the rebel town.",
    "Police threatened to seize the property of the smugglers.",
    "The rebels refused to release the hostages.",
    "Iran refused to meet the American envoy.",
    "Russia said Sudan must return the helicopter.",
    "The minister will visit Beijing next week.",
    "Prosecutors will not prosecute the journalist.",
    "Protesters blocked the roads to the capital.",
    "The president spoke by phone with the Egyptian leader.",
    "The general said his troops would withdraw from the border.",
    "China threatened to impose sanctions on Lithuania.",
    "The government will ban the opposition party.",
    "Hamas rejected the proposal and said it would not negotiate with Israel.",
    "He called the seizure of the dam a terrorist attack.",
]


@pytest.mark.parametrize("sentence", [r.must for r in RULES] + RECODED_SENTENCES)
def test_every_coded_event_stores_an_agreeing_cameo_code(analyze_text, sentence):
    analyzed = analyze_text(sentence, published=PUBLISHED)
    wrong = [(e.trigger, e.plover_type, e.mode, e.cameo) for e in analyzed.events
             if not agrees(e.cameo, e.plover_type, e.mode)]
    assert wrong == []


@pytest.mark.parametrize(("cameo", "plover", "mode", "expected"), [
    ("180", "THREATEN", None, ("1383", "violence")),       # an intended attack is a threat of violence
    ("171", "THREATEN", "seize", ("137", "violence")),     # the "THREATEN with 171"
    ("080", "REJECT", None, ("124", "change")),            # the "REJECT with 080"
    ("0841", "AGREE", "release", ("0353", None)),          # an intent to release
    ("042", "AGREE", "visit", ("036", None)),              # an intent to visit is an intent to meet
    ("040", "REQUEST", None, ("106", "meet")),             # a demand to meet
    ("045", "CONSULT", "third-party", ("045", "third-party")),
])
def test_settle_picks_the_code_of_the_new_type(cameo, plover, mode, expected):
    assert settle(cameo, plover, mode) == expected
    assert agrees(*expected[:1], plover, expected[1])


@pytest.mark.parametrize(("name", "sentence"), [(n, s) for n, (_, s) in excluded_patterns().items()])
def test_excluded_petrarch_pattern_does_not_code(analyze_text, name, sentence):
    analyzed = analyze_text(sentence, published=PUBLISHED)
    assert all(e.rule.split(" + ")[0] != name for e in analyzed.events), [(e.plover_type, e.rule) for e in analyzed.events]


# Imported PETRARCH2 patterns that code what our rules did not (sentences of our own).
@pytest.mark.parametrize(("sentence", "plover", "rule"), [
    ("The rebels halted the violence in the north.", "RETREAT", "cameo:halt violence"),
    ("The government froze the assets of the dissidents.", "COERCE", "cameo:freeze asset"),
    ("Turkey expelled the Dutch diplomat.", "SANCTION", "verb:expel"),
])
def test_imported_pattern_codes(analyze_text, sentence, plover, rule):
    analyzed = analyze_text(sentence, published=PUBLISHED)
    assert any(e.plover_type == plover and e.rule.split(" + ")[0] == rule for e in analyzed.events), \
        [(e.plover_type, e.rule) for e in analyzed.events]


def test_every_cameo_code_stored_for_the_example_corpus_agrees(examples_store):
    from newsprism.store import Store

    with Store(examples_store, read_only=True) as store:
        rows = store.query("SELECT trigger, plover_type, mode, cameo FROM events")
    assert rows
    assert [r for r in rows if not agrees(r["cameo"], r["plover_type"], r["mode"])] == []


@pytest.mark.parametrize("sentence", [
    "Soldiers hit back at the raiders near the border post.",
    "Police shot back at the gunmen outside the bank.",
    "Troops fired back at the militants from the ridge.",
])
def test_armed_men_returning_fire_is_an_assault_whatever_the_retort_verb(analyze_text, sentence):
    analyzed = analyze_text(sentence, published=PUBLISHED)
    assert [e.plover_type for e in analyzed.events] == ["ASSAULT"], [(e.plover_type, e.rule) for e in analyzed.events]
