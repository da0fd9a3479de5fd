"""Criticism told through speech: "X said Y was a disgrace", "called the plan reckless",
"dismissed the report as a hoax", "said the agency misled Congress".

Most criticism in real news is not told with a verb of criticising but with a plain speech verb
whose content judges someone or something. PLOVER codes it as ACCUSE/disapprove (CAMEO 111) by
the speaker. The constructions are spaCy DependencyMatcher patterns declared below as data; the
words that make content critical are a lexicon (data/criticism_cues.tsv, each cue with a sentence
it must code and one it must not). A plain "said" codes nothing; a negated judgement ("was not
a mistake") or one the speaker passes on himself ("I was wrong") is no criticism.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.matcher import DependencyMatcher

from newsprism.events.coding import ArticleCoding
from newsprism.events.lexicon import CRITICISM_CUES, Trigger
from newsprism.events.phrases import _actor_like, _resolve_phrase
from newsprism.events.syntax import _subject

CRITICISM = Trigger("ACCUSE", "disapprove", "111")
RULE = "speech:criticism"

# Verbs that report what a speaker says of someone: the content is their complement clause.
SAYING_VERBS = ["say", "tell", "write", "argue", "suggest", "add", "insist", "contend", "maintain", "assert",
                "declare", "state", "tweet", "post", "reply", "respond", "charge", "claim", "note", "remark",
                "warn", "complain", "conclude"]
# Verbs that name what their object is: "called the plan reckless", "branded him a traitor".
NAMING_VERBS = ["call", "brand", "label", "dub", "deem", "term"]
# Verbs that say what their object is with "as": "dismissed the report as a hoax".
DESCRIBING_VERBS = ["describe", "portray", "characterize", "characterise", "depict", "paint", "dismiss", "brand",
                    "label", "denounce", "condemn", "slam", "criticize", "criticise"]
PREDICATE_DEPS = ["attr", "acomp"]
# Subjects that negate the judgement ("nothing was wrong") or pass it on the speaker ("I was wrong").
NO_ONE = {"nothing", "nobody", "none", "no one", "neither"}
# Speakers that are texts, not someone passing a judgement: "the report said the harvest was a disaster".
TEXTS = {"report", "study", "survey", "poll", "document", "analysis", "data", "research", "paper", "book", "review",
         "figure", "record", "estimate", "finding", "forecast", "model", "index", "chart", "table", "sign", "label"}
SELF = {"i", "we", "me", "us", "myself", "ourselves"}


CUES = CRITICISM_CUES
PREDICATE_CUES = sorted({row["cue"] for row in CUES if row["kind"] == "predicate"})
DEED_CUES = sorted({row["cue"] for row in CUES if row["kind"] == "deed"})


def _node(name: str, attrs: dict, parent: str | None = None, rel: str = ">") -> dict:
    node = {"RIGHT_ID": name, "RIGHT_ATTRS": attrs}
    if parent is not None:
        node.update(LEFT_ID=parent, REL_OP=rel)
    return node


_SAID = _node("verb", {"LEMMA": {"IN": SAYING_VERBS}, "POS": "VERB"})
_CLAUSE = _node("clause", {"DEP": "ccomp"}, "verb")
# name -> DependencyMatcher pattern. Every pattern names its "verb" (the speech act, the trigger)
# and its "cue"; "clause" is the said content, "judged" the noun or adjective said of someone.
PATTERNS: dict[str, list[dict]] = {
    # "the senator said the tariff was a mistake", "“It is a disgrace,” the governor said"
    "said-predicate": [_SAID, _CLAUSE,
                       _node("cue", {"DEP": {"IN": PREDICATE_DEPS}, "LEMMA": {"IN": PREDICATE_CUES}}, "clause")],
    # "the mayor said it was a shameful decision"
    "said-qualified-predicate": [_SAID, _CLAUSE,
                                 _node("judged", {"DEP": {"IN": PREDICATE_DEPS}}, "clause"),
                                 _node("cue", {"DEP": "amod", "LEMMA": {"IN": PREDICATE_CUES}}, "judged")],
    # "the opposition said the prime minister lied about the war"
    "said-deed": [_SAID, _node("cue", {"DEP": "ccomp", "LEMMA": {"IN": DEED_CUES}}, "verb")],
    # "said her rival was crooked": an adjective the parser took for a passive participle
    "said-participle": [_SAID, _node("cue", {"DEP": "ccomp", "TAG": "VBN", "LOWER": {"IN": PREDICATE_CUES}}, "verb")],
    # "called the strike reckless", "branded the vote a sham"
    "named": [_node("verb", {"LEMMA": {"IN": NAMING_VERBS}, "POS": "VERB"}),
              _node("cue", {"DEP": "oprd", "LEMMA": {"IN": PREDICATE_CUES}}, "verb")],
    "named-qualified": [_node("verb", {"LEMMA": {"IN": NAMING_VERBS}, "POS": "VERB"}),
                        _node("judged", {"DEP": "oprd"}, "verb"),
                        _node("cue", {"DEP": "amod", "LEMMA": {"IN": PREDICATE_CUES}}, "judged")],
    # "dismissed the report as a hoax", "described the plan as dangerous"
    "described-as": [_node("verb", {"LEMMA": {"IN": DESCRIBING_VERBS}, "POS": "VERB"}),
                     _node("as", {"LOWER": "as", "DEP": "prep"}, "verb"),
                     _node("cue", {"DEP": {"IN": ["pobj", "amod", "acomp"]}, "LEMMA": {"IN": PREDICATE_CUES}}, "as")],
    "described-as-qualified": [_node("verb", {"LEMMA": {"IN": DESCRIBING_VERBS}, "POS": "VERB"}),
                               _node("as", {"LOWER": "as", "DEP": "prep"}, "verb"),
                               _node("judged", {"DEP": "pobj"}, "as"),
                               _node("cue", {"DEP": "amod", "LEMMA": {"IN": PREDICATE_CUES}}, "judged")],
}


@lru_cache(maxsize=4)
def _matcher(vocab) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab)
    for name, pattern in PATTERNS.items():
        matcher.add(name, [pattern])
    return matcher


def _judged(verb, clause, naming: bool):
    """Return the token the judgement is about: the said clause's subject, or what is named."""
    if naming:
        return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if clause is None:
        return None
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _no_criticism(verb, clause, cue, judged) -> bool:
    """Return whether a matched judgement criticises no one: negated, passed on the speaker
    himself, a question, or a deed verb in another sense ("lied down")."""
    if any(c.dep_ == "neg" for t in (verb, clause, cue) if t is not None for c in t.children):
        return True
    if judged is not None and (judged.lower_ in NO_ONE | SELF or any(
            c.dep_ == "det" and c.lower_ == "no" for c in judged.children)):
        return True
    if cue.tag_ != "VBN" and cue.pos_ == "VERB" and any(c.dep_ in ("prt", "acomp") for c in cue.children):
        return True   # "he lied down"
    return cue.sent[-1].text == "?" or verb.sent[-1].text == "?"


def code_criticism(coding: ArticleCoding, doc, skip) -> None:
    """Emit the ACCUSE of each speech act whose content criticises (see the module doc).
    ``skip(token)`` says which tokens the coder sets aside (captions, conditions)."""
    analyzed = coding.analyzed
    for match_id, token_ids in _matcher(doc.vocab)(doc):
        pattern = PATTERNS[doc.vocab.strings[match_id]]
        found = {node["RIGHT_ID"]: doc[i] for node, i in zip(pattern, token_ids, strict=True)}
        verb, cue = found["verb"], found["cue"]
        naming = doc.vocab.strings[match_id].startswith(("named", "described"))
        clause = found.get("clause", None if naming else cue)
        judged = _judged(verb, clause, naming)
        if skip(verb) or _no_criticism(verb, clause, cue, judged):
            continue
        speaker = _subject(verb)
        sources = _resolve_phrase(analyzed, speaker) if speaker is not None else []
        if not sources or speaker.lemma_.lower() in TEXTS:
            continue   # "the report said": a judgement with no one passing it
        targets = [r for r in (_resolve_phrase(analyzed, judged) if judged is not None else []) if _actor_like(r)]
        coding.emit(verb, CRITICISM, "ACCUSE", RULE, sources, targets, verb, 0.6)
