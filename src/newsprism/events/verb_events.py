"""Events named by a lexicon verb: which uses of a verb are no event, who does it, to whom.

``code_verb`` is one rule applied in order: the uses that name no event are set aside
(``_naming_trigger``, ``_not_an_event``), the subject gives the sources, the objects and the
trigger's prepositions give the targets (``_verb_targets``), and what the parse says about the
deed recodes it (``_recoded``) before it is emitted.
"""

from __future__ import annotations

from newsprism.actors import describe
from newsprism.actors.titles import lookup_title
from newsprism.events.coding import ArticleCoding
from newsprism.events.lexicon import (
    ACCUSING_PREDICATES,
    ARMED_ONLY,
    ARMED_SECTORS,
    CONVEYING_VERBS,
    COOPERATIVE,
    CROWD_PROTEST,
    CROWD_VERBS,
    NOUNS,
    PROTESTING_PEOPLE,
    SUPPORT_VERBS,
    VERBS,
    Trigger,
)
from newsprism.events.modality import _attribution_token, _negated, _refusal, _refused_offer
from newsprism.events.phrases import _actor_like, _is_someone, _protesting, _resolve_phrase
from newsprism.events.syntax import (
    _codable,
    _lemma,
    _one_person,
    _passive_target,
    _subject,
    _targets,
    _with_conjuncts,
)
from newsprism.events.targets import (
    _people_without_country,
    _threatened,
    _with_deeper_targets,
    requested_clauses,
    with_implied_agent,
)
from newsprism.events.vocabulary import (
    CAMPAIGN_SECTORS,
    CONTENT_OBJECT_VERBS,
    FORCE_SECTORS,
    FORCE_THINGS,
    GIVING_VERBS,
    GOODS_VERBS,
    HELPING_VERBS,
    LEGAL_ACTIONS,
    MOTION_VERBS,
    NAMING_ACCUSATION,
    NOT_AID,
    OBJECT_MAKES_A_DEED,
    POLITICAL_SECTORS,
    PRESS_WORDS,
    RECIPIENT_PREPS,
    REFLEXIVES,
    TALKING_VERBS,
    VERBAL_ATTACK,
    VERBAL_ATTACK_VERBS,
    WEAPONS,
)
from newsprism.records import ActorRef

# A consultation the sentence says was by phone (CAMEO 041).
PHONE_CALL = Trigger("CONSULT", "phone", "041", ("with", "to"))


def _naming_trigger(token, trigger: Trigger, rule: str) -> tuple[Trigger, str] | None:
    """Return the trigger of "call" after its speech-like uses: "called the seizure a terrorist
    attack" accuses; "so-called", "a gang calling itself", "called the speech a stunt" with no
    accusing word are no event (None). Other verbs pass unchanged."""
    predicate = next((c for c in token.children if c.dep_ == "oprd"), None)
    if predicate is not None:
        if predicate.lemma_.lower() in ACCUSING_PREDICATES or any(
                t.lemma_.lower() in ACCUSING_PREDICATES for t in predicate.subtree):
            return NAMING_ACCUSATION, "verb:call + accusing predicate"
        return None
    if trigger.plover != "CONSULT":
        return trigger, rule
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if any(o.lower_ in REFLEXIVES for o in objects):
        return None   # "a gang calling itself the Orin Valley Guard"
    xcomps = [c for c in token.children if c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)]
    partner = any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in token.children)
    if not objects and not xcomps and not partner:
        return None   # "so-called", "what he called"
    if objects and not partner and not any(_is_someone(o, []) for o in objects):
        # "called Netanyahu's speech 'a tawdry stunt'": naming a thing, not phoning it;
        # an accusation when the name is one.
        if not any(t.lemma_.lower() in ACCUSING_PREDICATES for t in token.subtree if t.i > token.i):
            return None
        return NAMING_ACCUSATION, "verb:call + accusing predicate"
    return trigger, rule


def _not_an_event(token, trigger: Trigger, lemma: str, subject) -> bool:
    """Return whether a lexicon verb names no event of its own here: another word carries the
    event ("held talks"), the deed is coded under the verb that refuses or denies it, or the
    verb is a modifier, a reporter's question or the content of a threat."""
    if lemma in SUPPORT_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in NOUNS for c in token.children):
        return True   # "imposed sanctions", "held talks": the noun names the event
    if lemma in SUPPORT_VERBS and any(p.dep_ == "prep" and p.lower_ in ("in", "into") and g.dep_ == "pobj"
                                      and g.lemma_.lower() in NOUNS for p in token.children for g in p.children):
        return True   # "engaged in a firefight", "were involved in talks": the noun names it
    if lemma == "deny" and any(c.dep_ in ("xcomp", "ccomp") and any(_codable(t) for t in c.subtree)
                               for c in token.children):
        return True   # "denied ordering his fighters to shoot": the denied deed is coded, negated
    if lemma in ("refuse", "decline") and any(
            c.dep_ == "xcomp" and (inner := _codable(c)) and inner[0].plover in COOPERATIVE - {"AGREE"}
            for c in token.children):
        return True   # "refused to negotiate with the group": the refused deed is coded as the REJECT
    if token.dep_ == "acl" and token.head.lemma_.lower() == "refusal" and trigger.plover in COOPERATIVE - {"AGREE"}:
        return True   # "Russia's refusal to negotiate": the refusal is the REJECT
    if _refusal(token) and any(
            _refused_offer(a) and (inner := _codable(a)) and inner[0].plover in COOPERATIVE - {"AGREE"}
            for obj in token.children if obj.dep_ == "dobj" for a in obj.children):
        return True   # "turned down an invitation to meet the Democrats": the refused meeting is the REJECT
    if token.dep_ in ("csubj", "amod"):
        return True   # "armed men", "Arresting activists will not bring back a guard": no event
    # "Asked how Moscow assessed ...": a question put to the speaker, not an event.
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    if trigger.plover == "REQUEST" and token.tag_ in ("VBN", "VBD") and token.dep_ in ("advcl", "ROOT") and (
            subject is None or (token.i == token.sent.start and not own_subject)):
        return True   # "Asked how Moscow assessed ..., Lavrov stressed": the reporter's question
    # A verb under "threaten to" is the content of the threat, coded once by THREATEN.
    return token.dep_ == "xcomp" and token.head.lemma_ in ("threaten", "warn")


def _not_someone_moving(analyzed, token, trigger: Trigger, rule: str, lemma: str, subject, sources) -> bool:
    """Return whether a motion verb moves no one: one person travelling ("Holder headed to a
    restaurant"), a company taking over a dam, or a thing ("Power returned to most towns")."""
    if trigger.plover == "MOBILIZE" and lemma in MOTION_VERBS and subject is not None and _one_person(subject) \
            and not any(c.dep_ == "dobj" for c in token.children):
        return True   # "Putin moved troops" is a move; "Holder headed to a restaurant" is travel
    if rule == "verb:take over" and any(s.sector == "BUS" for s in sources):
        return True   # a company taking over a dam buys or runs it
    mover = subject if subject is not None else _passive_target(token)   # "the weed was headed for"
    return lemma in MOTION_VERBS and mover is not None \
        and not _is_someone(mover, sources or _resolve_phrase(analyzed, mover)) \
        and not (lemma in OBJECT_MAKES_A_DEED and any(c.dep_ == "dobj" for c in token.children))


def _no_actor_acts(token, trigger: Trigger, lemma: str, subject, sources) -> bool:
    """Return whether a verb of aid or of moving forces names no aid or show of force here:
    "Muslims entering the country", "groups moving to the next phase" (no armed men move);
    "gave her the opening", "sending Mr. Manafort" (nothing of aid handed over)."""
    if trigger.plover == "MOBILIZE" and lemma in MOTION_VERBS and not any(s.sector in ARMED_SECTORS for s in sources) \
            and not (lemma != "enter" and any(c.dep_ == "dobj" for c in token.children)) \
            and not (subject is not None and subject.lemma_.lower() in FORCE_THINGS):
        return True   # only armed men, their vehicles, or forces moved show force
    if trigger.plover == "AID" and lemma in GOODS_VERBS and _hands_over_no_aid(token):
        return True
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    # "aid the president's re-election": help to someone's undertaking, a thing, is no aid to an actor.
    return trigger.plover == "AID" and lemma in HELPING_VERBS and bool(objects) and all(
        any(c.dep_ == "poss" for c in o.children) and not _is_someone(o, []) for o in objects)


# Deeds only an actor does: a thing as their doer ("the departure may reduce competition", "a
# deadline to withdraw", "wiretaps discussing the hierarchy") names no event. Blows, accusations
# and demands stay: "the bomb killed 12", "the resolution condemns", "the letter calls on".
DELIBERATE_TYPES = {"CONCEDE", "SANCTION", "RETREAT", "AID", "COOPERATE", "CONSULT", "AGREE"}
# Head nouns of bodies that act ("Mr. Weiner's office contacted him", "the campaign agreed").
BODY_WORDS = {"office", "campaign", "agency", "department", "ministry", "company", "firm", "organization",
              "organisation", "foundation", "institute", "bureau", "commission", "authority", "authorities",
              "service", "court", "network", "station", "newspaper", "union", "church", "school", "university",
              "hospital", "bank", "government", "regime", "state", "country", "nation", "city", "county"}


def _a_thing_acts(trigger: Trigger, subject, sources) -> bool:
    """Return whether a deliberate deed's doer is a thing: a singular common noun that names no
    one (its possessor may: "the governor's departure" is still a thing)."""
    if subject is not None and subject.tag_ == "WDT" and subject.head.dep_ == "relcl":
        subject = subject.head.head   # "the departure from the race, which may reduce ...": its noun
    if trigger.plover not in DELIBERATE_TYPES or subject is None or subject.tag_ != "NN":
        return False   # a plural ("neighbours", "the pirates") may well be people: judged singular only
    if not any(c.dep_ == "poss" for c in subject.children) and any(_actor_like(s) for s in sources):
        return False   # "Somali pirates": the phrase itself resolves to an actor
    return not _is_someone(subject, []) and subject.lemma_.lower() not in BODY_WORDS \
        and describe(subject.lemma_)[1] is None


def _hands_over_no_aid(token) -> bool:
    """Return whether what a verb of giving hands over is no aid: a person ("sending Mr.
    Manafort to assure"), or a word of NOT_AID ("the opening", "the job", "records")."""
    handed = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    handed += [g for p in token.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
    return any(h.ent_type_ == "PERSON" or lookup_title(h.lemma_.lower()) is not None or h.lemma_.lower() in NOT_AID
               for h in handed)


# Help in the campaign arena (gold rule 7): money a donor gives a candidate, party or PAC is
# SUPPORT; other help to one ("help one candidate more than another") is no aid. Aid is what
# states, agencies and charities hand over.
CAMPAIGN_DONATION = Trigger("SUPPORT", None, "051")
AID_GIVERS = {"GOV", "IGO", "NGO", "MIL", "COP"}
# Head words of described campaign actors, whom the actor lexicon gives no sector.
CAMPAIGN_WORDS = {"candidate", "candidates", "campaign", "campaigns", "pac", "super-pac", "pacs", "nominee",
                  "challenger", "incumbent", "contender", "contenders", "democrats", "republicans", "party"}


def _campaign_sector(ref) -> str | None:
    """Return the sector of a target, a described campaign actor ("one candidate", "a super-PAC") as PTY."""
    if ref.sector:
        return ref.sector
    words = ref.name.lower().replace("’s", "").split()
    return "PTY" if words and words[-1] in CAMPAIGN_WORDS else None


def _campaign_help(token, lemma: str, sources, targets) -> Trigger | None:
    """Return the trigger of a verb of aid after the arena it is used in: SUPPORT for money given
    to campaign actors, None for other help to them or for a giving with no recipient and no
    object ("the opportunities America provides"); else the AID trigger unchanged."""
    aid = VERBS.get((lemma, ""))
    if lemma in GOODS_VERBS and not targets and not any(c.dep_ in ("dobj", "dative") for c in token.children):
        return None   # nothing handed to anyone ("ready to help" still offers help)
    # A described actor ("one candidate", "a super PAC") has the sector its description names.
    sectors = [sector for t in targets if (sector := _campaign_sector(t))]
    if not sectors or not all(s in CAMPAIGN_SECTORS for s in sectors) or any(s.sector in AID_GIVERS for s in sources):
        return aid
    return CAMPAIGN_DONATION if lemma in GOODS_VERBS else None


# Event types whose object, when it names people, is whom the force was used on.
FORCE_ON_PEOPLE = frozenset({"ASSAULT", "COERCE"})


def _target_tokens(token, trigger: Trigger, rule: str, lemma: str, subject) -> list:
    """Return the tokens an event is done to: objects and the trigger's prepositions, without the
    object the entry names ("sent an envoy to"), a topic ("discussed the situation") or a
    weapon ("fired rockets at the town")."""
    named_object = rule.split(" ", 1)[1] if " " in rule else None
    found, named = [], []
    for t in _targets(token, trigger, subject):
        if t.dep_ in ("dobj", "nsubjpass") and named_object in (t.lower_, t.lemma_.lower()):
            named.append(t)
            continue
        if t.dep_ == "dobj" and lemma in CONTENT_OBJECT_VERBS:
            continue   # "discussed the situation in Russia": a topic, not a partner
        if t.dep_ in ("dobj", "nsubjpass") and trigger.plover == "ASSAULT" and t.lemma_.lower() in WEAPONS:
            continue   # "fired rockets at the town", "a mortar bomb was fired at Israel": the weapon, not whom it hit
        found.extend(_with_conjuncts(t))
    if not found and trigger.plover in FORCE_ON_PEOPLE:
        # "arrested two protesters", "shelled the villagers": force names its victims in the
        # object the entry names; a thing sent or fired ("sent an envoy") stays no target.
        found = [h for t in named if _is_someone(t, []) for h in _with_conjuncts(t)]
    return found


def _clause_targets(analyzed, token, trigger: Trigger, subject, exclude) -> list[ActorRef]:
    """Return the targets a verb's clauses name when its objects name none: whom a call
    expresses solidarity with, whom a request asks, what a demand or threat is aimed at."""
    targets: list[ActorRef] = []
    if trigger.plover == "CONSULT":
        # "called to express solidarity with Moscow": the purpose clause names whom.
        for clause in (c for c in token.children if c.dep_ in ("xcomp", "advcl")):
            for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in ("with", "to")):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    targets.extend(_resolve_phrase(analyzed, pobj, exclude))
    if not targets and trigger.plover in ("REQUEST", "ACCUSE"):
        # "asked that Moscow refrain", "demanded that the US cancel plans to sell arms to
        # Taiwan", "claimed that Russian troops shelled the plant": the subject of the requested
        # or alleged clause is the target, before anything in it.
        for clause in requested_clauses(token):   # also "called for X to return" (targets.py)
            subject_of_clause = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject_of_clause is not None:
                targets.extend(_resolve_phrase(analyzed, subject_of_clause, exclude))
    if not targets and trigger.plover in ("REQUEST", "THREATEN"):
        # "called for an uprising to oust the defense minister": the target is the object of the demand.
        for inner in token.subtree:
            if inner.dep_ in ("dobj", "pobj") and (subject is None or inner.i != subject.i) and inner.i > token.i:
                resolved = [r for r in _resolve_phrase(analyzed, inner, exclude) if r.actor_id]
                if resolved:
                    return resolved
    return targets


def _recipients(analyzed, token, exclude) -> list[ActorRef]:
    """Return the actors in a verb's or its object's prepositional phrases: "sent material to
    Saudi Arabia", "lifted a curfew in Montenegro"."""
    recipients = []
    holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                recipients.extend(r for r in _resolve_phrase(analyzed, pobj, exclude) if _actor_like(r))
    return recipients


def _verb_targets(analyzed, token, trigger: Trigger, target_tokens: list, sources, subject) -> list[ActorRef]:
    """Return the actors a verb's event is done to, from its objects out to its clause."""
    exclude = sources[0].country if sources else None
    targets: list[ActorRef] = [r for t in target_tokens for r in _resolve_phrase(analyzed, t, exclude)]
    if not targets:
        targets = _clause_targets(analyzed, token, trigger, subject, exclude)
    if targets and not any(_actor_like(t) for t in targets) and not _people_without_country(token.doc, targets):
        # The object is a thing; the actor it is done to sits in a prepositional phrase.
        targets = _recipients(analyzed, token, exclude) or targets
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
    return targets


def _recoded(analyzed, token, trigger: Trigger, rule: str, sources):
    """Return (trigger, plover, rule, mode, negated, sources) after what the parse says about the
    deed: a phone call, a negated prosecution (a concession), protesters blocking roads."""
    plover, mode, negated = trigger.plover, None, None
    # "spoke by phone", "in a phone call"; not "called the seizure a terrorist attack".
    if plover == "CONSULT" and trigger.mode is None and any(
            t.lemma_.lower() in ("phone", "telephone") or (t.lemma_.lower() == "call" and t.pos_ == "NOUN")
            for t in token.sent):
        mode = "phone"
        trigger = PHONE_CALL if trigger.cameo == "040" else trigger
    # Negated legal coercion is a concession: "will not prosecute", "charges would be dropped".
    if plover == "COERCE" and _lemma(token) in LEGAL_ACTIONS and _negated(token):
        plover, negated, mode = "CONCEDE", False, None
        trigger, rule = Trigger("CONCEDE", None, "081"), f"{rule} + negated legal action"
    if plover == "COERCE" and trigger.mode == "restrict" and sources and (
            sources[0].sector in PROTESTING_PEOPLE
            or (sources[0].actor_id is None and describe(sources[0].name)[1] in PROTESTING_PEOPLE)):
        # Demonstrators blocking roads protest; a state blocking them coerces.
        trigger, plover, rule = Trigger("PROTEST", "obstruct", "144"), "PROTEST", f"{rule} + protesters"
    if not sources and _passive_target(token) is not None:
        # "charges would be dropped", the Kremlin clarified: with no agent, the body that
        # announces a state action is its source.
        reporter = _attribution_token(token, token.sent)
        if reporter is not None:
            sources = [r for r in _resolve_phrase(analyzed, reporter) if r.sector in ("GOV", "MIL", "COP", "JUD", "LEG")]
    return trigger, plover, rule, mode, negated, sources


def _verbal_attack(token, sources, targets) -> bool:
    """Return whether an attack is made in words: political actors on each other, no force on
    either side, and no weapon in the clause ("a super-PAC that only attacks Clinton")."""
    if any(s.sector in FORCE_SECTORS for s in sources) or any(t.sector in FORCE_SECTORS for t in targets):
        return False
    if any(t.lemma_.lower() in WEAPONS for t in token.subtree):
        return False
    political = [r for r in (*sources, *targets) if r.sector in POLITICAL_SECTORS]
    named_people = any(t.ent_type_ == "PERSON" for t in token.children if t.dep_ in ("dobj", "nsubjpass"))
    return bool(political) and (named_people or all(t.sector in POLITICAL_SECTORS for t in targets if _actor_like(t)))


# A warning of what others or events will bring ("warning that inaction would increase the risk
# of a recession") urges a change; only harm the warner will do himself threatens.
WARNING_OF_CONSEQUENCES = Trigger("REQUEST", "change", "100", ("to",))


def _warns_of_consequences(analyzed, token, sources) -> bool:
    """Return whether "warn that ..." foretells a consequence the warner does not bring about: the
    warned clause's subject is not the warner ("inaction would ...", "prices will rise"), and no
    hostile deed of the warner's is in it ("warned that it would retaliate" threatens)."""
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    doer = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
    if doer is None or not sources:
        return False
    if doer.pos_ == "PRON" or doer.dep_ == "nsubjpass":
        return False   # "it would retaliate", "sanctions would be imposed": most likely the warner's own hand
    if any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in clause.children):
        return False   # "warned that the militia would act if the government went ahead": a condition set
    warners = {s.actor_id or s.name for s in sources}
    doers = _resolve_phrase(analyzed, doer)
    if any(d.sector in ARMED_SECTORS for d in doers) or doer.lemma_.lower() in FORCE_THINGS:
        return False   # armed men in the warned clause: force foretold is a threat
    return not any((d.actor_id or d.name) in warners for d in doers)


def code_verb(coding: ArticleCoding, token, found: tuple[Trigger, str], lemma: str) -> None:
    """Emit the event a lexicon verb names, if this use of it names one."""
    analyzed = coding.analyzed
    trigger, rule = found
    if lemma == "call":
        named = _naming_trigger(token, trigger, rule)
        if named is None:
            return
        trigger, rule = named
    subject = _subject(token)
    if _not_an_event(token, trigger, lemma, subject):
        return
    if lemma in CONVEYING_VERBS:
        # "trucks carrying armed men towards the dam": the men carried are who moves.
        subject = next((c for c in token.children if c.dep_ == "dobj"), None)
        if subject is None:
            return
    sources = _resolve_phrase(analyzed, subject) if subject is not None else []
    if lemma in CROWD_VERBS and subject is not None and _protesting(subject, sources):
        trigger, rule = CROWD_PROTEST, f"{rule} + protesters"   # "protesters marched on city hall"
    elif lemma in ARMED_ONLY | CONVEYING_VERBS and not any(s.sector in ARMED_SECTORS for s in sources):
        return
    if rule.endswith(" back") and trigger.plover == "ACCUSE" and any(s.sector in FORCE_SECTORS for s in sources):
        # "police shot back at the gunmen", "troops hit back at the raiders": fire returned. A
        # retort verb with no rule of its own ("hit") returns fire as "fire" does.
        lemma_fired = lemma if (lemma, "") in VERBS else "fire"
        trigger, rule = VERBS[(lemma_fired, "")], f"verb:{lemma_fired}"
    if _not_someone_moving(analyzed, token, trigger, rule, lemma, subject, sources):
        return
    if _no_actor_acts(token, trigger, lemma, subject, sources):
        return
    if _a_thing_acts(trigger, subject, sources):
        return
    target_tokens = _target_tokens(token, trigger, rule, lemma, subject)
    targets = _verb_targets(analyzed, token, trigger, target_tokens, sources, subject)
    if trigger.plover == "CONSULT" and target_tokens and all(t.lemma_.lower() in PRESS_WORDS for t in target_tokens):
        return   # "spoke to reporters" is a statement to the press, not a consultation
    if lemma == "meet" and subject is not None and not _is_someone(subject, sources):
        return   # "the plan met fierce resistance": a thing meets no one
    if lemma in GIVING_VERBS and trigger.plover == "AID" and not (
            (not sources or any(_actor_like(x) for x in sources)) and any(_actor_like(x) for x in targets)):
        return   # "gave users a glimpse", "help one candidate": aid passes between actors
    if trigger.plover == "AID" and rule == f"verb:{lemma}":
        helped = _campaign_help(token, lemma, sources, targets)
        if helped is None:
            return   # "help one candidate", "the opportunities America provides": no aid handed over
        trigger = helped
    if lemma in TALKING_VERBS and trigger.plover == "CONSULT" and not targets:
        return   # "not going to talk about this", "speaking at a conference": no one consulted
    if trigger.plover == "ASSAULT" and lemma in VERBAL_ATTACK_VERBS and _verbal_attack(token, sources, targets):
        trigger, rule = VERBAL_ATTACK, f"{rule} + in words"
    if trigger.plover == "THREATEN" and lemma == "warn" and _warns_of_consequences(analyzed, token, sources):
        trigger, rule = WARNING_OF_CONSEQUENCES, f"{rule} + consequences"
    passive_target = _passive_target(token)
    trigger, plover, rule, mode, negated, sources = _recoded(analyzed, token, trigger, rule, sources)
    if plover == "COERCE" or passive_target is not None:
        sources = with_implied_agent(analyzed, token, lemma, sources)   # "was arrested": by police; "was convicted": a court
    if lemma == "drop" and passive_target is not None:
        targets = [r for r in targets if "charge" not in r.name.lower()]
    confidence = 0.8 if sources and targets else 0.6 if sources or targets else 0.4
    if rule.startswith("cameo:"):
        confidence -= 0.1   # a PETRARCH2 pattern is less sure than a rule with its own test sentences
    coding.emit(token, trigger, plover, rule, sources, targets, token, confidence, mode=mode, negated=negated)
