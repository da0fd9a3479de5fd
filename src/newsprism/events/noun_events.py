"""Nominal events: a lexicon noun carried by a support verb ("held talks", "imposed sanctions")
or owned by its doer ("Russia's invasion", "support by the United States for Ukraine").

``code_noun`` finds the noun's carrier and owner (``_carrier``, ``_owner``), the source and
targets they give (``_noun_participants``), and emits the event.
"""

from __future__ import annotations

from newsprism.events.coding import ArticleCoding
from newsprism.events.lexicon import (
    ARMED_MARCH,
    ARMED_SECTORS,
    CARRIER_RECODES,
    CROWD_NOUNS,
    NOUN_MODIFIERS,
    NOUNS,
    SUPPORT_VERBS,
    Trigger,
)
from newsprism.events.phrases import _is_someone, _resolve_phrase
from newsprism.events.syntax import (
    _lemma,
    _misread_noun,
    _passive_target,
    _subject,
    _verb_trigger,
    _with_conjuncts,
)
from newsprism.events.targets import _threatened, _with_deeper_targets, patient_owner, with_implied_agent
from newsprism.events.vocabulary import (
    AGENT_OF_NOUNS,
    ASKER_OF_NOUNS,
    CAMPAIGN_SECTORS,
    EVENT_FRAMES,
    FORCE_SECTORS,
    NOT_CARRIED,
    PLURAL_ONLY_NOUNS,
    VERBAL_ATTACK,
    VERBAL_ATTACK_VERBS,
    WEAPONS,
)
from newsprism.records import ActorRef


def noun_trigger(token) -> Trigger | None:
    """Return the trigger of an event noun, with a modifier that changes it ("hunger strike")."""
    if token.pos_ != "NOUN" or _misread_noun(token):
        return None
    lemma = token.lemma_.lower()
    modifier = next((c.lower_ for c in token.children if c.dep_ in ("amod", "compound")
                     and (c.lower_, lemma) in NOUN_MODIFIERS), None)
    if modifier:
        return NOUN_MODIFIERS[(modifier, lemma)]
    return NOUNS.get(lemma)


def _owner(noun):
    """Return the doer a nominal event names itself: its possessor ("Russia's invasion"), its
    "by" phrase ("support by the United States") or, for a few nouns, its "of" phrase ("the
    mediation of the UN")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.ent_type_ in ("DATE", "TIME"):
        owner = None   # "last week's arrest": a time, not the one who arrested
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is None and noun.lemma_.lower() in AGENT_OF_NOUNS:
        # "with the mediation of UN envoy Helena Marsh": a person or body after "of" is the agent.
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj" and (
            c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.lemma_.lower() in ASKER_OF_NOUNS)),
                     None) if of is not None else None
    return owner


# Nominal acts of words or giving whose "from" names the doer: "heavy criticism from Republicans",
# "an interview request from the newspaper", "aid from Japan". (Not deeds: "an attack from the
# north", "a withdrawal from the city" name places.)
FROM_DOER_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "THREATEN", "AGREE", "REJECT", "AID"}


def _from_someone(noun):
    """Return the someone after a nominal act's "from" ("criticism from Republicans"), if any. The
    parser often hangs the "from" on the verb that governs the noun ("drew criticism from X",
    "relies on aid from Japan"); it counts there when that verb names no event of its own."""
    holders = [noun]
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None and verb.pos_ == "VERB" and _verb_trigger(verb) is None:
        holders.append(verb)
    return next((g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "from"
                 for g in p.children if g.dep_ == "pobj" and _is_someone(g, [])), None)


def _carrier(noun):
    """Return the support verb carrying a nominal event ("held talks", "put under investigation")."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and head.pos_ in ("VERB", "AUX") and _lemma(head) in SUPPORT_VERBS:
        return head
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB" and _lemma(head.head) in SUPPORT_VERBS \
            and head.lower_ in ("in", "into", "on", "under"):
        return head.head
    return _participle_carrier(noun)


# Prepositions that set an event as the background of another: "following the armed rebellion".
BACKGROUND_PREPS = {"after", "following", "since", "before", "amid", "despite", "during"}


def _participle_carrier(noun):
    """Return a support verb that follows its noun as a participle ("a request made to the former
    secretaries", "the talks held in Geneva"), when the participle names no event of its own and
    the noun is not the background of a time ("following the rebellion led by X" refers back to
    an event told before)."""
    if noun.dep_ == "pobj" and noun.head.lower_ in BACKGROUND_PREPS:
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and _lemma(c) in SUPPORT_VERBS
                 and _verb_trigger(c) is None), None)


def _agent(verb):
    """Return the by-agent of a passive participle, if it names one."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _first_targets(analyzed, token, noun, carrier, sources):
    """Return (sources, targets) a carrier gives before the noun's prepositions: a receiver is the
    target ("Putin received calls from colleagues"), and so is a passive subject ("a US national
    was put under investigation")."""
    if carrier is not None and _lemma(carrier) == "receive":
        receivers, sources = sources, []
        for child in list(token.children) + list(carrier.children):
            if child.dep_ == "prep" and child.lower_ == "from":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    sources.extend(_resolve_phrase(analyzed, pobj))
        return sources, receivers
    if carrier is not None and noun.dep_ != "nsubjpass" and _passive_target(carrier) is not None:
        return sources, _resolve_phrase(analyzed, _passive_target(carrier))
    return sources, []


def _asked_in_clause(analyzed, roots, exclude) -> list[ActorRef]:
    """Return whom a demand asks: "its demand that Israel ease restrictions" asks Israel."""
    found = []
    for clause in (c for n in roots for c in n.children if c.dep_ in ("acl", "ccomp")):
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            asked = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if asked is not None:
                found = _resolve_phrase(analyzed, asked, exclude) + found
    return found


def _noun_participants(analyzed, token, noun, carrier, owner, trigger: Trigger):
    """Return (sources, targets) of a nominal event."""
    if owner is None and carrier is not None and carrier.dep_ == "acl" and carrier.head is noun:
        owner = _agent(carrier)   # "a request made by the department": only the by-agent is a doer
    subject = owner if owner is not None else _subject(carrier) if carrier is not None and carrier.head is not noun \
        else None
    sources = _resolve_phrase(analyzed, subject) if subject is not None else []
    sources, targets = _first_targets(analyzed, token, noun, carrier, sources)
    roots = list(dict.fromkeys(r for r in (token, noun, carrier) if r is not None))
    target_tokens = [t for anchor in roots for child in anchor.children
                     if child.dep_ == "prep" and child.lower_ in trigger.target_preps
                     for pobj in child.children if pobj.dep_ == "pobj" for t in _with_conjuncts(pobj)]
    exclude = sources[0].country if sources else None
    targets = list(targets) + [r for t in target_tokens for r in _resolve_phrase(analyzed, t, exclude)]
    if trigger.plover == "REQUEST" and not any(t.country for t in targets):
        targets = _asked_in_clause(analyzed, roots, exclude) + targets
    # "protest against Sweden's decision", "suspension of air links with Serbia".
    if trigger.plover == "THREATEN" and not any(t.country for t in targets):
        targets = _threatened(analyzed, [noun], exclude) + targets
    anchor = carrier if carrier is not None else token
    targets = _with_deeper_targets(analyzed, targets, sources, subject, roots, trigger.plover, places=(anchor, noun))
    return sources, targets


def _in_words(noun, sources, targets) -> bool:
    """Return whether an attack noun is made in words: its doers are all of the campaign arena
    (candidates, legislators, parties, the press), no force is on either side and no weapon is
    named ("Sanders pressed his attack", "a month of Trump's attacks on the press")."""
    if noun.lemma_.lower() not in VERBAL_ATTACK_VERBS or not sources:
        return False
    if not all(s.sector in CAMPAIGN_SECTORS for s in sources) or any(t.sector in FORCE_SECTORS for t in targets):
        return False
    return not any(t.lemma_.lower() in WEAPONS for t in noun.sent)


# Legal acts the real-news gold codes even when only referred back to (rules 17 and 28: "hours
# after his arrest", "the subpoenas were disclosed"), with the unnamed authority as source.
BACK_REFERENCED_ACTS = {"subpoena", "arrest", "indictment"}


def _legal_back_reference(token) -> bool:
    """Return whether a lone legal noun refers back to acts done: definite or counted ("the
    subpoenas were disclosed", "all three subpoenas"); not arrests in general ("arrests are
    rare"), nor what another deed is about ("defended the arrests", "condemned the killing and
    the mass arrests": the acts were coded where they were told)."""
    if token.lemma_.lower() not in BACK_REFERENCED_ACTS or not any(
            (c.dep_ == "det" and c.lower_ in ("the", "those", "these")) or c.dep_ == "nummod" for c in token.children):
        return False
    phrase = token
    while phrase.dep_ == "conj" and phrase.head is not phrase:
        phrase = phrase.head
    governor = phrase.head.head if phrase.dep_ == "pobj" else phrase.head
    return not (phrase.dep_ in ("dobj", "pobj") and _verb_trigger(governor) is not None)


def code_noun(coding: ArticleCoding, token) -> None:
    """Emit the nominal event a lexicon noun names, when a carrier or an owner gives it a participant."""
    trigger = noun_trigger(token)
    if trigger is None:
        return
    # "launched a mediation effort between X and Y": the frame noun carries the syntax.
    noun = token.head if token.dep_ == "compound" and token.head.lemma_.lower() in EVENT_FRAMES else token
    owner = _owner(noun)
    carrier = _carrier(noun)
    if carrier is not None and (token.lemma_.lower(), _lemma(carrier)) in CARRIER_RECODES:
        trigger = CARRIER_RECODES[(token.lemma_.lower(), _lemma(carrier))]
    if carrier is None and owner is None and trigger.plover in FROM_DOER_TYPES:
        owner = _from_someone(noun)
    if carrier is None and owner is None and not _legal_back_reference(token):
        return
    if token.lemma_.lower() in PLURAL_ONLY_NOUNS and token.tag_ == "NN":
        return   # "his tough talk" is speech; "held talks" negotiates
    if carrier is not None and (token.lemma_.lower(), _lemma(carrier)) in NOT_CARRIED:
        return   # "make their case" argues; nobody is charged
    if carrier is not None and _verb_trigger(carrier) and _lemma(carrier) not in SUPPORT_VERBS:
        return   # "called for an uprising": the verb carries the event
    if owner is not None and owner.lower_ in ("their", "his", "her", "its", "our"):
        if carrier is not None:
            owner = None   # "held their first meeting": the carrier's subject holds it
        elif noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and _subject(noun.head) is not None:
            owner = _subject(noun.head)   # "their forces completed their withdrawal"
    rule = f"noun:{token.lemma_.lower()}"
    sources, targets = _noun_participants(coding.analyzed, token, noun, carrier, owner, trigger)
    sources, targets = patient_owner(coding.analyzed, token, owner, sources, targets)   # "his arrest"
    if carrier is None and owner is None:
        sources = with_implied_agent(coding.analyzed, token, token.lemma_.lower(), sources)   # "the arrests": by police
    if token.lemma_.lower() in CROWD_NOUNS and any(s.sector in ARMED_SECTORS for s in sources):
        # "Wagner fighters began a march on Moscow": armed men marching show force, no protest.
        trigger, rule = ARMED_MARCH, f"{rule} + armed"
        sources, targets = _noun_participants(coding.analyzed, token, noun, carrier, owner, trigger)
    if trigger.plover == "ASSAULT" and _in_words(token, sources, targets):
        trigger, rule = VERBAL_ATTACK, f"{rule} + in words"   # "Sanders pressed his attack on Clinton"
    anchor = carrier if carrier is not None else token
    confidence = 0.7 if sources and targets else 0.5
    coding.emit(token, trigger, trigger.plover, rule, sources, targets, anchor, confidence)
