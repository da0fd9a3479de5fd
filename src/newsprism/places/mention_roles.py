"""Return the part a place name plays in its sentence: where something happened, where someone
comes from, or where something goes.

The article's main place is the one its events happen in. A name can be in the text for other
reasons: the home state of a politician ("North Carolina Rep. Bob Etheridge", "Senator Ted Cruz
of Texas", "represented North Carolina's 2nd District"), where a person came from ("a man from
Hampton East"), or where something is sent ("traffic to Europe"). Such names count for less
when the article's place is chosen (``event_places.main_place``).
"""

from __future__ import annotations

import re

# Titles whose place is a constituency: the politician is from there, the news is mostly elsewhere.
HOME_TITLES = {"rep", "rep.", "reps", "reps.", "representative", "representatives", "sen", "sen.", "sens", "sens.",
               "senator", "senators", "congressman", "congresswoman", "congressmember", "lawmaker", "lawmakers",
               "legislator", "legislators", "assemblyman", "assemblywoman", "delegate", "native", "natives"}
# (Not governors or mayors: they act where they govern, so their place is often the event's.)
# People a place qualifies by where they live or work ("a Houston woman", "a New York City station
# reporter"): the place says who they are, not where the sentence's events happen.
PERSON_NOUNS = {"man", "men", "woman", "women", "boy", "girl", "teen", "teenager", "resident", "residents", "reporter",
                "journalist", "developer", "businessman", "businesswoman", "student", "couple", "family"}
# News outlets a place qualifies ("a local Denver TV station", "the Denver Fox affiliate"): the place
# says where the outlet is, not where what it reports happened.
OUTLET_NOUNS = {"station", "affiliate", "newspaper", "paper", "daily", "tabloid", "magazine", "channel",
                "broadcaster", "radio", "television", "tv", "outlet", "website"}
# Nouns whose possessor or "of" object is a constituency ("North Carolina's 2nd Congressional District").
SEAT_NOUNS = {"district", "delegation", "constituency", "seat"}
# Verbs whose "on/to/toward X" is where the mover is going ("marched on Moscow").
MOVEMENT_LEMMAS = {"march", "advance", "head", "move", "drive", "push", "fly", "travel", "go", "come", "return",
                   "send", "deploy", "dispatch", "redeploy", "transfer", "relocate", "evacuate", "flee", "retreat",
                   "withdraw", "proceed", "approach", "arrive", "walk", "sail", "ride", "rush", "race", "leave"}
ORIGIN_PREPOSITIONS = {"from"}
DESTINATION_PREPOSITIONS = {"to", "toward", "towards", "into", "onto"}
LOCATIVE_PREPOSITIONS = {"in", "at", "on", "near", "outside", "inside", "throughout", "around", "within", "across"}
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "appos", "flat")
# A legislator's party and state or seat: "Sen. Jane Doe (D-Vt.)", "Rep. Roe, R-Ohio".
_PARTY_BEFORE = re.compile(r"\b[RDI]-$")


def phrase_head(token):
    """Climb compounds and appositions to the head of the place's noun phrase."""
    while token.dep_ in ("compound", "appos", "conj", "flat", "nmod", "amod") and token.head.i != token.i:
        token = token.head
    return token


def _qualifies_a_person(token) -> bool:
    """Whether a chain of modifiers leads from the place to a politician's title or a person's name."""
    node = token
    for _ in range(5):
        if node.dep_ not in _MODIFIER_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in HOME_TITLES or node.lower_ in PERSON_NOUNS or node.lower_ in OUTLET_NOUNS or node.ent_type_ == "PERSON":
            return True
        if node.lower_ in SEAT_NOUNS:
            return True
    return False


def _after_a_party(token, start: int) -> bool:
    """Return whether the name beginning at ``start`` follows a party letter and a hyphen ("D-Vt.")."""
    doc = token.doc
    first = token
    while first.i > 0 and first.idx > start:
        first = doc[first.i - 1]
    # (Doc.text would rebuild the whole text on each call: only the few characters before are joined.)
    before = "".join(doc[k].text_with_ws for k in range(max(0, first.i - 2), first.i)) + first.text[:max(0, start - first.idx)]
    return bool(_PARTY_BEFORE.search(before))


def mention_role(token, start: int | None = None) -> str:
    """Return "origin", "destination", "locative" or "other" for the place name whose root is ``token``.

    ``start`` is where the name begins in the text (its root may be a later word).
    """
    if _after_a_party(token, token.idx if start is None else start):
        return "origin"              # "Sen. Jane Doe (D-Vt.)": her seat, whatever the parse made of it
    if _qualifies_a_person(token):
        return "origin"              # "North Carolina Rep. Bob Etheridge", "New York Republican Rep. Grimm"
    head = phrase_head(token)
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        prep = head.head
        word = prep.lower_
        if word in ORIGIN_PREPOSITIONS:
            return "origin"          # "a man from Hampton East"
        if word == "of" and (prep.head.ent_type_ == "PERSON" or prep.head.lower_ in HOME_TITLES | SEAT_NOUNS):
            return "origin"          # "Senator Ted Cruz of Texas", "a native of Ohio"
        if word in DESTINATION_PREPOSITIONS or (word == "on" and prep.head.lemma_ in MOVEMENT_LEMMAS):
            return "destination"     # "traffic to Europe", "sent investigators to Hawaii", "marched on Moscow"
        if word in LOCATIVE_PREPOSITIONS:
            return "locative"        # "fought in Athens", "a tussle on a Washington street": something happened there
    return "other"
