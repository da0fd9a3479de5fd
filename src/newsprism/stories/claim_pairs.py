"""Pair scoring for claim alignment: how surely two events of a story report one happening.

``pair_score`` weighs two events' PLOVER types, modes, participants (``Participant``, matched by
actor id, name and aliases, the head noun of a description, countries), dates and places; None
means they cannot be one happening. ``claims.py`` groups events by these scores, builds claims
and finds contradictions; this module holds only what compares one event with another and the
participants and counts it reads from an event's actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from newsprism.stories.claims import StoryEvent

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
# Days after which a dated statement is not the one an article reports without a date.
STALE_STATEMENT_DAYS = 5
STATEMENT_TYPES = {"ACCUSE", "THREATEN", "REJECT", "REQUEST"}
# Modalities of what is yet to happen: an intent is never the deed of another kind.
INTENDED = {"planned", "conditional", "demanded"}

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
    # A hyphen, spaced or not, does not make another noun: "co - workers", "co-workers", "coworkers".
    joined = normal_name(re.sub(r"(?<=\w)\s+-\s+(?=\w)", "-", name)).replace("-", "")
    words = re.split(r"\s+of\s+", joined)[0].split()
    if words and (words[-1] in NUMBER_WORDS or words[-1].isdigit()):
        words = joined.split()     # "three of the militia commanders": the head is "commanders"
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


def _read_count_scopes() -> re.Pattern[str]:
    """Return one pattern of the phrases in data/count_scopes.txt."""
    text = (Path(__file__).parent / "data" / "count_scopes.txt").read_text(encoding="utf-8")
    phrases = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    alternatives = (r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


_COUNT_SCOPES = _read_count_scopes()


def count_scope(sentence: str) -> frozenset[str]:
    """Return the phrases that scope a sentence's counts to part of a happening or to a running
    total ("during the final run", "by the end of the night", "so far"); empty when it has none."""
    return frozenset(" ".join(m.group(0).lower().split()) for m in _COUNT_SCOPES.finditer(sentence))


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
