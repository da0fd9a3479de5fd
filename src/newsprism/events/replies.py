"""Denials told through a reply: "X replied, 'I am not going to talk about this'", "'I do not have
mental issues,' the governor replied", "said in a statement responding to the ad: 'I am not ...'".

A reply whose content is negated answers a charge or a question by denying it: the replier's
REJECT (CAMEO 120, rule 2 of the real-news gold). The negated deed inside, if any, is coded by its
own rule (negated). A reply that affirms ("replied that talks would go on") codes nothing here.
"""

from __future__ import annotations

from newsprism.events.coding import ArticleCoding
from newsprism.events.lexicon import SPEECH_VERBS, Trigger
from newsprism.events.phrases import _resolve_phrase
from newsprism.events.syntax import _lemma, _subject

REPLY_VERBS = {"reply", "respond", "retort", "answer", "counter", "rebut", "hit back", "fire back"}
# Nouns of a statement made as a reply: "in response to", "in a reply to".
REPLY_NOUNS = {"response", "reply", "rebuttal", "retort", "answer"}
DENIAL = Trigger("REJECT", None, "120")
RULE = "reply:negated content"


def _replying_word(speech):
    """Return the word that makes a speech verb a reply: the verb itself ("replied"), or the
    statement it is made in ("said in a statement responding to the ad", "said in response")."""
    if _lemma(speech) in REPLY_VERBS:
        return speech
    if _lemma(speech) not in SPEECH_VERBS:
        return None
    for prep in (c for c in speech.children if c.dep_ == "prep" and c.lower_ in ("in", "as")):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if noun.lemma_.lower() in REPLY_NOUNS:
                return noun
            replying = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and _lemma(c) in REPLY_VERBS), None)
            if replying is not None:
                return replying
    return None


def _negated_content(speech) -> bool:
    """Return whether what a speech verb reports is negated in its own main verb ("I am not ...")."""
    return any(c.dep_ == "ccomp" and any(g.dep_ == "neg" for g in c.children) for c in speech.children)


def code_denying_replies(coding: ArticleCoding, doc, skipped) -> None:
    """Emit the REJECT of every reply in the document whose content is negated."""
    for token in doc:
        if token.pos_ != "VERB" or skipped(token):
            continue
        replying = _replying_word(token)
        if replying is None or not _negated_content(token):
            continue
        subject = _subject(token)
        sources = _resolve_phrase(coding.analyzed, subject) if subject is not None else []
        if sources:
            coding.emit(replying, DENIAL, DENIAL.plover, RULE, sources, [], token, 0.5, negated=False)
