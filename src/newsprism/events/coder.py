"""PLOVER event coding: a transparent pattern layer over the spaCy parse.

For each trigger (a lexicon verb, or a lexicon noun carried by a support verb or possessor) the
coder finds the source (subject, passive agent, relative-clause antecedent, or the subject
shared with a governing verb), the targets (object, lexicon prepositions, conjuncts and group
members), negation, modality, attribution, date and location, and emits records.Event.

The pieces: ``verb_events`` (verb triggers), ``noun_events`` (nominal events), ``coding`` (the
emitter and modality recoding), ``syntax``/``phrases``/``targets``/``modality`` (parse helpers),
``lexicon``/``senses``/``vocabulary`` (the words, as data).
"""

from __future__ import annotations

from newsprism.events.apologies import code_apologies
from newsprism.events.charges import code_charged_acts
from newsprism.events.coding import ArticleCoding, asker_of
from newsprism.events.criticism import code_criticism
from newsprism.events.lexicon import Trigger
from newsprism.events.noun_events import code_noun
from newsprism.events.phrases import _resolve_phrase
from newsprism.events.replies import code_denying_replies
from newsprism.events.senses import not_this_sense
from newsprism.events.syntax import _in_condition, _lemma, _subject, _verb_trigger
from newsprism.events.verb_events import code_verb
from newsprism.events.vocabulary import OBLIGING_AUX
from newsprism.nlp.furniture import find_furniture, furniture_at
from newsprism.records import AnalyzedArticle

# "China must drop barriers": what a modal verb obliges someone to do is a demand (CAMEO 100).
OBLIGATION = Trigger("REQUEST", None, "100")


def _code_obligation(coding: ArticleCoding, token) -> None:
    """Emit the demand a "must"/"should" clause makes of its subject, by whoever says so."""
    subject = _subject(token)
    if subject is None:
        return
    targets = _resolve_phrase(coding.analyzed, subject)
    sources = asker_of(coding.analyzed, token, targets) if targets else None
    if sources:
        coding.emit(token, OBLIGATION, "REQUEST", "modal:must", sources, targets, token, 0.5)


def extract_events(analyzed: AnalyzedArticle, doc) -> None:
    """Fill ``analyzed.events`` with the PLOVER events of one article (pipeline stage)."""
    coding = ArticleCoding(analyzed, doc)
    furniture = find_furniture(analyzed.article.text)

    def skipped(token) -> bool:
        # A caption, byline or "Read more" headline is not the story; the condition of a threat
        # or offer is not reported as done.
        return bool(furniture and furniture_at(furniture, token.idx, token.idx + len(token))) or _in_condition(token)

    code_charged_acts(coding, doc, skipped)   # first: the crime noun is the act charged, not a bare noun
    for token in doc:
        if token.pos_ not in ("VERB", "NOUN"):
            continue   # only verbs and nouns name events (spaces, names, function words never do)
        if furniture and furniture_at(furniture, token.idx, token.idx + len(token)):
            continue   # a caption, byline or "Read more" headline is not the story
        if _in_condition(token):
            continue   # the condition of a threat or offer is not reported as done
        lemma = _lemma(token)
        found = _verb_trigger(token)
        if found and not not_this_sense(token, lemma):
            code_verb(coding, token, found, lemma)
        elif token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in OBLIGING_AUX for c in token.children):
            _code_obligation(coding, token)
        elif token.pos_ == "NOUN":
            code_noun(coding, token)
    code_criticism(coding, doc, skipped)
    code_denying_replies(coding, doc, skipped)
    code_apologies(coding, doc, skipped)
    analyzed.events[:] = coding.events
