"""Targets found beyond a verb's own objects: deeper in its clause, in its setting, behind a deed
noun (\"called the seizure an attack\"), or in a threat's condition."""

from __future__ import annotations

import dataclasses
from collections import Counter

from newsprism.actors import actor_at, describe
from newsprism.actors.antecedents import pronoun_actor
from newsprism.events.lexicon import DEED_NOUNS, SPEECH_VERBS, STATEMENT_NOUNS, STATEMENT_VERBS
from newsprism.events.phrases import (
    TIME_NOUNS,
    _actor_like,
    _country_of_setting,
    _is_someone,
    _named_place,
    _resolve_phrase,
)
from newsprism.events.syntax import _condition_subjects, _named_things, _subject
from newsprism.events.vocabulary import CLAUSE_LINKS, LANDMARK_PREPS, PLACE_TARGETED, SETTING_PREPS

# Acts of saying and meeting: where they happen is never whom they are aimed at. (A threat's or
# an offer's content is a deed, whose setting may be: "an offensive in its war with Iraq".)
STATED_TYPES = {"CONSULT", "ACCUSE", "REJECT", "SUPPORT"}
from newsprism.records import ActorRef, AnalyzedArticle


def _actor_in_clause(analyzed: AnalyzedArticle, roots: list, skip: set[int], sources: list[ActorRef],
                     max_depth: int = 6, settings: bool = True, origins: bool = True) -> list[ActorRef]:
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
                if child.dep_ == "conj" and child.pos_ == "VERB" and token.pos_ == "VERB" \
                        and any(c.dep_ == "dobj" for c in token.children):
                    continue   # "stepped up airstrikes and sent in forces": the second deed's object is its own
                if _time_setting(child):
                    continue   # "in the wake of the Paris attacks": when, not whom
                if _company(child):
                    continue   # "along with the Russians and the French": who else acts, not whom
                if child.lower_ in LANDMARK_PREPS or (not settings and child.dep_ == "prep" and child.lower_ in SETTING_PREPS) \
                        or (not origins and child.dep_ == "prep" and child.lower_ == "from"):
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


# A deed's time setting names no one it is done to: "in the wake of the bombings in Paris",
# "on the eve of the summit with China". (Not every "after": "called off the strike after
# talks with the government" ends it towards the government.)


def _time_setting(token) -> bool:
    """Return whether a clause child is a phrase of time ("in the wake of ...")."""
    return token.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in TIME_NOUNS for g in token.children)


# Phrases that name who else takes part: "along with the French", "alongside Kurdish forces",
# "in addition to the troops already there".
COMPANY_PREPS = {"along", "alongside", "together", "besides"}


def _company(token) -> bool:
    """Return whether a clause child names partners of the deed, not whom it is done to."""
    if token.dep_ != "prep":
        return False
    if token.lower_ in COMPANY_PREPS:
        return True
    if token.lower_ == "with":   # "together with Turkish forces": the parser hangs "together" on "with"
        return any(c.dep_ == "advmod" and c.lower_ in COMPANY_PREPS for c in token.children)
    return token.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ == "addition" for g in token.children)


def _content_subjects(analyzed: AnalyzedArticle, roots: list, skip: set[int]) -> list[ActorRef]:
    """Return whom an accusation or a demand names in its "that" clause: "pressed his attack
    that Clinton is not qualified" attacks Clinton; "her demand that the council resign" asks it."""
    found: list[ActorRef] = []
    # The parser hangs a noun's content clause on the verb the noun is the object of: "pressing
    # his attack that Clinton is not qualified".
    holders = [(r, r.i) for r in roots] + [(r.head, r.i) for r in roots if r.dep_ == "dobj"]
    for clause in (c for h, after in holders for c in h.children
                   if c.dep_ in ("ccomp", "acl") and c.i > after and c.i not in skip):
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i not in skip:
            found.extend(r for r in _resolve_phrase(analyzed, subject) if _actor_like(r))
    return found


def _with_deeper_targets(analyzed: AnalyzedArticle, targets: list[ActorRef], sources: list[ActorRef], subject,
                         roots: list, plover: str, content: list = (), places: tuple = ()) -> list[ActorRef]:
    """Return ``targets`` led by the actors found deeper in the clause when none of them has a
    country (the things stay after them: "denied the accusation").

    ``content`` (an offer's or threat's complement) is searched before the rest of the clause;
    events done to a place (PLACE_TARGETED) fall back on their setting.
    """
    source_ids = {(r.actor_id or r.name) for r in sources}
    if plover == "PROTEST":
        argued = [r for r in _argued_with(analyzed, roots) if (r.actor_id or r.name) not in source_ids]
        if argued:
            return argued
    if any(t.country and (t.actor_id or t.name) not in source_ids for t in targets):
        return targets
    if plover == "CONSULT" and not targets:
        visited = _place_before_there(analyzed, roots)
        if visited:
            return visited
    if plover == "REQUEST" and not any(_actor_like(t) for t in targets):
        granted = [r for r in _granter(analyzed, roots) if (r.actor_id or r.name) not in source_ids]
        if granted:
            return granted + targets
    # The subject's own phrase is the source's; a subject the parse made the head of the whole
    # sentence ("Doctors from aid groups donated ...") spans only itself.
    skip = set()
    if subject is not None:
        skip = {subject.i} if any(subject.is_ancestor(r) for r in roots) else {t.i for t in subject.subtree}
    skip |= {r.i for r in roots}
    # A meeting's or a statement's setting is where it happens ("denied arson following a fire at
    # a supermarket in Somerset"); a deed's setting may be whom it hits.
    settings = plover not in STATED_TYPES
    owners = _owners_of_objects(analyzed, roots, sources)
    if owners:
        # "attacked his policy", "criticized the nature of the Tea Party": whose it is.
        return owners + targets
    # An attack with a "that" clause is made in words (it is recoded so later).
    if plover in ("ACCUSE", "REQUEST", "ASSAULT") and not any(_actor_like(t) for t in targets):
        named = [r for r in _content_subjects(analyzed, roots, skip) if (r.actor_id or r.name) not in source_ids]
        if named:
            return named + targets
    # "detained three journalists in Minsk", "arrested two men in Kyiv": when the deed names the
    # people it is done to, a place it happens in is where, not whom; the people are of that place.
    people = _people_without_country(roots[0].doc, targets) if roots else []
    settings = settings and not people
    # Where an attack comes from is not whom it hits: "rockets fired from Gaza".
    origins = plover != "ASSAULT"
    deeper = _actor_in_clause(analyzed, list(content), skip, sources, settings=settings, origins=origins) if content else []
    deeper = deeper or _actor_in_clause(analyzed, roots, skip, sources, settings=settings, origins=origins)
    if not deeper and not targets and plover in PLACE_TARGETED:
        deeper = _place_target(analyzed, *(places or roots))
    if people and not deeper:
        targets = _placed_people(analyzed, roots, targets, people)
    return deeper + targets


# Asking nouns whose "at" phrase says a deed was done as asked: "met him at Sanders' request".
GRANTED_NOUNS = {"request", "behest", "invitation", "urging", "insistence", "instigation"}


def _granter(analyzed: AnalyzedArticle, roots: list) -> list[ActorRef]:
    """Return whom a request was made of when the text says the deed was done "at X's request"
    (or "at the invitation of X"): the doer of the deed it qualifies ("Obama will meet with
    Sanders at Sanders' request" asks Obama)."""
    for noun in roots:
        if noun.lemma_.lower() not in GRANTED_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "on", "upon"):
            continue
        deed = noun.head.head
        subject = _subject(deed) if deed.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return [r for r in _resolve_phrase(analyzed, subject) if _actor_like(r)]
    return []


# Verbs of a quarrel: "walked out after arguing with the host" protests against the host.
QUARREL_VERBS = {"argue", "clash", "quarrel", "spar", "feud", "bicker", "squabble"}


def _argued_with(analyzed: AnalyzedArticle, roots: list) -> list[ActorRef]:
    """Return whom a protest answers when the text says it followed a quarrel with them: the
    one argued with, not the place the protest happens in."""
    for clause in (c for r in roots for c in r.children if c.dep_ in ("advcl", "pcomp", "prep")):
        verbs = [clause] + [c for c in clause.children if c.dep_ == "pcomp"]
        for verb in (v for v in verbs if v.lemma_.lower() in QUARREL_VERBS):
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
                found = [r for p in prep.children if p.dep_ == "pobj" for r in _resolve_phrase(analyzed, p)]
                if found:
                    return found
    return []


def _place_before_there(analyzed: AnalyzedArticle, roots: list) -> list[ActorRef]:
    """Return what "there" points back to in a visit: the nearest place or body the sentence
    names before it ("teachers at Hillcrest College ... ahead of the senator's visit there")."""
    there = next((c for r in roots for c in r.children if c.lower_ == "there" and c.dep_ == "advmod"), None)
    if there is None:
        return []
    # A named institution is where one visits; the town it is in only describes it.
    bodies = [e for e in there.sent.ents if e.end <= there.i and e.label_ in ("FAC", "ORG")]
    places = [e for e in there.sent.ents if e.end <= there.i and e.label_ in ("GPE", "LOC")]
    before = bodies or places
    if not before:
        return []
    root = before[-1].root
    # "Hillcrest College, the private school in Ohio ... visit there": the name, not its gloss.
    # (The parser sometimes makes such a gloss a conjunct with no "and".)
    gloss = root.dep_ == "appos" or (root.dep_ == "conj" and not any(c.dep_ == "cc" for c in root.head.children))
    return _resolve_phrase(analyzed, root.head if gloss else root)


def _people_without_country(doc, targets: list[ActorRef]) -> list[ActorRef]:
    """Return the targets that name people or a body but no country: "three journalists" (a
    sector), "two men" (people by their noun); not things ("a convoy", "the records")."""
    found = []
    for ref in targets:
        if ref.country:
            continue
        if ref.actor_id is not None or ref.sector is not None:
            found.append(ref)
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand") if ref.start is not None and ref.end is not None else None
        if span is not None and (_is_someone(span.root, []) or span.root.lemma_.lower() in PERSON_NOUNS):
            found.append(ref)
    return found


# One person named by what befell or describes them, which no actor table gives a sector:
# "arrested the suspect at his home in Leeds", "detained a teenager in Hebron".
PERSON_NOUNS = {"suspect", "teenager", "boy", "girl", "victim", "student", "driver", "worker", "prisoner",
                "detainee", "hostage", "citizen", "migrant", "refugee", "passenger", "pilot", "tourist"}


def _placed_people(analyzed: AnalyzedArticle, roots: list, targets: list[ActorRef],
                   people: list[ActorRef]) -> list[ActorRef]:
    """Return ``targets`` with the people among them given the country of the place the deed (or
    its object) happens in: "detained three journalists in Minsk" detains Belarusian journalists."""
    holders = list(roots) + [c for r in roots for c in r.children if c.dep_ in ("dobj", "nsubjpass")]
    country = next((c for h in holders if (c := _country_of_setting(analyzed, h, ("in", "inside", "at")))), None)
    if country is None:
        return targets
    return [dataclasses.replace(t, country=country) if t in people else t for t in targets]


def _owners_of_objects(analyzed: AnalyzedArticle, roots: list, sources: list[ActorRef]) -> list[ActorRef]:
    """Return the actors whose thing an event is done to: the possessor of a direct object that
    is no actor itself ("mock his tough talk", "attack his policy on Medicare"), or the actor
    after its "of" ("criticize the radical nature of the Tea Party"). A possessive pronoun is
    never the source itself: whoever attacks "his policy" attacks another's."""
    source_ids = {r.actor_id for r in sources if r.actor_id}
    found: list[ActorRef] = []
    for root in roots:
        # "criticized what she calls the radical nature of the party": the thing named.
        objects = [c for c in root.children if c.dep_ == "dobj"] + _named_things(root)
        for obj in (o for o in objects if o.pos_ == "NOUN"):
            if actor_at(analyzed, obj.idx, obj.idx + len(obj.text)) is not None or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                continue   # the object is an actor: it is the target
            owner = next((c for c in obj.children if c.dep_ == "poss"), None)
            if owner is None:
                owner = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj"), None)
            if owner is None:
                continue
            if owner.pos_ == "PRON":
                ref = pronoun_actor(analyzed, owner, source_ids)
                refs = [ref] if ref is not None else []
            else:
                refs = [r for r in _resolve_phrase(analyzed, owner) if _actor_like(r) and r.actor_id not in source_ids]
            found.extend(r for r in refs if r.actor_id is None or r.actor_id not in source_ids)
    return found


def _place_target(analyzed: AnalyzedArticle, *anchors) -> list[ActorRef]:
    """Return the country-bearing place an event happens in ("in Sudan", "at a jail in Israel")."""
    holders = [a for a in dict.fromkeys(anchors) if a is not None]
    holders += [c for a in holders for c in a.children if c.dep_ == "dobj"]
    named = []
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside", "near")
                 and not _time_setting(c)):
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


# Who coerces when the sentence names no one: police arrest and detain, prosecutors and courts
# charge, indict, convict and sentence. Verb and noun lemmas alike.
IMPLIED_AGENTS = {
    "arrest": ("police", "COP"), "detain": ("police", "COP"), "apprehend": ("police", "COP"),
    "detention": ("police", "COP"), "taser": ("police", "COP"), "handcuff": ("police", "COP"),
    "charge": ("prosecutors", "JUD"), "indict": ("prosecutors", "JUD"), "indictment": ("prosecutors", "JUD"),
    "prosecute": ("prosecutors", "JUD"), "prosecution": ("prosecutors", "JUD"), "convict": ("court", "JUD"),
    "conviction": ("court", "JUD"), "sentence": ("court", "JUD"), "jail": ("court", "JUD"),
    "imprison": ("court", "JUD"), "imprisonment": ("court", "JUD"),
    # Subpoenas come from prosecutors or a court (gold rule 28: an unnamed issuer).
    "subpoena": ("prosecutors", "JUD"),
}
AUTHORITY_SECTORS = {"COP", "JUD", "GOV", "MIL"}
# Nominal events whose possessor is the one the deed is done to: "his arrest", "Kennedy's
# assassination", "the hostages' release" (not "Russia's invasion": an invader possesses that).
PATIENT_NOUNS = {"arrest", "detention", "capture", "abduction", "kidnapping", "assassination", "murder", "killing",
                 "execution", "deportation", "extradition", "expulsion", "imprisonment", "indictment",
                 "conviction", "sentencing", "release", "ouster", "impeachment", "torture", "rescue", "prosecution"}


def _implied_country(analyzed: AnalyzedArticle, token) -> str | None:
    """Return the country an unnamed authority acts for: where the deed itself happens ("was
    arrested in Lebanon"), else the one country the sentence's places lie in, else (when the
    sentence names no place) the country the article's places and states name most."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "inside")):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            ref = actor_at(analyzed, place.idx, place.idx + len(place.text))
            if ref is not None and ref.country:
                return ref.country
    kinds = {a.id: a for a in analyzed.actors}
    sentence = token.sent
    counts: Counter = Counter()
    here: set[str] = set()
    for m in analyzed.actor_mentions:
        actor = kinds.get(m.actor_id)
        if actor is None or actor.kind not in ("place", "country") or not actor.country:
            continue
        counts[actor.country] += 1
        if sentence.start_char <= m.start < sentence.end_char:
            here.add(actor.country)
    if not here:
        # Places the actor tables do not hold ("a jail in Palermo") still say whose: their
        # demonym, or the largest place of that name in the place gazetteer.
        here = {c for ent in sentence.ents if ent.label_ in ("GPE", "NORP", "LOC") and (c := _place_country(ent.text))}
    if not here:
        # A place name that modifies a noun: "Staunton Police Chief", "Palermo prosecutors".
        # The place is no person's name and no authority itself ("Police" is also a Polish town).
        here = {c for t in sentence if t.pos_ == "PROPN" and t.dep_ == "compound" and t.ent_type_ != "PERSON"
                and describe(t.text)[1] is None and _authority(t.head) and (c := _place_country(t.text, 5000))}
    if len(here) == 1:
        return here.pop()
    if here:
        return None
    if not counts:
        counts = Counter(c for e in analyzed.entities if e.label == "GPE" and (c := _place_country(e.text)))
    return counts.most_common(1)[0][0] if counts else None


def _demonym_country(name: str) -> str | None:
    """Return the country of a regional adjective the actor tables know by its place only:
    "a Sicilian jail" (Sicily), "Bavarian police" (Bavaria), "Californian officials" (California),
    "Texan officials" (Texas). Only the tables are asked: a guessed town would mislead."""
    if " " in name or not name.endswith("an") or not name[:1].isupper():
        return None
    for place in (name[:-1], name[:-3] + "y", name + "y", name[:-1] + "s"):
        country = describe(place)[0]
        if country:
            return country
    return None


def _place_country(name: str, least: int = 1) -> str | None:
    """Return the country of a place name: by demonym or country name, else the most populous
    entry of that name in the place gazetteer (offline GeoNames)."""
    country = describe(name)[0]
    if country:
        return country
    country = _demonym_country(name)
    if country:
        return country
    try:
        from newsprism.places.gazetteer import candidates
        found = candidates(name)
    except Exception:   # no place index on this machine: no guess   # noqa: BLE001
        return None
    best = max(found, key=lambda p: p.population, default=None)
    return best.country if best is not None and best.population >= least else None


def with_implied_agent(analyzed: AnalyzedArticle, token, lemma: str, sources: list[ActorRef]) -> list[ActorRef]:
    """Return ``sources``, or the authority a coercion implies when the sentence names none:
    "was arrested" by police, "has been charged" by prosecutors, of the country it happens in.
    A source the text gives without a country ("Police Chief Jim Williams announced she was
    arrested") takes that country."""
    implied = IMPLIED_AGENTS.get(lemma)
    if implied is None:
        return sources
    country = _implied_country(analyzed, token)
    if sources:
        return [dataclasses.replace(s, country=country) if not s.country and s.sector in AUTHORITY_SECTORS and country else s
                for s in sources]
    return [ActorRef(None, implied[0], country, implied[1])]


def patient_owner(analyzed: AnalyzedArticle, token, owner, sources: list[ActorRef],
                  targets: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """Return (sources, targets) of a nominal event with its possessor moved to the targets when
    the noun is done to its possessor ("hours after his arrest": he is the one arrested, and the
    police implied by an arrest are the source)."""
    lemma = token.lemma_.lower()
    if owner is None or owner.dep_ != "poss" or lemma not in PATIENT_NOUNS:
        return sources, targets
    patient = pronoun_actor(analyzed, owner) if owner.pos_ == "PRON" else None
    patients = [patient] if patient is not None else _resolve_phrase(analyzed, owner)
    if not patients and owner.pos_ == "PRON":
        # "An alleged Mafia boss hanged himself hours after his arrest": with no named person
        # before it, "his" is the subject of the clause it stands in.
        verb = next((a for a in owner.ancestors if a.pos_ in ("VERB", "AUX") and _clause_subject(a) is not None), None)
        patients = _resolve_phrase(analyzed, _clause_subject(verb)) if verb is not None else []
    ids = {(p.actor_id or p.name) for p in patients}
    targets = patients + [t for t in targets if (t.actor_id or t.name) not in ids]
    sources = [s for s in sources if (s.actor_id or s.name) not in ids]
    return with_implied_agent(analyzed, token, lemma, sources), targets


def _clause_subject(verb):
    """Return the nominal subject a verb has itself (no pronoun), if any."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)


def _authority(token) -> bool:
    """Return whether a noun, or a word compounded with it, names a state authority ("police",
    "Police Chief", "prosecutors"): a place name before it says whose authority it is."""
    words = [token, *(c for c in token.children if c.dep_ == "compound")]
    return any(describe(w.text)[1] in AUTHORITY_SECTORS | {"LEG"} for w in words)


# A state's force is its military: "the U.S. has stepped up airstrikes", "Russia sent troops".
ARMED_TYPES = {"ASSAULT", "MOBILIZE"}


def with_armed_states(analyzed: AnalyzedArticle, plover: str, sources: list[ActorRef]) -> list[ActorRef]:
    """Return ``sources`` with a named state that uses or moves force given the military sector
    (PLOVER codes a state's airstrikes as its armed forces'). People keep their own sector."""
    if plover not in ARMED_TYPES:
        return sources
    states = {a.id for a in analyzed.actors if a.kind == "country"}
    return [dataclasses.replace(s, sector="MIL") if s.actor_id in states and s.sector in (None, "GOV") else s
            for s in sources]


def requested_clauses(token) -> list:
    """Return the clauses a request or claim asks or alleges, whose subjects are whom it aims at:
    "demanded that Moscow refrain" (a ccomp) and "called for the dockworkers to return" (an
    infinitive with its own subject, introduced by "for")."""
    return [c for c in token.children if c.dep_ == "ccomp" or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
