"""Cross-source alignment: events from a story's articles that report one happening become a claim.

Two events can be one happening when their PLOVER types are the same or of the same kind
(verbal or material, cooperation or conflict), their modes do not differ, and their actors
are the same after resolution (actor ids, names and aliases, the head noun of a description,
countries), with compatible dates, or are the same deed told in like words by reports that
name no different doer. Groups form by average linkage over each report's best match on the
other side; a pair that cannot be one happening (incompatible types, different modes, dates
days apart, different agents or victims) keeps their groups apart.

A claim's status weighs who tells it, in whose voice (see origins.py for origins):
- an event is the outlet's own assertion only when the outlet tells it as fact: not inside a
  quote, not hung on someone ("police said", "according to the charges", "X claimed"); a
  sentence crediting another outlet makes it that outlet's assertion;
- corroborated: two or more independent origins assert it in their own voice, or two named
  parties, reported by independent origins, confirm it;
- single-source: one independent origin asserts it;
- disputed: a party alleges it, another denies it, and no outlet settles it in its own voice;
- attributed-only: only parties tell it, and nobody denies it;
- contradicted: two own-voice reports of the happening negate each other, or give different
  values for the same count, the same place or the same date.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import numpy as np

# PLOVER types by quad class: a claim may be coded as ACCUSE by one outlet and REQUEST by
# another ("called for an uprising" / "accused the top brass"), never as ASSAULT and CONSULT.
QUAD_CLASS = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}
# Types where who is source and who is target is a matter of wording ("A spoke with B").
SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
# Heads of descriptions too general to identify anyone by themselves.
GENERIC_HEADS = {"people", "person", "officials", "official", "leaders", "leader", "sources", "source",
                 "authorities", "authority", "other", "members", "member", "group", "others", "some", "many", "man", "men",
                 "woman", "women", "side", "sides", "country", "countries", "government", "state"}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "dozen": 12,
}
# Two reports of the same deed with no shared participant: how alike their sentences must be
# (share of content words), and what the sameness of the deed then adds.
SAME_DEED_OVERLAP = 0.05
SAME_DEED_BONUS = 0.5
# Contradictions over whether the happening took place or who did it; the others (number,
# place, date) dispute a detail of a happening the outlets agree on.
HAPPENING_CONTRADICTIONS = {"negation"}
# Days after which a dated statement is not the one an article reports without a date.
STALE_STATEMENT_DAYS = 5
STATEMENT_TYPES = {"ACCUSE", "THREATEN", "REJECT", "REQUEST"}
# Modalities of what is yet to happen: an intent is never the deed of another kind.
INTENDED = {"planned", "conditional", "demanded"}
# Bodies that announce their principal's own statements ("the presidential press service said").
OFFICIAL_READOUT = re.compile(r"\b(press service|press office|presidency|kremlin|white house|spokes\w*|ministry|office)\b")
# Attributions that do not tell one party from another: pronouns, and sources left unnamed.
UNNAMED_PARTIES = {"", "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one",
                   "someone", "source", "sources", "official", "officials", "report", "reports", "statement",
                   # documents carry a party's word, they are not a party of their own
                   "charges", "charge", "documents", "document", "records", "record", "release", "court records",
                   "complaint", "affidavit", "filing", "letter", "people familiar", "people"}
# A clause that asks or leaves open what follows ("declined to say whether", "asked if"), up to the
# trigger with no clause break between: what it holds is nobody's assertion.
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\b[^;:,!?\u2013\u2014]*$", re.I)
# Titles before a party's name, and the bodies that speak for a principal ("Halvik's office"):
# "Mr. Halvik", "Halvik's spokesman" and "Teodor Halvik" are one party, not two confirming it.
PARTY_TITLES = {"mr", "mrs", "ms", "miss", "dr", "rep", "sen", "gov", "president", "minister", "senator",
                "congressman", "congresswoman", "sir", "lord", "prof"}
SPOKESPEOPLE = re.compile(r"\s+(?:press\s+(?:office|service|secretary)|office|spokes(?:man|woman|person)|aides?|"
                          r"campaign|representatives?|camp|team)$")


@lru_cache(maxsize=50_000)
def party_words(party: str) -> frozenset[str]:
    """Return the words that name a party, without titles, apposition or its spokespeople:
    "Mr. Halvik, the city's mayor" and "Halvik's office" -> {"halvik"}."""
    key = normal_name(party.split(",")[0])
    key = SPOKESPEOPLE.sub("", key)
    return frozenset(w for w in key.split() if w not in PARTY_TITLES)


def independent_parties(first: str, second: str) -> bool:
    """Return whether two named parties are two, not one named two ways (one's name words within the other's)."""
    a, b = party_words(first), party_words(second)
    return bool(a and b) and not (a <= b or b <= a)


def _read_same_deed_verbs() -> dict[str, int]:
    """Return {verb: its set's number} from data/same_deed_verbs.tsv."""
    sets: dict[str, int] = {}
    text = (Path(__file__).parent / "data" / "same_deed_verbs.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines()):
        if line.strip() and not line.startswith("#"):
            for verb in line.split("\t"):
                sets[_stem(verb)] = number
    return sets


def _stem(verb: str) -> str:
    """Return a verb without its inflection ("seized" and "seize" -> "seiz"), as lemmas vary by coder rule."""
    word = verb.strip().lower()
    return (re.sub(r"(?:ing|ed|es|s)$", "", word) if len(word) > 4 else word).rstrip("e")


SAME_DEED_VERBS = _read_same_deed_verbs()
# Deeds done to someone, where another verb tells another step: shot, wounded, killed; arrested,
# charged, sentenced. (A move of forces or a protest is told by many verbs: "marched", "advanced".)
DEEDS_DONE_TO = {"ASSAULT", "COERCE"}


def same_verb_deed(first: str, second: str) -> bool:
    """Return whether two verb lemmas name one material deed: the same verb, or verbs of one set
    of data/same_deed_verbs.tsv ("killed" / "slain"; never "shot" / "killed")."""
    if first == second:
        return True
    if _stem(first) == _stem(second):
        return True
    a, b = SAME_DEED_VERBS.get(_stem(first)), SAME_DEED_VERBS.get(_stem(second))
    return a is not None and a == b


# A pair of events this close counts as one happening (see pair_score for the scale).
LINK_THRESHOLD = 1.2


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor as it takes part in an event, with every name it may be matched by."""

    actor_id: str | None
    name: str
    names: frozenset[str]            # normalised name and aliases
    head: str                        # last word of the normalised name
    proper: bool                     # the head is a name, not a common noun
    country: str | None
    is_country: bool = False         # the actor is a whole country: named in most events of a story
    sector: str | None = None
    is_place: bool = False           # a place or a thing ("Lesk", "the dam"), not someone
    canonical: str | None = None     # the resolved actor's name ("Vladimir Putin" for "Putin")
    pronoun: bool = False            # named in the sentence only by a pronoun ("he"), resolved elsewhere


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """One event of a story's article, with what alignment and corroboration need."""

    id: str
    article_id: str
    outlet: str | None
    origin: str                      # independent origin the article counts under
    is_copy: bool
    sentence_index: int
    start: int
    end: int
    trigger: str
    lemma: str
    plover_type: str
    mode: str | None
    sources: tuple[Participant, ...]
    targets: tuple[Participant, ...]
    date: date | None
    location: str | None
    negated: bool
    modality: str
    attribution: str | None
    via_media: bool                  # the sentence credits another outlet ("according to Veldora One")
    sentence: str
    numbers: tuple[int, ...] = ()
    published: date | None = None    # the article's publication date
    quoted_by: str | None = None     # the event is inside a direct quote: its speaker ("" when unknown)
    credited: str | None = None      # the outlet the sentence credits ("according to Veldora One")
    counts: tuple[tuple[str, int], ...] = ()   # (counted noun, count) of exact counts: ("guards", 3)
    date_text: str | None = None     # the words that dated it in the sentence, if any
    lat: float | None = None         # where it happened, when the sentence or dateline places it
    lon: float | None = None

    @property
    def stance(self) -> str:
        """Return how the article presents the event: asserts, negates, alleges, or the modality."""
        if self.modality == "alleged":
            return "alleges"
        if self.negated:
            return "negates"
        return "asserts" if self.modality == "happened" else self.modality

    @property
    def own_voice(self) -> bool:
        """Return whether the outlet tells it as fact: not an allegation, not another outlet's report,
        not a party's statement ("police said", "according to the charges") and not in a quote.

        A statement is the deed of its speaker: "Halvik accused the militia", "«We will not
        negotiate,» Halvik said" tell in the outlet's voice that the accusation or the refusal
        was made. A denial stays the speaker's word ("«We did not arm anyone,» the ministry said")."""
        if self.modality == "alleged" or self.via_media or self.in_question:
            return False
        if self.attribution is None and self.quoted_by is None:
            return True
        return self.is_speech_act

    @property
    def in_question(self) -> bool:
        """Return whether the event is what a sentence asks or leaves open, not what it tells:
        "declined to say whether the account was hacked", "asked if the talks had failed"."""
        at = self.sentence.lower().find(self.trigger.lower())
        return at > 0 and bool(_OPEN_QUESTION.search(self.sentence[:at]))

    @property
    def is_speech_act(self) -> bool:
        """Return whether the event is a statement its own speaker makes (a verbal event, not
        negated, attributed to one of its sources or to an unnamed speaker)."""
        if self.negated or not QUAD_CLASS.get(self.plover_type, "").startswith("verbal"):
            return False
        for who in (self.attribution, self.quoted_by):
            if who is None:
                continue
            key = normal_name(who)
            if key in UNNAMED_PARTIES or OFFICIAL_READOUT.search(key):
                continue       # an official readout of its principal's call or order
            words = set(key.split())
            if not any(key in p.names or words & _name_words(p.name) for p in self.sources):
                return False
        return True

    @property
    def voice(self) -> str:
        """Return in whose voice the article tells it: "own" (the outlet's), "relay" (another
        outlet's, credited in the sentence) or "party" (someone's statement or allegation)."""
        if self.own_voice:
            return "own"
        if self.asserting_origin:
            return "relay"
        return "party"

    @property
    def says(self) -> str:
        """Return what the teller says of the happening: asserts, denies or alleges (or the modality)."""
        return "denies" if self.negated else "alleges" if self.modality == "alleged" else \
            "asserts" if self.modality == "happened" else self.modality

    @property
    def party(self) -> str | None:
        """Return who the event is told on behalf of: the quote's speaker or the attribution, normalised;
        "" for a party that cannot be told apart ("he", an unknown speaker); None in own voice."""
        if self.own_voice or self.in_question or (self.via_media and self.attribution is None and self.quoted_by is None):
            return None
        who = self.quoted_by if self.quoted_by is not None else (self.attribution or "")
        key = normal_name(who)
        return "" if key in UNNAMED_PARTIES else key

    @property
    def asserting_origin(self) -> str | None:
        """Return the origin under which the event is an own-voice report: the article's origin, or
        the outlet its sentence credits; None for a party's statement."""
        if self.own_voice:
            return self.origin.lower()
        if self.via_media and self.credited and self.attribution is None and self.quoted_by is None \
                and self.modality != "alleged" and not self.in_question:
            return self.credited.lower()
        return None


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two reports of one happening that cannot both be true."""

    kind: str                        # negation | number | place | date | agent
    first: StoryEvent
    first_value: str
    second: StoryEvent
    second_value: str


@dataclass(slots=True)
class Claim:
    """A happening as the story's outlets report it."""

    events: list[StoryEvent]
    contradictions: list[Contradiction] = field(default_factory=list)

    @property
    def origins(self) -> set[str]:
        return {e.origin.lower() for e in self.events}

    @property
    def status(self) -> str:
        """Return contradicted, corroborated, single-source, disputed or attributed-only."""
        if self.contradictions:
            return "contradicted"
        return self.happening

    @property
    def asserting_origins(self) -> set[str]:
        """Return the independent origins that tell the happening in their own voice."""
        return {o for e in self.events if (o := e.asserting_origin)}

    @property
    def party_statements(self) -> dict[str, set[str]]:
        """Return {"asserts": parties, "denies": parties}: who, other than the outlets, says it
        happened and who says it did not (unnamed parties left out)."""
        out: dict[str, set[str]] = {"asserts": set(), "denies": set()}
        for e in self.events:
            party = e.party
            if party is None:
                continue
            # An allegation names its accuser elsewhere ("accuses X of arming"); a denial is
            # anyone's, even a speaker we cannot name.
            label = party or ("(an accuser)" if e.modality == "alleged" else "(unnamed)" if e.negated else "")
            if label:
                out["denies" if e.negated else "asserts"].add(label)
        return out

    def statements(self) -> list[dict]:
        """Return each party's statement and the outlets that relay it: one entry per party and
        what it says ("asserts", "denies", "alleges"), with the outlets and events that carry it.
        A disputed claim shows here who alleges, who denies, and who reports which."""
        grouped: dict[tuple[str, str], dict] = {}
        for e in self.events:
            if e.voice != "party":
                continue
            who = " ".join((e.quoted_by if e.quoted_by is not None else e.attribution or "").split()) or "(unnamed)"
            entry = grouped.setdefault((normal_name(who) or who, e.says),
                                       {"party": who, "says": e.says, "outlets": set(), "events": []})
            entry["outlets"].add(e.outlet or e.origin)
            entry["events"].append(e.id)
        return [{**v, "outlets": sorted(v["outlets"])} for _, v in sorted(grouped.items())]

    @property
    def happening(self) -> str:
        """Return the status of the happening itself, whatever its details: outlets that put the
        arrests in different towns still corroborate that the arrests happened. Only a denial
        in an outlet's own voice contradicts the happening."""
        if any(c.kind in HAPPENING_CONTRADICTIONS for c in self.contradictions):
            return "contradicted"
        asserting = self.asserting_origins
        # Origins that report a named party confirming it ("according to the State Border Service").
        confirming = [(e.origin.lower(), e.party) for e in self.events
                      if e.party and not e.negated and e.modality != "alleged"]
        confirmations = dict(confirming)
        if len(asserting) >= 2:
            return "corroborated"
        if asserting and set(confirmations) - asserting:
            return "corroborated"      # one outlet saw it; another origin has a named party confirm it
        if len(asserting) == 1:
            return "single-source"
        parties = self.party_statements
        if parties["asserts"] and parties["denies"] - parties["asserts"]:
            return "disputed"          # one party alleges, another denies, no outlet settles it
        if any(o1 != o2 and independent_parties(p1, p2) for o1, p1 in confirming for o2, p2 in confirming):
            return "corroborated"      # two independent named parties, reported by independent origins
        return "attributed-only"


# -- preparing events --------------------------------------------------------------------------

@lru_cache(maxsize=100_000)
def normal_name(text: str) -> str:
    """Return a name lower-cased without a leading article, possessive or brackets.

    Cached: claim alignment compares the same few thousand names millions of times."""
    text = re.sub(r"[\[\]()]", "", text.lower())
    text = re.sub(r"['’]s?\b$", "", text.strip())
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"^(?:the|a|an|some|its|his|her|their)\s+", "", text.strip())
    return " ".join(re.findall(r"[^\W_]+(?:-[^\W_]+)*", text))


def participant(actor_id: str | None, name: str, country: str | None, aliases: Sequence[str] = (),
                kind: str | None = None, sector: str | None = None, canonical: str | None = None,
                mention: str | None = None) -> Participant:
    """Return a Participant for an actor reference, with its aliases as match keys.

    ``mention``: the words the sentence names it by, when they differ from ``name`` ("he")."""
    key = normal_name(name)
    # The head of "three commanders of the gang" is "commanders"; of "the militia's leaders", "leaders".
    words = re.split(r"\s+of\s+", key)[0].split()
    if words and (words[-1] in NUMBER_WORDS or words[-1].isdigit()):
        words = key.split()        # "three of the militia commanders": the head is "commanders"
    head = _singular(words[-1]) if words else ""
    proper = bool(name.strip()) and any(w[:1].isupper() for w in name.split()[-1:])
    names = frozenset({key, *(normal_name(a) for a in aliases)} - {""})
    place = kind == "place" or (actor_id is None and sector is None and country is None and not proper)
    pronoun = normal_name(mention if mention is not None else name) in PRONOUNS
    return Participant(actor_id, name, names, head, proper, country, kind == "country", sector, place, canonical, pronoun)


def _singular(word: str) -> str:
    """Return a plural noun's singular, near enough to match "accusations" with "accusation"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Counts stated in news are far below this; longer digit strings are ids, phone numbers and the like.
MAX_COUNT = 2**31 - 1


def numbers_in(text: str) -> tuple[int, ...]:
    """Return the counts a phrase states ("12 people", "three guards", "dozens of activists")."""
    found = []
    for word in re.findall(r"\d[\d,]*|[A-Za-z]+", text):
        if word[0].isdigit():
            value = int(word.replace(",", ""))
            # A year is not a count, nor is an identifier ("status/707395353688018944").
            if not 1900 <= value <= 2100 and value < MAX_COUNT:
                found.append(value)
        elif word.lower() in NUMBER_WORDS and word.lower() not in ("hundred", "dozen"):
            found.append(NUMBER_WORDS[word.lower()])
    return tuple(found)


# Words before a number that make it an estimate or a bound, not a count to set against another.
HEDGES = {"about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "under", "least",
          "than", "up", "estimated", "perhaps", "possibly", "dozens", "hundreds", "thousands", "several", "few"}
_COUNT = re.compile(r"(?<![\w.-])(\d[\d,]*|" + "|".join(w for w in NUMBER_WORDS if w not in ("hundred", "dozen"))
                    + r")\b(?!\s*-?\s*(?:year|month|week|day|hour|minute|percent|per\s*cent|%|st\b|nd\b|rd\b|th\b))", re.I)


def counts_in(phrase: str, head: str, role: str = "target") -> tuple[tuple[str, str, int], ...]:
    """Return the exact counts a participant's phrase gives for its head noun, with the role the
    participant plays: "three dam guards" as a target -> (("target", "guard", 3),). Ages ("a
    61-year-old man"), estimates ("about 200"), years and numbers that are part of a name ("Sea Me
    We 4", "Route 52") are not counts."""
    out = []
    for match in _COUNT.finditer(phrase):
        before = re.findall(r"[a-z]+", phrase[:match.start()].lower())[-2:]
        if set(before) & HEDGES:
            continue
        word_before = re.findall(r"\S+", phrase[:match.start()])[-1:]
        if word_before and word_before[0][:1].isupper() and match.group(1)[:1].isdigit() and match.start() > 0:
            continue               # "Sea Me We 4", "Route 52": a name, not a count
        if re.match(r"\s*\.\s*\d", phrase[match.end():]) or re.search(r"\d\.\s*$", phrase[:match.start()]):
            continue               # "6. 7": a decimal the tokenizer split, a magnitude, not a count
        word = match.group(1).lower()
        value = NUMBER_WORDS.get(word) if word in NUMBER_WORDS else int(word.replace(",", ""))
        if value is None or 1900 <= value <= 2100 or value >= MAX_COUNT:
            continue
        out.append((role, head, value))
    return tuple(out)


# -- comparing two events ------------------------------------------------------------------------

# Words that stand for someone named elsewhere: two unresolved "he" are no evidence of one actor.
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who", "which", "that", "this",
            "these", "those", "one", "someone", "somebody"}


def _match(first: Participant, second: Participant) -> float:
    if first.actor_id and first.actor_id == second.actor_id:
        # A country is a party to much of a story: sharing it says less than sharing a person.
        return 0.5 if first.is_country else 1.0
    if first.pronoun or second.pronoun:
        return 0.0                 # an unresolved "he" is nobody in particular
    if first.names & second.names:
        return 0.9
    # The name as written (normalised), never an arbitrary alias: a frozenset's order changes
    # from run to run with Python's string hashing, and so would the claims.
    a, b = _name_words(first.name), _name_words(second.name)
    # "Orin Valley Guard" / "Orin Valley Guard militia"; "Halvik" / "Teodor Halvik"
    if a and b and (a <= b or b <= a) and (first.proper or second.proper) and not (a | b) <= GENERIC_HEADS:
        return 0.8
    if first.head and first.head == second.head and first.head not in GENERIC_HEADS:
        return 0.8 if first.proper and second.proper else 0.5
    # A state acts through its government: "the Karst Republic denied" / "the Karstian Foreign Ministry rejected".
    for state, body in ((first, second), (second, first)):
        if state.is_country and body.sector == "GOV" and body.country and body.country == state.country:
            return 0.6
    if first.country and first.country == second.country:
        return 0.2
    return 0.0


@lru_cache(maxsize=100_000)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(normal_name(name).split())


def role_match(first: Sequence[Participant], second: Sequence[Participant]) -> tuple[float, bool]:
    """Return (strength of the best match, whether the two sides name clearly different actors)."""
    if not first or not second:
        return 0.0, False
    best = max(_match(a, b) for a in first for b in second)
    identified = all(p.actor_id or p.proper for p in (*first, *second))
    countries_a = {p.country for p in first if p.country}
    countries_b = {p.country for p in second if p.country}
    conflict = best == 0.0 and identified and bool(countries_a) and bool(countries_b) and not countries_a & countries_b
    return best, conflict


@lru_cache(maxsize=50_000)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]{4,}", text.lower()))


def _overlap(first: str, second: str) -> float:
    words_a, words_b = _content_words(first), _content_words(second)
    return len(words_a & words_b) / len(words_a | words_b) if words_a and words_b else 0.0


def same_place(first: str, second: str) -> bool:
    """Return whether two place names can be the same place ("Brasna" / "in Brasna district")."""
    a, b = set(normal_name(first).split()), set(normal_name(second).split())
    return bool(a and b) and (a <= b or b <= a)


# Two places resolved this far apart are two places, not one told two ways. Toponym resolution
# is scored right within 161 km (the usual accuracy@161 km), so closer places may be one place
# resolved to a nearby namesake; 200 km keeps a margin over that, and is still below the distance
# between the towns of two different happenings of one region (Moscow and Rostov are 960 km apart).
PLACE_APART_KM = 200.0
# Places resolved this close are one place named two ways ("Brasna" / "Brasna district").
SAME_PLACE_KM = 25.0
# A count, place or date contradiction needs dates this close: further apart, it is another happening.
DATE_DISPUTE_DAYS = 31
# How the event's place was found: only a place its own sentence gives is evidence of where (a
# dateline is where the reporter filed from: "WASHINGTON" heads reports of a march on Moscow).
PLACED_BY = {"sentence"}
# GeoNames classes too large for a distance to mean anything: countries, continents, regions, provinces.
BROAD_PLACES = ("PCL", "CONT", "RGN", "ADM1", "ADMD", "AREA", "TERR", "ZN")


def placed_precisely(how: str | None, feature_code: str | None) -> bool:
    """Return whether an event's resolved place says where it happened, to within a town or district."""
    return how in PLACED_BY and bool(feature_code) and not str(feature_code).startswith(BROAD_PLACES)


def distance_km(a: StoryEvent, b: StoryEvent) -> float | None:
    """Return the distance between two events' places, when both are placed by their sentence or dateline."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(np.radians, (a.lat, a.lon, b.lat, b.lon))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return float(6371.0 * 2 * np.arcsin(np.sqrt(min(1.0, h))))


_DAY_WORDS = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|"
                        r"tomorrow|last night|this morning|this afternoon|this evening|hours? ago|(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?)\b", re.I)
_MONTH_WORDS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\bmonth\b", re.I)
_WEEK_WORDS = re.compile(r"\bweek(?:end)?\b", re.I)


def when_span(e: StoryEvent) -> tuple[date, date] | None:
    """Return the days the event may have happened on, by how precisely it is dated.

    "on Friday" or "May 10" is one day (give or take one: time zones, late hours); "in May" or
    "earlier this month" is the month; "in 2003" the year; a date the sentence does not state
    (taken from the article) is a few days; an undated report is about the week before it was
    published; None when nothing dates it."""
    if e.date is None:
        return (e.published - timedelta(days=7), e.published) if e.published else None
    d = e.date
    text = e.date_text or ""
    if not text:
        return d - timedelta(days=3), d + timedelta(days=3)
    if _DAY_WORDS.search(re.sub(r"\b(?:1[89]|20)\d\d\b", "", text)):
        return d - timedelta(days=1), d + timedelta(days=1)
    if _WEEK_WORDS.search(text):
        return d - timedelta(days=7), d + timedelta(days=7)
    if _MONTH_WORDS.search(text):
        first = d.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return first, last
    if re.search(r"\b(?:1[89]|20)\d\d\b|\byear\b", text, re.I):
        return date(d.year, 1, 1), date(d.year, 12, 31)
    return d - timedelta(days=1), d + timedelta(days=1)


def dates_compatible(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two events can have happened on the same day, as precisely as each is dated."""
    x, y = when_span(a), when_span(b)
    return x is None or y is None or (x[0] <= y[1] and y[0] <= x[1])


def pair_score(a: StoryEvent, b: StoryEvent) -> float | None:
    """Return how surely two events report one happening: 0.0 without evidence, None when they cannot be."""
    if {a.modality, b.modality} & {"happened"} and {a.modality, b.modality} & INTENDED:
        # "arrived in Drovna" is not the plan "to meet officials there"; since planned deeds are
        # coded as themselves (events: "plans to meet" is a planned CONSULT), "met the
        # delegations" is not that plan either: a plan does not corroborate its deed.
        return None
    if a.plover_type == b.plover_type:
        type_score = 1.0
    elif QUAD_CLASS.get(a.plover_type) == QUAD_CLASS.get(b.plover_type):
        type_score = 0.4
    else:
        return None
    if a.mode and b.mode and a.mode != b.mode:
        return None
    if a.plover_type == b.plover_type == "CONSULT" and (a.mode == "visit") != (b.mode == "visit"):
        return None   # arriving in Drovna and meeting the delegations there are two happenings
    if a.plover_type == b.plover_type == "CONSULT" and (a.mode == "third-party") != (b.mode == "third-party"):
        return None   # a mediation between two sides is a process; a meeting is one encounter within it
    # The same verb for the same kind of deed ("released" a patch, "arrested", "killed").
    same_deed = type_score == 1.0 and bool(a.lemma) and a.lemma == b.lemma
    if a.plover_type in DEEDS_DONE_TO and b.plover_type in DEEDS_DONE_TO and not same_verb_deed(a.lemma, b.lemma):
        return None   # "shot" / "killed", "arrested" / "charged": two deeds, however alike their actors
    unnamed_agent = not (a.sources and b.sources)
    if a.plover_type in SYMMETRIC_TYPES and b.plover_type in SYMMETRIC_TYPES:
        # Who met or agreed with whom: things ("the dam") do not make two agreements one.
        parts_a = [p for p in (*a.sources, *a.targets) if p.actor_id or p.country or p.proper]
        parts_b = [p for p in (*b.sources, *b.targets) if p.actor_id or p.country or p.proper]
        scores = sorted((_match(x, y) for x in parts_a for y in parts_b), reverse=True)
        actors = min(2.0, sum(scores[:2])) if scores else 0.0
        agent_conflict = False
        # Two calls between different pairs are two calls: when each names its two parties, both
        # must match; when both name parties, at least one must be shared.
        named_a = {p.actor_id or normal_name(p.name) for p in parts_a}
        named_b = {p.actor_id or normal_name(p.name) for p in parts_b}
        if len(named_a) >= 2 and len(named_b) >= 2 and actors < 1.6:
            return None
        if named_a and named_b and (not scores or scores[0] < 0.5):
            return None
        if type_score < 1.0 and actors < 1.8:
            return 0.0             # a meeting and an agreement are one happening only between the same parties
    else:
        source, agent_conflict = role_match(a.sources, b.sources)
        target, target_conflict = role_match(a.targets, b.targets)
        if target_conflict:
            return None
        actors = source + target
        if a.targets and b.targets and target < 0.5:
            # Each names whom it was done to, and they differ. For a deed (an arrest, a killing)
            # the victims define the happening; what a statement is about is looser.
            # Forces gather in one place and head for another: for a movement of forces, the
            # places named are stages of one move, not its victims.
            moving = a.plover_type == b.plover_type == "MOBILIZE" and all(p.is_place for p in (*a.targets, *b.targets))
            if _victims_differ(a, b) and QUAD_CLASS.get(a.plover_type) == "material conflict" and not moving:
                return None
            actors -= 0.4
        if type_score < 1.0 and source < 0.8:
            return None            # coded differently: only the same speaker makes it one statement
        if unnamed_agent and not same_deed and not (target >= 0.8 and not any(p.is_country for p in a.targets + b.targets)):
            return 0.0             # an agentless report joins only on a specific, shared target or the same deed
        unnamed_agent = unnamed_agent or source > 0
        if agent_conflict and not (target >= 0.9 and a.plover_type == b.plover_type and a.date and a.date == b.date):
            return None
    date_score = 0.0
    if bool(a.date) != bool(b.date) and a.plover_type in STATEMENT_TYPES:
        # A statement reported without a date is a fresh one: "Last week, Halvik warned ..."
        # is not the threat an article of a week later reports undated.
        dated, undated = (a, b) if a.date else (b, a)
        if undated.published and (undated.published - dated.date).days >= STALE_STATEMENT_DAYS:
            return None
    if a.date and b.date:
        apart = abs((a.date - b.date).days)
        if apart == 0:
            date_score = 0.5
        elif apart == 1:
            date_score = 0.2
        elif not (actors >= 1.8 and type_score == 1.0):
            return None          # days apart: another happening, unless nothing else differs
    km = distance_km(a, b)
    if km is not None and km > PLACE_APART_KM and not (actors >= 1.8 and type_score == 1.0 and date_score == 0.5):
        return None              # far apart: another happening, unless nothing else differs
    if a.numbers and b.numbers and set(a.numbers) & set(b.numbers):
        actors += 0.3              # "three commanders" in both
    overlap = _overlap(a.sentence, b.sentence)
    lexical = (0.3 if same_deed else 0.0) + 0.5 * overlap
    if actors < 0.5:
        # No shared participant: only the same deed, on the same day or told in like words, and
        # never when each names a different doer.
        if not (same_deed and (unnamed_agent or not _doers_differ(a, b)) and (date_score == 0.5 or overlap >= SAME_DEED_OVERLAP)):
            return 0.0
        lexical += SAME_DEED_BONUS
    return 0.5 * type_score + actors + date_score + lexical


def _named(p: Participant) -> bool:
    """Return whether the sentence names the participant (a proper name, not a pronoun or a description)."""
    return p.proper and not p.pronoun and p.head not in GENERIC_HEADS


def _victims_differ(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two deeds were clearly done to different people or things: each names its
    target and the names differ ("Vincent Jackson" / "Jamal Williams"), or each describes it by a
    different specific noun and no shared count ("dozens of activists" / "three commanders").

    A name against a description is no such evidence: "the team" and "Jamal Williams", "a third"
    and "Kraft Foods" are how news reports (and a parser) tell the same victim."""
    named_a, named_b = [p for p in a.targets if _named(p)], [p for p in b.targets if _named(p)]
    if named_a and named_b:
        return max(_match(x, y) for x in named_a for y in named_b) < 0.5
    described = [p for p in (*a.targets, *b.targets) if not p.proper and not p.pronoun]
    if len(described) != len(a.targets) + len(b.targets):
        return False
    if any(p.head in GENERIC_HEADS for p in described):
        return False
    return not (set(a.numbers) & set(b.numbers))


def _doers_differ(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two reports name different doers: both name someone, and no one named matches."""
    named_a, named_b = [p for p in a.sources if _named(p)], [p for p in b.sources if _named(p)]
    return bool(named_a and named_b) and max(_match(x, y) for x in named_a for y in named_b) < 0.5


# -- grouping --------------------------------------------------------------------------------------

def align_events(events: Sequence[StoryEvent], threshold: float = LINK_THRESHOLD) -> list[list[StoryEvent]]:
    """Return the events grouped into happenings (best-match average linkage; impossible pairs never join).

    Two groups join only when their linkage, an average of pair scores, reaches the threshold,
    which needs at least one pair at the threshold. So the agglomeration runs separately within
    each connected set of such pairs, and events of different kinds (pair_score None) are never
    scored against each other: the result is the same as one run over all events, at a fraction
    of the cost in a story of thousands of events.
    """
    if not events:
        return []
    # One article telling the same thing many times ("protesters marched", 2,500 times over a
    # live blog) is one report of it: identical events of one article are aligned once, by a
    # representative, and rejoin its group afterwards. Without this, scoring and agglomeration
    # grow with the square and the cube of the repeats.
    copies: dict[tuple, list[StoryEvent]] = {}
    for event in events:
        copies.setdefault(_signature(event), []).append(event)
    if len(copies) < len(events):
        position = {id(e): i for i, e in enumerate(events)}
        representatives = [group[0] for group in copies.values()]
        expanded = [sorted((e for r in group for e in copies[_signature(r)]), key=lambda e: position[id(e)])
                    for group in align_events(representatives, threshold)]
        return sorted(expanded, key=lambda g: position[id(g[0])])
    n = len(events)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        by_kind[QUAD_CLASS.get(event.plover_type, event.plover_type)].append(i)
    scores: dict[tuple[int, int], float] = {}
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for members in by_kind.values():
        for a, i in enumerate(members):
            for j in members[a + 1:]:
                if events[i].id == events[j].id:
                    continue
                s = pair_score(events[i], events[j])
                if s is not None:
                    scores[(i, j)] = s
                    if s >= threshold:
                        parent[root(i)] = root(j)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        components[root(i)].append(i)
    groups: list[list[int]] = []
    for members in components.values():
        groups.extend(_agglomerate(members, scores, threshold) if len(members) > 1 else [members])
    ordered = sorted(groups, key=min)
    return [[events[i] for i in sorted(g)] for g in ordered]


def _signature(e: StoryEvent) -> tuple:
    """Return what alignment sees of an event, with its article: equal signatures score alike against anything."""
    def parts(ps: Sequence[Participant]) -> tuple:
        return tuple((p.actor_id, p.name, p.country, p.sector, p.is_country, p.is_place, p.pronoun) for p in ps)

    return (e.article_id, e.origin, e.plover_type, e.mode, e.lemma, e.trigger.lower(), parts(e.sources), parts(e.targets),
            e.date, e.date_text, e.location, e.lat, e.lon, e.negated, e.modality, e.attribution, e.quoted_by, e.via_media,
            e.credited, e.sentence, e.numbers, e.counts, e.published)


def _agglomerate(members: list[int], scores: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Return best-match average-linkage groups of one connected set of events (global indices)."""
    n = len(members)
    score = np.zeros((n, n))
    allowed = np.zeros((n, n), dtype=bool)
    for a in range(n):
        for b in range(a + 1, n):
            s = scores.get((members[a], members[b]))
            if s is not None:
                score[a, b] = score[b, a] = s
                allowed[a, b] = allowed[b, a] = True
    # Linkage of groups g, h: each report's best match on the other side, averaged both ways,
    # so one vague report ("some called") does not keep two well-matched groups apart.
    # best[e, g] is report e's best score against group g; sums[h, g] adds best[e, g] over e in h.
    best = score.copy()
    sums = score.copy()
    size = np.ones(n)
    group_of = np.arange(n)
    joinable = allowed.copy()
    active = np.ones(n, dtype=bool)
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    while True:
        mean = sums / size[:, None]
        linkage = 0.5 * (mean + mean.T)
        usable = joinable & active[:, None] & active[None, :]
        np.fill_diagonal(usable, False)
        linkage = np.where(usable, linkage, -np.inf)
        x, y = divmod(int(np.argmax(linkage)), n)
        if linkage[x, y] < threshold:
            break
        best[:, x] = np.maximum(best[:, x], best[:, y])
        group_of[group_of == y] = x
        size[x] += size[y]
        active[y] = False
        sums[x, :] += sums[y, :]
        sums[:, x] = np.bincount(group_of, weights=best[:, x], minlength=n)
        joinable[x, :] &= joinable[y, :]
        joinable[:, x] &= joinable[:, y]
        groups[x].extend(groups.pop(y))
    return [[members[i] for i in g] for g in groups.values()]


# -- contradictions --------------------------------------------------------------------------------

def _same_role(first: Sequence[Participant], second: Sequence[Participant], threshold: float) -> bool:
    if any(p.actor_id and p.actor_id == q.actor_id for p in first for q in second):
        return True
    return role_match(first, second)[0] >= threshold


def _same_participants(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two reports name the same doer and the same target, where they name them.

    Targets that are counted ("12 people" / "three guards") are what a count contradiction
    compares, so they are not asked to match; a target described two ways ("three commanders of
    the Orin Valley Guard" / "three of the militia's commanders") matches by its head noun."""
    if a.sources and b.sources and not _same_role(a.sources, b.sources, 0.8):
        return False
    counted = bool(a.counts and b.counts)
    if a.targets and b.targets and not counted and not _same_role(a.targets, b.targets, 0.5):
        return False
    return bool((a.sources and b.sources) or (a.targets and b.targets)) or a.lemma == b.lemma


# Counted nouns that can stand for any other: "12 people killed" counts the "three guards" too.
GENERIC_COUNTED = {"people", "person", "persons", "other", "others", "civilian", "civilians", "victim", "victims"}
# Words that negate within a sentence an event is told in: "No gun has been recovered" is not the
# assertion that one was, even when the coder missed the negation.
_NEGATING = re.compile(r"\b(?:no|not|never|none|nobody|nothing|neither|nor|without|unable|failed|refused)\b|n't\b", re.I)


def _count_clash(a: StoryEvent, b: StoryEvent) -> tuple[str, str] | None:
    """Return the counts of one counted thing that differ ("five people" / "two people"), or None.

    Counts are compared role by role (whom it was done to against whom it was done to, never the
    doers against the victims). The same noun is the same quantity; a generic noun ("people")
    counts anyone, so "12 people killed" and "three guards killed" clash; "31 fire engines" and
    "three aerials" do not."""
    for role in ("source", "target"):
        counts_a = [(noun, v) for r, noun, v in a.counts if r == role]
        counts_b = [(noun, v) for r, noun, v in b.counts if r == role]
        if not counts_a or not counts_b:
            continue
        nouns_a = {noun for noun, _ in counts_a}
        nouns_b = {noun for noun, _ in counts_b}
        if not (nouns_a & nouns_b or (nouns_a | nouns_b) & GENERIC_COUNTED):
            continue
        if {v for _, v in counts_a} & {v for _, v in counts_b}:
            continue
        return (", ".join(f"{v} {n}" for n, v in counts_a), ", ".join(f"{v} {n}" for n, v in counts_b))
    return None


def _same_principals(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two reports name the same principal actors: the same doer where both name
    one, the same target where both name one (counted targets aside), and at least one of them
    named on both sides (a pronoun nobody resolved names no one)."""
    if not _same_participants(a, b):
        return False
    # Only actors named in the sentences count: a pronoun's actor comes from coreference, which is
    # not evidence enough to set one report against another.
    named = [[p for p in parts if not p.pronoun] for parts in (a.sources, b.sources, a.targets, b.targets)]
    doers = bool(named[0] and named[1]) and _same_role(named[0], named[1], 0.8)
    counted = bool(a.counts and b.counts)
    victims = bool(named[2] and named[3]) and (counted or _same_role(named[2], named[3], 0.8))
    return doers or victims


# Where the words that follow a trigger stop telling what the deed was done to or with.
_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\s-{1,2}\s|\b(?:and|but|because|that|which|who|when|while|if|after|before|as|so)\b", re.I)
_TIME_WORDS = re.compile(r"\b(?:on|in|at|last|this|next|early|late|morning|afternoon|evening|night|today|yesterday|tomorrow|week|month|year|"
                         r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|repeatedly|again|even|still|also|ever)\b", re.I)


def _complement(e: StoryEvent) -> frozenset[str]:
    """Return the content words of what the deed is done with or to, as told after its trigger up to
    the end of the clause, without the participants' names and times: "offered Sestak the job of
    Secretary of the Navy" -> {job, secretary, navy}."""
    at = e.sentence.lower().find(e.trigger.lower())
    if at < 0:
        return frozenset()
    rest = e.sentence[at + len(e.trigger):]
    cut = _CLAUSE_END.search(rest)
    rest = _TIME_WORDS.sub(" ", rest[:cut.start()] if cut else rest)
    names = {w for p in (*e.sources, *e.targets) for w in _content_words(p.name)}
    return frozenset(_singular(w) for w in _content_words(rest) - names)


def _same_occasion(a: StoryEvent, b: StoryEvent) -> bool:
    """Return whether two reports can be of one occasion: dates that overlap as precisely as each is
    stated, and places (where the sentence or dateline gives them) not far apart."""
    km = distance_km(a, b)
    return dates_compatible(a, b) and _stated_alike(a, b) and (km is None or km <= PLACE_APART_KM)


def _stated_alike(a: StoryEvent, b: StoryEvent) -> bool:
    """Return False when both reports say when, in words that could not be set on a calendar and
    differ ("in January" / "on Friday morning" in undated articles): nothing shows one occasion."""
    if a.date and b.date or not (a.date_text and b.date_text):
        return True
    return _content_words(_TIME_WORDS.sub(" ", a.date_text)) == _content_words(_TIME_WORDS.sub(" ", b.date_text)) \
        or normal_name(a.date_text) == normal_name(b.date_text)


def _what(e: StoryEvent, other: StoryEvent) -> frozenset[str]:
    """Return the content words of what the deed is done with: the words after its trigger, and the
    targets the other report does not name ("offered Sestak executive branch posts" against "offered
    Sestak the Navy job": Sestak is shared, the posts and the job are what differ), and the words of
    targets described rather than named, which a shared head noun does not make one thing
    ("executive branch positions" / "a full-time paid position")."""
    told = [p for p in e.targets if not any(_match(p, q) >= 0.5 for q in other.targets) or not p.proper]
    return _complement(e) | frozenset(_singular(w) for p in told for w in _content_words(p.name))


# Share of the shorter description of what a deed is done with that two reports must have in
# common to be about one thing: "unpaid posts on advisory boards" and "a full-time paid post"
# share only the head noun.
SAME_THING_SHARE = 0.5


def _different_things(what_a: frozenset[str], what_b: frozenset[str]) -> bool:
    """Return whether two reports say what the deed is done with, and what they say is not one thing."""
    if not (what_a and what_b):
        return False
    return len(what_a & what_b) < SAME_THING_SHARE * min(len(what_a), len(what_b))


def find_contradictions(events: Sequence[StoryEvent]) -> list[Contradiction]:
    """Return the contradictions between asserting voices of different origins within one claim.

    Evidence only: both reports tell the happening as fact (an outlet's own voice, or a named
    party asserting it; a party's denial against an outlet makes a dispute, a quote is its
    speaker's word), are of the same type and name the same principal actors, and either
    - one negates the very deed the other asserts (the same verb, on a day and at a place both
      allow), or
    - they give different values for the same counted thing (on a day and at a place both
      allow), a place resolved far from the other's, or explicitly stated dates that cannot
      both be right but are within a month (further apart, it is another happening).
    """
    found: list[Contradiction] = []
    seen: set[tuple[str, str, str]] = set()

    def add(kind: str, a: StoryEvent, va: str, b: StoryEvent, vb: str) -> None:
        key = (kind, *sorted((a.origin.lower(), b.origin.lower())))
        if key not in seen:
            seen.add(key)
            found.append(Contradiction(kind, a, va, b, vb))

    # Asserting voices: an outlet's own, or a named party's assertion ("12 people were killed,
    # the ministry said"); never an allegation, an unnamed speaker, or a denial by a party.
    voiced = [e for e in events if e.modality == "happened" and (e.asserting_origin or (e.party and not e.negated))]

    def voice(e: StoryEvent) -> str:
        return e.asserting_origin or f"{e.origin.lower()}/{e.party}"

    for i, a in enumerate(voiced):
        for b in voiced[i + 1:]:
            if a.origin.lower() == b.origin.lower() or voice(a) == voice(b) or a.plover_type != b.plover_type:
                continue
            if not _same_principals(a, b):
                continue
            if a.negated != b.negated:
                if not (a.asserting_origin and b.asserting_origin):
                    continue               # a party's word against an outlet's: a dispute, not a contradiction
                first, second = (a, b) if not a.negated else (b, a)
                # "was offered" / "was never offered": the same deed, one asserts, one negates.
                # The negating report must say "not" (or like words) and the asserting one must not,
                # and what the deed is done with must not differ ("offered advisory posts" /
                # "never offered the Navy job" are two offers; "advisory positions" / "a full-time
                # paid position" share a head noun, not the thing offered).
                what_a, what_b = _what(first, second), _what(second, first)
                if a.lemma == b.lemma and _same_occasion(a, b) and not _NEGATING.search(first.sentence) \
                        and (_NEGATING.search(second.sentence) or re.search(r"\bden(?:y|ied|ies)\b", second.sentence, re.I)) \
                        and not _different_things(what_a, what_b):
                    add("negation", first, first.trigger, second, f"not {second.trigger}")
                continue
            if a.negated:
                continue
            if a.date and b.date and a.date_text and b.date_text and not dates_compatible(a, b):
                if a.lemma == b.lemma and abs((a.date - b.date).days) <= DATE_DISPUTE_DAYS:
                    add("date", a, a.date.isoformat(), b, b.date.isoformat())
                continue                   # told on different days: the other details are of another day
            if not (dates_compatible(a, b) and _stated_alike(a, b)):
                continue
            km = distance_km(a, b)
            if a.location and b.location and not same_place(a.location, b.location) and (km is None or km > SAME_PLACE_KM):
                # Alignment joins reports placed far apart only when doers, victims, type and day agree.
                add("place", a, a.location, b, b.location)
            if km is None or km <= PLACE_APART_KM:
                clash = _count_clash(a, b)
                if clash:
                    add("number", a, clash[0], b, clash[1])
    return found


def build_claims(events: Sequence[StoryEvent], threshold: float = LINK_THRESHOLD) -> list[Claim]:
    """Return the story's claims: aligned events with their contradictions."""
    claims = []
    for group in align_events(events, threshold):
        claims.append(Claim(group, find_contradictions(group)))
    return claims


def most_common(values: Sequence[str | None]) -> str | None:
    """Return the most frequent non-empty value (first seen wins a tie)."""
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None
