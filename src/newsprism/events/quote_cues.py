"""What marks speech in news copy: reporting verbs, and the channel a statement came through.

The verb lists are ours, grouped by how the reported content attaches to the verb in the
parse. Each entry has a test sentence in tests/events/test_quotes_patterns.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Verbs that report speech or writing and take the content as a clause: "X said (that) ...",
# "..., X added". They also introduce or close a direct quote ("'...,' Lavrov added").
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "note", "state", "declare", "announce", "claim", "assert", "insist",
    "argue", "contend", "maintain", "explain", "stress", "emphasize", "emphasise", "reiterate",
    "repeat", "confirm", "deny", "admit", "acknowledge", "concede", "report", "write", "post",
    "tweet", "reply", "respond", "answer", "recall", "warn", "caution", "predict", "promise",
    "pledge", "vow", "threaten", "suggest", "propose", "urge", "demand", "ask", "allege",
    "complain", "remark", "comment", "observe", "mention", "disclose", "reveal", "hint",
    "boast", "joke", "counter", "retort", "charge", "testify", "clarify", "assure", "inform",
    "remind", "conclude", "agree", "lament", "proclaim", "affirm", "quip", "estimate", "signal",
    "indicate", "specify", "echo", "recount",
})
# Verbs that report a belief, a finding or a wish, with the content as a clause: "Clinton thinks
# America is strongest ...", "a poll shows that ...". Reported stance, not speech: only with a clause.
STANCE_VERBS = frozenset({
    "believe", "think", "feel", "know", "expect", "hope", "fear", "worry", "doubt", "suspect",
    "assume", "understand", "realize", "realise", "recognize", "recognise", "find", "learn",
    "show", "demonstrate", "decide", "guess", "reckon", "wonder", "conclude", "determine",
})
# Speech acts whose content is an infinitive: "urged Congress to act", "vowed to retaliate".
DIRECTIVE_VERBS = frozenset({
    "urge", "ask", "call", "tell", "pledge", "promise", "vow", "threaten", "warn", "demand",
    "order", "implore", "encourage", "beg", "appeal", "instruct", "advise",
})
# Speech acts whose content is their object: "Clinton cited derogatory comments", "the
# minister denounced the attack", "described the talks as useful". Left out where the object is
# often no statement at all: recall (an envoy), dismiss (a minister), claim (lives), deny (entry),
# discuss (talks are an event, not a quote).
NOMINAL_SPEECH_VERBS = frozenset({
    "cite", "question", "mention", "propose", "announce", "demand", "endorse", "praise", "condemn",
    "criticize", "criticise", "denounce", "blame", "decry", "hail", "slam", "lambaste",
    "mock", "ridicule", "deride", "highlight", "repeat", "reiterate", "acknowledge", "admit",
    "predict", "promise", "pledge", "recommend", "describe", "label", "dub", "brand", "express",
    "voice", "unveil", "outline", "detail", "explain", "applaud", "disclose", "reveal", "recount",
    "echo", "request", "compare", "liken",
})
# Speech acts whose content follows a preposition: "called for new tariffs", "warned of a crisis".
PREPOSITIONAL_SPEECH_VERBS: dict[str, frozenset[str]] = {
    "call": frozenset({"for"}), "ask": frozenset({"for", "about"}), "push": frozenset({"for"}),
    "appeal": frozenset({"for"}), "argue": frozenset({"for", "against"}),
    "speak": frozenset({"about", "of", "against"}), "talk": frozenset({"about", "of"}),
    "complain": frozenset({"about", "of"}), "warn": frozenset({"of", "about", "against"}),
    "point": frozenset({"to"}), "refer": frozenset({"to"}), "allude": frozenset({"to"}),
    "comment": frozenset({"on"}), "insist": frozenset({"on"}), "object": frozenset({"to"}),
    "boast": frozenset({"about"}), "joke": frozenset({"about"}), "testify": frozenset({"about"}),
    "accuse": frozenset({"of"}), "rail": frozenset({"against"}),
}
# Verbs that introduce a quote after a colon or close one, though they take no clause there:
# "Caddell continued:", "“…,” she went on" (with "on"), "“…,” Lavrov began", and the shouted,
# chanted or sung words of crowds: "the crowd chanted: “USA! USA!”".
INTRODUCING_VERBS = SPEECH_VERBS | frozenset({
    "continue", "begin", "go", "chant", "shout", "yell", "scream", "exclaim", "cry", "whisper", "sing",
})
# The lemmatizer's slips on reporting verbs: "hoped" -> "hop", "lambasted" -> "lambast".
_LEMMA_SLIPS = {"hop": "hope", "lambast": "lambaste"}


def reporting_lemma(token) -> str:
    """Return a verb's lemma, lower-cased, with the lemmatizer's known slips mended."""
    lemma = token.lemma_.lower()
    if lemma in _LEMMA_SLIPS and token.lower_.startswith(_LEMMA_SLIPS[lemma][:4]):
        return _LEMMA_SLIPS[lemma]
    return lemma

# "X said" is also how a document speaks: "a Kremlin statement said", "a poll found".
DOCUMENT_WORDS = re.compile(
    r"\b(statement|release|report|poll|survey|study|analysis|document|memo|letter|filing|ruling|"
    r"data|figures|research|review|audit|tweet|post|message|communique|communiqué|readout)\b", re.IGNORECASE)

PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "you", "who"})


@dataclass(frozen=True, slots=True)
class Channel:
    """The medium a statement came through, with the named outlet where the text gives one."""

    name: str                 # twitter | telegram | facebook | instagram | statement | release | ...
    detail: str | None = None


def _document_channel(noun: str) -> str:
    """Return a pattern for a statement or release the words came through, not one they answer:
    "said in a statement", "a Kremlin statement said", "according to a State Department release",
    but not "responded to a Ryan statement"."""
    return (rf"\b(?:in|via|through|issued|released|posted|published)\s+(?:(?!to\b|of\b|by\b|with\b)[\w’'.-]+\s+){{0,3}}?{noun}\b"
            rf"|\b{noun}\s+(?:said|says|read|reads|added|adds|noted|notes|stated|states|confirmed|confirms)\b"
            rf"|^\W*(?:an?|the)\s+(?:[\w’'.-]+\s+){{0,3}}{noun}\b"
            rf"|\baccording\s+to\s+(?:an?|the)\s+(?:[\w’'.-]+\s+){{0,3}}{noun}\b")


# Most specific first: "a statement posted on Telegram" came through Telegram.
_CHANNELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("twitter", re.compile(r"\b(?:on|via|to|in)\s+(?:(?:his|her|their|its|the)\s+)?(?:official\s+)?(?:Twitter|X)\b(?!-)|\btweet(?:ed|s|ing)?\b|\bTwitter\b", re.IGNORECASE)),
    ("telegram", re.compile(r"\bTelegram\b")),
    ("facebook", re.compile(r"\bFacebook\b")),
    ("instagram", re.compile(r"\bInstagram\b")),
    ("televised address", re.compile(r"\btelevised\s+(?:address|speech|statement|remarks|interview)\b|\baddress(?:ed)?\s+(?:to\s+)?the\s+nation\b", re.IGNORECASE)),
    ("interview", re.compile(r"\binterview(?:ed|s)?\b", re.IGNORECASE)),
    ("news conference", re.compile(r"\b(?:news|press)\s+conference\b", re.IGNORECASE)),
    ("briefing", re.compile(r"\bbriefing\b", re.IGNORECASE)),
    ("release", re.compile(_document_channel(r"(?:press\s+|news\s+)?release"), re.IGNORECASE)),
    ("statement", re.compile(_document_channel(r"statement"), re.IGNORECASE)),
)
# The outlet of an interview: "in an interview with Russia’s RT television", "told CNN in an interview".
_INTERVIEW_WITH = re.compile(
    r"\binterview(?:ed)?\s+(?:with|on|to|by|for)\s+((?:the\s+)?[A-Z][\w&.’'-]*(?:\s+(?:[A-Z][\w&.’'-]*|television|TV|radio|newspaper|news\s+agency|channel|magazine|network|of|de|del|la|al))*)")
_TOLD_OUTLET = re.compile(
    r"\b(?:told|telling)\s+((?:the\s+)?[A-Z][\w&.’'-]*(?:\s+(?:[A-Z][\w&.’'-]*|television|TV|radio|newspaper|"
    r"news\s+agency|channel|magazine|network))*)")
_OUTLET_WORDS = re.compile(
    r"\b(?:television|TV|radio|news|times|post|journal|daily|press|agency|channel|network|magazine|"
    r"newspaper|broadcaster|Reuters|AP|AFP|BBC|CNN|NBC|CBS|ABC|Fox|MSNBC|NPR|PBS|RT|TASS|RIA|Interfax|"
    r"Xinhua|Bloomberg|Axios|Politico|Sputnik|Al\s+Jazeera|Le\s+Monde|Der\s+Spiegel|Kommersant|Izvestia)\b")
# "Russia’s RT television": the country that owns an outlet is not part of its name.
_OWNER = re.compile(r"^(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[’']s\s+")


def _outlet(name: str) -> str:
    name = re.sub(r"^the\s+", "", name.strip(" ,.;:"))
    stripped = _OWNER.sub("", name)
    return stripped if stripped and _OUTLET_WORDS.search(stripped) else name


def detect_channel(attribution: str, told_outlet: str | None = None) -> Channel | None:
    """Return the channel named in the words around a quote (never in the quote itself).

    ``told_outlet`` is the organisation the parse found told the words ("Ostrand told Talvera
    Free Voice"): an interview with it, though its name carries no outlet word.
    """
    for name, pattern in _CHANNELS:
        match = pattern.search(attribution)
        if not match:
            continue
        detail = None
        if name == "interview":
            outlet = _INTERVIEW_WITH.search(attribution)
            told = _TOLD_OUTLET.search(attribution)
            if outlet and _OUTLET_WORDS.search(outlet.group(1)):
                # "an interview with Fox News Sunday" names an outlet; "with Santorum" the interviewee.
                detail = _outlet(outlet.group(1))
            elif told and _OUTLET_WORDS.search(told.group(1)):
                detail = _outlet(told.group(1))
            elif told_outlet:
                detail = _outlet(told_outlet)
        elif name == "release" and re.search(r"\bpress\s+release\b", match.group(0), re.IGNORECASE):
            detail = "press release"
        return Channel(name, detail)
    told = _TOLD_OUTLET.search(attribution)
    if told and _OUTLET_WORDS.search(told.group(1)):
        # "told CNN" is an interview with CNN, even when the word is not written.
        return Channel("interview", _outlet(told.group(1)))
    if told_outlet:
        return Channel("interview", _outlet(told_outlet))
    return None
