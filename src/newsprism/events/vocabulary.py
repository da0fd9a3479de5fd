"""The word lists the event coder consults: auxiliaries, heads of demands and denials, people
and force nouns, weapons, setting prepositions. Data only; each list says why it exists."""

from __future__ import annotations

from newsprism.events.lexicon import SUPPORT_VERBS, VERBS, Trigger

FUTURE_AUX = {"will", "shall", "'ll", "would", "wo", "may", "might", "could"}


OBLIGING_AUX = {"must", "should"}
# Doers that are the speaker or the speaker's side: what "we must do" asks of no one else.
SPEAKER_SIDE = {"i", "we", "us"}


# Words whose complement is promised or threatened, an event of its own (AGREE, THREATEN):
# "vowed to bomb", "pledged to help", "is ready to talk". Other intents ("will", "plans to")
# only foresee their deed, which is coded as itself, planned.
COMMITTING_HEADS = {"vow", "promise", "pledge", "swear", "agree", "offer", "commit", "undertake", "guarantee",
                    "willing", "ready", "prepared", "determined"}


PLANNING_HEADS = {"plan", "intend", "prepare", "aim", "expect", "want", "hope", "seek", "vow", "promise", "pledge",
                  "decide", "agree", "offer", "commit", "undertake", "swear"}


DEMANDING_HEADS = {"urge", "ask", "call", "demand", "request", "press", "appeal", "order", "tell"}


ALLEGING_HEADS = {"allege", "claim", "accuse", "suspect", "believe", "reportedly", "purportedly",
                  "accusation", "allegation", "suspicion"}


# Verbs whose object is charged with a deed: "accused X of arming", "blamed X for the attack".
ALLEGING_OBJECT_HEADS = {"accuse", "suspect", "blame", "charge", "convict", "criticize", "criticise", "condemn"}


# Verbs whose object does what their complement says: "urged Iran to halt", "allowed Colorado to go ahead".
# An order is the orderer's deed: "ordered the paper to suspend publication" is the state's sanction.
OBJECT_CONTROL = DEMANDING_HEADS - {"order"} | {"allow", "force", "help", "persuade", "pressure", "encourage", "invite", "permit",
                                    "compel", "convince", "authorize", "authorise", "warn", "advise"}


NEGATING_HEADS = {"deny", "refuse", "fail", "decline", "reject"}


PRESS_WORDS = {"reporter", "journalist", "press", "medium", "media", "correspondent", "newsman"}


PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"}


KNOWN_VERBS = SUPPORT_VERBS | {lemma for lemma, _ in VERBS}


# Nouns that only frame an event noun before them: "a mediation mission", "a mediation effort".
EVENT_FRAMES = {"mission", "effort", "bid", "initiative", "process", "campaign", "attempt", "drive"}


CONDITION_MARKS = ("if", "unless")


# Nouns for the members of a group, who act as the group: "members of the gang".
MEMBER_WORDS = {"member", "fighter", "militant", "supporter", "follower", "unit", "gunman", "loyalist"}


INDEFINITE_PRONOUNS = {"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "no one"}


# Nominal events whose "of" phrase names the doer, not what is done to ("the mediation of the UN").
AGENT_OF_NOUNS = {"mediation", "visit", "behest"}
# Nouns whose "of" always names who asks, whatever the parser's entity: "at the behest of the president".
ASKER_OF_NOUNS = {"behest"}


MEASURE_NOUNS = {"step", "inch", "metre", "meter", "kilometre", "kilometer", "mile", "yard", "foot"}


# Verbs that things do as often as actors: "troops returned", but also "power returned",
# "talks advanced", "marijuana entering their towns". They are events only when people, an
# actor or an armed force's vehicles move ("returned the helicopter" is handing it back).
MOTION_VERBS = {"return", "advance", "enter", "leave", "head", "move", "march"}


OBJECT_MAKES_A_DEED = {"return"}


# Things that move as an armed force does: "the convoy headed toward Moscow".
FORCE_THINGS = {"convoy", "column", "tank", "vehicle", "armour", "armor", "aircraft", "jet", "warship", "ship",
                "helicopter", "drone", "unit", "battalion", "brigade", "division", "regiment", "fleet", "force",
                "troop", "truck", "boat"}


REFLEXIVES = {"itself", "themselves", "himself", "herself", "ourselves"}


# Plural nouns for people that _people_noun's endings miss.
PEOPLE_WORDS = {"people", "person", "man", "men", "woman", "women", "child", "children", "youth", "police",
                "troops", "force", "forces", "crowd", "family", "families", "resident", "villager", "official"}


# "called the seizure a terrorist attack": calling something a crime accuses (CAMEO 112).
NAMING_ACCUSATION = Trigger("ACCUSE", "disapprove", "112")
# Legal actions whose negation is a concession: "will not prosecute" (CAMEO 081).
LEGAL_ACTIONS = {"charge", "prosecute", "sentence"}


# Bodies of people that act together: "the delegation came to discuss", "the team met".
GROUP_NOUNS = {"delegation", "team", "committee", "council", "side", "group", "party", "panel", "board", "camp",
               "coalition", "alliance", "union", "bloc", "faction", "cabinet", "administration", "leadership"}


SOMEONE_WORDS = PEOPLE_WORDS | FORCE_THINGS | GROUP_NOUNS


# Sectors of actors who act where they live: protesters, rebels, a government, the police.
LOCAL_SECTORS = {"CVL", "REB", "OPP", "GOV", "MIL", "COP", "JUD", "LEG", "BUS"}


# What is fired or launched at someone: never the target of the attack.
WEAPONS = {"rocket", "missile", "shell", "shot", "round", "bullet", "grenade", "mortar", "gas", "projectile",
           "bomb", "drone", "volley", "salvo", "artillery", "gun", "weapon", "cannon", "stone", "rock"}


# Verbs whose object is what is talked about or handed on; whom they are done with comes
# after "with" ("discussed the crisis with Egypt", "shared intelligence with Ukraine").
CONTENT_OBJECT_VERBS = {"discuss", "share"}


# Event types that are said, not done: what they are about is not where their speakers are.
VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


# Prepositions of a setting, as _SETTING_BEFORE reads them.
SETTING_WORDS = {"in", "at", "across", "throughout", "near", "inside", "outside"}


RECIPIENT_PREPS = ("to", "with", "for", "against", "on", "in", "into", "from", "of", "toward", "towards")


# Links followed when looking for the actor an event is done to inside its own clause; other
# clauses (relative, adverbial, reported) hold other events.
CLAUSE_LINKS = ("dobj", "pobj", "prep", "poss", "xcomp", "acl", "conj", "compound", "amod", "nmod", "appos",
                "dative", "attr", "oprd", "pcomp", "nsubj", "agent", "nsubjpass")


# Events whose setting is their target when no actor is named: "imposed a curfew in Cizre"
# is done to that place, "prisoners rioted at a jail in northern Israel" is a protest there.
PLACE_TARGETED = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "CONCEDE"}


# Prepositions that place a thing beside a landmark ("a dam near the border with the Karst
# Republic") or name who reports it ("according to the Border Service"): never the target.
LANDMARK_PREPS = {"near", "along", "beside", "outside", "according", "upstream", "downstream"}


SETTING_PREPS = {"in", "at", "inside"}


# Participles that describe their subject's own stance or activity: "Israel is opposed to",
# "Serb forces were engaged in", "Vietnam is committed to". Their grammatical passive subject
# is the actor, not the one acted on.
STATIVE_PARTICIPLES = {"oppose": ("to",), "engage": ("in",), "commit": ("to",), "involve": ("in",)}


# What its owner proposes to do: "a US offer to host a summit" is the United States' intent.
OFFERER_NOUNS = {"offer", "proposal", "plan", "bid", "pledge", "promise"}


# What is put to someone to do and can be turned down: its clause is the refuser's own deed
# ("an invitation to meet", "calls to resign"). Not an offer: "a US offer to host a summit" is
# the offerer's deed.
OFFER_NOUNS = {"invitation", "request", "call", "demand", "appeal", "opportunity", "chance"}

# Verbs of violence that politicians use of words: "a super-PAC that only attacks Clinton",
# "Future45 has been hitting Clinton with ads" (a verbal attack, ACCUSE 111).
VERBAL_ATTACK_VERBS = {"attack", "hit", "bash", "target", "slam", "blast"}
# Sectors whose attacks are deeds, not words.
FORCE_SECTORS = {"MIL", "REB", "COP", "CRM"}
# Sectors of the political arena, whose attacks on each other are words.
POLITICAL_SECTORS = {"PTY", "GOV", "LEG", "OPP", "MED"}
# Sectors whose "attack" named as a noun is words: a government's attack may be its army's.
CAMPAIGN_SECTORS = POLITICAL_SECTORS - {"GOV"}
# Verbs of giving that are aid only between actors: "gave users a glimpse", "gave the job to a
# comedian" give nothing from one party to another.
GIVING_VERBS = {"give"}
# Verbs of handing over that are no aid when what they hand over is a person or a NOT_AID word:
# "gave her the opening", "provide it with records", "gave the job to a comedian".
GOODS_VERBS = {"give", "provide", "send", "supply", "contribute", "donate"}
NOT_AID = {"opening", "opportunity", "chance", "job", "post", "role", "record", "document", "email", "information",
           "detail", "answer", "speech", "interview", "signal", "message", "impression", "view", "account",
           "testimony", "statement", "glimpse", "boost", "edge", "lead", "advantage", "credit", "nod", "platform",
           "voice", "name", "warning", "ultimatum", "reason", "example", "time", "report", "letter", "list"}
# Verbs of helping that are aid only to an actor: "helped Ukraine"; not "aid the re-election".
HELPING_VERBS = {"aid", "help", "assist"}
# Verbs of talking that are a consultation only with a partner: "not going to talk about this".
TALKING_VERBS = {"talk", "speak"}
VERBAL_ATTACK = Trigger("ACCUSE", "disapprove", "111", ("for", "over"))


# Event nouns that name the event only in the plural: "held talks" negotiates, "his tough talk" is speech.
PLURAL_ONLY_NOUNS = {"talk"}


# (noun, support verb) pairs that name no event: "made their case" argues, it opens no criminal case.
NOT_CARRIED = {("case", "make")}
