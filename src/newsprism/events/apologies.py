"""Apologies told with an adjective: "the lawmaker said he is profoundly sorry for the scuffle",
"'We are sorry,' the company said".

An actor who says he is sorry for something apologises: SUPPORT/apologise (CAMEO 055, rule 26
of the real-news gold), aimed at whom the apology is made to ("sorry to the families") or for
("sorry for the families" is pity, and is not coded). Not an apology: being sorry to hear or to
see something (sympathy), feeling sorry for someone (pity), "I'm sorry, but ..." as a courtesy
before disagreeing, a negated or questioned sorrow, or one someone else says another should feel.
"""

from __future__ import annotations

from newsprism.events.coding import ArticleCoding
from newsprism.events.lexicon import Trigger
from newsprism.events.phrases import _actor_like, _is_someone, _resolve_phrase

APOLOGY = Trigger("SUPPORT", None, "055")
RULE = "adjective:sorry"
APOLOGETIC = {"sorry", "apologetic"}
# Verbs that make "sorry" pity, not apology: "felt sorry for the refugees".
PITYING_VERBS = {"feel", "seem", "look"}


def _apology(adjective) -> bool:
    """Return whether an apologetic adjective, as a predicate, apologises (see the module doc)."""
    verb = adjective.head
    if adjective.dep_ != "acomp" or verb.lemma_ in PITYING_VERBS:
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in adjective.children):
        return False   # "sorry to hear", "sorry that you feel that way": sympathy or regret of a fact
    if any(c.dep_ == "neg" for c in (*verb.children, *adjective.children)) or adjective.sent[-1].text == "?":
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must", "would") for c in verb.children):
        return False   # "he should be sorry": another's demand
    if any(t.lower_ == "but" and t.i > adjective.i and t.i - adjective.i <= 2 for t in adjective.sent):
        return False   # "I'm sorry, but that is not true": a courtesy before disagreeing
    for_whom = [g for p in adjective.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children]
    return not any(_is_someone(g, []) for g in for_whom)   # "sorry for the families": pity


def code_apologies(coding: ArticleCoding, doc, skipped) -> None:
    """Emit the SUPPORT/apologise of every actor who says he is sorry (see the module doc)."""
    for token in doc:
        if token.lower_ not in APOLOGETIC or token.pos_ != "ADJ" or skipped(token) or not _apology(token):
            continue
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        sources = _resolve_phrase(coding.analyzed, subject) if subject is not None else []
        if not sources:
            continue
        to_whom = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children
                   if g.dep_ == "pobj"]
        targets = [r for g in to_whom for r in _resolve_phrase(coding.analyzed, g) if _actor_like(r)]
        coding.emit(token, APOLOGY, APOLOGY.plover, RULE, sources, targets, token.head, 0.5)
