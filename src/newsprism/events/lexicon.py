"""The event lexicon: trigger words -> PLOVER type, mode and CAMEO code.

Each entry is checked against the CAMEO->PLOVER reference table by tests, and each has a test
sentence that needs it (tests/events/test_lexicon_entries.py). Verb entries key on the lemma and,
where the meaning depends on it, a particle or preposition ("call for", "stand down").
Noun entries are nominal events ("crisis talks", "a criminal case"), coded when a support verb
or a possessor gives them a participant.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trigger:
    plover: str
    mode: str | None
    cameo: str
    target_preps: tuple[str, ...] = ()   # prepositions whose objects are targets


_WITH = ("with", "to")
_AT = ("against", "on", "at")
_TOWARD = ("on", "toward", "towards", "to", "for", "into", "at")

# (lemma, particle or preposition that must follow, or "") -> Trigger
VERBS: dict[tuple[str, str], Trigger] = {
    # CONSULT
    ("meet", ""): Trigger("CONSULT", None, "040", _WITH), ("talk", ""): Trigger("CONSULT", None, "040", _WITH),
    ("speak", ""): Trigger("CONSULT", None, "040", _WITH), ("discuss", ""): Trigger("CONSULT", None, "040", _WITH),
    ("confer", ""): Trigger("CONSULT", None, "040", _WITH), ("consult", ""): Trigger("CONSULT", None, "040", _WITH),
    ("phone", ""): Trigger("CONSULT", "phone", "041", _WITH), ("telephone", ""): Trigger("CONSULT", "phone", "041", _WITH),
    ("call", ""): Trigger("CONSULT", "phone", "041", _WITH),
    ("visit", ""): Trigger("CONSULT", "visit", "042"),
    # Sending an envoy or a delegation is a visit by proxy, not aid.
    ("send", "envoy"): Trigger("CONSULT", "visit", "042", ("to",)), ("send", "delegation"): Trigger("CONSULT", "visit", "042", ("to",)), ("host", ""): Trigger("CONSULT", "visit", "043"),
    ("negotiate", ""): Trigger("CONSULT", None, "046", _WITH), ("mediate", ""): Trigger("CONSULT", "third-party", "045", ("between",)),
    ("shuttle", "between"): Trigger("CONSULT", "third-party", "045", ("between",)),
    ("arrive", ""): Trigger("CONSULT", "visit", "042", ("in", "at")), ("tour", ""): Trigger("CONSULT", "visit", "042"),
    # SUPPORT
    ("establish", "ties"): Trigger("SUPPORT", None, "050", _WITH), ("upgrade", "ties"): Trigger("SUPPORT", None, "050", _WITH),
    ("restore", "ties"): Trigger("SUPPORT", None, "050", _WITH), ("thank", ""): Trigger("SUPPORT", None, "051"),
    ("support", ""): Trigger("SUPPORT", None, "051"), ("back", ""): Trigger("SUPPORT", None, "051"),
    ("endorse", ""): Trigger("SUPPORT", None, "051"), ("praise", ""): Trigger("SUPPORT", None, "051"),
    ("welcome", ""): Trigger("SUPPORT", None, "051"), ("defend", ""): Trigger("SUPPORT", None, "052"),
    ("apologize", ""): Trigger("SUPPORT", None, "055", ("to",)), ("apologise", ""): Trigger("SUPPORT", None, "055", ("to",)),
    ("forgive", ""): Trigger("SUPPORT", None, "056"), ("recognize", ""): Trigger("SUPPORT", None, "054"),
    ("sign", ""): Trigger("SUPPORT", None, "057", _WITH),
    # AGREE
    ("agree", ""): Trigger("AGREE", None, "030", _WITH), ("pledge", ""): Trigger("AGREE", None, "030", ("to",)),
    ("promise", ""): Trigger("AGREE", None, "030", ("to",)), ("offer", ""): Trigger("AGREE", None, "030", ("to",)),
    ("accept", ""): Trigger("AGREE", None, "030"), ("commit", "to"): Trigger("AGREE", None, "030"),
    # COOPERATE
    ("extradite", ""): Trigger("COOPERATE", None, "063", ("to",)), ("hand", "over"): Trigger("COOPERATE", None, "063", ("to",)),
    ("cooperate", ""): Trigger("COOPERATE", None, "060", _WITH), ("collaborate", ""): Trigger("COOPERATE", None, "060", _WITH),
    ("coordinate", ""): Trigger("COOPERATE", None, "060", _WITH), ("share", ""): Trigger("COOPERATE", "intelligence", "064", _WITH),
    ("exchange", "information"): Trigger("COOPERATE", "intelligence", "064", _WITH),
    # AID
    ("aid", ""): Trigger("AID", None, "070"), ("help", ""): Trigger("AID", None, "070"), ("assist", ""): Trigger("AID", None, "070"),
    ("supply", ""): Trigger("AID", None, "070", ("to", "with")), ("donate", ""): Trigger("AID", None, "070", ("to",)),
    ("evacuate", ""): Trigger("AID", None, "073"), ("send", "aid"): Trigger("AID", None, "070", ("to",)),
    ("send", "arms"): Trigger("AID", "military", "072", ("to",)), ("send", "weapons"): Trigger("AID", "military", "072", ("to",)),
    ("grant", "asylum"): Trigger("AID", "asylum", "075", ("to",)), ("provide", ""): Trigger("AID", None, "070", ("to", "for")),
    ("allow", ""): Trigger("CONCEDE", None, "080"), ("send", ""): Trigger("AID", None, "070", ("to",)),
    ("contribute", ""): Trigger("AID", None, "070", ("to",)), ("give", ""): Trigger("AID", None, "070", ("to",)),
    ("send", "troops"): Trigger("MOBILIZE", "troops", "154", _TOWARD), ("arm", ""): Trigger("AID", "military", "072"),
    # CONCEDE / RETREAT
    ("concede", ""): Trigger("CONCEDE", None, "080"), ("call", "off"): Trigger("CONCEDE", None, "082", ("against",)), ("yield", ""): Trigger("CONCEDE", None, "080", ("to",)),
    ("drop", ""): Trigger("CONCEDE", None, "081", ("against",)), ("pardon", ""): Trigger("CONCEDE", None, "081"),
    ("ease", ""): Trigger("CONCEDE", None, "081", ("on",)), ("lift", ""): Trigger("CONCEDE", None, "081", ("on",)),
    # Easing a curfew is a de-escalation (CAMEO 0813, RETREAT in the 2021 reference).
    ("ease", "curfew"): Trigger("RETREAT", None, "0813", ("in",)), ("lift", "curfew"): Trigger("RETREAT", None, "0813", ("in",)),
    ("shorten", "curfew"): Trigger("RETREAT", None, "0813", ("in",)),
    ("demobilize", ""): Trigger("RETREAT", "disarm", "0873"), ("demobilise", ""): Trigger("RETREAT", "disarm", "0873"),
    ("release", ""): Trigger("RETREAT", "release", "0841"), ("free", ""): Trigger("RETREAT", "release", "0841"),
    ("return", ""): Trigger("RETREAT", "return", "0842", ("to",)),
    ("retreat", ""): Trigger("RETREAT", None, "0874", ("from", "to")), ("withdraw", ""): Trigger("RETREAT", None, "0872", ("from",)),
    ("stand", "down"): Trigger("RETREAT", None, "0873"), ("pull", "out"): Trigger("RETREAT", None, "0872", ("of", "from")),
    ("pull", "back"): Trigger("RETREAT", None, "0872", ("from",)), ("move", "back"): Trigger("RETREAT", None, "0872", ("from",)), ("surrender", ""): Trigger("RETREAT", None, "0874", ("to",)),
    ("leave", ""): Trigger("RETREAT", None, "0872"), ("disarm", ""): Trigger("RETREAT", "disarm", "0873"),
    # REQUEST
    ("ask", ""): Trigger("REQUEST", None, "100"), ("request", ""): Trigger("REQUEST", None, "100"),
    ("urge", ""): Trigger("REQUEST", None, "100"), ("demand", ""): Trigger("REQUEST", None, "100", ("from", "of")),
    ("call", "for"): Trigger("REQUEST", None, "100"), ("call", "on"): Trigger("REQUEST", None, "100"),
    ("appeal", ""): Trigger("REQUEST", None, "100", ("to",)), ("seek", ""): Trigger("REQUEST", None, "100", ("from",)),
    ("press", ""): Trigger("REQUEST", None, "100"), ("pressure", ""): Trigger("REQUEST", None, "100"),
    ("push", "for"): Trigger("REQUEST", None, "100"),
    # ACCUSE
    ("accuse", ""): Trigger("ACCUSE", None, "112"), ("blame", ""): Trigger("ACCUSE", None, "112"),
    ("condemn", ""): Trigger("ACCUSE", None, "111"), ("criticize", ""): Trigger("ACCUSE", None, "111"),
    ("criticise", ""): Trigger("ACCUSE", None, "111"), ("denounce", ""): Trigger("ACCUSE", None, "111"),
    ("allege", ""): Trigger("ACCUSE", None, "112"), ("complain", ""): Trigger("ACCUSE", None, "111", ("about", "to")),
    ("indict", ""): Trigger("ACCUSE", None, "112"), ("sue", ""): Trigger("ACCUSE", "allege", "115", ("for", "over")), ("protest", "to"): Trigger("ACCUSE", None, "111", ("to",)), ("investigate", ""): Trigger("ACCUSE", "investigate", "090"),
    ("probe", ""): Trigger("ACCUSE", "investigate", "090"),
    # REJECT
    ("reject", ""): Trigger("REJECT", None, "120"), ("refuse", ""): Trigger("REJECT", None, "120"),
    ("deny", ""): Trigger("REJECT", None, "120"), ("renege", ""): Trigger("REJECT", None, "120", ("on",)), ("dismiss", ""): Trigger("REJECT", None, "120"),
    ("rebuff", ""): Trigger("REJECT", None, "120"), ("turn", "down"): Trigger("REJECT", None, "120"), ("veto", ""): Trigger("REJECT", None, "129"),
    ("term", ""): Trigger("REJECT", None, "120"), ("oppose", ""): Trigger("REJECT", None, "120"),
    ("decline", ""): Trigger("REJECT", None, "120"), ("defy", ""): Trigger("REJECT", "yield", "128"),
    ("violate", ""): Trigger("REJECT", "yield", "128"),
    # THREATEN
    ("threaten", ""): Trigger("THREATEN", None, "130"), ("warn", ""): Trigger("THREATEN", None, "130"),
    # PROTEST
    ("protest", ""): Trigger("PROTEST", "demo", "141", _AT), ("demonstrate", ""): Trigger("PROTEST", "demo", "141", _AT),
    ("rally", ""): Trigger("PROTEST", "demo", "141", _AT), ("boycott", ""): Trigger("PROTEST", "boycott", "143"),
    ("riot", ""): Trigger("PROTEST", "riot", "145"),
    # SANCTION
    ("sanction", ""): Trigger("SANCTION", None, "160"), ("expel", ""): Trigger("SANCTION", "expel", "166"),
    ("suspend", ""): Trigger("SANCTION", None, "160", _WITH), ("recall", ""): Trigger("SANCTION", "withdraw", "161", ("from",)),
    ("cut", ""): Trigger("SANCTION", None, "160", _WITH), ("freeze", ""): Trigger("SANCTION", None, "160"),
    ("cancel", ""): Trigger("SANCTION", None, "160"), ("reduce", ""): Trigger("SANCTION", "discontinue", "162", ("to",)),
    ("halt", ""): Trigger("SANCTION", None, "164"), ("withdraw", "peacekeepers"): Trigger("SANCTION", "expel", "1661", ("from",)),
    ("withdraw", "inspectors"): Trigger("SANCTION", "expel", "1662", ("from",)), ("withdraw", "ambassador"): Trigger("SANCTION", "withdraw", "161", ("from",)),
    ("extend", "curfew"): Trigger("COERCE", "curfew", "1723", ("in",)), ("declare", "emergency"): Trigger("COERCE", "martial-law", "1724"), ("prohibit", ""): Trigger("SANCTION", None, "160"),
    ("break", "ties"): Trigger("SANCTION", "withdraw", "161", _WITH), ("end", "mediation"): Trigger("SANCTION", None, "165"),
    # MOBILIZE
    ("mobilize", ""): Trigger("MOBILIZE", "troops", "154"), ("mobilise", ""): Trigger("MOBILIZE", "troops", "154"),
    ("deploy", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD), ("advance", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD),
    ("march", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD), ("head", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD),
    ("move", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD), ("enter", ""): Trigger("MOBILIZE", "troops", "154"),
    ("scramble", ""): Trigger("MOBILIZE", "police", "153"), ("reinforce", ""): Trigger("MOBILIZE", "troops", "154"),
    ("mass", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD), ("tighten", ""): Trigger("MOBILIZE", "police", "153"),
    ("strengthen", "forces"): Trigger("MOBILIZE", "troops", "154", ("in",)),
    # Armed men gathering are a show of force; anyone else gathering is no event (see ARMED_ONLY).
    ("gather", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD), ("assemble", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD),
    ("deploy", "troops"): Trigger("MOBILIZE", "troops", "154", _TOWARD),
    # Vehicles carrying armed men are forces on the move (see CONVEYING_VERBS).
    ("carry", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD), ("transport", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD),
    ("ferry", ""): Trigger("MOBILIZE", "troops", "154", _TOWARD),
    # COERCE
    ("arrest", ""): Trigger("COERCE", "arrest", "173"), ("detain", ""): Trigger("COERCE", "arrest", "173"),
    ("charge", ""): Trigger("COERCE", "legal", "173"), ("prosecute", ""): Trigger("COERCE", "legal", "173"),
    ("jail", ""): Trigger("COERCE", "arrest", "173"), ("sentence", ""): Trigger("COERCE", "legal", "173"),
    ("deport", ""): Trigger("COERCE", "deport", "174"), ("seize", ""): Trigger("COERCE", "seize", "171"),
    ("capture", ""): Trigger("COERCE", "seize", "192"), ("occupy", ""): Trigger("COERCE", "seize", "192"),
    ("take", "control"): Trigger("COERCE", "seize", "192", ("of",)), ("take", "over"): Trigger("COERCE", "seize", "192"), ("raid", ""): Trigger("COERCE", None, "170"),
    ("blockade", ""): Trigger("COERCE", "restrict", "191"), ("block", ""): Trigger("COERCE", "restrict", "191"),
    ("close", "border"): Trigger("COERCE", "restrict", "191", ("with", "to")),
    ("ban", ""): Trigger("COERCE", "ban", "172"), ("impose", ""): Trigger("COERCE", "restrict", "172", ("on",)),
    ("disperse", ""): Trigger("ASSAULT", None, "175"),
    ("confiscate", ""): Trigger("COERCE", "seize", "1711"), ("outlaw", ""): Trigger("COERCE", "ban", "172"),
    ("reimpose", ""): Trigger("COERCE", "restrict", "172", ("on", "in")), ("expel", "from"): Trigger("COERCE", "deport", "174", ("from",)),
    ("hack", ""): Trigger("COERCE", None, "170", ("into",)), ("prevent", ""): Trigger("COERCE", None, "170"),
    ("destroy", ""): Trigger("COERCE", "seize", "171"), ("demolish", ""): Trigger("COERCE", "seize", "171"),
    ("blow", "up"): Trigger("COERCE", "seize", "171"), ("set", "fire"): Trigger("COERCE", "seize", "171", ("to",)),
    ("deface", ""): Trigger("COERCE", "seize", "171"), ("declare", "siege"): Trigger("COERCE", "martial-law", "1724"),
    ("force", "out"): Trigger("SANCTION", "expel", "166", ("of", "from")),
    # ASSAULT
    ("attack", ""): Trigger("ASSAULT", None, "180"), ("kill", ""): Trigger("ASSAULT", None, "1823"),
    ("shell", ""): Trigger("ASSAULT", None, "180"), ("bomb", ""): Trigger("ASSAULT", "explosives", "183"),
    ("shoot", ""): Trigger("ASSAULT", None, "180", _AT), ("fire", ""): Trigger("ASSAULT", None, "180", ("on", "at")),
    ("assault", ""): Trigger("ASSAULT", "beat", "182"), ("invade", ""): Trigger("ASSAULT", None, "180"),
    ("storm", ""): Trigger("ASSAULT", None, "180"), ("ambush", ""): Trigger("ASSAULT", None, "180"),
    ("wound", ""): Trigger("ASSAULT", None, "180"), ("abduct", ""): Trigger("ASSAULT", "abduct", "181"),
    ("kidnap", ""): Trigger("ASSAULT", "abduct", "181"), ("clash", ""): Trigger("ASSAULT", None, "180", ("with",)),
    ("rebel", ""): Trigger("ASSAULT", None, "180", ("against",)), ("strike", ""): Trigger("ASSAULT", None, "180"),
    ("assassinate", ""): Trigger("ASSAULT", None, "180"), ("beat", "up"): Trigger("ASSAULT", "beat", "182"),
    ("beat", ""): Trigger("ASSAULT", "beat", "182"), ("torture", ""): Trigger("ASSAULT", "torture", "1822"), ("abuse", ""): Trigger("ASSAULT", "beat", "182"),
    ("retake", ""): Trigger("ASSAULT", None, "180"), ("fight", ""): Trigger("ASSAULT", None, "180", ("against", "with")),
}

# Nominal events: noun lemma -> Trigger. Coded when a support verb or possessor gives a source.
NOUNS: dict[str, Trigger] = {
    "talk": Trigger("CONSULT", None, "040", _WITH), "call": Trigger("CONSULT", "phone", "041", _WITH),
    "conversation": Trigger("CONSULT", "phone", "041", _WITH), "meeting": Trigger("CONSULT", None, "040", _WITH),
    "visit": Trigger("CONSULT", "visit", "042", ("to",)), "summit": Trigger("CONSULT", None, "040", _WITH),
    "negotiation": Trigger("CONSULT", None, "046", _WITH), "mediation": Trigger("CONSULT", "third-party", "045", ("between",)),
    "support": Trigger("SUPPORT", None, "051", ("for",)), "solidarity": Trigger("SUPPORT", None, "051", ("with",)),
    "agreement": Trigger("AGREE", None, "030", _WITH), "deal": Trigger("AGREE", None, "030", _WITH),
    "ceasefire": Trigger("RETREAT", "ceasefire", "0871", _WITH), "truce": Trigger("RETREAT", "ceasefire", "0871", _WITH),
    "aid": Trigger("AID", None, "070", ("to",)), "assistance": Trigger("AID", None, "070", ("to",)),
    "sanction": Trigger("SANCTION", None, "160", ("on", "against")), "embargo": Trigger("SANCTION", None, "160", ("on", "against")),
    "case": Trigger("COERCE", "legal", "173", ("against",)), "investigation": Trigger("ACCUSE", "investigate", "090", ("into",)),
    "charge": Trigger("COERCE", "legal", "173", ("against",)), "rebellion": Trigger("ASSAULT", None, "180", ("against",)),
    "uprising": Trigger("ASSAULT", None, "180", ("against",)), "mutiny": Trigger("ASSAULT", None, "180", ("against",)),
    "insurrection": Trigger("ASSAULT", None, "180", ("against",)), "attack": Trigger("ASSAULT", None, "180", ("on", "against")),
    "offensive": Trigger("ASSAULT", None, "180", ("against", "on")), "strike": Trigger("ASSAULT", None, "180", ("on", "against")),
    "protest": Trigger("PROTEST", "demo", "141", ("against",)), "demonstration": Trigger("PROTEST", "demo", "141", ("against",)),
    "threat": Trigger("THREATEN", None, "130", ("to", "against")), "ultimatum": Trigger("THREATEN", None, "139", ("to",)),
    "accusation": Trigger("ACCUSE", None, "112", ("against",)), "crackdown": Trigger("COERCE", None, "170", ("on",)),
    "blockade": Trigger("COERCE", "restrict", "191", ("of", "on")), "arrest": Trigger("COERCE", "arrest", "173", ("of",)),
    "demand": Trigger("REQUEST", None, "100", ("for", "from")), "rally": Trigger("PROTEST", "demo", "141", ("against",)),
    "march": Trigger("PROTEST", "demo", "141", ("against",)), "consensus": Trigger("AGREE", None, "030", _WITH),
    "welcome": Trigger("CONSULT", "visit", "043", ("to",)), "riot": Trigger("PROTEST", "riot", "145", ("against",)),
    "complaint": Trigger("ACCUSE", None, "111", ("against", "with")), "hearing": Trigger("ACCUSE", "investigate", "090", ("into",)),
    "alert": Trigger("MOBILIZE", "troops", "152"), "patrol": Trigger("MOBILIZE", "police", "153", ("in",)),
    "suspension": Trigger("SANCTION", None, "160", _WITH), "invasion": Trigger("ASSAULT", None, "180", ("of",)),
    "cleansing": Trigger("ASSAULT", None, "180", ("against",)), "torture": Trigger("ASSAULT", "torture", "1822"),
    "lawsuit": Trigger("ACCUSE", "allege", "115", ("against",)), "appeal": Trigger("REQUEST", None, "100", ("to", "for")),
    "withdrawal": Trigger("RETREAT", None, "0872", ("from",)), "reminder": Trigger("REQUEST", None, "100", ("to",)),
    "boycott": Trigger("PROTEST", "boycott", "143", ("of",)), "warning": Trigger("THREATEN", None, "130", ("to",)),
}

# Nouns whose modifier changes the event: "hunger strike", "general strike" are protests, not attacks.
NOUN_MODIFIERS: dict[tuple[str, str], Trigger] = {
    ("security", "operation"): Trigger("MOBILIZE", "police", "153", ("in", "against")),
    ("police", "operation"): Trigger("MOBILIZE", "police", "153", ("in", "against")),
    ("counterterrorism", "operation"): Trigger("MOBILIZE", "police", "153", ("in", "against")),
    ("military", "operation"): Trigger("ASSAULT", None, "190", ("in", "against")),
    ("hunger", "strike"): Trigger("PROTEST", "hunger", "142"), ("general", "strike"): Trigger("PROTEST", "boycott", "143"),
    ("labor", "strike"): Trigger("PROTEST", "boycott", "143"), ("air", "strike"): Trigger("ASSAULT", None, "180", ("on", "against")),
}

# How modality recodes an action (PLOVER codes intentions and demands as events of their own):
# an intent to cooperate is AGREE, an intent to harm is THREATEN, "must" is a REQUEST, and a
# refused cooperation is REJECT.
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"}
HOSTILE = {"COERCE", "ASSAULT", "SANCTION", "PROTEST", "MOBILIZE"}

# A support verb that changes what its noun means: a protest lodged with a government is a complaint.
CARRIER_RECODES: dict[tuple[str, str], Trigger] = {
    ("protest", "lodge"): Trigger("ACCUSE", None, "111", ("with", "to")),
    ("protest", "file"): Trigger("ACCUSE", None, "111", ("with", "to")),
    ("protest", "deliver"): Trigger("ACCUSE", None, "111", ("with", "to")),
}

# Verbs of crowds: protesters marching or gathering demonstrate (PROTEST), armed men doing it
# show force (MOBILIZE).
CROWD_VERBS = {"gather", "assemble", "march", "mass"}
CROWD_PROTEST = Trigger("PROTEST", "demo", "141", _AT)
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
SUPPORT_VERBS = {"deliver", "order", "remain", "put", "place", "raise", "lodge", "undertake", "continue", "resume", "reiterate", "renew", "speed", "hold", "have", "launch", "stage", "open", "start", "begin", "conduct", "carry", "make", "mount",
                 "express", "offer", "give", "lend", "announce", "impose", "file", "bring", "issue", "join", "engage",
                 "receive", "sign", "reach", "strike", "broker", "lead", "declare", "initiate", "organize", "organise"}
# "called Wagner's actions a betrayal": call + object predicate is an accusation.
ACCUSING_PREDICATES = {"betrayal", "treason", "crime", "terrorism", "terrorist", "provocation", "lie", "fake", "illegal", "aggression", "stab",
                       "stunt", "breach", "violation", "mistake", "disgrace", "insult", "affront", "outrage", "disaster",
                       "destructive", "reckless", "irresponsible", "unacceptable", "shameful", "interference", "hoax"}
SPEECH_VERBS = {"say", "tell", "report", "announce", "state", "add", "write", "claim", "confirm", "note", "post",
                "stress", "insist", "explain", "continue", "declare", "reiterate", "inform", "quote", "tweet", "allege"}
