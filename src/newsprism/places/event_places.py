"""Return where each event happened: the place its sentence attaches to it, else the dateline, else
the place the article is about, each marked with how it was chosen.

Attachment follows the dependency parse. A place governed by a locative preposition ("in",
"at", "near") that hangs off the event's trigger, or off the trigger's object ("took the
headquarters in Rostov-on-Don"), is the event's location. A movement's destination
("marched on Moscow", "sent troops to Belarus") is recorded as the destination, never as the
location. A country named as subject or object is an actor, not a location; a town or region
named as the object of an attack ("shelled Kharkiv") is where the attack happened.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsprism.places.mention_roles import MOVEMENT_LEMMAS, mention_role
from newsprism.places.records import EventPlace, PlaceMention

LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "off", "on", "over", "along"}
DIRECTIONAL = {"to", "toward", "towards", "into", "on", "onto"}
# Object-of-trigger places count as the location for these events ("shelled Kharkiv", "took Rostov").
SITE_OBJECT_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "SEIZE", "ATTACK"}
# Verbs whose object is the place itself ("visited Pineville", "captured Bakhmut").
SITE_LEMMAS = {"visit", "hit", "strike", "shell", "bomb", "attack", "take", "seize", "capture", "enter", "occupy",
               "storm", "raid", "liberate", "besiege", "surround", "encircle", "tour", "target"}
# Verbs whose "from X" is where the speaker is, not where anyone came from ("speaking from Chicago").
SPEAKING_LEMMAS = {"speak", "talk", "say", "address", "broadcast", "report", "write", "tweet", "announce", "testify",
                   "call", "comment", "respond", "reply", "remark", "tell"}
_HOPS = 3


def _token_at(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _up_to_noun_phrase_head(token):
    # "Rostov-on-Don" may parse as several tokens; climb compounds and appositions to the phrase head.
    while token.dep_ in ("compound", "appos", "conj", "flat", "nmod", "amod") and token.head.i != token.i:
        token = token.head
    return token


def _attachment(place_token, trigger, plover_type: str) -> str | None:
    """Return "location", "destination" or None for how the place hangs off the trigger."""
    if place_token.dep_ in ("compound", "nmod", "amod") and place_token.head.i == trigger.i:
        return "location"            # the place names the event itself: "the Orlando attack", "the Dover fire"
    head = _up_to_noun_phrase_head(place_token)
    if head.dep_ == "pobj" and head.head.dep_ in ("prep", "dative", "agent"):
        prep = head.head
        word = prep.lower_
        # A noun trigger that is a verb's object shares the verb's places: "give a lecture in
        # Manchester", "hold a rally in Dover" hang "in X" off the verb.
        anchors = {trigger.i}
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
            anchors.add(trigger.head.i)
        node, hops = prep.head, 0
        while node.i not in anchors and hops < _HOPS and node.head.i != node.i:
            if node.dep_ not in ("dobj", "pobj", "prep", "attr", "acl", "xcomp", "advcl", "conj", "npadvmod", "nsubjpass", "oprd"):
                break
            node, hops = node.head, hops + 1
        if node.i not in anchors:
            return None
        if word == "from" and prep.head.i == trigger.i and trigger.lemma_ in SPEAKING_LEMMAS:
            return "location"
        if word in DIRECTIONAL and prep.head.i == trigger.i and (trigger.lemma_ in MOVEMENT_LEMMAS or word in ("into", "toward", "towards")):
            return "destination"
        if word in LOCATIVE:
            return "location"
        return None
    if head.dep_ == "poss" and head.head.head.i == trigger.i and head.head.dep_ in ("dobj", "pobj"):
        return "location"            # "seized Rostov's military headquarters"
    if head.dep_ == "dobj" and head.head.i == trigger.i and (plover_type in SITE_OBJECT_TYPES or trigger.lemma_ in SITE_LEMMAS):
        return "site"
    return None


def place_events(events: Sequence, mentions: Sequence[PlaceMention], doc, dateline_mention: PlaceMention | None) -> list[EventPlace]:
    """Return one EventPlace per event that can be placed (and one per destination found)."""
    # A place inside a body's name ("the Atlanta Hawks", "the Ohio Department of Development") says
    # where the body is from, not where anything happened, nor what the article is about.
    # The same goes for a place name repeated where the parser saw a team or a firm ("repeat").
    resolved = [m for m in mentions if m.place is not None and m.reason == "resolved"
                and m.toponym.kind not in ("in_name", "repeat")]
    by_sentence: dict[int, list[PlaceMention]] = {}
    for m in resolved:
        by_sentence.setdefault(m.toponym.sentence_index, []).append(m)
    # Only when the article names no place otherwise, the towns of the bodies it names say where it
    # is ("the 76ers fired their coach": Philadelphia).
    main = main_place(resolved, doc) or main_place(
        [m for m in mentions if m.place is not None and m.reason == "resolved" and m.toponym.kind in ("in_name", "repeat")], doc)
    state = _state_of(main, resolved)
    sentence_list: list = []

    def sentences() -> list:
        # Doc.sents walks the whole parse: built once, and only when a quote must be looked up.
        if not sentence_list:
            sentence_list.extend(doc.sents)
        return sentence_list

    out: list[EventPlace] = []
    for event in events:
        trigger = _token_at(doc, event.start, event.end)
        here = by_sentence.get(event.sentence_index, [])
        location, destination = _attached(trigger, here, event.plover_type) if trigger is not None else (None, None)
        if location is None and getattr(event, "location", None):
            # The event coder's own location words, when they name a resolved place of the sentence.
            location = next((m for m in here if m.toponym.text in event.location or event.location in m.toponym.text), None)
        if location is None:
            location = _the_sentences_one_place(here, doc)
        if location is None and trigger is not None:
            location = _place_of_earlier_mention(trigger, resolved, doc)
        if location is None and trigger is not None:
            if any(by_sentence.get(event.sentence_index + k) for k in range(1, QUOTE_REACH + 1)):
                location = _place_of_the_quote_that_follows(event.sentence_index, sentences(), by_sentence)
        narrower = _narrower(location, main) if location is not None else None
        if narrower is not None:
            # "an attack on a bank in Greece" in an article about Athens: the article's place is the finer answer.
            out.append(EventPlace(event.id, narrower.place, narrower.toponym.text, None, None, "article"))
        elif location is not None:
            out.append(EventPlace(event.id, location.place, location.toponym.text, location.toponym.start, location.toponym.end, "sentence"))
        elif state is not None and trigger is not None and _speaks_of_the_state(trigger):
            # "The state legislature passed the bill" in a Washington-datelined story about Arizona:
            # "the state" is the state the article is about, not the dateline's city.
            out.append(EventPlace(event.id, state.place, state.toponym.text, None, None, "article"))
        elif dateline_mention is not None and dateline_mention.place is not None:
            t = dateline_mention.toponym
            out.append(EventPlace(event.id, dateline_mention.place, t.text, t.start, t.end, "dateline"))
        elif main is not None:
            out.append(EventPlace(event.id, main.place, main.toponym.text, None, None, "article"))
        if destination is not None:
            t = destination.toponym
            out.append(EventPlace(event.id, destination.place, t.text, t.start, t.end, "sentence", role="destination"))
    return out


def main_place(resolved: Sequence[PlaceMention], doc=None) -> PlaceMention | None:
    """Return the mention of the place the article is about.

    Each place scores its own mentions plus half those of the regions and countries it lies
    in, so the town in "Qeshm ... southern Iran ... Iran" wins over the country that contains
    it. A mention counts by the part it plays (``mention_roles``): a place named as where someone
    comes from ("a man from Hampton East", "North Carolina Rep. Bob Etheridge") counts a quarter,
    one named as where something goes ("traffic to Europe") a half.
    Ties go to the more specific place, then to the earlier one.
    """
    if not resolved:
        return None
    counts = [ROLE_WEIGHT[_role(doc, m)] if doc is not None else 1.0 for m in resolved]
    weight: Counter = Counter()
    for m, count in zip(resolved, counts):
        weight[_key(m.place)] += count
    containers: Counter = Counter()
    for m in resolved:
        p = m.place
        for other, count in zip(resolved, counts):
            q = other.place
            if q is p or _key(q) == _key(p):
                continue
            if (q.feature_code == "PCLI" and q.country == p.country and p.feature_code != "PCLI") or (
                    q.feature_code == "ADM1" and q.country == p.country and q.admin1_code == p.admin1_code
                    and p.feature_code not in ("ADM1", "PCLI")):
                containers[_key(p)] += 0.5 * count
    specificity = {"PCLI": 0, "CONT": 0, "ADM1": 1, "ADM2": 2}
    best = max(resolved, key=lambda m: (weight[_key(m.place)] + containers[_key(m.place)] / max(1, weight[_key(m.place)]) * weight[_key(m.place)],
                                        specificity.get(m.place.feature_code, 3), -m.toponym.start))
    return best


def _attached(trigger, mentions: Sequence[PlaceMention], plover_type: str) -> tuple[PlaceMention | None, PlaceMention | None]:
    """Return the places of the sentence the parse hangs on the trigger: (location, destination)."""
    doc = trigger.doc
    locations, destination = [], None
    for m in mentions:
        token = _token_at(doc, m.toponym.start, m.toponym.end)
        if token is None:
            continue
        how = _attachment(token, trigger, plover_type)
        if how == "site" and m.place.feature_code in ("PCLI", "CONT"):
            continue             # a country as object is an actor ("Russia attacked Ukraine")
        if how in ("location", "site"):
            locations.append((_qualifies_a_noun(token, trigger), m))
        elif how == "destination" and destination is None:
            destination = m
    # A place heading its own phrase ("in Benghazi") says where; one that only qualifies a noun on
    # the way ("an attack on a U.S. outpost in Benghazi") says whose, and yields to it.
    location = min(locations, key=lambda qm: qm[0])[1] if locations else None
    return location, destination


def _qualifies_a_noun(token, trigger) -> bool:
    """Return whether the place is a modifier of a noun other than the trigger ("a U.S. outpost")."""
    return token.dep_ in ("compound", "amod", "nmod", "poss") and token.head.i != trigger.i


def _place_of_earlier_mention(trigger, resolved: Sequence[PlaceMention], doc) -> PlaceMention | None:
    """Return the place of an earlier mention of the same happening.

    "the attack, which killed four" or "the confrontation occurred outside a fundraiser" names
    a happening told before ("the attack in Benghazi"): the noun the trigger's clause hangs on
    (relative clause) or has as subject, met earlier in the article with a place its sentence
    gives it, lends that place.
    """
    if trigger.dep_ == "relcl" and trigger.head.pos_ == "NOUN":
        noun = trigger.head
    else:
        noun = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    # "after his speech, Obama defended ...": the occasion named by a time preposition under the trigger.
    occasions = [t for t in trigger.subtree if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ in OCCASION_PREPOSITIONS]
    for noun in ([noun] if noun is not None else []) + occasions:
        found = _placed_earlier(noun, resolved, doc)
        if found is not None:
            return found
    return None


def _place_of_the_quote_that_follows(at: int, sents: list, by_sentence: dict[int, list[PlaceMention]]) -> PlaceMention | None:
    """Return where the speaker was when the next lines quote him: '"...," he said during a speech in San Jose.'

    A lead often sums up what someone said ("Obama defended the programs on Friday") and the
    quote that follows (one or two sentences: quotes run over sentences) gives the occasion.
    Only a pronoun speaker counts: it is the same person; the first attribution decides.
    """
    for index in range(at + 1, min(at + 1 + QUOTE_REACH, len(sents))):
        for token in sents[index]:
            if token.lemma_ in ("say", "tell") and any(c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they") for c in token.children):
                location, _ = _attached(token, by_sentence.get(index, []), "")
                return location
    return None


QUOTE_REACH = 2


# Prepositions whose object is the occasion an event happened at ("after his speech", "during the hearing").
OCCASION_PREPOSITIONS = {"after", "during", "before", "following", "at"}


def _placed_earlier(noun, resolved: Sequence[PlaceMention], doc) -> PlaceMention | None:
    """Return the place an earlier mention of the noun got from its sentence, if any."""
    for earlier in reversed([t for t in doc[: noun.sent.start] if t.lemma_ == noun.lemma_ and t.pos_ == "NOUN"]):
        sent = earlier.sent
        mentions = [m for m in resolved if sent.start_char <= m.toponym.start < sent.end_char]
        location, _ = _attached(earlier, mentions, "")
        location = location or _the_sentences_one_place(mentions, doc)
        if location is not None:
            return location
    return None


def _the_sentences_one_place(mentions: Sequence[PlaceMention], doc) -> PlaceMention | None:
    """Return the one place the sentence names, when it names one, other than as an origin or a destination.

    The parse often fails to hang the place on the event ("the tussle on a Washington street"
    as a noun's modifier, a relative clause between them), yet a sentence naming one place
    (and no home state or destination) is mostly telling where its events happened. With two
    places or more, only the parse decides.
    """
    here = [m for m in mentions if m.toponym.kind != "dateline" and _role(doc, m) in ("locative", "other")]
    return here[0] if here and len({_key(m.place) for m in here}) == 1 else None


def _state_of(main: PlaceMention | None, resolved: Sequence[PlaceMention]) -> PlaceMention | None:
    """Return the mention of the first-level region the article's place is, or lies in, when the text names it."""
    if main is None or main.place.feature_code == "ADM1":
        return main
    return next((m for m in resolved if m.place.feature_code == "ADM1" and m.place.country == main.place.country
                 and m.place.admin1_code == main.place.admin1_code), None)


def _speaks_of_the_state(trigger) -> bool:
    """Return whether the trigger's sentence refers to a state without naming it ("the state", "state lawmakers")."""
    return any(t.lower_ == "state" and t.text.islower() and (t.dep_ == "compound" or any(c.lower_ == "the" for c in t.children))
               for t in trigger.sent)


def _narrower(location: PlaceMention, main: PlaceMention | None) -> PlaceMention | None:
    """Return the article's place when it lies inside the country or region the sentence names."""
    if main is None:
        return None
    outer, inner = location.place, main.place
    if inner.feature_code in ("PCLI", "CONT") or _key(inner) == _key(outer) or inner.country != outer.country:
        return None
    if outer.feature_code == "PCLI":
        return main
    if outer.feature_code == "ADM1" and inner.feature_code != "ADM1" and inner.admin1_code == outer.admin1_code:
        return main
    return None


def _key(place) -> object:
    return place.geonameid or (place.name, place.country, place.feature_code)


# How much one mention of a place counts towards the article's place, by the part it plays.
ROLE_WEIGHT = {"origin": 0.25, "destination": 0.5, "locative": 1.0, "other": 1.0}


def _role(doc, mention: PlaceMention) -> str:
    token = _token_at(doc, mention.toponym.start, mention.toponym.end)
    return "other" if token is None else mention_role(token, mention.toponym.start)
