"""Verb senses: when a lexicon verb is used in a sense that is no event.

"Left office" is no withdrawal, "struck down the law" no attack, "captured the exchange on
video" no seizure. Each rule looks at the verb's own dependents; ``not_this_sense`` applies the
rule of the verb's lemma, if it has one. Every rule has test sentences in
tests/events/test_event_coding.py.
"""

from __future__ import annotations

from collections.abc import Callable

from newsprism.actors import describe
from newsprism.actors.titles import lookup_title
from newsprism.events.lexicon import NOUNS, VERBS

# Places an actor holds or lives in, whose leaving is a withdrawal ("the militia will leave the
# dam", "families left the villages"); not "left office", "left the meeting".
HELD_PLACES = {"dam", "base", "city", "town", "village", "positions", "position", "territory", "area", "region",
               "building", "compound", "airport", "border", "camp", "enclave", "zone", "valley", "province"}
HELD_GOODS = {"water", "land", "home", "homes", "farm", "field", "resource", "river", "property"}
HELD = HELD_PLACES | HELD_GOODS
# Texts a court or a vote strikes down; striking them is no attack.
LEGAL_TEXTS = {"law", "measure", "provision", "clause", "ruling", "rule", "ban", "amendment", "statute",
               "regulation", "policy", "order", "bill", "decision", "mandate"}
# What sharing with another party is intelligence cooperation (CAMEO 064) about.
SHARED_INFORMATION = {"intelligence", "information", "data", "evidence", "file", "document", "record",
                      "finding", "detail", "imagery", "intel", "assessment", "technology", "expertise"}
# What is released without anyone being freed: "released a statement", "released the footage".
RELEASED_WORDS = SHARED_INFORMATION | {"statement", "report", "video", "footage", "image", "photo", "picture",
                                      "name", "figure", "result", "album", "film", "book", "plan", "budget",
                                      "transcript", "letter", "list", "detail", "recording", "audio", "fund",
                                      "survey", "poll", "return", "email", "memo", "study", "ad", "advertisement",
                                      "schedule", "version", "update", "guidance", "proposal", "platform", "song",
                                      "trailer", "tape", "photograph", "document", "account"}
# What a camera or a story captures: no seizure.
CAPTURED_WORDS = RELEASED_WORDS | {"exchange", "moment", "scene", "attention", "imagination", "mood", "spirit",
                                   "essence", "vote", "share", "market", "title", "award", "prize", "seat"}
# Duties one takes over from another: "took over policing of the protests" is no seizure.
DUTIES = {"policing", "security", "command", "responsibility", "duty", "job", "role", "post", "management",
          "running", "chairmanship", "presidency", "leadership", "coverage", "case", "investigation", "patrol"}
# What one thing takes over another: "federal law takes precedence over state law".
PRECEDENCE = {"precedence", "priority", "preference"}
# Deals one strikes: "struck a deal", "the agreement she had struck".
DEALS = {"deal", "agreement", "accord", "bargain", "compromise", "pact", "balance", "chord", "tone", "pose", "note"}
# Whom one fires from a job: "fired the coach", "fired two aides".
DISMISSED = {"aide", "staff", "staffer", "employee", "worker", "coach", "manager", "adviser", "advisor", "deputy",
             "assistant", "secretary", "director", "chief", "official", "executive", "editor", "teacher"}
# Whom a government recalls: an envoy, not a memory ("Holder recalled" is remembering).
ENVOYS = {"ambassador", "envoy", "diplomat", "consul", "representative", "attaché", "attache", "staff", "mission",
          "delegation", "troops", "peacekeeper", "force", "forces"}


# Words that set a sentence in sport (rule 16 of the real-news gold: games and fights in a ring are
# no events): "beat Bradley in the quarterfinal", "the two best heavyweights will fight".
SPORT_WORDS = {"game", "match", "season", "coach", "tournament", "championship", "quarterfinal", "semifinal",
               "playoff", "league", "heavyweight", "lightweight", "boxer", "boxing", "bout", "rebound",
               "touchdown", "inning", "goalkeeper", "referee", "nfl", "nba", "nhl", "mlb", "fifa", "olympics",
               "wrestler", "knockout", "scoreboard", "halftime", "overtime"}
# What a campaign suspends or ends is no sanction: "suspended his campaign" (rule 7).
CAMPAIGNS = {"campaign", "bid", "candidacy", "run", "tour", "fundraising"}


def _objects(token) -> list:
    return [c for c in token.children if c.dep_ == "dobj"]


def _undergoers(token) -> list:
    """Return what a verb is done to: its direct objects, its passive subject ("the report was
    released"), or the noun a participle describes ("a report released in Kigali")."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
        found.append(token.head)
    return found


def _object_words(token) -> set[str]:
    """Return the lemmas of what the verb is done to (see _undergoers) and of the nouns after their "of"."""
    words = set()
    for obj in _undergoers(token):
        words.add(obj.lemma_.lower())
        words.update(g.lemma_.lower() for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj")
    return words


def _term(token) -> bool:
    # "termed the information fake" rejects it; "termed it a milestone" does not.
    return not any(c.lower_ in ("fake", "false", "lie", "provocation") for c in token.subtree)


def _leave(token) -> bool:
    return not any(c.dep_ == "dobj" and (c.ent_type_ in ("GPE", "LOC", "FAC") or c.lemma_.lower() in HELD_PLACES)
                   for c in token.children)


def _drop(token) -> bool:
    return not any("charge" in c.lemma_ or "case" in c.lemma_ for c in token.subtree)


def _arm(token) -> bool:
    # "armed the rebels"; not "gunmen armed with rifles".
    return not _objects(token)


def _onward(token) -> bool:
    # "moved troops", "tanks moved forward into the town", "pressed Iran"; not "move ahead with
    # programs", "press on with reforms".
    return any(c.dep_ in ("advmod", "prt") and c.lower_ in ("ahead", "forward", "on") for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def _strike(token) -> bool:
    # "struck the base"; not "strike down the law", "strike key parts of the measure", "the
    # agreement she had struck with the White House", nor a strike in a game.
    if token.dep_ == "relcl" and token.head.lemma_.lower() in DEALS:
        return True
    return any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children) or bool(
        _object_words(token) & (LEGAL_TEXTS | DEALS)) or _in_sport(token)


def _in_sport(token) -> bool:
    """Return whether the sentence is about sport (a game, a season, a fighter in a ring)."""
    return any(t.lemma_.lower() in SPORT_WORDS for t in token.sent)


def _bout(token) -> bool:
    # "beat the protesters", "fought the rebels"; not "beat him at his own game", "beating Bradley
    # in the quarterfinal", "heavyweights who will never fight each other".
    return _in_sport(token)


def _suspend(token) -> bool:
    # "suspended aid to Niger"; not "suspended his campaign", nor a player suspended for games.
    return bool(_object_words(token) & CAMPAIGNS) or _in_sport(token)


def _cognate(token) -> bool:
    # "talking the talk", "walk the walk": an idiom whose object repeats its verb is no event.
    return any(c.dep_ == "dobj" and c.lemma_.lower() == token.lemma_.lower() for c in token.children)


def _attempt(token) -> bool:
    # "sought aid from Japan" asks; "seeking to stem his rise" tries, and asks no one.
    return any(c.dep_ == "xcomp" for c in token.children) and not any(
        c.dep_ == "prep" and c.lower_ == "from" for c in token.children)


def _unasked(token) -> bool:
    # "Sanders questioned Clinton's refusal" criticises; "the aides were questioned on Monday"
    # names no one who questioned them.
    return any(c.dep_ == "nsubjpass" for c in token.children) and not any(c.dep_ == "agent" for c in token.children)


# Undertakings one helps along, not actors one aids: "aid the president's re-election".
UNDERTAKINGS = CAMPAIGNS | {"re-election", "reelection", "election", "nomination", "candidacy", "cause", "career"}


def _help_along(token) -> bool:
    # "helped Ukraine rebuild" aids Ukraine; "helped lead to the arrests", "help pay for the
    # conventions" only say what something brought about.
    if _object_words(token) & UNDERTAKINGS:
        return True   # "a tool to aid the president's re-election": helping a campaign along
    return not any(c.dep_ in ("dobj", "dative") for c in token.children) and any(
        c.dep_ in ("xcomp", "ccomp") and not any(g.dep_ == "nsubj" for g in c.children) for c in token.children)


def _take(token) -> bool:
    # "took over the dam"; not "federal law takes precedence over state law", "took over
    # policing of the protests", "then another unit took over".
    over_prep = any(c.dep_ == "prep" and c.lower_ == "over" for c in token.children)
    over_particle = any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children)
    if over_prep and _object_words(token) & PRECEDENCE:
        return True
    if over_particle and not _objects(token):
        return True
    return bool(_object_words(token) & DUTIES) or any(
        g.lemma_.lower() in DUTIES for c in token.children if c.dep_ == "prep" and c.lower_ == "over"
        for g in c.children if g.dep_ == "pobj")


def _share(token) -> bool:
    # "shared intelligence with Kyiv"; not "shared the same thoughts", "shares a border".
    return not (_object_words(token) & SHARED_INFORMATION)


def _give(token) -> bool:
    # "gave $5 million to Sudan", "gave Kyiv tanks"; not "assessments have been given", "gave rise to".
    if "rise" in _object_words(token):
        return True
    return not any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in token.children)


def _defend(token) -> bool:
    # Defending a decision or an ally is verbal support; defending land or water is holding it.
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in HELD or c.ent_type_ in ("LOC", "FAC"))
               for c in token.children)


def _release(token) -> bool:
    # "released the hostages"; not "released a statement", "released the footage".
    return bool(_object_words(token) & RELEASED_WORDS)


def _capture(token) -> bool:
    # "captured the town"; not "captured the exchange on video", "captured 40 percent of the vote".
    return bool(_object_words(token) & CAPTURED_WORDS)


def _recall(token) -> bool:
    # "recalled its ambassador"; not "Holder recalled", "recalled that he had warned them".
    return not (_object_words(token) & ENVOYS)


def _fire(token) -> bool:
    # "fired on the crowd", "fired rockets at the town"; not "fired his deputy chief of staff".
    return any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or lookup_title(c.lemma_.lower()) is not None
                                     or c.lemma_.lower() in DISMISSED) for c in token.children)


def _ease(token) -> bool:
    # "eased the curfew", "restrictions were eased", "eased up on restrictions"; not "tensions eased".
    eased_on = any(c.dep_ == "prep" and c.lower_ == "on" and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                   for c in token.children)   # "eased up on restrictions", not "eased on Thursday"
    return not _objects(token) and not eased_on and not any(c.dep_ == "nsubjpass" for c in token.children)


def _demonstrate(token) -> bool:
    # "protesters demonstrated against the law"; not "the rebellion demonstrated the chaos" (showed it).
    return bool(_objects(token)) or any(c.dep_ == "ccomp" for c in token.children)


# Types of deed whose claim accuses the doer: "Kyiv claimed Russian troops shelled the plant".
CLAIMED_HOSTILITY = {"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"}


def _claim(token) -> bool:
    # "claimed that Russian troops shelled the plant" accuses; "claimed victory", "claimed
    # responsibility", "claimed that the talks went well" do not.
    return not any((t.lemma_.lower(), "") in VERBS and VERBS[(t.lemma_.lower(), "")].plover in CLAIMED_HOSTILITY
                   for c in token.children if c.dep_ == "ccomp" for t in c.subtree if t.pos_ == "VERB")


QUESTION_WORDS = {"why", "how", "what", "whether", "if", "when", "where", "who", "which"}


def _question(token) -> bool:
    # "asked Sanders why he had criticized Clinton" puts a question; "asked Iran to halt" requests.
    return any(c.dep_ == "ccomp" and c.left_edge.lower_ in QUESTION_WORDS for c in token.children) and not any(
        c.dep_ == "xcomp" for c in token.children)


# Fourth round (real-news dev errors): senses decided by whether the one the verb names is someone.
# Sectors of one described person whose return is a trip ("the sheriff", "the senator"); a
# singular army or militia returning to base still withdraws.
ONE_PERSON_SECTORS = {"GOV", "COP", "LEG", "JUD", "PTY", "BUS", "CVL", "MED", "EDU"}
# Words one presses that are arguments, not demands on anyone: "pressing his case".
ARGUMENT_WORDS = {"case", "point", "claim", "argument", "advantage", "agenda", "message", "view", "theme"}
# Things whose offer is a promise to cooperate even with no one named to receive them
# ("offered concessions"); other things offered to no one are no promise ("offering a donation").
PROMISED_THINGS = {"concession", "compromise", "guarantee", "assurance", "help", "proposal", "plan", "solution",
                   "incentive", "deal", "support", "cooperation", "access", "amnesty", "asylum", "protection",
                   "olive", "reform", "resignation", "apology", "condolence", "pardon"}


def _someone(token) -> bool:
    """Return whether a noun phrase's head names someone: a person, a body, people, a force
    ("the army", "rebels"); not a thing or an idea ("a new law", "racism", "a deadline")."""
    from newsprism.events.phrases import _is_someone   # phrases imports this module: import when used

    if token.lower_ in ("that", "which") and token.head.dep_ == "relcl":
        token = token.head.head   # "a plan that will not allow ...": the plan is the subject
    elif token.pos_ == "PRON":
        return True   # "it would allow": a pronoun may stand for a state; the article decides, not us
    return _is_someone(token, []) or describe(token.text)[1] is not None


def _doer(token):
    """Return the subject of a verb, or of the verb (or noun's verb) it hangs from: "made plans to return"."""
    for _ in range(4):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None or token.head is token:
            return subject
        token = token.head
    return None


def _thing_as_doer(token) -> bool:
    # "Israel allowed trucks into Gaza" concedes; "a new law could allow landlords to refuse"
    # names no one who yields: a thing as the subject.
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    # Only a noun is judged: a misparsed subject ("[" of an editor's bracket) tells nothing.
    return subject is not None and subject.pos_ in ("NOUN", "PROPN", "PRON") and not _someone(subject)


def _allegiance(token) -> bool:
    # "committed to opening the economy" promises; "have yet to commit to either candidate" is a
    # voter's allegiance to a person, no agreement to cooperate.
    return any(g.ent_type_ == "PERSON" or lookup_title(g.lemma_.lower()) is not None
               for p in token.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj")


def _offered_thing(token) -> bool:
    # "offered its airspace to NATO", "offered Kyiv talks" promise something to someone; "offering
    # the same donation to help pay for the conventions" offers a thing to no one named.
    objects = _objects(token)
    if not objects or any(o.lemma_.lower() in NOUNS or o.lemma_.lower() in PROMISED_THINGS for o in objects):
        return False
    return not any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in token.children)


def _recognize(token) -> bool:
    # "Spain recognized Palestine" grants recognition; "are recognized as the best fighters" and
    # "recognized that the plan had failed" grant it to no one.
    return any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children) or any(
        c.dep_ == "ccomp" for c in token.children)


def _trip_home(token) -> bool:
    # "Russia returned the children" gives them back; "the sheriff made plans to return to Ohio"
    # is one person's trip. (Groups returning are left to the rule: troops to barracks.)
    if _objects(token):
        return False
    doer = _doer(token)
    if doer is None or doer.tag_ not in ("NN", "NNP"):
        return doer is not None and doer.lower_ in ("he", "she", "i")
    return doer.ent_type_ == "PERSON" or describe(doer.text)[1] in ONE_PERSON_SECTORS


def _fight(token) -> bool:
    # "fought the army", "fought against the rebels"; not "fighting back against Islamophobia"
    # (a cause), nor a fight in a ring.
    if _in_sport(token):
        return True
    opponents = _objects(token) + [g for p in token.children if p.dep_ == "prep" and p.lower_ in ("against", "with")
                                   for g in p.children if g.dep_ == "pobj"]
    return bool(opponents) and not any(_someone(o) for o in opponents)


def _press(token) -> bool:
    # "pressed Iran to halt" demands; "pressing his attack", "pressing his case" argue (the noun,
    # if an event, is coded itself), and "press on with reforms" goes ahead.
    return _onward(token) or any(o.lemma_.lower() in NOUNS or o.lemma_.lower() in ARGUMENT_WORDS for o in _objects(token))


# Texts a person signs to say something or as a courtesy, no agreement between actors (CAMEO 057
# is signing a formal agreement): "a letter signed by 90 professors", "signing autographs".
SIGNED_TEXTS = {"letter", "petition", "statement", "op-ed", "autograph", "book", "card", "copy", "poster", "photo",
                "pledge", "declaration", "ad", "advertisement", "editorial", "memo", "note", "email", "post"}


def _signed_text(token) -> bool:
    # "Ukraine signed the treaty with Poland" agrees; "a letter released and signed by professors"
    # or "signed autographs" says something: the text signed is the act (criticism, if any, is
    # coded from its own words). A participle joined to another ("released and signed") shares
    # its noun.
    words = _object_words(token)
    if not words and token.tag_ == "VBN":
        # "a letter released Tuesday and signed by ...", often parsed with "signed" joined to the
        # main verb: the participle before it names the text.
        before = [t for t in token.sent if t.i < token.i and t.dep_ == "acl" and t.tag_ == "VBN"]
        words = {before[-1].head.lemma_.lower()} if before else set()
    return bool(words & SIGNED_TEXTS)


def _disagree_with_someone(token) -> bool:
    # "disagrees with the court's decision" criticises the decision (gold rule 24); "there are times
    # when I disagree with Hillary" differs from a person in general, no act.
    return any(_someone(g) for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
               for g in p.children if g.dep_ == "pobj")


def _pulled_over(token) -> bool:
    # "officers pulled the driver over" stops someone; "the bus pulled over" stops itself. Other
    # uses of "pull" ("pull out", "pull back") pass.
    over = any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children)
    return over and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)


def _sympathy(token) -> bool:
    # "expressed concern about the wall" criticises; "expressed concern for the flood victims" feels
    # for them.
    return any(o.lemma_.lower() == "concern" and any(p.dep_ == "prep" and p.lower_ == "for" for p in o.children)
               for o in _objects(token))


SENSES: dict[str, Callable] = {
    "ask": _question,
    "claim": _claim,
    "demonstrate": _demonstrate,
    "term": _term, "leave": _leave, "drop": _drop, "arm": _arm, "move": _onward, "push": _onward, "press": _press,
    "strike": _strike, "take": _take, "share": _share, "give": _give, "defend": _defend, "release": _release,
    "capture": _capture, "recall": _recall, "ease": _ease, "lift": _ease, "fire": _fire,
    "beat": _bout, "fight": _fight, "suspend": _suspend, "talk": _cognate, "walk": _cognate, "seek": _attempt,
    "help": _help_along, "aid": _help_along, "assist": _help_along, "question": _unasked,
    # Fourth round.
    "allow": _thing_as_doer, "permit": _thing_as_doer, "commit": _allegiance, "offer": _offered_thing,
    "recognize": _recognize, "return": _trip_home,
    # Fifth round.
    "sign": _signed_text, "raise": _thing_as_doer, "express": _sympathy, "voice": _sympathy,
    "disagree": _disagree_with_someone,
    "pull": _pulled_over,
}


def not_this_sense(token, lemma: str) -> bool:
    """Return whether a lexicon verb (with its mended ``lemma``) is used in a sense that is no event."""
    rule = SENSES.get(lemma)
    return rule is not None and rule(token)
