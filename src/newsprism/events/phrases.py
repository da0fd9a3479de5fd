"""Actors of noun phrases: what a subject or object token names (a resolved actor, group members,
or a described actor with the country its setting gives)."""

from __future__ import annotations

import dataclasses
import re

from newsprism.actors import actor_at, describe, expand_group
from newsprism.actors.context import article_home
from newsprism.actors.antecedents import (
    FIRST_PERSON,
    THIRD_PERSON,
    description_actor,
    genders,
    pronoun_actor,
)
from newsprism.actors.words import PERSON_PRONOUNS
from newsprism.actors.titles import lookup_title
from newsprism.events.authors import author_token
from newsprism.events.lexicon import ARMED_SECTORS, PROTESTERS
from newsprism.events.senses import HELD_PLACES
from newsprism.events.syntax import (
    _heads,
    _people_noun,
    _reporting_subject,
    _span_of,
    _subject,
    _verbal,
)
from newsprism.events.vocabulary import (
    INDEFINITE_PRONOUNS,
    LOCAL_SECTORS,
    MEMBER_WORDS,
    PEOPLE_WORDS,
    PRONOUNS,
    SETTING_WORDS,
    SOMEONE_WORDS,
)
from newsprism.records import ActorRef, AnalyzedArticle


def _resolve_phrase(analyzed: AnalyzedArticle, token, exclude_country: str | None = None) -> list[ActorRef]:
    """Return the actors a noun phrase names: group members, a resolved actor, or the phrase
    itself; a subject's or agent's named conjuncts act with it ("Ames and Bolt criticized")."""
    found = _resolve_one(analyzed, token, exclude_country)
    if token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "pobj" and token.head.dep_ == "agent"):
        for other in _named_conjuncts(token):
            for ref in _resolve_one(analyzed, other, exclude_country):
                if _actor_like(ref) and ref not in found:
                    found.append(ref)
    return found


def _named_conjuncts(token) -> list:
    """Return the names conjoined to a token ("Ames and Senator Bolt"), in order."""
    out = []
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ == "PROPN" and child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            out.append(child)
            out.extend(_named_conjuncts(child))
    return out


def _resolve_one(analyzed: AnalyzedArticle, token, exclude_country: str | None = None) -> list[ActorRef]:
    """Return the actors one noun phrase names (``_resolve_phrase`` without conjuncts)."""
    token, meant = _pronoun_meaning(analyzed, _meant_token(token))
    if meant is not None:
        return meant
    author = author_token(token)   # "an ad by Ames", "Ames posted a video that ...": Ames
    if author is not None and author[0].i != token.i:
        found = [r for r in _resolve_one(analyzed, author[0], exclude_country) if author[1] or _actor_like(r)]
        if found:
            return found
    if token.lemma_.lower() in TIME_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return []   # "the wake of the Paris attacks", "the eve of the summit": a time, no actor
    doc = token.doc
    left, right = _span_of(token)
    start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1].text)
    # The speaker's own country is not among "his G7 counterparts".
    members = [m for m in expand_group(analyzed, start, end) if not exclude_country or m.country != exclude_country]
    if members:
        return members
    actor = _named_actor(analyzed, token, start, end) or _group_of_members(analyzed, token)
    if actor is not None:
        return [actor]
    text = analyzed.article.text[start:end].strip()
    # "anyone in the Orin valley": an indefinite pronoun with a setting names the people there.
    placed_pronoun = token.lower_ in INDEFINITE_PRONOUNS and any(
        c.dep_ == "prep" and c.lower_ in ("in", "from") for c in token.children)
    if not text or token.lower_ in PRONOUNS or (token.pos_ in ("PRON", "DET") and not placed_pronoun):
        return []
    # "the former president", "the company": the latest actor of that role before it.
    described = _surname_actor(analyzed, token) or description_actor(analyzed, token)
    if described is not None:
        return [described]
    country, sector = describe(text)
    return [_placed(analyzed, token, ActorRef(None, text, country, sector, start, end))]


def _meant_token(token):
    """Return the noun a relative pronoun, a partitive or a naming phrase stands for."""
    if token.lower_ in ("who", "whom", "that", "which") and token.head.dep_ == "relcl":
        token = token.head.head
    elif token.lower_ in ("who", "which") or (token.lower_ == "that" and token.tag_ == "WDT"):
        # A relative clause the parser hung elsewhere ("a super-PAC that only attacks Clinton"):
        # the noun right before the pronoun is whom it means.
        token = _relative_antecedent(token) or token
    return _partitive_head(_named_by(token))


def _pronoun_meaning(analyzed: AnalyzedArticle, token) -> tuple[object, list[ActorRef] | None]:
    """Return (the token to read on, the actors a pronoun means or None when it decides nothing)."""
    if token.lower_ in ("him", "her") and token.dep_ in ("dobj", "pobj", "dative"):
        meant = _reporter_meant(analyzed, token)
        if meant is not None:
            return token, [meant]
    if token.lower_ in FIRST_PERSON or token.lower_ in THIRD_PERSON:
        # "'I apologize to Grassley,' Braley wrote"; "asked Sanders why he criticized ...".
        meant = pronoun_actor(analyzed, token)
        if meant is not None:
            return token, [meant]
    if token.lower_ in ("they", "it", "we", "he", "she") and token.dep_ in ("nsubj", "nsubjpass") and \
            actor_at(analyzed, token.idx, token.idx + len(token.text)) is None:
        # "The rebels said they will release ...": the pronoun is the speaker.
        speaker = _reporting_subject(token)
        if speaker is not None and speaker.lower_ not in PRONOUNS:
            token = speaker
    if token.lower_ == "them" and token.dep_ in ("dobj", "pobj", "dative"):
        group = _plural_before_them(token)   # "met the union leaders and urged them": the leaders
        if group is not None:
            return group, None
    if token.lower_ == "it" and token.dep_ not in ("nsubj", "nsubjpass"):
        place = _place_before_it(token)
        if place is not None:
            return place, None
        actor = _object_it(analyzed, token)
        if actor is not None:
            return token, [actor]
    return token, None


def _place_before_it(token):
    """Return the place an object "it" means: "the militia had left the dam and police had taken
    control of it". Not a place inside the clause's own subject: "troops in the region attacked it"."""
    verb = token.head.head if token.head.dep_ == "prep" else token.head
    subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    inside = {t.i for t in subject.subtree} if subject is not None else set()
    return next((t for t in reversed(token.doc[token.sent.start:token.i]) if t.pos_ in ("NOUN", "PROPN")
                 and t.i not in inside and (t.lemma_.lower() in HELD_PLACES or t.ent_type_ in ("FAC", "LOC"))), None)


PLURAL_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos")


def _plural_before_them(token):
    """Return the plural noun an object "them" means: the nearest one before it in its sentence
    that is not inside its own clause's subject (a clause doing something to its own subject
    says "themselves"), else the last one of the sentence before. Time and measure words
    ("on Monday", "two years") are no one."""
    verb = token.head.head if token.head.dep_ == "prep" else token.head
    subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    inside = {t.i for t in subject.subtree} if subject is not None else set()
    sentence = token.sent
    previous = token.doc[sentence.start - 1].sent if sentence.start > 0 else None
    for span, end in ((sentence, token.i), (previous, None)):
        if span is None:
            continue
        stop = end if end is not None else span.end
        for t in reversed(token.doc[span.start:stop]):
            if t.tag_ in ("NNS", "NNPS") and t.dep_ in PLURAL_ROLES and t.i not in inside \
                    and t.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
                return t
    return None


def _named_actor(analyzed: AnalyzedArticle, token, start: int, end: int) -> ActorRef | None:
    """Return the resolved actor the head names; failing that, its modifiers before it ("Wagner
    units", "America's allies"), or the described head they modify."""
    actor = actor_at(analyzed, token.idx, token.idx + len(token.text))
    if actor is None:
        actor = actor_at(analyzed, start, token.idx + len(token.text))
        described = _described_head(analyzed, token, actor, start, end) if actor is not None else None
        if described is not None:
            return described
    return _placed(analyzed, token, actor) if actor is not None else None


def _group_of_members(analyzed: AnalyzedArticle, token) -> ActorRef | None:
    """"members of the gang", "fighters from Hamas": members act as their (non-civilian) group."""
    if token.lemma_.lower() not in MEMBER_WORDS:
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for group in (c for c in prep.children if c.dep_ == "pobj"):
            actor = actor_at(analyzed, group.idx, group.idx + len(group.text))
            kind = next((a.kind for a in analyzed.actors if actor is not None and a.id == actor.actor_id), None)
            if actor is not None and actor.sector not in ("CVL", None) and kind not in ("person", None):
                return actor
    return None


def _surname_actor(analyzed: AnalyzedArticle, token) -> ActorRef | None:
    """A surname the tagger missed ("talks with Prigozhin") still names the article's actor."""
    if token.pos_ != "PROPN":
        return None
    for actor in analyzed.actors:
        if actor.kind == "person" and token.text in actor.name.split():
            return ActorRef(actor.id, actor.name, actor.country, actor.sector, token.idx, token.idx + len(token.text))
    return None


def _reporter_meant(analyzed: AnalyzedArticle, token) -> ActorRef | None:
    """Return the person who reports a clause when an object pronoun in it means them: "Levin
    said neither the senator's office nor the police had contacted him" is Levin. Only when the
    reporter is one named person the pronoun's gender fits and the clause's own subject is
    someone else."""
    speaker = _reporting_subject(token)
    if speaker is None or speaker.ent_type_ != "PERSON":
        return None
    refs = [r for r in _resolve_one(analyzed, speaker) if r.actor_id]
    if len(refs) != 1:
        return None
    gender = genders(analyzed).get(refs[0].actor_id)
    if gender is not None and gender != PERSON_PRONOUNS[token.lower_]:
        return None
    verb = token.head.head if token.dep_ == "pobj" else token.head
    subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.i == speaker.i or subject.lower_ in PRONOUNS:
        return None   # "Levin said he had called him": someone else
    if any(r.actor_id == refs[0].actor_id for r in _resolve_one(analyzed, subject)):
        return None
    return dataclasses.replace(refs[0], start=token.idx, end=token.idx + len(token.text))


def with_home_countries(analyzed: AnalyzedArticle, doc, refs: list[ActorRef]) -> list[ActorRef]:
    """Return an event's final sources or targets with the people described but given no
    country ("Islamic fundamentalists demanded the Algerian president's resignation", "a group
    of elders") and the bodies the resolver left without one ("the Umma party") placed in the
    country the article is about (``article_home``): the only one it names, or one it names
    clearly most. Named persons keep what the resolver found; international bodies and
    things get none. Applied once the coder has decided whom an event is aimed at, since a
    target's country decides whether it looks deeper."""
    home = None
    kinds = {a.id: a.kind for a in analyzed.actors}
    out = []
    for ref in refs:
        if ref.country or ref.sector == "IGO" or (ref.actor_id and kinds.get(ref.actor_id) not in ("organisation", "group")) \
                or ref.start is None or ref.end is None:
            out.append(ref)
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        head = span.root if span is not None else None
        # "a group of Yoruba elders", "thousands of workers": the people after "of" count.
        someone = ref.actor_id is not None or head is not None and (ref.sector is not None or any(
            _people_noun(h) or h.lemma_.lower() in PEOPLE_WORDS or h.ent_type_ in ("PERSON", "ORG", "NORP")
            or lookup_title(h.lemma_.lower()) is not None for h in _heads(head))
            or head.pos_ == "NUM" and head.dep_ in ("dobj", "nsubj", "nsubjpass"))   # "arresting 12"
        if head is not None and head.lemma_.lower() in BLAST_WORDS:
            # "A roadside bombing near Samarra killed ...": the unknown bombers of that place.
            country = _blast_country(analyzed, head)
            out.append(dataclasses.replace(ref, country=country, country_inferred=True) if country else ref)
            continue
        if someone:
            home = home or article_home(analyzed.actor_mentions, analyzed.actors)
        out.append(dataclasses.replace(ref, country=home, country_inferred=True) if someone and home else ref)
    return out


# Devices and blasts named as the doer of an attack: they stand for whoever set them off.
BLAST_WORDS = {"bomb", "bombing", "explosion", "blast", "device", "mine", "landmine", "ied", "car-bomb"}


def _blast_country(analyzed: AnalyzedArticle, head) -> str | None:
    """Return the country of the towns and cities a blast's sentence names, when they lie in
    one country (states named as such are sides, not places: "killed one U.S. soldier")."""
    sentence = head.sent
    kinds = {a.id: (a.kind, a.country) for a in analyzed.actors}
    found = {kinds[m.actor_id][1] for m in analyzed.actor_mentions
             if sentence.start_char <= m.start < sentence.end_char and m.actor_id in kinds
             and kinds[m.actor_id][0] == "place" and kinds[m.actor_id][1]}
    return found.pop() if len(found) == 1 else None


# Quantifiers that stand for part of a group named after "of": "some of the tenants".
PARTITIVES = {"some", "many", "most", "all", "several", "few", "both", "each", "none", "one", "half",
              "majority", "minority", "rest", "any", "dozens", "scores"}


def _partitive_head(token):
    """Return the people a quantifier takes from ("at least some of the likely beneficiaries
    took issue" are beneficiaries), else the token itself."""
    if token.lower_ not in PARTITIVES:
        return token
    return next((c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj"), token)


# Nouns that only place an event in time: "in the wake of", "on the eve of", "in the aftermath of".
TIME_NOUNS = {"wake", "aftermath", "eve", "run-up", "runup", "midst", "heels"}


# Nouns for the body that serves an office-holder: "the U.S. Attorney's office", "the
# governor's staff". Their sector is the title's, their country the place's.
OFFICE_NOUNS = {"office", "bureau", "staff", "chambers"}


def _described_head(analyzed: AnalyzedArticle, token, modifier: ActorRef, start: int, end: int) -> ActorRef | None:
    """Return the described actor a phrase names when only a place before its head is a known
    actor: "a New York City cable news reporter" is a reporter (of the USA), not New York;
    "Russian troops" are troops of Russia. A group's or a person's name before the head still
    names the actor ("Wagner units", "Obama aides")."""
    kind = next((a.kind for a in analyzed.actors if a.id == modifier.actor_id), None)
    if kind not in ("place", "country") or token.pos_ != "NOUN":
        return None
    text = analyzed.article.text[start:end].strip()
    sector = describe(token.lemma_.lower())[1] or describe(token.text)[1]
    if sector is None and token.lemma_.lower() in OFFICE_NOUNS:
        # "the U.S. Attorney's office", "the Mayor's office": an office is its holder's body,
        # so the title before it gives the sector (a prosecutor's, not the state's).
        sector = describe(text)[1]
    if sector is None:
        return None
    return ActorRef(None, text, modifier.country or describe(text)[0], sector, start, end)


def _relative_antecedent(token):
    """Return the noun a misattached relative pronoun follows, if one stands right before it."""
    before = token.i - 1
    while before >= token.sent.start and token.doc[before].is_punct and token.doc[before].text != "-":
        before -= 1
    if before < token.sent.start:
        return None
    noun = token.doc[before]
    return noun if noun.pos_ in ("NOUN", "PROPN") or noun.dep_ in ("pobj", "dobj", "nsubj", "attr", "appos") else None


# Participles that give a described actor its name: "a group called the St. Louis Tea Party".
NAMING_PARTICIPLES = {"call", "name", "know", "dub"}


def _named_by(token):
    """Return the token that names the actor a noun phrase stands for: the name a naming
    participle gives ("a group called the Tea Party", "a militia known as the Guard"), the
    subject a predicate noun describes ("Romney was the latest voice to urge ..."), else the
    token itself."""
    for acl in (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in NAMING_PARTICIPLES):
        if any(c.dep_ in ("prep", "prt") and c.lower_ == "on" for c in acl.children):
            continue   # "a newspaper called on Arabs to unite": an appeal, not a name
        named = next((c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj") and c.pos_ == "PROPN"
                      and c.ent_type_ not in ("DATE", "TIME")), None)
        named = named or next((g for p in acl.children if p.dep_ == "prep" and p.lower_ == "as"
                               for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
        if named is not None:
            return named
    if token.dep_ == "attr" and token.pos_ == "NOUN" and token.head.lemma_ == "be":
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
            return subject
    return token


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


def _protesting(subject, sources: list[ActorRef]) -> bool:
    """Return whether a crowd verb's subject is protesters, activists or an opposition, not armed men."""
    if any(s.sector in ARMED_SECTORS for s in sources):
        return False
    heads = _heads(subject)
    # Civilians as such gather for many reasons (mourners, shoppers): only protest words or an
    # opposition make the gathering a demonstration.
    return any(h.lemma_.lower() in PROTESTERS for h in heads) or any(s.sector == "OPP" for s in sources)


def _is_someone(subject, sources: list[ActorRef]) -> bool:
    """Return whether a subject is someone: an actor, people ("hundreds of families",
    "villagers") or an armed force's vehicles; not a thing ("the weed", "power", "vigils")."""
    if any(_actor_like(s) or s.actor_id for s in sources) or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    heads = _heads(subject)
    return any(_people_noun(h) or h.lemma_.lower() in SOMEONE_WORDS or lookup_title(h.lemma_.lower()) is not None
               for h in heads)


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
        country = _sentence_country(analyzed, token)
    return dataclasses.replace(ref, country=country) if country else ref


# "in Serbia", "across southern Iraq", "at a jail in northern Israel": a place as a setting.
_SETTING_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(SETTING_WORDS)) + r")\s+(?:the\s+)?(?:[a-z-]+\s+)?$")


def _sentence_country(analyzed: AnalyzedArticle, token) -> str | None:
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


def _named_place(token) -> bool:
    """Return whether a noun names a place: a place entity ("Lesk", "in the village of Lesk") or
    a held place ("the dam")."""
    inner = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    return token.ent_type_ in ("GPE", "LOC", "FAC") or token.lemma_.lower() in HELD_PLACES or any(
        c.ent_type_ in ("GPE", "LOC", "FAC") for c in inner)


def _actor_like(ref: ActorRef) -> bool:
    """Return whether a reference names an actor (resolved, or with a country or sector)."""
    return ref.actor_id is not None or ref.country is not None or ref.sector is not None
