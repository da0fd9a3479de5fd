"""Who is speaking: the speaker phrase of a reporting verb, and the actor it names.

The phrase is taken from the parse (subject, inverted subject, the subject of a governing verb,
"X was quoted as saying", the object of "according to"); the actor comes from the actor
resolution stage (``newsprism.actors.actor_at``), which also resolves "he" and "the minister".
Where that stage finds no actor behind a pronoun, the nearest person named before it speaks.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Span

from newsprism.actors import actor_at
from newsprism.records import AnalyzedArticle

PERSONAL_PRONOUNS = frozenset({"he", "she", "i"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
# Clauses and asides that hang off a speaker's name but are not part of it.
_NOT_IN_NAME = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "parataxis", "ccomp"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as written, where it is written, and the actor it resolves to."""

    text: str
    start: int
    end: int
    actor_id: str | None


def subject_of(verb):
    """Return the token that speaks for a reporting verb, or None (passive without agent)."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    for child in verb.children:
        if child.dep_ == "agent":                      # "was announced by the ministry"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    head = verb.head
    # "X was quoted as saying": the quoted person speaks; "RIA quoted X as saying": the object does.
    if verb.dep_ in ("pcomp", "pobj") or (head.lower_ == "as" and head.head.lemma_ == "quote"):
        quote_verb = head.head if head.lower_ == "as" else head
        if quote_verb.lemma_ == "quote":
            for child in quote_verb.children:
                if child.dep_ in ("dobj", "nsubjpass"):
                    return child
    if verb.dep_ == "advcl" and verb.head.lemma_ == "quote":
        for child in verb.head.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
    # "He smiled and said ...", "..., adding that ...": the governing verb's subject speaks.
    if verb.dep_ in ("conj", "advcl", "xcomp") and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    # "Prigozhin, who alleged ...": the relative clause's antecedent.
    if verb.dep_ == "relcl":
        return verb.head
    return None


def _pruned(token) -> list[int]:
    """Return the indices of a token's subtree, leaving out the clauses and asides under it."""
    indices = [token.i]
    for child in token.children:
        if child.dep_ not in _NOT_IN_NAME:
            indices.extend(_pruned(child))
    return indices


def phrase_bounds(token) -> tuple[int, int]:
    """Return the token range [left, right) of the noun phrase headed by ``token``, without clauses."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head
    indices = _pruned(token)
    left, right = min(indices), max(indices)
    doc = token.doc
    # A name ends at punctuation the parse failed to see as an aside: "the study -- which notes …".
    for i in range(token.i + 1, right + 1):
        if doc[i].text in (",", "--", "—", "–", ";", "(", ":"):
            right = i - 1
            break
    for i in range(token.i - 1, left - 1, -1):
        if doc[i].text in (",", "--", "—", "–", ";", ")", ":"):
            left = i + 1
            break
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > token.i and (doc[right].is_punct or doc[right].is_space) and doc[right].text not in ")]":
        right -= 1
    return left, right + 1


def entity_around(token):
    """Return the named-entity span holding a token, or None (read from the token, not doc.ents,
    which spaCy rebuilds on every access)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _person_name_in(doc, left: int, right: int, head) -> tuple[int, int] | None:
    """Return the char bounds of the person's name heading the phrase ("governor [Igor Artamonov]")."""
    entity = entity_around(head)
    if entity is not None and head.ent_type_ == "PERSON" and left <= entity.start:
        return entity.start_char, entity.end_char
    return None


def _nearest_before(analyzed: AnalyzedArticle, position: int, labels: tuple[str, ...]) -> str | None:
    entities = [e for e in analyzed.entities if e.label in labels and e.end <= position]
    ends = [e.end for e in entities]
    index = bisect.bisect_right(ends, position) - 1
    return entities[index].text if index >= 0 else None


def speaker_from_token(analyzed: AnalyzedArticle, token) -> Speaker | None:
    """Return the speaker a subject token names, resolved to an actor where one is known."""
    if token is None or token.is_punct or token.is_space:
        return None
    doc = token.doc
    text = analyzed.article.text
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head
    if token.pos_ == "PRON" or token.lower_ in PERSONAL_PRONOUNS:
        start, end = token.idx, token.idx + len(token.text)
        return resolve_pronoun(analyzed, start, end)
    # "The volunteers' commander, Teodor Halvik, wrote": the apposed name names the speaker.
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and token.ent_type_ != "PERSON":
            entity = entity_around(child)
            if entity is not None:
                return resolve_speaker(analyzed, entity.start_char, entity.end_char, entity.text)
    left, right = phrase_bounds(token)
    bounds = _person_name_in(doc, left, right, token)
    start, end = bounds if bounds else (doc[left].idx, doc[right - 1].idx + len(doc[right - 1].text))
    return resolve_speaker(analyzed, start, end, text[start:end])


def resolve_speaker(analyzed: AnalyzedArticle, start: int, end: int, written: str) -> Speaker:
    """Return the speaker written at [start, end), with the actor the article resolves it to."""
    actor = actor_at(analyzed, start, end)
    written = " ".join(written.split()).strip(" ,.;:—–―-")
    if actor is not None and actor.actor_id is not None and _descriptive(written) and not _descriptive(actor.name):
        # "the minister", "The militia": a description the actors stage resolved to a named actor
        # speaks by that name ("protesters" stays as written).
        return Speaker(actor.name, start, end, actor.actor_id)
    return Speaker(written, start, end, actor.actor_id if actor else None)


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their"})


def _descriptive(written: str) -> bool:
    """Return whether a phrase names no one by name: "The militia", "the president" (every word
    after a determiner lower-case), unlike "the State Department" or "A Kremlin statement"."""
    words = written.split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return bool(words) and all(not w[:1].isupper() for w in words)


def resolve_pronoun(analyzed: AnalyzedArticle, start: int, end: int) -> Speaker:
    """Return the speaker behind a pronoun: its resolved actor, else the nearest person before it."""
    pronoun = analyzed.article.text[start:end]
    actor = actor_at(analyzed, start, end)
    if actor is not None and actor.actor_id is not None:
        return Speaker(actor.name, start, end, actor.actor_id)
    if pronoun.lower() in PERSONAL_PRONOUNS:
        person = _nearest_before(analyzed, start, ("PERSON",))
        if person:
            return Speaker(person, start, end, None)
    elif pronoun.lower() == "it":
        body = _nearest_before(analyzed, start, ("ORG",))
        if body:
            return Speaker(body, start, end, None)
    return Speaker(pronoun, start, end, None)
