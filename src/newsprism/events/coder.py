"""PLOVER event coding: a transparent pattern layer over the spaCy parse.

For each trigger (a lexicon verb, or a lexicon noun carried by a support verb or possessor) the
coder finds the source (subject, passive agent, relative-clause antecedent, or the subject
shared with a governing verb), the targets (object, lexicon prepositions, conjuncts and group
members), negation, modality, attribution, date and location, and emits records.Event.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from newsprism.actors import actor_at, describe, expand_group
from newsprism.actors.titles import lookup_title
from newsprism.events.lexicon import (
    ACCUSING_PREDICATES,
    ARMED_ONLY,
    ARMED_SECTORS,
    CARRIER_RECODES,
    CONVEYING_VERBS,
    CROWD_PROTEST,
    CROWD_VERBS,
    COOPERATIVE,
    DEED_NOUNS,
    HOSTILE,
    NOUN_MODIFIERS,
    NOUNS,
    PROTESTERS,
    PROTESTING_PEOPLE,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    STATEMENT_VERBS,
    SUPPORT_VERBS,
    VERBS,
    Trigger,
)
from newsprism.events.senses import HELD_PLACES, not_this_sense
from newsprism.records import ActorRef, AnalyzedArticle, DateMention, Event, stable_id

FUTURE_AUX = {"will", "shall", "'ll", "would", "wo", "may", "might", "could"}
OBLIGING_AUX = {"must", "should"}
PLANNING_HEADS = {"plan", "intend", "prepare", "aim", "expect", "want", "hope", "seek", "vow", "promise", "pledge",
                  "decide", "agree", "offer", "commit", "undertake", "swear"}
DEMANDING_HEADS = {"urge", "ask", "call", "demand", "request", "press", "appeal", "order", "tell"}
ALLEGING_HEADS = {"allege", "claim", "accuse", "suspect", "believe", "reportedly", "purportedly",
                  "accusation", "allegation", "suspicion"}
# Verbs whose object is charged with a deed: "accused X of arming", "blamed X for the attack".
ALLEGING_OBJECT_HEADS = {"accuse", "suspect", "blame", "charge", "convict", "criticize", "criticise", "condemn"}
# Verbs whose object does what their complement says: "urged Iran to halt", "allowed Colorado to go ahead".
# An order is the orderer's deed: "ordered the paper to suspend publication" is the state's sanction.
OBJECT_CONTROL = DEMANDING_HEADS - {"order"} | {"allow", "force", "help", "persuade", "pressure", "encourage", "invite", "permit",
                                    "compel", "convince", "authorize", "authorise", "warn", "advise"}
NEGATING_HEADS = {"deny", "refuse", "fail", "decline", "reject"}
PRESS_WORDS = {"reporter", "journalist", "press", "medium", "media", "correspondent", "newsman"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"}
KNOWN_VERBS = SUPPORT_VERBS | {lemma for lemma, _ in VERBS}
# Nouns that only frame an event noun before them: "a mediation mission", "a mediation effort".
EVENT_FRAMES = {"mission", "effort", "bid", "initiative", "process", "campaign", "attempt", "drive"}


def _lemma(token) -> str:
    """Return a token's lemma, mending the lemmatizer's clipped verbs ("staged" -> "stag")."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and lemma not in KNOWN_VERBS and lemma + "e" in KNOWN_VERBS \
            and token.lower_.startswith(lemma + "e"):
        return lemma + "e"
    return lemma


CONDITION_MARKS = ("if", "unless")


def _condition_clause(token) -> bool:
    """Return whether a token heads a condition: "if police storm the dam", and "until the
    government cancels the plan" in the present tense (a past "until" clause happened)."""
    if token.dep_ != "advcl":
        return False
    marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
    return any(m in CONDITION_MARKS for m in marks) or ("until" in marks and token.tag_ in ("VBZ", "VBP"))


def _in_condition(token) -> bool:
    """Return whether a token lies in a condition clause: the condition of a threat or an offer
    ("will open the gates if police storm the dam") reports no storming."""
    return any(_condition_clause(t) for t in (token, *token.ancestors))


def _condition_subjects(roots) -> list:
    """Return the subjects of the condition clauses under ``roots``: whom a threat is aimed at."""
    found = []
    for root in roots:
        for token in root.subtree:
            if _condition_clause(token):
                subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject not in found:
                    found.append(subject)
    return found


def _without_clauses(token) -> list[int]:
    """Return the indices of a token's subtree, leaving out clauses (acl, relcl, advcl) inside it."""
    indices = [token.i]
    for child in token.children:
        if child.dep_ not in ("acl", "relcl", "advcl"):
            indices.extend(_without_clauses(child))
    return indices


def _span_of(token) -> tuple[int, int]:
    """Return token indices of a noun phrase without its relative clauses and verbal modifiers."""
    left, right = token.i, token.i
    for t in token.subtree:
        if t.i < token.i and t.dep_ not in ("relcl", "acl", "advcl", "punct") and all(a.dep_ not in ("relcl", "acl") for a in t.ancestors if a.i != token.i and token.is_ancestor(a)):
            left = min(left, t.i)
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos", "nmod", "amod", "poss") or (child.dep_ == "prep" and child.lower_ == "of"):
            # Stop before a clause hanging inside the phrase ("missions called to ...").
            right = max(right, max(_without_clauses(child)))
    doc = token.doc
    while left < token.i and (doc[left].is_punct or doc[left].is_space or doc[left].dep_ == "cc"):
        left += 1
    return left, right + 1


def _reporting_subject(token):
    """Return the subject of the speech verb whose reported clause holds ``token``, if any."""
    for ancestor in token.ancestors:
        if ancestor.lemma_ in SPEECH_VERBS and ancestor.pos_ == "VERB":
            # "The rebels rejected the plan and said they opposed ...": a shared subject counts.
            subject = _subject(ancestor)
            return subject if subject is not None and subject.i != token.i else None
    return None


def _resolve_phrase(analyzed: AnalyzedArticle, token, exclude_country: str | None = None) -> list[ActorRef]:
    """Return the actors a noun phrase names: group members, a resolved actor, or the phrase itself."""
    doc = token.doc
    if token.lower_ in ("who", "that", "which") and token.head.dep_ == "relcl":
        token = token.head.head
    if token.lower_ in ("they", "it", "we", "he", "she") and token.dep_ in ("nsubj", "nsubjpass") and \
            actor_at(analyzed, token.idx, token.idx + len(token.text)) is None:
        # "The rebels said they will release ...": the pronoun is the speaker.
        speaker = _reporting_subject(token)
        if speaker is not None and speaker.lower_ not in PRONOUNS:
            token = speaker
    if token.lower_ == "it" and token.dep_ not in ("nsubj", "nsubjpass"):
        # "the militia had left the dam and police had taken control of it": an object "it"
        # after a place in its sentence is that place.
        # Not a place inside the clause's own subject: "troops in the region attacked it".
        verb = token.head.head if token.head.dep_ == "prep" else token.head
        subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        inside = {t.i for t in subject.subtree} if subject is not None else set()
        place = next((t for t in reversed(doc[token.sent.start:token.i]) if t.pos_ in ("NOUN", "PROPN")
                      and t.i not in inside and (t.lemma_.lower() in HELD_PLACES or t.ent_type_ in ("FAC", "LOC"))), None)
        if place is not None:
            token = place
        else:
            actor = _object_it(analyzed, token)
            if actor is not None:
                return [actor]
    left, right = _span_of(token)
    start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1].text)
    # The speaker's own country is not among "his G7 counterparts".
    members = [m for m in expand_group(analyzed, start, end) if not exclude_country or m.country != exclude_country]
    if members:
        return members
    head_start, head_end = token.idx, token.idx + len(token.text)
    # The head names the actor; failing that, its modifiers before it ("Wagner units", "America's allies").
    actor = actor_at(analyzed, head_start, head_end) or actor_at(analyzed, start, head_end)
    if actor is not None:
        return [_placed(analyzed, token, actor)]
    # "members of the gang", "fighters from Hamas": members act as their group.
    members_of = token.lemma_.lower() in MEMBER_WORDS
    for prep in (c for c in token.children if members_of and c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for group in (c for c in prep.children if c.dep_ == "pobj"):
            actor = actor_at(analyzed, group.idx, group.idx + len(group.text))
            kind = next((a.kind for a in analyzed.actors if actor is not None and a.id == actor.actor_id), None)
            if actor is not None and actor.sector not in ("CVL", None) and kind not in ("person", None):
                return [actor]
    text = analyzed.article.text[start:end].strip()
    # "anyone in the Orin valley": an indefinite pronoun with a setting names the people there.
    placed_pronoun = token.lower_ in INDEFINITE_PRONOUNS and any(
        c.dep_ == "prep" and c.lower_ in ("in", "from") for c in token.children)
    if not text or token.lower_ in PRONOUNS or (token.pos_ in ("PRON", "DET") and not placed_pronoun):
        return []
    # A surname the tagger missed ("talks with Prigozhin") still names the article's actor.
    if token.pos_ == "PROPN":
        for actor in analyzed.actors:
            if actor.kind == "person" and token.text in actor.name.split():
                return [ActorRef(actor.id, actor.name, actor.country, actor.sector, head_start, head_end)]
    country, sector = describe(text)
    return [_placed(analyzed, token, ActorRef(None, text, country, sector, start, end))]


# Nouns for the members of a group, who act as the group: "members of the gang".
MEMBER_WORDS = {"member", "fighter", "militant", "supporter", "follower", "unit", "gunman", "loyalist"}
INDEFINITE_PRONOUNS = {"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "no one"}


# Nominal events whose "of" phrase names the doer, not what is done to ("the mediation of the UN").
AGENT_OF_NOUNS = {"mediation", "visit"}
MEASURE_NOUNS = {"step", "inch", "metre", "meter", "kilometre", "kilometer", "mile", "yard", "foot"}
# Verbs that things do as often as actors: "troops returned", but also "power returned",
# "talks advanced", "marijuana entering their towns". They are events only when people, an
# actor or an armed force's vehicles move ("returned the helicopter" is handing it back).
MOTION_VERBS = {"return", "advance", "enter", "leave", "head", "move", "march"}
OBJECT_MAKES_A_DEED = {"return"}
# Things that move as an armed force does: "the convoy headed toward Moscow".
FORCE_THINGS = {"convoy", "column", "tank", "vehicle", "armour", "armor", "aircraft", "jet", "warship", "ship",
                "helicopter", "drone", "unit", "battalion", "brigade", "division", "regiment", "fleet", "force",
                "troop", "truck", "boat"}
REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves"}


def _object_it(analyzed: AnalyzedArticle, token) -> ActorRef | None:
    """Return the body an object "it" stands for: the nearest organisation, group or state
    before it in its sentence that is not the subject of its own clause ("accuses the Karst
    Republic of arming it": the group named earlier; "Russia accused Ukraine of attacking it":
    Russia)."""
    verb = token.head.head if token.head.dep_ == "prep" else token.head
    subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    own = {r.actor_id for r in _resolve_phrase(analyzed, subject)} if subject is not None and subject.lower_ != "it" else set()
    kinds = {a.id: a.kind for a in analyzed.actors}
    begin = token.sent.start_char
    before = [m for m in analyzed.actor_mentions if begin <= m.start and m.end <= token.idx]
    for mention in sorted(before, key=lambda m: m.start, reverse=True):
        if kinds.get(mention.actor_id) in ("organisation", "group", "country") and mention.actor_id not in own:
            return actor_at(analyzed, mention.start, mention.end)
    return None


# Plural nouns for people that _people_noun's endings miss.
PEOPLE_WORDS = {"people", "person", "man", "men", "woman", "women", "child", "children", "youth", "police",
                "troops", "force", "forces", "crowd", "family", "families", "resident", "villager", "official"}


def _misread_noun(token) -> bool:
    """Return whether the lemmatizer made an event noun of another word ("aides" -> "aid")."""
    return token.lower_.startswith("aide")


def _one_person(token) -> bool:
    """Return whether a subject is one person: a name, or a singular title ("the attorney general")."""
    if token.ent_type_ == "PERSON":
        return True
    title = lookup_title(token.lemma_.lower()) if token.tag_ == "NN" else None
    if title is None and token.tag_ == "NN":
        # A two-word title whose head is this noun: "attorney general", "prime minister".
        left = token.doc[token.i - 1] if token.i > 0 else None
        title = lookup_title(f"{left.lower_} {token.lower_}") if left is not None else None
    return title is not None and title.kind == "person"


def _heads(subject) -> list:
    """Return a subject and the nouns after its "of": "hundreds of families" is families."""
    return [subject, *(c for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                       for c in p.children if c.dep_ == "pobj")]


def _protesting(subject, sources: list[ActorRef]) -> bool:
    """Return whether a crowd verb's subject is protesters, activists or civilians, not armed men."""
    if any(s.sector in ARMED_SECTORS for s in sources):
        return False
    heads = _heads(subject)
    return any(h.lemma_.lower() in PROTESTERS for h in heads) or any(s.sector in PROTESTING_PEOPLE for s in sources)


def _is_someone(subject, sources: list[ActorRef]) -> bool:
    """Return whether a subject is someone: an actor, people ("hundreds of families",
    "villagers") or an armed force's vehicles; not a thing ("the weed", "power", "vigils")."""
    if any(_actor_like(s) or s.actor_id for s in sources) or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    heads = _heads(subject)
    return any(_people_noun(h) or h.lemma_.lower() in SOMEONE_WORDS or lookup_title(h.lemma_.lower()) is not None
               for h in heads)


# "called the seizure a terrorist attack": calling something a crime accuses (CAMEO 112).
NAMING_ACCUSATION = Trigger("ACCUSE", None, "112")
# Bodies of people that act together: "the delegation came to discuss", "the team met".
GROUP_NOUNS = {"delegation", "team", "committee", "council", "side", "group", "party", "panel", "board", "camp",
               "coalition", "alliance", "union", "bloc", "faction", "cabinet", "administration", "leadership"}


SOMEONE_WORDS = PEOPLE_WORDS | FORCE_THINGS | GROUP_NOUNS


# Sectors of actors who act where they live: protesters, rebels, a government, the police.
LOCAL_SECTORS = {"CVL", "REB", "OPP", "GOV", "MIL", "COP", "JUD", "LEG", "BUS"}


def _placed(analyzed: AnalyzedArticle, token, ref: ActorRef) -> ActorRef:
    """Return ``ref`` with the country its setting gives when the text names none for it.

    "Rebels in the Ivory Coast" are Ivorian; "ethnic Albanians demonstrated in Serbia" act in
    the one country their sentence names. A country drawn from the sentence is only given to
    local actors (people, rebels, officials) and only when the sentence names one country.
    """
    if ref.country:
        if ref.sector == "CVL":
            # "the Albanians of southern Serbia", "ethnic Turks in Sweden": people act where they live.
            home = _country_of_setting(analyzed, token, ("in", "inside", "of"))
            if home and home != ref.country:
                return dataclasses.replace(ref, country=home)
        return ref
    # "rebels in the Ivory Coast" are Ivorian; "streets in Hong Kong" are a place, not an actor.
    someone = ref.sector is not None or _people_noun(token) or token.ent_type_ in ("PERSON", "ORG", "NORP") \
        or token.lemma_.lower() in PEOPLE_WORDS
    country = _country_of_setting(analyzed, token) if someone else None
    if country is None and any(c.dep_ == "poss" and c.lower_ in ("their", "its", "his", "her") for c in token.children):
        # "Bosnian Serbs said their forces had completed the withdrawal": the speaker's forces.
        speaker = _reporting_subject(token)
        if speaker is not None and speaker.lower_ not in PRONOUNS:
            country = next((r.country for r in _resolve_phrase(analyzed, speaker) if r.country), None)
    if country is None and (ref.sector in LOCAL_SECTORS or (ref.sector is None and _people_noun(token))):
        country = _sentence_country(analyzed, token, ref)
    return dataclasses.replace(ref, country=country) if country else ref


def _people_noun(token) -> bool:
    """Return whether a plural noun names people ("fundamentalists", "elders", "refugees")."""
    return token.tag_ == "NNS" and token.lemma_.lower().endswith(("ist", "er", "or", "ian", "ite", "ee"))


# What is fired or launched at someone: never the target of the attack.
WEAPONS = {"rocket", "missile", "shell", "shot", "round", "bullet", "grenade", "mortar", "gas", "projectile",
           "bomb", "drone", "volley", "salvo", "artillery", "gun", "weapon", "cannon", "stone", "rock"}
# Verbs whose object is what is talked about or handed on; whom they are done with comes
# after "with" ("discussed the crisis with Egypt", "shared intelligence with Ukraine").
CONTENT_OBJECT_VERBS = {"discuss", "share"}
# Event types that are said, not done: what they are about is not where their speakers are.
VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


def _verbal(verb) -> bool:
    lemma = _lemma(verb)
    trigger = VERBS.get((lemma, ""))
    return lemma in SPEECH_VERBS or (trigger is not None and trigger.plover in VERBAL_TYPES)


# Prepositions of a setting, as _SETTING_BEFORE reads them.
SETTING_WORDS = {"in", "at", "across", "throughout", "near", "inside", "outside"}
# "in Serbia", "across southern Iraq", "at a jail in northern Israel": a place as a setting.
_SETTING_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(SETTING_WORDS)) + r")\s+(?:the\s+)?(?:[a-z-]+\s+)?$")


def _sentence_country(analyzed: AnalyzedArticle, token, ref: ActorRef) -> str | None:
    """Return the only country the token's sentence sets its action in ("... in Serbia"), if one.

    Only places named as a setting count: "protest against Sweden's decision" names Sweden as
    the other side, not as where the protesters are.
    """
    sentence = token.sent
    begin, finish = sentence.start_char, sentence.end_char
    text = analyzed.article.text
    actors = {a.id: a for a in analyzed.actors}
    found = set()
    for m in analyzed.actor_mentions:
        actor = actors.get(m.actor_id)
        if not (begin <= m.start < finish) or actor is None or actor.kind not in ("country", "place") or not actor.country:
            continue
        if _SETTING_BEFORE.search(text[max(begin, m.start - 40):m.start]) and not _inside_object(token.doc, m.start, m.end):
            found.add(actor.country)
    return found.pop() if len(found) == 1 else None


def _inside_object(doc, start: int, end: int) -> bool:
    """Return whether a place qualifies what a statement is about rather than where it is made:
    "discussed the situation in Russia" is about Russia. A deed's object is where the deed is:
    "seized the dam in Orin province", "rioted at a jail in Israel" happen there."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in SETTING_WORDS:
        holder = token.head.head
        if holder.pos_ not in ("NOUN", "PROPN"):
            return False           # the preposition hangs off a verb: where the action happens
        if holder.dep_ in ("dobj", "attr", "oprd"):
            return _verbal(holder.head)   # the place qualifies what is discussed, condemned, said
        token = holder             # "at a jail in Israel": climb through the setting chain
    return False


def _country_of_setting(analyzed: AnalyzedArticle, token, preps: tuple[str, ...] = ("in", "inside", "from")) -> str | None:
    """Return the country of "rebels in the Ivory Coast", "doctors from two American aid groups":
    people the text places in or brings from one country belong to it when nothing else says."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in preps):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            left, right = _span_of(place)
            start, end = place.doc[left].idx, place.doc[right - 1].idx + len(place.doc[right - 1].text)
            ref = actor_at(analyzed, start, end)
            country = ref.country if ref is not None else describe(analyzed.article.text[start:end])[0]
            if country:
                return country
    return None


RECIPIENT_PREPS = ("to", "with", "for", "against", "on", "in", "into", "from", "of", "toward", "towards")
# Links followed when looking for the actor an event is done to inside its own clause; other
# clauses (relative, adverbial, reported) hold other events.
CLAUSE_LINKS = ("dobj", "pobj", "prep", "poss", "xcomp", "acl", "conj", "compound", "amod", "nmod", "appos",
                "dative", "attr", "oprd", "pcomp", "nsubj", "agent", "nsubjpass")
# Events whose setting is their target when no actor is named: "imposed a curfew in Cizre"
# is done to that place, "prisoners rioted at a jail in northern Israel" is a protest there.
PLACE_TARGETED = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "CONCEDE"}


# Prepositions that place a thing beside a landmark ("a dam near the border with the Karst
# Republic") or name who reports it ("according to the Border Service"): never the target.
LANDMARK_PREPS = {"near", "along", "beside", "outside", "according", "upstream", "downstream"}
SETTING_PREPS = {"in", "at", "inside"}


def _actor_in_clause(analyzed: AnalyzedArticle, roots: list, skip: set[int], sources: list[ActorRef],
                     max_depth: int = 6, settings: bool = True) -> list[ActorRef]:
    """Return the nearest actors with a country inside the clause of ``roots`` (breadth first).

    "promised to continue military aid to war-torn Mozambique", "protest against Sweden's
    decision": the object is a thing, and the actor it concerns sits deeper in the clause. The
    source's own state found that deep is the source's side, not the target ("the ministry
    rejected accusations that the Karst Republic armed them"); its people and places may be.
    """
    source_ids = {(r.actor_id or r.name) for r in sources}
    states = {a.id for a in analyzed.actors if a.kind == "country"}
    # A government's own state deep in its clause is its own side; a union's or a rebel
    # group's government may well be whom it acts on.
    source_countries = {r.country for r in sources if r.country and (r.sector == "GOV" or r.actor_id in states)}
    frontier = [(r, 0) for r in roots]
    seen = set(skip)
    while frontier:
        level: list[ActorRef] = []
        following = []
        for token, depth in frontier:
            for child in token.children:
                purpose = child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                # "allowed candidate Ouattara to run": the complement of a deed, not of a report.
                complement = child.dep_ == "ccomp" and token.pos_ == "VERB" and token.lemma_ not in SPEECH_VERBS
                if child.i in seen or not (child.dep_ in CLAUSE_LINKS or purpose or complement):
                    continue   # "to help defend Saudi Arabia" is the purpose of the same deed
                if child.lower_ in LANDMARK_PREPS or (not settings and child.dep_ == "prep" and child.lower_ in SETTING_PREPS):
                    continue   # "met the delegations at a guesthouse in Drovna": where, not with whom
                if child.dep_ == "nsubj" and token.pos_ in ("VERB", "AUX") and token in roots:
                    continue   # the event's own subject is its source
                seen.add(child.i)
                if child.pos_ in ("PROPN", "NOUN") and child.dep_ not in ("compound", "amod"):
                    for ref in _resolve_phrase(analyzed, child):
                        own_state = ref.actor_id in states and ref.country in source_countries
                        if ref.country and (ref.actor_id or ref.name) not in source_ids and not own_state:
                            level.append(ref)
                if depth + 1 < max_depth:
                    following.append((child, depth + 1))
        if level:
            return level
        frontier = following
    return []


def _with_deeper_targets(analyzed: AnalyzedArticle, targets: list[ActorRef], sources: list[ActorRef], subject,
                         roots: list, plover: str, content: list = (), places: tuple = ()) -> list[ActorRef]:
    """Return ``targets`` led by the actors found deeper in the clause when none of them has a
    country (the things stay after them: "denied the accusation").

    ``content`` (an offer's or threat's complement) is searched before the rest of the clause;
    events done to a place (PLACE_TARGETED) fall back on their setting.
    """
    source_ids = {(r.actor_id or r.name) for r in sources}
    if any(t.country and (t.actor_id or t.name) not in source_ids for t in targets):
        return targets
    # The subject's own phrase is the source's; a subject the parse made the head of the whole
    # sentence ("Doctors from aid groups donated ...") spans only itself.
    skip = set()
    if subject is not None:
        skip = {subject.i} if any(subject.is_ancestor(r) for r in roots) else {t.i for t in subject.subtree}
    skip |= {r.i for r in roots}
    # A meeting's setting is where it happens; a deed's setting may be whom it hits.
    settings = plover != "CONSULT"
    deeper = _actor_in_clause(analyzed, list(content), skip, sources, settings=settings) if content else []
    deeper = deeper or _actor_in_clause(analyzed, roots, skip, sources, settings=settings)
    if not deeper and not targets and plover in PLACE_TARGETED:
        deeper = _place_target(analyzed, *(places or roots))
    return deeper + targets


def _place_target(analyzed: AnalyzedArticle, *anchors) -> list[ActorRef]:
    """Return the country-bearing place an event happens in ("in Sudan", "at a jail in Israel")."""
    holders = [a for a in dict.fromkeys(anchors) if a is not None]
    holders += [c for a in holders for c in a.children if c.dep_ == "dobj"]
    named = []
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside", "near")):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            refs = [r for r in _resolve_phrase(analyzed, place) if r.country]
            refs = refs or _actor_in_clause(analyzed, [place], set(), [], max_depth=3)
            if refs:
                return refs[:1]
            if not named and _named_place(place):
                named = _resolve_phrase(analyzed, place)[:1]
    # A place the text names but no table places in a country ("the village of Lesk", "the dam")
    # is still where the event is aimed.
    return named


def _named_place(token) -> bool:
    """Return whether a noun names a place: a place entity ("Lesk", "in the village of Lesk") or
    a held place ("the dam")."""
    inner = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    return token.ent_type_ in ("GPE", "LOC", "FAC") or token.lemma_.lower() in HELD_PLACES or any(
        c.ent_type_ in ("GPE", "LOC", "FAC") for c in inner)


def _deed_doers(analyzed: AnalyzedArticle, doc, targets: list[ActorRef],
                deeds: list[tuple[str, list[ActorRef]]], rejection: bool = False) -> list[ActorRef]:
    """Return ``targets`` with each deed noun replaced by its doers: "called the seizure of the dam
    a terrorist attack" accuses whoever seized it, named by "by ..." or by the latest event of
    that deed before it in the article ("The rebels seized the dam on Tuesday")."""
    out: list[ActorRef] = []
    for ref in targets:
        doers: list[ActorRef] = []
        unplaced = ref.actor_id is None and not ref.country and ref.start is not None and ref.end is not None
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand") if unplaced else None
        if span is not None:
            noun = span.root.lemma_.lower()
            verbs = DEED_NOUNS.get(noun) or ((noun[:-3],) if noun.endswith("ing") and span.root.pos_ == "NOUN" else ())
            if rejection and noun in STATEMENT_NOUNS:
                verbs = STATEMENT_VERBS   # "termed the information as fake": whoever alleged it
            if verbs:
                agent = next((c for p in span.root.children if p.dep_ == "prep" and p.lower_ == "by"
                              for c in p.children if c.dep_ == "pobj"), None)
                if agent is not None:
                    doers = _resolve_phrase(analyzed, agent)
                else:
                    # The deed's own verb first ("seizure": seized), its near synonyms after ("took").
                    doers = next((list(who) for verb in verbs for lemma, who in reversed(deeds) if lemma == verb and who), [])
        for found in doers or [ref]:
            if found not in out:
                out.append(found)
    return out


def _threatened(analyzed: AnalyzedArticle, roots: list, exclude: str | None) -> list[ActorRef]:
    """Return whom a threat is aimed at through its condition: "threatened to open the floodgates
    if security forces tried to retake the dam" threatens the security forces."""
    return [r for subject in _condition_subjects(roots) for r in _resolve_phrase(analyzed, subject, exclude)
            if _actor_like(r)]


def _actor_like(ref: ActorRef) -> bool:
    """Return whether a reference names an actor (resolved, or with a country or sector)."""
    return ref.actor_id is not None or ref.country is not None or ref.sector is not None


def _with_conjuncts(token) -> list:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN"):
            out.extend(_with_conjuncts(child))
    return out


# Participles that describe their subject's own stance or activity: "Israel is opposed to",
# "Serb forces were engaged in", "Vietnam is committed to". Their grammatical passive subject
# is the actor, not the one acted on.
STATIVE_PARTICIPLES = {"oppose": ("to",), "engage": ("in",), "commit": ("to",), "involve": ("in",)}


def _stative(verb) -> bool:
    preps = STATIVE_PARTICIPLES.get(verb.lemma_.lower())
    return bool(preps) and any(c.dep_ == "nsubjpass" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ in preps for c in verb.children)


def _subject(verb):
    """Return the subject token of a verb, following xcomp/conj/relcl/passive structure."""
    for child in verb.children:
        if not any(ch.isalnum() for ch in child.text):
            # "we [Russia] would not allow": the parser makes the editor's bracket the subject,
            # and the name inside it says whom the pronoun means. Any other mark ("» Kamen
            # told") is a quotation mark the parser took for a word.
            inserted = next((c for c in child.children if c.pos_ == "PROPN"), None)
            if child.dep_ == "nsubj" and child.text in "[(" and inserted is not None:
                return inserted
            continue
        if child.dep_ in ("nsubj", "csubj") or (child.dep_ == "nsubjpass" and _stative(verb)):
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if verb.dep_ == "relcl" and not any(c.dep_ == "mark" for c in verb.children):
        # "the gang that seized the dam"; not "confidence that we would not allow": a clause
        # with "that" as its marker says what the noun holds, and the noun does nothing in it.
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for") and verb.head.head.lemma_ in ALLEGING_OBJECT_HEADS:
        # "accused the Karst Republic of supplying weapons": the accused is the alleged doer.
        accused = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if accused is not None:
            return accused
    if verb.dep_ == "xcomp" and _lemma(verb.head) in OBJECT_CONTROL:
        # "pressed Iran to halt enrichment", "called on Moscow to withdraw": the one asked is
        # the one who would do it, not the one asking.
        asked = next((c for c in verb.head.children if c.dep_ == "dobj"), None) or next(
            (g for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj"), None)
        if asked is not None:
            return asked
    if verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.children) and _verb_trigger(verb.head) is None:
        # "The militia seized the dam, and three guards were killed": the doer of the first deed
        # did the second; "his relatives worked for the police, and his father was killed": no
        # deed before it, so no one is named as the killer.
        return None
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ == "ADJ":
        # "Norway is willing to send": the subject of the adjective's copula.
        adjective = verb.head
        return next((c for c in adjective.children if c.dep_ == "nsubj"), None) or (
            _subject(adjective.head) if adjective.dep_ in ("acomp", "conj") and adjective.head.pos_ in ("VERB", "AUX") else None)
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in OFFERER_NOUNS:
        # "a US offer to host a summit", "Boehner's invitation to address Congress": whose offer
        # it is names the doer; an offer of no one's does not borrow the verb's subject.
        offerer = next((c for c in verb.head.children if c.dep_ in ("poss", "compound", "amod")
                        and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")), None)
        if offerer is not None or verb.head.head.lemma_ in NEGATING_HEADS:
            return offerer
    if verb.dep_ in ("acl", "xcomp") and verb.head.pos_ == "NOUN" and verb.head.dep_ == "dobj" and (
            verb.tag_ in ("VB", "VBG") and verb.head.head.pos_ == "VERB"):
        # "reached a consensus to exchange", "issued a declaration demanding": the doer of the
        # governing verb does this too.
        return _subject(verb.head.head)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # A past-tense verb the parser hung off a noun ("heads of missions called to ...") has
        # the whole noun phrase as its subject; so has any verb hung inside a sentence the
        # parser left without a main verb ("Doctors from two aid groups donated goods").
        noun = verb.head
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
        # "heads of missions called to express solidarity": a participle with a purpose of its
        # own is the sentence's real verb, misparsed.
        purposeful = verb.tag_ == "VBN" and any(
            c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)
        if verb.tag_ == "VBD" or verb.head.dep_ == "ROOT" or purposeful:
            return noun
        top = verb.head
        while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PROPN"):
            top = top.head.head
        if top.dep_ == "ROOT":
            return top
    return None


def _passive_target(verb):
    if _stative(verb):
        return None
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    return None


def _targets(verb, trigger: Trigger, source_token) -> list:
    found = []
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":
            found.extend(c for c in child.children if c.dep_ == "pobj")   # "sent an envoy to the region"
        elif child.dep_ in ("dobj", "dative", "obj") and child.lower_ not in ("control",):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in trigger.target_preps:
            found.extend(c for c in child.children if c.dep_ == "pobj")
            # "headed for Rostov and then toward Moscow": a conjoined preposition.
            for conj in (c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP"):
                found.extend(c for c in conj.children if c.dep_ == "pobj")
        elif child.dep_ == "conj" and child.pos_ == "ADP" and child.lower_ in trigger.target_preps:
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in ("prt",):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found.append(grand)
    # "took control of X", "held a call with X": prepositions hanging off the object noun.
    for child in list(verb.children):
        if child.dep_ in ("dobj",):
            for prep in child.children:
                if prep.dep_ == "prep" and (prep.lower_ in trigger.target_preps or (prep.lower_ == "of" and child.lower_ == "control")):
                    found.extend(c for c in prep.children if c.dep_ == "pobj")
    passive = _passive_target(verb)
    if passive is not None:
        found.insert(0, passive)
    # "gathered on Monday night", "moved a single step back": a time or a measure is never
    # whom an event is done to.
    # Tokens are compared by position: spaCy makes a new Token object at each access.
    source_i = source_token.i if source_token is not None else -1
    return [t for t in found if t.i != source_i and t.ent_type_ not in ("DATE", "TIME")
            and t.lemma_.lower() not in MEASURE_NOUNS]


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


# What its owner proposes to do: "a US offer to host a summit" is the United States' intent.
OFFERER_NOUNS = {"offer", "proposal", "plan", "bid", "pledge", "promise"}
# What is put to someone to do and can be turned down: its clause is the refuser's own deed
# ("an invitation to meet", "calls to resign"). Not an offer: "a US offer to host a summit" is
# the offerer's deed.
OFFER_NOUNS = {"invitation", "request", "call", "demand", "appeal", "opportunity", "chance"}


def _refused_offer(verb) -> bool:
    """Return whether a verb is the deed of an offer someone refused ("turned down an invitation to
    meet"); not an accusation rejected ("rejected accusations that it had armed the rebels")."""
    return verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.lemma_.lower() in OFFER_NOUNS \
        and _refusal(verb.head.head)


def _refusal(verb) -> bool:
    """Return whether a verb refuses its object ("rejected an offer", "turned down an invitation")."""
    return verb.lemma_ in NEGATING_HEADS or (verb.lemma_ == "turn" and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in verb.children))


def _modality(verb, sentence_tokens) -> str:
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


def _attribution_token(verb, sentence):
    """Return the head token of who reports the event: a speech verb's subject, or 'according to X'."""
    for ancestor in verb.ancestors:
        if ancestor.lemma_ in SPEECH_VERBS or ancestor.lemma_ in ("clarify",):
            subject = next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")
                            and any(ch.isalnum() for ch in c.text)), None)
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
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


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


def _verb_trigger(token) -> tuple[Trigger, str] | None:
    if token.pos_ != "VERB":
        return None
    lemma = _lemma(token)
    # "called on Sunday" is no "call on": a preposition before a time is no particle.
    particles = [c.lower_ for c in token.children if (c.dep_ in ("prt", "prep", "dobj")
                 or (c.dep_ == "advmod" and c.lower_ == "back"))   # "moved a single step back"
                 and not (c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children))]
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.dep_ == "mark" and following.head.head.i == token.i:
        particles.append(following.lower_)   # "calling for him to step aside": "for" marks the clause
    # "ended mediation efforts", "declared a state of siege": the object's own words count too.
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        particles.append(obj.lemma_.lower())
        particles.extend(c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod"))
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            particles.extend(c.lemma_.lower() for c in prep.children if c.dep_ == "pobj")
    for particle in particles:
        if (lemma, particle) in VERBS:
            return VERBS[(lemma, particle)], f"verb:{lemma} {particle}"
    if (lemma, "") in VERBS:
        return VERBS[(lemma, "")], f"verb:{lemma}"
    return None


def _codable(token) -> tuple[Trigger, str] | None:
    """Return the trigger of a verb the coder codes on its own (a lexicon verb in its coded
    sense, outside a condition and not a modifier), else None."""
    if token.dep_ in ("csubj", "amod") or _in_condition(token) or not_this_sense(token, _lemma(token)):
        return None
    return _verb_trigger(token)


def extract_events(analyzed: AnalyzedArticle, doc) -> None:
    """Fill ``analyzed.events`` with the PLOVER events of one article (pipeline stage)."""
    article = analyzed.article
    starts = [s.start for s in analyzed.sentences]
    events: list[Event] = []
    seen: set[tuple[int, str]] = set()
    deeds: list[tuple[str, list[ActorRef]]] = []   # (verb lemma, doers) of each event so far

    def sentence_index(char: int) -> int:
        return max(0, bisect.bisect_right(starts, char) - 1)

    def emit(trigger_token, trigger: Trigger, plover: str, rule: str, sources: list[ActorRef], targets: list[ActorRef],
             anchor, confidence: float, mode: str | None = None, negated: bool | None = None) -> None:
        sentence = trigger_token.sent
        negation = _negated(anchor) if negated is None else negated
        date = _date_for(anchor, analyzed.dates, sentence)
        key = (trigger_token.i, plover)
        if key in seen:
            return
        seen.add(key)
        start, end = trigger_token.idx, trigger_token.idx + len(trigger_token.text)
        # Targets that are the source again (reflexive parse noise) are dropped.
        modality = _modality(anchor, sentence)
        # PLOVER codes what an actor says it will do: intent to cooperate is AGREE, intent to
        # harm is THREATEN, "must" is a REQUEST, and refusing to cooperate is a REJECT.
        if rule.startswith("verb:") and plover not in ("AGREE", "THREATEN", "REQUEST", "REJECT"):
            if modality == "demanded" and not (anchor.dep_ == "xcomp" and anchor.head.lemma_ in DEMANDING_HEADS):
                plover, rule = "REQUEST", f"{rule} + must"
                reporter = _attribution_token(anchor, sentence)
                if reporter is not None:
                    # "Russia said Sudan must return the helicopter": Russia asks it of Sudan.
                    speakers = _resolve_phrase(analyzed, reporter)
                    if speakers and sources:
                        sources, targets = speakers, sources
            # A refusal is "refused to", "will not", "would not"; "did not withdraw" is a negated fact.
            elif ((anchor.dep_ == "xcomp" and anchor.head.lemma_ in NEGATING_HEADS) or _refused_offer(anchor)
                  or (negation and modality in ("planned", "conditional"))) and plover in COOPERATIVE:
                plover, rule, negation = "REJECT", f"{rule} + refused", False
            elif modality in ("planned", "conditional") and plover in COOPERATIVE - {"CONCEDE"}:
                plover, rule = "AGREE", f"{rule} + intent"
            elif modality in ("planned", "conditional") and plover in HOSTILE:
                plover, rule = "THREATEN", f"{rule} + intent"
        # Main-clause events are what the sentence reports; purpose and complement clauses less surely.
        if anchor.dep_ == "ROOT" or (anchor.dep_ == "conj" and anchor.head.dep_ == "ROOT"):
            confidence = min(1.0, confidence + 0.1)
        elif anchor.dep_ in ("advcl", "xcomp", "acl", "relcl", "pcomp", "ccomp"):
            confidence = max(0.1, confidence - 0.1)
        targets = _deed_doers(analyzed, doc, targets, deeds, rejection=plover == "REJECT")
        source_ids = {(s.actor_id or s.name) for s in sources}
        targets = [t for t in targets if (t.actor_id or t.name) not in source_ids]
        if modality == "happened" and not negation:
            deeds.append((_lemma(trigger_token), list(sources)))   # a denied or planned deed has no doer
        events.append(Event(
            id=stable_id(article.id, sentence_index(start), start, plover), article_id=article.id,
            sentence_index=sentence_index(start), start=start, end=end, trigger=article.text[start:end],
            plover_type=plover, mode=mode if mode is not None else trigger.mode, cameo=trigger.cameo,
            sources=tuple(sources), targets=tuple(targets), location=_location(anchor),
            date=date.resolved if date else None, date_text=date.text if date else None,
            negated=negation, modality=modality, attribution=_attribution(anchor, sentence),
            rule=rule, confidence=confidence,
        ))

    for token in doc:
        if token.pos_ not in ("VERB", "NOUN"):
            continue   # only verbs and nouns name events (spaces, names, function words never do)
        if _in_condition(token):
            continue   # the condition of a threat or offer is not reported as done
        found = _verb_trigger(token)
        if found and not_this_sense(token, _lemma(token)):
            found = None
        if found:
            trigger, rule = found
            lemma = _lemma(token)
            # Speech-like uses that are not events: "called" + object predicate is an accusation.
            predicate = next((c for c in token.children if c.dep_ == "oprd"), None)
            if lemma == "call" and predicate is not None:
                if predicate.lemma_.lower() in ACCUSING_PREDICATES or any(t.lemma_.lower() in ACCUSING_PREDICATES for t in predicate.subtree):
                    trigger, rule = NAMING_ACCUSATION, "verb:call + accusing predicate"
                else:
                    continue
            if lemma == "call" and trigger.plover == "CONSULT":
                objects = [c for c in token.children if c.dep_ == "dobj"]
                if any(o.lower_ in REFLEXIVES for o in objects):
                    continue   # "a gang calling itself the Orin Valley Guard"
                xcomps = [c for c in token.children if c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)]
                partner = any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in token.children)
                if not objects and not xcomps and not partner:
                    continue   # "so-called", "what he called"
                if objects and not partner and not any(_is_someone(o, []) for o in objects):
                    # "called Netanyahu's speech 'a tawdry stunt'": naming a thing, not phoning it;
                    # an accusation when the name is one.
                    if not any(t.lemma_.lower() in ACCUSING_PREDICATES for t in token.subtree if t.i > token.i):
                        continue
                    trigger, rule = NAMING_ACCUSATION, "verb:call + accusing predicate"
            if lemma in SUPPORT_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in NOUNS for c in token.children):
                continue   # "imposed sanctions", "held talks": the noun names the event
            if lemma == "deny" and any(c.dep_ in ("xcomp", "ccomp") and any(_codable(t) for t in c.subtree)
                                       for c in token.children):
                continue   # "denied ordering his fighters to shoot": the denied deed is coded, negated
            if lemma in ("refuse", "decline") and any(
                    c.dep_ == "xcomp" and (inner := _codable(c)) and inner[0].plover in COOPERATIVE - {"AGREE"}
                    for c in token.children):
                continue   # "refused to negotiate with the group": the refused deed is coded as the REJECT
            if _refusal(token) and any(
                    _refused_offer(a) and (inner := _codable(a)) and inner[0].plover in COOPERATIVE - {"AGREE"}
                    for obj in token.children if obj.dep_ == "dobj" for a in obj.children):
                continue   # "turned down an invitation to meet the Democrats": the refused meeting is the REJECT
            if token.dep_ in ("csubj", "amod"):
                continue   # "armed men", "Arresting activists will not bring back a guard": no event
            subject = _subject(token)
            # "Asked how Moscow assessed ...": a question put to the speaker, not an event.
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            if trigger.plover == "REQUEST" and token.tag_ in ("VBN", "VBD") and token.dep_ in ("advcl", "ROOT") and (
                    subject is None or (token.i == token.sent.start and not own_subject)):
                continue   # "Asked how Moscow assessed ..., Lavrov stressed": the reporter's question
            # A verb under "threaten to" is the content of the threat, coded once by THREATEN.
            if token.dep_ == "xcomp" and token.head.lemma_ in ("threaten", "warn"):
                continue
            if lemma in CONVEYING_VERBS:
                # "trucks carrying armed men towards the dam": the men carried are who moves.
                subject = next((c for c in token.children if c.dep_ == "dobj"), None)
                if subject is None:
                    continue
            sources = _resolve_phrase(analyzed, subject) if subject is not None else []
            if lemma in CROWD_VERBS and subject is not None and _protesting(subject, sources):
                trigger, rule = CROWD_PROTEST, f"{rule} + protesters"   # "protesters marched on city hall"
            elif lemma in ARMED_ONLY | CONVEYING_VERBS and not any(s.sector in ARMED_SECTORS for s in sources):
                continue
            if trigger.plover == "MOBILIZE" and lemma in MOTION_VERBS and subject is not None and _one_person(subject) \
                    and not any(c.dep_ == "dobj" for c in token.children):
                continue   # "Holder headed to a restaurant": one person travelling; "Putin moved troops" is a move
            if rule == "verb:take over" and any(s.sector == "BUS" for s in sources):
                continue   # a company taking over a dam buys or runs it
            mover = subject if subject is not None else _passive_target(token)   # "the weed was headed for"
            if lemma in MOTION_VERBS and mover is not None and not _is_someone(mover, sources or _resolve_phrase(analyzed, mover)) \
                    and not (lemma in OBJECT_MAKES_A_DEED and any(c.dep_ == "dobj" for c in token.children)):
                continue   # "Power returned to most towns": a thing moving is no event
            passive_target = _passive_target(token)
            target_tokens = []
            # "sent an envoy to the region", "broke ties with": the object the entry names is
            # part of the deed, not whom it is done to.
            named_object = rule.split(" ", 1)[1] if " " in rule else None
            for t in _targets(token, trigger, subject):
                if t.dep_ == "dobj" and named_object in (t.lower_, t.lemma_.lower()):
                    continue
                if t.dep_ == "dobj" and lemma in CONTENT_OBJECT_VERBS:
                    continue   # "discussed the situation in Russia": a topic, not a partner
                if t.dep_ == "dobj" and trigger.plover == "ASSAULT" and t.lemma_.lower() in WEAPONS:
                    continue   # "fired rockets at the town": the weapon, not whom it hit
                target_tokens.extend(_with_conjuncts(t))
            exclude = sources[0].country if sources else None
            targets: list[ActorRef] = []
            for t in target_tokens:
                targets.extend(_resolve_phrase(analyzed, t, exclude))
            if not targets and trigger.plover == "CONSULT":
                # "called to express solidarity with Moscow": the purpose clause names whom.
                for clause in (c for c in token.children if c.dep_ in ("xcomp", "advcl")):
                    for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in ("with", "to")):
                        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                            targets.extend(_resolve_phrase(analyzed, pobj, exclude))
            if not targets and trigger.plover == "REQUEST":
                # "asked that Moscow refrain", "demanded that the US cancel plans to sell arms to
                # Taiwan": the subject of the requested clause is the target, before anything in it.
                for clause in (c for c in token.children if c.dep_ == "ccomp"):
                    subject_of_clause = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                    if subject_of_clause is not None:
                        targets.extend(_resolve_phrase(analyzed, subject_of_clause, exclude))
            if not targets and trigger.plover in ("REQUEST", "THREATEN"):
                # "called for an uprising to oust the defense minister": the target is the object of the demand.
                for inner in token.subtree:
                    if inner.dep_ in ("dobj", "pobj") and (subject is None or inner.i != subject.i) and inner.i > token.i:
                        resolved = [r for r in _resolve_phrase(analyzed, inner, exclude) if r.actor_id]
                        if resolved:
                            targets = resolved
                            break
            if targets and not any(_actor_like(t) for t in targets):
                # "sent material to Saudi Arabia", "lifted a curfew in Montenegro": the object is a
                # thing; the actor it is done to sits in a prepositional phrase.
                recipients = []
                holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
                for holder in holders:
                    for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS):
                        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                            recipients.extend(r for r in _resolve_phrase(analyzed, pobj, exclude) if _actor_like(r))
                if recipients:
                    targets = recipients
            if trigger.plover == "THREATEN" and not any(t.country for t in targets):
                targets = _threatened(analyzed, [token], exclude) + targets
            # What is threatened, offered or refused first: "offered to negotiate with X".
            targets = _with_deeper_targets(analyzed, targets, sources, subject, [token], trigger.plover,
                                           content=[c for c in token.children if c.dep_ == "xcomp"])
            if not any(t.country for t in targets) and token.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
                # "summoned Niger's ambassador to complain": a purpose is aimed at whom the deed was.
                aimed = [r for obj in token.head.children if obj.dep_ == "dobj"
                         for r in _resolve_phrase(analyzed, obj) if r.country]
                targets = aimed + targets
            if trigger.plover == "CONSULT" and target_tokens and all(t.lemma_.lower() in PRESS_WORDS for t in target_tokens):
                continue   # "spoke to reporters" is a statement to the press, not a consultation
            if lemma == "meet" and subject is not None and not _is_someone(subject, sources):
                continue   # "the plan met fierce resistance": a thing meets no one
            plover = trigger.plover
            mode = None
            # "spoke by phone", "in a phone call"; not "called the seizure a terrorist attack".
            if plover == "CONSULT" and trigger.mode is None and any(
                    t.lemma_.lower() in ("phone", "telephone") or (t.lemma_.lower() == "call" and t.pos_ == "NOUN")
                    for t in token.sent):
                mode = "phone"
            negated = None
            # Negated legal coercion is a concession: "will not prosecute", "charges would be dropped".
            if plover == "COERCE" and trigger.mode == "legal" and _negated(token):
                plover, negated, mode = "CONCEDE", False, None
                trigger, rule = Trigger("CONCEDE", None, "081"), f"{rule} + negated legal action"
            if plover == "COERCE" and trigger.mode == "restrict" and sources and (
                    sources[0].sector in PROTESTING_PEOPLE or (sources[0].actor_id is None and describe(sources[0].name)[1] in PROTESTING_PEOPLE)):
                # Demonstrators blocking roads protest; a state blocking them coerces.
                trigger, plover, rule = Trigger("PROTEST", "obstruct", "144"), "PROTEST", f"{rule} + protesters"
            if not sources and passive_target is not None:
                # "charges would be dropped", the Kremlin clarified: with no agent, the body that
                # announces a state action is its source.
                reporter = _attribution_token(token, token.sent)
                if reporter is not None:
                    sources = [r for r in _resolve_phrase(analyzed, reporter) if r.sector in ("GOV", "MIL", "COP", "JUD", "LEG")]
            if lemma == "drop" and passive_target is not None:
                targets = [r for r in targets if "charge" not in r.name.lower()]
            confidence = 0.8 if sources and targets else 0.6 if sources or targets else 0.4
            emit(token, trigger, plover, rule, sources, targets, token, confidence, mode=mode, negated=negated)
            # "called to express solidarity": the purpose clause is an event of its own, with the same source.
            continue
        if token.pos_ == "VERB" and not found and any(c.dep_ == "aux" and c.lower_ in OBLIGING_AUX for c in token.children):
            # "China must drop barriers": a demand on the subject, made by whoever says so.
            subject = _subject(token)
            reporter = _attribution_token(token, token.sent)
            if subject is not None and reporter is not None:
                sources = _resolve_phrase(analyzed, reporter)
                targets = _resolve_phrase(analyzed, subject)
                if targets:
                    emit(token, Trigger("REQUEST", None, "100"), "REQUEST", "modal:must", sources, targets, token, 0.5)
            continue
        modifier = next((c.lower_ for c in token.children if c.dep_ in ("amod", "compound")
                         and (c.lower_, token.lemma_.lower()) in NOUN_MODIFIERS), None) if token.pos_ == "NOUN" else None
        if token.pos_ in ("NOUN",) and (token.lemma_.lower() in NOUNS or modifier) and not _misread_noun(token):
            trigger = NOUN_MODIFIERS[(modifier, token.lemma_.lower())] if modifier else NOUNS[token.lemma_.lower()]
            # "launched a mediation effort between X and Y": the frame noun carries the syntax.
            noun = token.head if token.dep_ == "compound" and token.head.lemma_.lower() in EVENT_FRAMES else token
            head = noun.head
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None and owner.ent_type_ in ("DATE", "TIME"):
                owner = None   # "last week's arrest": a time, not the one who arrested
            if owner is None:
                # "support by the United States for Ukraine": the agent of a nominal event.
                by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if owner is None and noun.lemma_.lower() in AGENT_OF_NOUNS:
                # "with the mediation of UN envoy Helena Marsh": a person or body after "of" is the agent.
                of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                owner = next((c for c in of.children if c.dep_ == "pobj" and c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")),
                             None) if of is not None else None
            carrier = head if noun.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and head.pos_ in ("VERB", "AUX") and _lemma(head) in SUPPORT_VERBS else None
            if carrier is None and noun.dep_ == "pobj" and head.head.pos_ == "VERB" and _lemma(head.head) in SUPPORT_VERBS and head.lower_ in ("in", "into", "on", "under"):
                carrier = head.head
            if carrier is not None and (token.lemma_.lower(), _lemma(carrier)) in CARRIER_RECODES:
                trigger = CARRIER_RECODES[(token.lemma_.lower(), _lemma(carrier))]
            if carrier is None and owner is None:
                continue
            if carrier is not None and _verb_trigger(carrier) and _lemma(carrier) not in SUPPORT_VERBS:
                continue   # "called for an uprising": the verb carries the event
            if owner is not None and owner.lower_ in ("their", "his", "her", "its", "our"):
                if carrier is not None:
                    owner = None   # "held their first meeting": the carrier's subject holds it
                elif noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and _subject(noun.head) is not None:
                    owner = _subject(noun.head)   # "their forces completed their withdrawal"
            subject = owner if owner is not None else _subject(carrier)
            sources = _resolve_phrase(analyzed, subject) if subject is not None else []
            target_tokens = []
            if carrier is not None and _lemma(carrier) == "receive":
                # "Putin received calls from colleagues": the receiver is the target, the sender the source.
                receivers, sources = sources, []
                for child in list(token.children) + list(carrier.children):
                    if child.dep_ == "prep" and child.lower_ == "from":
                        for pobj in (c for c in child.children if c.dep_ == "pobj"):
                            sources.extend(_resolve_phrase(analyzed, pobj))
                targets_first = receivers
            elif carrier is not None and noun.dep_ != "nsubjpass" and _passive_target(carrier) is not None:
                # "A US national was put under investigation": the passive subject undergoes it.
                targets_first = _resolve_phrase(analyzed, _passive_target(carrier))
            else:
                targets_first = []
            for anchor in dict.fromkeys((token, noun, carrier)):
                if anchor is None:
                    continue
                for child in anchor.children:
                    if child.dep_ == "prep" and child.lower_ in trigger.target_preps:
                        for pobj in (c for c in child.children if c.dep_ == "pobj"):
                            target_tokens.extend(_with_conjuncts(pobj))
            exclude = sources[0].country if sources else None
            targets = list(targets_first)
            for t in target_tokens:
                targets.extend(_resolve_phrase(analyzed, t, exclude))
            anchor = carrier if carrier is not None else token
            if trigger.plover == "REQUEST" and not any(t.country for t in targets):
                # "its demand that Israel ease restrictions": the one asked is the clause's subject.
                for clause in (c for n in dict.fromkeys((token, noun, carrier)) if n is not None
                               for c in n.children if c.dep_ in ("acl", "ccomp")):
                    if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                        asked = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                        if asked is not None:
                            targets = _resolve_phrase(analyzed, asked, exclude) + targets
            # "protest against Sweden's decision", "suspension of air links with Serbia".
            roots = list(dict.fromkeys(r for r in (token, noun, carrier) if r is not None))
            if trigger.plover == "THREATEN" and not any(t.country for t in targets):
                targets = _threatened(analyzed, [noun], exclude) + targets
            targets = _with_deeper_targets(analyzed, targets, sources, subject, roots, trigger.plover,
                                           places=(anchor, noun))
            confidence = 0.7 if sources and targets else 0.5
            emit(token, trigger, trigger.plover, f"noun:{token.lemma_.lower()}", sources, targets, anchor, confidence)
            # "expressed full support": a support noun with its verb is a SUPPORT event of the verb's subject.
    analyzed.events[:] = events
