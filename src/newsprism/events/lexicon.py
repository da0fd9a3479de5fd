"""The event lexicon: trigger words -> PLOVER type, mode and CAMEO code.

The rules are data: data/rules.tsv, one named rule a line with its trigger, what it codes, how
its source is found and the sentences it must (and must not) code; tests/events/test_rules.py
runs every sentence, and checks every CAMEO code against the PLOVER type and mode it is stored
with. The word sets below steer how rules apply. Verb entries key on the lemma and,
where the meaning depends on it, a particle or preposition ("call for", "stand down").
Noun entries are nominal events ("crisis talks", "a criminal case"), coded when a support verb
or a possessor gives them a participant.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Trigger:
    plover: str
    mode: str | None
    cameo: str
    target_preps: tuple[str, ...] = ()   # prepositions whose objects are targets


_AT = ("against", "on", "at")

RULES_FILE = Path(__file__).parent / "data" / "rules.tsv"


@dataclass(frozen=True, slots=True)
class Rule:
    """One named rule of the coder: its trigger words, what it codes, and its test sentences."""

    name: str
    kind: str              # verb | noun | modifier | carrier (see data/rules.tsv)
    lemma: str
    word: str              # the particle, object word, modifier or support verb the rule needs
    trigger: Trigger
    source: str            # how the source is found (subject | owner|carrier | carrier)
    must: str              # a sentence the rule must code
    must_not: tuple[str, ...] = ()   # sentences it must not code


def read_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    """Return the rules of a rule table (tab-separated, with a header line after '#' comments)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    columns = lines[0].split("\t")
    rules = []
    for number, line in enumerate(lines[1:], start=2):
        row = dict(zip(columns, line.split("\t"), strict=True))
        preps = tuple(p for p in row["targets"].split(",") if p)
        trigger = Trigger(row["plover"], row["mode"] or None, row["cameo"], preps)
        must_not = tuple(s.strip() for s in row["must_not"].split(" | ") if s.strip())
        rules.append(Rule(row["name"], row["kind"], row["lemma"], row["word"], trigger, row["source"],
                          row["must"], must_not))
    return tuple(rules)


RULES = read_rules()
# (lemma, particle, preposition or object word that must follow, or "") -> Trigger
VERBS: dict[tuple[str, str], Trigger] = {(r.lemma, r.word): r.trigger for r in RULES if r.kind == "verb"}
# Nominal events: noun lemma -> Trigger. Coded when a support verb or possessor gives a source.
NOUNS: dict[str, Trigger] = {r.lemma: r.trigger for r in RULES if r.kind == "noun"}
# Nouns whose modifier changes the event: "hunger strike", "general strike" are protests, not attacks.
NOUN_MODIFIERS: dict[tuple[str, str], Trigger] = {(r.word, r.lemma): r.trigger for r in RULES if r.kind == "modifier"}
# A support verb that changes what its noun means: a protest lodged with a government is a complaint.
CARRIER_RECODES: dict[tuple[str, str], Trigger] = {(r.lemma, r.word): r.trigger for r in RULES if r.kind == "carrier"}


# How modality recodes an action (PLOVER codes intentions and demands as events of their own):
# an intent to cooperate is AGREE, an intent to harm is THREATEN, "must" is a REQUEST, and a
# refused cooperation is REJECT.
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"}
HOSTILE = {"COERCE", "ASSAULT", "SANCTION", "PROTEST", "MOBILIZE"}

# Verbs of crowds: protesters marching or gathering demonstrate (PROTEST), armed men doing it
# show force (MOBILIZE).
CROWD_VERBS = {"gather", "assemble", "march", "mass"}
CROWD_PROTEST = Trigger("PROTEST", "demo", "141", _AT)
# Nouns of crowds on the move: an armed group's "march on Moscow" is a show of force.
CROWD_NOUNS = {"march"}
ARMED_MARCH = Trigger("MOBILIZE", "troops", "154", ("on", "toward", "towards", "to", "into", "at"))
# People whose marching or gathering is a demonstration.
PROTESTERS = {"protester", "protestor", "demonstrator", "marcher", "activist", "crowd", "supporter", "student",
              "worker", "opponent", "youth"}
# Verbs that are events only when armed men do them: "fighters gathered in Lesk" is a show of
# force, "mourners gathered in the square" is not an event.
ARMED_ONLY = {"gather", "assemble"}
# Verbs whose object, not their subject, is what moves: "trucks carrying armed men towards the
# dam" is the armed men moving; "carried a letter", "transported grain" are no events.
CONVEYING_VERBS = {"carry", "transport", "ferry"}
ARMED_SECTORS = {"MIL", "REB", "COP"}

# Deed nouns whose doer an earlier sentence has named: "called the seizure a terrorist attack"
# accuses whoever seized. Noun lemma -> the verb lemma of the deed.
DEED_NOUNS = {
    "seizure": ("seize", "take", "capture"), "takeover": ("take", "seize"), "capture": ("capture", "seize"),
    "occupation": ("occupy",), "killing": ("kill",), "murder": ("kill", "murder"), "shooting": ("shoot", "fire"),
    "bombing": ("bomb",), "shelling": ("shell",), "attack": ("attack",), "assault": ("assault", "attack"),
    "invasion": ("invade",), "raid": ("raid",), "arrest": ("arrest", "detain"), "detention": ("detain", "arrest"),
    "kidnapping": ("kidnap", "abduct"), "abduction": ("abduct", "kidnap"), "assassination": ("assassinate", "kill"),
    "deportation": ("deport",), "expulsion": ("expel",), "crackdown": ("crackdown",), "blockade": ("blockade", "block"),
    "execution": ("execute",), "accusation": ("accuse", "accusation"), "allegation": ("allege", "accuse"),
}

# What a rejection can be aimed at instead of its author: "termed the information as fake"
# rejects whoever last accused or alleged. Coded for REJECT events only: "discussed the
# information" is about it, not aimed at whoever gave it.
STATEMENT_NOUNS = {"information", "report", "claim", "statement", "allegation", "accusation", "charge", "assertion"}
STATEMENT_VERBS = ("allege", "accuse", "accusation", "claim", "allegation", "blame")

# People whose blocking of roads is a protest, not state coercion.
PROTESTING_PEOPLE = {"CVL", "OPP"}

# Verbs that carry a nominal event: "held talks", "launched a rebellion", "opened a criminal case".
SUPPORT_VERBS = {"involve", "step", "intensify", "escalate", "deliver", "order", "remain", "put", "place", "raise", "lodge", "undertake", "continue", "resume", "reiterate", "renew", "speed", "hold", "have", "launch", "stage", "open", "start", "begin", "conduct", "carry", "make", "mount",
                 "express", "offer", "give", "lend", "announce", "impose", "file", "bring", "issue", "join", "engage",
                 "receive", "sign", "reach", "strike", "broker", "lead", "declare", "initiate", "organize", "organise"}
# "called Wagner's actions a betrayal": call + object predicate is an accusation.
ACCUSING_PREDICATES = {"betrayal", "treason", "crime", "terrorism", "terrorist", "provocation", "lie", "fake", "illegal", "aggression", "stab",
                       "stunt", "breach", "violation", "mistake", "disgrace", "insult", "affront", "outrage", "disaster",
                       "destructive", "reckless", "irresponsible", "unacceptable", "shameful", "interference", "hoax"}
CRITICISM_CUES_FILE = Path(__file__).parent / "data" / "criticism_cues.tsv"


def read_table(path: Path) -> list[dict[str, str]]:
    """Return the rows of a word table of the coder (tab-separated, a header line after '#' comments)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in lines[1:]]


def read_criticism_cues(path: Path = CRITICISM_CUES_FILE) -> list[dict[str, str]]:
    """Return the rows of the criticism lexicon (cue, kind, must, must_not; see the file's header)."""
    return read_table(path)


CRITICISM_CUES = read_criticism_cues()
# The criticism lexicon's predicates name accusations too: "called the plan a disaster".
ACCUSING_PREDICATES = ACCUSING_PREDICATES | {row["cue"] for row in CRITICISM_CUES if row["kind"] == "predicate"}
SPEECH_VERBS = {"say", "tell", "report", "announce", "state", "add", "write", "claim", "confirm", "note", "post",
                "stress", "insist", "explain", "continue", "declare", "reiterate", "inform", "quote", "tweet", "allege"}
