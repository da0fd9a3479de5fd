"""Whom a pronoun means, asked at the moment an event needs it.

The resolver (``references.ReferenceFinder.add_pronouns``) already joins "he", "his" and "its"
to the nearest fitting actor. Events know more than it does when they ask: who speaks the
quotation a pronoun stands in, and who the event's source is. This module answers with that
knowledge, from the article's mentions alone (no coreference model is available offline):

- "I", "me", "my", "we", "our" inside a direct quotation are its speaker ("'I apologize to
  Grassley,' Braley wrote" is Braley's apology).
- "he", "him", "his", "she", "her" are the latest person of that gender before the pronoun, in
  its sentence first, then the two before it; never the speaker of the quotation the pronoun
  stands in (a speaker says "I" of himself), and never an actor the caller excludes (whoever
  criticises "his policy" is not criticising his own).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass

from newsprism.records import ActorRef, AnalyzedArticle

FIRST_PERSON = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
THIRD_PERSON = {"he": "m", "him": "m", "his": "m", "himself": "m",
                "she": "f", "her": "f", "hers": "f", "herself": "f"}
# Honorifics that say a person's gender where the text gives no pronoun for them.
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Lord)\.?\s+$")
_FEMALE_HONORIFICS = {"Mrs", "Ms", "Miss", "Lady"}


def _ref(analyzed: AnalyzedArticle, actor_id: str, start: int, end: int) -> ActorRef | None:
    actor = next((a for a in analyzed.actors if a.id == actor_id), None)
    if actor is None:
        return None
    return ActorRef(actor.id, actor.name, actor.country, actor.sector, start, end)


def quote_at(analyzed: AnalyzedArticle, char: int):
    """Return the direct quotation whose words hold ``char``, if any."""
    return next((q for q in analyzed.quotes if q.direct and q.start <= char < q.end), None)


def quote_speaker(analyzed: AnalyzedArticle, char: int) -> ActorRef | None:
    """Return the resolved speaker of the direct quotation that holds ``char``, if any."""
    quote = quote_at(analyzed, char)
    if quote is None or quote.speaker_actor_id is None:
        return None
    return _ref(analyzed, quote.speaker_actor_id, quote.speaker_start or quote.start, quote.speaker_end or quote.start)


@dataclass(frozen=True)
class Candidate:
    """A person mentioned before a pronoun: where, who (any hashable key) and whether the
    mention is its clause's subject."""

    sentence: int
    start: int
    key: Hashable
    subject: bool = False


def evidence_genders(persons: list[Candidate], pronouns: list[tuple[int, int, str]], text: str) -> dict:
    """Return key -> "m"/"f" from evidence that leaves no doubt: an honorific before a mention
    ("Mrs. Clinton"), or a pronoun with exactly one person before it in its sentence (or, with
    none there, in the sentence before). ``pronouns`` are (sentence, start, lowercase word).

    A gender learnt from the nearest person before every pronoun would spread one mistake
    through the article ("as she sought to puncture Sanders's appeal and regain her footing"
    would make Sanders a woman); counting only unambiguous pronouns does not.
    """
    votes: dict = {}
    for sentence, start, word in pronouns:
        gender = THIRD_PERSON.get(word)
        if gender is None:
            continue
        for back in (0, 1):
            keys = {c.key for c in persons if c.sentence == sentence - back and c.start < start}
            if keys:
                if len(keys) == 1:
                    votes.setdefault(keys.pop(), Counter())[gender] += 1
                break
    found = {key: count.most_common(1)[0][0] for key, count in votes.items()
             if len(count) == 1 or count.most_common(2)[0][1] > count.most_common(2)[1][1]}
    for c in persons:
        honorific = _HONORIFIC.search(text[max(0, c.start - 6):c.start])
        if honorific is not None:
            found[c.key] = "f" if honorific.group(1) in _FEMALE_HONORIFICS else "m"
    return found


def choose_person(persons: list[Candidate], sentence: int, start: int, gender: str | None, known: dict,
                  exclude: set = frozenset()) -> Hashable | None:
    """Return the key of the person a "he"/"she" at ``start`` of ``sentence`` most likely means.

    Its own sentence first (the latest person before it), then the one or two before (their
    subject first); in each, a person known to be of the pronoun's gender before one whose
    gender is unknown. A person known to be of the other gender never fits.
    """
    for back in (0, 1, 2):
        pool = [c for c in persons if c.sentence == sentence - back and c.start < start and c.key not in exclude]
        for strict in (True, False):
            fits = [c for c in pool if known.get(c.key) == gender or (not strict and known.get(c.key) is None)]
            if not fits:
                continue
            if back == 0:
                return max(fits, key=lambda c: c.start).key
            subjects = [c for c in fits if c.subject]
            return (min(subjects, key=lambda c: c.start) if subjects else max(fits, key=lambda c: c.start)).key
    return None


def _article_persons(analyzed: AnalyzedArticle, doc) -> list[Candidate]:
    kinds = {a.id: a.kind for a in analyzed.actors}
    found = []
    for m in analyzed.actor_mentions:
        if kinds.get(m.actor_id) != "person":
            continue   # pronouns the resolver joined count too: they carry their person on
        last = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None else None
        subject = last is not None and last.root.dep_ in ("nsubj", "nsubjpass")
        found.append(Candidate(m.sentence_index, m.start, m.actor_id, subject))
    return found


def _quoted_speakers(analyzed: AnalyzedArticle) -> list[Candidate]:
    """Return each direct quotation's speaker as present in every sentence the quotation spans:
    who speaks a quotation is its sentences' topic, though no word there names them."""
    kinds = {a.id: a.kind for a in analyzed.actors}
    found = []
    for quote in analyzed.quotes:
        if not quote.direct or kinds.get(quote.speaker_actor_id) != "person":
            continue
        for sentence in analyzed.sentences:
            if sentence.start < quote.end and quote.start < sentence.end:
                found.append(Candidate(sentence.index, max(quote.start, sentence.start), quote.speaker_actor_id, True))
    return found


def genders(analyzed: AnalyzedArticle, doc=None) -> dict[str, str]:
    """Return actor id -> "m"/"f" where the article leaves no doubt (see ``evidence_genders``)."""
    persons = _article_persons(analyzed, doc)
    pronouns = []
    if doc is not None:
        index = {s.start: s.index for s in analyzed.sentences}
        starts = sorted(index)
        for token in doc:
            if token.lower_ in THIRD_PERSON:
                before = [s for s in starts if s <= token.idx]
                if before:
                    pronouns.append((index[before[-1]], token.idx, token.lower_))
    found = evidence_genders(persons, pronouns, analyzed.article.text)
    for mention in analyzed.actor_mentions:   # the resolver's joins, where no evidence says otherwise
        if mention.how == "pronoun" and mention.text.lower() in THIRD_PERSON:
            found.setdefault(mention.actor_id, THIRD_PERSON[mention.text.lower()])
    return found


def person_before(analyzed: AnalyzedArticle, token, exclude: set[str] = frozenset()) -> ActorRef | None:
    """Return the person a "he"/"she" token means (``choose_person`` over the article's
    mentions); never the speaker of the quotation it stands in (who says "I" of himself)."""
    sentence = next((s.index for s in analyzed.sentences if s.start <= token.idx < s.end), None)
    if sentence is None:
        return None
    quoted = quote_at(analyzed, token.idx)
    if quoted is not None and quoted.speaker_actor_id:
        exclude = set(exclude) | {quoted.speaker_actor_id}
    known, persons = _article_facts(analyzed, token.doc)
    key = choose_person(persons, sentence, token.idx, THIRD_PERSON[token.lower_], known, exclude)
    return _ref(analyzed, key, token.idx, token.idx + len(token.text)) if key is not None else None


# The last article's genders and candidates, per thread: events ask about many pronouns of one
# article, and a thread analyses one article at a time.
_FACTS = threading.local()


def _article_facts(analyzed: AnalyzedArticle, doc) -> tuple[dict[str, str], list[Candidate]]:
    """Return the article's genders and person candidates (quotation speakers included), computed
    once per article."""
    if getattr(_FACTS, "article", None) is not analyzed:
        _FACTS.article = analyzed
        _FACTS.genders = genders(analyzed, doc)
        _FACTS.persons = _article_persons(analyzed, doc) + _quoted_speakers(analyzed)
    return _FACTS.genders, _FACTS.persons


def pronoun_actor(analyzed: AnalyzedArticle, token, exclude: set[str] = frozenset()) -> ActorRef | None:
    """Return the actor a personal pronoun token stands for, or None when the text does not say.

    First person inside a quotation is its speaker. Third person is the resolver's answer
    unless the caller excludes it or it is the quotation's own speaker; then ``person_before``.
    """
    lower = token.lower_
    if lower in FIRST_PERSON:
        return quote_speaker(analyzed, token.idx)
    if lower not in THIRD_PERSON:
        return None
    start, end = token.idx, token.idx + len(token.text)
    claimed = next((m for m in analyzed.actor_mentions if m.how == "pronoun" and m.start == start and m.end == end), None)
    quoted = quote_at(analyzed, start)
    speaker = quoted.speaker_actor_id if quoted is not None else None
    if claimed is not None and claimed.actor_id not in exclude and claimed.actor_id != speaker:
        return _ref(analyzed, claimed.actor_id, start, end)   # the resolver's answer, when it may stand
    return person_before(analyzed, token, exclude)


# A definite description's kind -> the actor kinds it may refer back to.
_DESCRIBED_KINDS = {"person": ("person",), "body": ("organisation", "group")}
# Titles so general that they say no role: "the official" may be anyone of a government.
_VAGUE_TITLES = {"official", "leader", "spokesman", "spokeswoman", "spokesperson", "aide", "source"}


def description_actor(analyzed: AnalyzedArticle, token) -> ActorRef | None:
    """Return the actor a definite description the resolver left alone refers back to: the
    latest actor before it, in its sentence or the two before, of the description's kind
    (person or body) and sector ("the former president" after "Bill Clinton's affairs", "the
    company" after a named firm). A plural, an indefinite or a vague title ("the official")
    refers to no one in particular.
    """
    from newsprism.actors.titles import lookup_title

    if token.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    title = lookup_title(token.lemma_.lower())
    if title is None or title.sector is None or title.kind not in _DESCRIBED_KINDS or token.lemma_.lower() in _VAGUE_TITLES:
        return None
    sentence = next((s.index for s in analyzed.sentences if s.start <= token.idx < s.end), None)
    if sentence is None:
        return None
    actors = {a.id: a for a in analyzed.actors}
    fits = [m for m in analyzed.actor_mentions
            if m.end <= token.idx and sentence - 2 <= m.sentence_index <= sentence
            and (a := actors.get(m.actor_id)) is not None and a.kind in _DESCRIBED_KINDS[title.kind]
            and a.sector == title.sector]
    if not fits:
        return None
    latest = max(fits, key=lambda m: m.start)
    return _ref(analyzed, latest.actor_id, token.idx, token.idx + len(token.text))
