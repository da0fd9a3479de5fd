"""What surrounds an event: negation, modality (planned, demanded, alleged, conditional),
attribution, date and location."""

from __future__ import annotations

from newsprism.events.lexicon import SPEECH_VERBS
from newsprism.events.quote_speakers import entity_around
from newsprism.events.syntax import _condition_clause, _span_of
from newsprism.events.vocabulary import (
    ALLEGING_HEADS,
    ALLEGING_OBJECT_HEADS,
    DEMANDING_HEADS,
    FUTURE_AUX,
    NEGATING_HEADS,
    OBLIGING_AUX,
    OFFER_NOUNS,
    OFFERER_NOUNS,
    PLANNING_HEADS,
)
from newsprism.records import DateMention


def _negated(verb) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True   # "arranged the speech without consulting the White House"
    if _refused_offer(verb):
        return True   # "turned down an invitation to meet Senate Democrats"
    # "denied ordering his fighters to shoot": a denial reaches down a chain of infinitives, but
    # not through a reported clause ("refused to say whether troops had arrested them").
    link = verb
    while True:
        if link.dep_ in ("xcomp", "ccomp") and link.head.lemma_ in NEGATING_HEADS:
            return True
        if link.dep_ != "xcomp" or link.head.i == link.i:
            return False
        link = link.head


def _refused_offer(verb) -> bool:
    """Return whether a verb is the deed of an offer someone refused ("turned down an invitation to
    meet"); not an accusation rejected ("rejected accusations that it had armed the rebels")."""
    return verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.lemma_.lower() in OFFER_NOUNS \
        and _refusal(verb.head.head)


def _refusal(verb) -> bool:
    """Return whether a verb refuses its object ("rejected an offer", "turned down an invitation")."""
    return verb.lemma_ in NEGATING_HEADS or (verb.lemma_ == "turn" and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in verb.children))


def _modality(verb) -> str:
    # "his men would leave the dam if the government abandoned its plan": the deed hangs on a condition.
    if any(_condition_clause(c) for c in verb.children):
        return "conditional"
    for ancestor in [verb, *verb.ancestors]:
        if ancestor.i != verb.i and ancestor.lemma_ in ALLEGING_HEADS:
            return "alleged"
        if ancestor.dep_ == "advcl" and any(c.lower_ in ("if", "unless") for c in ancestor.children):
            return "conditional"
        if ancestor.pos_ == "VERB" and ancestor.lemma_ in SPEECH_VERBS:
            break
    if verb.dep_ == "xcomp" and verb.head.lemma_ in DEMANDING_HEADS:
        return "demanded"
    if any(c.lower_ in OBLIGING_AUX and c.dep_ == "aux" for c in verb.children):
        return "demanded"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("willing", "ready", "prepared") or (
            verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.lemma_ in ("willing", "ready", "prepared")):
        return "planned"
    if any(c.lower_ in FUTURE_AUX and c.dep_ == "aux" for c in verb.children):
        return "planned"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in PLANNING_HEADS:
        return "planned"
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in OFFERER_NOUNS:
        return "planned"   # "an offer to host a summit": offered, not done
    if any(c.dep_ == "advmod" and c.lower_ in ("reportedly", "allegedly", "purportedly") for c in verb.children):
        return "alleged"
    return "happened"


def _reporter(verb):
    """Return the subject of the speech verb whose reported clause holds ``verb`` ("Kyiv said
    Russian troops attacked"), if any."""
    for ancestor in verb.ancestors:
        if ancestor.lemma_ in SPEECH_VERBS or ancestor.lemma_ in ("clarify",):
            subject = next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")
                            and any(ch.isalnum() for ch in c.text)), None)
            if subject is not None:
                return subject
    return None


def _attribution_token(verb, sentence):
    """Return the head token of who reports the event: a speech verb's subject, or 'according to X'."""
    reporter = _reporter(verb)
    if reporter is not None:
        return reporter
    for ancestor in verb.ancestors:
        if ancestor.lemma_ in ALLEGING_HEADS | ALLEGING_OBJECT_HEADS and ancestor.pos_ == "VERB":
            # "Kyiv accused Moscow of shelling the plant": the accuser tells it.
            subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _attribution(verb, sentence) -> str | None:
    """Return who reports the event, as written."""
    token = _attribution_token(verb, sentence)
    if token is None:
        return None
    left, right = _span_of(token)
    return token.doc[left:right].text


def _date_for(verb, dates: list[DateMention], sentence) -> DateMention | None:
    in_sentence = [d for d in dates if sentence.start_char <= d.start < sentence.end_char]
    if not in_sentence:
        return None
    doc = verb.doc
    subtree = {t.i for t in verb.subtree}
    for date in in_sentence:
        token = doc.char_span(date.start, date.end, alignment_mode="expand")
        if token is not None and any(t.i in subtree for t in token):
            # A date inside a nested event's clause belongs to that clause, not to this verb.
            return date
    # A date attached to a governing speech verb dates the report, not the event.
    for date in in_sentence:
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is None:
            continue
        governor = span.root.head
        while governor.dep_ in ("prep", "pobj", "npadvmod") and governor.head.i != governor.i:
            governor = governor.head
        if governor.lemma_ in SPEECH_VERBS:
            continue
        if governor.i in {a.i for a in verb.ancestors}:
            return date
    return None


def _place_entity(token) -> str | None:
    """Return the text of the place entity (GPE, LOC, FAC) a token is part of, if any."""
    if token.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    return entity_around(token).text


def _location(verb) -> str | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "outside", "inside"):
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                place = _place_entity(pobj)
                if place:
                    return place
                # "at their homes in Talvera", "at a checkpoint near Hebron": the named place inside.
                for inner in (c for p in pobj.children if p.dep_ == "prep" and p.lower_ in ("in", "near", "outside")
                              for c in p.children if c.dep_ == "pobj"):
                    place = _place_entity(inner)
                    if place:
                        return place
    for token in verb.subtree:
        if token.ent_type_ in ("GPE", "LOC", "FAC") and token.head.dep_ == "prep" and token.head.lower_ in ("in", "at", "near") and token.head.head.i == verb.i:
            return token.text
    return None
