"""Parse-tree helpers of the event coder: lemmas, subjects, objects, noun-phrase spans, conditions,
and the verb-trigger lookup against the lexicon."""

from __future__ import annotations

from newsprism.actors.titles import lookup_title
from newsprism.events.cameo_patterns import match_pattern, pattern_trigger
from newsprism.events.lexicon import SPEECH_VERBS, VERBS, Trigger
from newsprism.events.senses import not_this_sense
from newsprism.events.vocabulary import (
    ALLEGING_OBJECT_HEADS,
    CONDITION_MARKS,
    KNOWN_VERBS,
    MEASURE_NOUNS,
    NEGATING_HEADS,
    OBJECT_CONTROL,
    OFFERER_NOUNS,
    STATIVE_PARTICIPLES,
    VERBAL_TYPES,
)

# Verbs that engage someone to act for them: "hired a security firm to investigate", "sent
# envoys to negotiate". The one engaged does the act in the complement, not the one who hired.
# An order is not among them: "ordered the newspaper to suspend publication" is the orderer's coercion.
ENGAGING_VERBS = {"hire", "commission", "appoint", "assign", "task", "enlist", "recruit", "employ", "retain",
                  "send", "dispatch", "deploy"}
# Verbs that give someone a chance or a right to act: "gave Obama the opportunity to seek".
GRANTING_VERBS = {"give", "offer", "grant", "afford", "hand", "deny"}
# Nouns of a chance or a right to act: "gave Obama the opportunity to seek concessions".
CHANCE_NOUNS = {"opportunity", "chance", "right", "permission", "mandate", "authority", "power", "leeway"}
# Objects that only intensify a verb: "bomb the hell out of them" bombs them.
INTENSIFIER_OBJECTS = {"hell", "heck", "daylights", "crap", "stuffing", "shit"}
# Verbs whose object names a thing in the speaker's words: "what she calls the radical nature".
NAMING_VERBS = {"call", "term", "describe", "dub", "label", "brand", "characterize", "consider"}
# Marks of a clause that tells when, not what for.
TIME_MARKS = {"after", "before", "when", "since", "until", "while", "as", "once", "because"}
# Prepositions of a gerund adjunct that shares the clause's subject: "hit back by accusing him",
# "resigned after criticising the board". "prevented X from attacking" is not among them.
SHARED_SUBJECT_PREPS = {"by", "after", "before", "while", "without", "upon", "since", "through", "when", "in"}


def _lemma(token) -> str:
    """Return a token's lemma, mending the lemmatizer's clipped verbs ("staged" -> "stag")."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and lemma not in KNOWN_VERBS and lemma + "e" in KNOWN_VERBS \
            and token.lower_.startswith(lemma + "e"):
        return lemma + "e"
    return lemma


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
    while left > 1 and doc[left - 1].text in ("-", "–") and not doc[left - 2].whitespace_ and not doc[left - 1].whitespace_ \
            and doc[left - 2].is_alpha and doc[left - 2].sent == token.sent:
        left -= 2   # "super-PAC", split by the tokenizer, is one word
    while right + 2 < len(doc) and doc[right + 1].text in ("-", "–") and not doc[right].whitespace_ \
            and not doc[right + 1].whitespace_ and doc[right + 2].is_alpha and doc[right + 2].sent == token.sent:
        right += 2
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


def _people_noun(token) -> bool:
    """Return whether a plural noun names people ("fundamentalists", "elders", "refugees")."""
    return token.tag_ == "NNS" and token.lemma_.lower().endswith(("ist", "er", "or", "ian", "ite", "ee"))


def _verbal(verb) -> bool:
    lemma = _lemma(verb)
    trigger = VERBS.get((lemma, ""))
    return lemma in SPEECH_VERBS or (trigger is not None and trigger.plover in VERBAL_TYPES)


def _with_conjuncts(token) -> list:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN"):
            out.extend(_with_conjuncts(child))
    return out


def _stative(verb) -> bool:
    preps = STATIVE_PARTICIPLES.get(verb.lemma_.lower())
    return bool(preps) and any(c.dep_ == "nsubjpass" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ in preps for c in verb.children)


def _subject(verb):
    """Return the subject token of a verb, following xcomp/conj/relcl/passive structure."""
    if _to_blame(verb):
        # "the unions are to blame for the crisis": the unions are blamed, by whoever says so.
        return _reporting_subject(verb.head)
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
    doer = _gerund_apposition_doer(verb)
    if doer is not None:
        return doer
    if verb.dep_ == "advcl" and any(c.dep_ == "nsubjpass" for c in verb.children) \
            and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in verb.children):
        # "hanged himself hours after he was arrested": the passive subject is the one arrested,
        # and the clause's own agent is unnamed; the main clause's subject did not arrest him.
        # A purpose is the main subject's ("amend the constitution so that marriages are banned").
        return None
    if verb.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        # "Lo Presti, who was already convicted of fraud": the noun is the one the deed is done
        # to (the passive target), and the clause names no doer.
        return None
    if verb.dep_ == "relcl" and not any(c.dep_ == "mark" for c in verb.children):
        # "the gang that seized the dam"; not "confidence that we would not allow": a clause
        # with "that" as its marker says what the noun holds, and the noun does nothing in it.
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for") and verb.head.head.lemma_ in ALLEGING_OBJECT_HEADS:
        # "accused the Karst Republic of supplying weapons": the accused is the alleged doer.
        accused = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if accused is not None and _reciprocal_word(accused):
            return _subject(verb.head.head)   # "accused one another of violating": both did
        if accused is not None:
            return accused
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in SHARED_SUBJECT_PREPS \
            and verb.head.head.pos_ in ("VERB", "AUX") and verb.tag_ == "VBG":
        # "hit Snowden back by accusing him": whoever hit back is who accused.
        return _subject(verb.head.head)
    if verb.dep_ == "xcomp" and (_lemma(verb.head) in OBJECT_CONTROL or _lemma(verb.head) in ENGAGING_VERBS):
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
        if adjective.dep_ == "amod" and adjective.head.pos_ in ("NOUN", "PROPN"):
            return adjective.head   # "donors reluctant to support Trump": the donors would support
        return next((c for c in adjective.children if c.dep_ == "nsubj"), None) or (
            _subject(adjective.head) if adjective.dep_ in ("acomp", "conj") and adjective.head.pos_ in ("VERB", "AUX") else None)
    return _noun_modifier_subject(verb)


def _noun_modifier_subject(verb):
    """Return the subject of a verb that modifies a noun (an acl, or an xcomp of an object):
    whose offer, whom a chance is given, what the noun itself does."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in OFFERER_NOUNS:
        # "a US offer to host a summit", "Boehner's invitation to address Congress": whose offer
        # it is names the doer; an offer of no one's does not borrow the verb's subject.
        offerer = next((c for c in verb.head.children if c.dep_ in ("poss", "compound", "amod")
                        and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")), None)
        if offerer is not None or verb.head.head.lemma_ in NEGATING_HEADS:
            return offerer
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and _lemma(verb.head.head) in GRANTING_VERBS:
        # "gave Obama the opportunity to seek concessions": the one given the chance takes it.
        given = next((c for c in verb.head.head.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if given is not None:
            return given
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in CHANCE_NOUNS:
        given = _given_the_chance(verb.head)
        if given is not None:
            return given
    if verb.dep_ in ("acl", "xcomp") and verb.head.pos_ == "NOUN" and verb.head.dep_ == "dobj" and (
            verb.tag_ in ("VB", "VBG") and verb.head.head.pos_ == "VERB"):
        # "reached a consensus to exchange", "issued a declaration demanding": the doer of the
        # governing verb does this too.
        return _subject(verb.head.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN") \
            and verb.head.lemma_.lower() not in CHANCE_NOUNS:
        # "troops advising and assisting Iraqi forces", "police officers guarding the embassy":
        # a present participle after a noun says what the noun's referent does.
        return verb.head
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


def _to_blame(verb) -> bool:
    """Return whether a verb is "blame" in "X is to blame": the subject of "be" is the one blamed."""
    return verb.lemma_.lower() == "blame" and verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(c.dep_ == "dobj" for c in verb.children)


def _reciprocal_word(token) -> bool:
    """Return whether a token is "each other" or "one another" as the parser splits them."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (token.lower_ == "other" and any(c.lower_ == "each" for c in token.children)) or (
        token.lower_ == "one" and nxt is not None and nxt.lower_ == "another")


def _gerund_apposition_doer(verb):
    """Return who does a gerund that restates a noun after a colon: in "one thing Ames has been
    doing: bashing Pratt" the gerund is the thing, and whoever does the thing (the subject of the
    noun's relative clause) does the gerund. The parser hangs the gerund on the noun (acl) or on
    the verb whose object the noun is (advcl)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("acl", "appos", "advcl"):
        return None
    if verb.dep_ == "advcl":
        noun = next((c for c in verb.head.children if c.dep_ in ("dobj", "attr") and c.i < verb.i), None)
    else:
        noun = verb.head
    if noun is None or noun.pos_ != "NOUN" or noun.i > verb.i:
        return None
    if not any(t.text in (":", "—", "–") for t in verb.doc[noun.i + 1:verb.i]):
        return None
    clause = next((c for c in noun.children if c.dep_ == "relcl" and c.i < verb.i), None)
    return next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None


def _given_the_chance(noun):
    """Return whom a granting verb gives a chance when the parser hung the chance elsewhere:
    "gave Obama 'this amazing opportunity' to seek", where quotation marks make the
    chance a clause of the sentence's main verb and leave Obama the granting verb's object."""
    sentence_start = noun.sent.start
    for i in range(noun.i - 1, max(sentence_start, noun.i - 8) - 1, -1):
        verb = noun.doc[i]
        if verb.pos_ == "VERB" and _lemma(verb) in GRANTING_VERBS:
            return next((c for c in verb.children if c.dep_ in ("dative", "dobj") and c.i < noun.i
                         and (c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or c.pos_ == "PRON")), None)
    return None


def _passive_target(verb):
    if _stative(verb):
        return None
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB" \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children) \
            and not any(c.dep_ == "aux" for c in verb.children):
        # "was arrested on Friday and charged with murder": the one arrested is the one charged.
        return _passive_target(verb.head)
    return None


def _named_things(verb) -> list:
    """Return what a free relative object names: "criticized what she calls the radical nature
    of the party" criticizes the nature (the naming verb's predicate). The parser makes "what"
    the naming verb's object and that verb a clause of the first."""
    found = []
    for naming in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in NAMING_VERBS):
        if not any(c.lower_ in ("what", "whatever") for c in naming.children if c.dep_ == "dobj"):
            continue
        named = next((c for c in naming.children if c.dep_ in ("oprd", "attr") and c.pos_ in ("NOUN", "PROPN")), None)
        named = named or next((g for p in naming.children if p.dep_ == "prep" and p.lower_ == "as"
                               for g in p.children if g.dep_ == "pobj"), None)
        if named is not None:
            found.append(named)
    return found


def _intensified(verb, obj):
    """Return whom "bomb the hell out of X" is done to (X), or None when ``obj`` is a real object."""
    if obj.lemma_.lower() not in INTENSIFIER_OBJECTS:
        return None
    out = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "out"), None)
    return next((g for p in (out.children if out is not None else ()) if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"), None)


def _targets(verb, trigger: Trigger, source_token) -> list:
    found = []
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in INTENSIFIER_OBJECTS:
            aimed = _intensified(verb, child)   # "vowed to bomb the hell out of the rebels"
            found.extend([aimed] if aimed is not None else [])
        elif child.dep_ == "dative" and child.pos_ == "ADP":
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
    found.extend(_named_things(verb))   # "criticize what she calls the nature of the party"
    # "took control of X", "held a call with X": prepositions hanging off the object noun.
    for child in list(verb.children):
        if child.dep_ in ("dobj",):
            for prep in child.children:
                if prep.dep_ == "prep" and (prep.lower_ in trigger.target_preps or (prep.lower_ == "of" and child.lower_ == "control")):
                    found.extend(c for c in prep.children if c.dep_ == "pobj")
    passive = _passive_target(verb)
    if passive is not None:
        found.insert(0, passive)
    if _to_blame(verb):
        found[:0] = [c for c in verb.head.children if c.dep_ == "nsubj"]   # "X are to blame": X
    # "gathered on Monday night", "moved a single step back": a time or a measure is never
    # whom an event is done to.
    # Tokens are compared by position: spaCy makes a new Token object at each access.
    source_i = source_token.i if source_token is not None else -1
    return [t for t in found if t.i != source_i and t.ent_type_ not in ("DATE", "TIME")
            and t.lemma_.lower() not in MEASURE_NOUNS and not _hyphen_piece(t)]


def _hyphen_piece(token) -> bool:
    """Return whether the parser took a piece of a hyphenated word for a phrase's head: the
    hyphen itself, or a word right before one ("anti" of "anti-refugee speech"). A hyphenated
    word's head is its last part, so neither names whom an event is aimed at."""
    doc = token.doc
    if token.ent_type_ or token.pos_ == "PROPN":
        return False   # a hyphenated name ("Rostov-on-Don") is headed by its first part
    if token.text in ("-", "–"):
        return True
    return not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "–")


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
    # A passive subject is the object too: "missiles were launched at Kyiv".
    for obj in (c for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
        particles.extend((obj.lemma_.lower(), obj.lower_))
        particles.extend(c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod"))
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            particles.extend(c.lemma_.lower() for c in prep.children if c.dep_ == "pobj")
    for particle in particles:
        if (lemma, particle) in VERBS:
            return VERBS[(lemma, particle)], f"verb:{lemma} {particle}"
    # Breadth: a PETRARCH2 pattern that names the object its code depends on decides before our
    # bare verb rule where their types differ ("halted the violence" is a ceasefire, "froze the
    # assets" an embargo); one naming only a preposition codes what no rule of ours codes.
    imported = match_pattern(token, lemma, specific_only=True)
    ours = VERBS.get((lemma, ""))
    # An intent (CAMEO 03x) never overrides the deed's rule: intent comes from modality.
    if imported is not None and (ours is None or (imported.object and imported.plover not in (ours.plover, "AGREE"))):
        return pattern_trigger(imported), imported.name
    return (ours, f"verb:{lemma}") if ours is not None else None


def _codable(token) -> tuple[Trigger, str] | None:
    """Return the trigger of a verb the coder codes on its own (a lexicon verb in its coded
    sense, outside a condition and not a modifier), else None."""
    if token.dep_ in ("csubj", "amod") or _in_condition(token) or not_this_sense(token, _lemma(token)):
        return None
    return _verb_trigger(token)
