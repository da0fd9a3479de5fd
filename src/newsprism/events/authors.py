"""Who speaks through a thing: the author of an ad, a post, a statement or a resolution.

"A campaign ad by Ames attacks Pratt", "Ames posted a video that mocked Pratt", "the council
adopted a resolution that condemns Pratt": the thing carries the words, its author does the
deed (PLOVER codes actors, not media). The author is the thing's by-phrase, its possessor, or
the subject of a verb that makes or publishes it."""

from __future__ import annotations

# Things that carry someone's words or stance.
MEDIUM_NOUNS = {
    "ad", "advert", "advertisement", "commercial", "video", "post", "tweet", "message", "statement",
    "resolution", "letter", "op-ed", "editorial", "column", "memo", "mailer", "flyer", "leaflet",
    "petition", "release", "motion", "bill", "amendment", "declaration", "communique", "communiqué",
    "paper",
}
# Nouns that count media: "a series of tweets", "a flurry of posts" are made as the tweets are.
COUNTING_NOUNS = {"series", "string", "flurry", "barrage", "volley", "stream", "slew", "pair", "couple"}
# Verbs whose subject made, published or passed the thing they take as object ("voted for" and
# "signed on to" with their preposition).
AUTHORING_VERBS = {
    "post", "release", "issue", "publish", "share", "air", "run", "write", "send", "tweet", "adopt",
    "pass", "approve", "sign", "unveil", "launch", "put", "produce", "circulate", "draft", "introduce",
    "vote", "table", "broadcast", "unleash",
}
AUTHORING_PREPS = {"vote": ("for",), "sign": ("on", "onto", "to")}


def author_token(token):
    """Return (the token naming who authored a medium noun, whether it is sure to be a doer), or
    None: not a medium, or no author named. A by-phrase or an authoring verb's subject is a doer
    whatever noun it is ("the council adopted ..."); a possessor or a from-phrase is only when it
    names an actor ("a post from last week" is no one's)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in MEDIUM_NOUNS:
        return None
    for child in token.children:
        if child.dep_ == "poss":
            return child, False
        if child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"):
            return child, False   # "the NAACP resolution", "a Trump ad"
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            named = next((c for c in child.children if c.dep_ == "pobj"), None)
            if named is not None:
                return named, child.lower_ == "by"
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in AUTHORING_VERBS:
            agent = _agent(child)   # "a statement released by the union"
            if agent is not None:
                return agent, True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in COUNTING_NOUNS:
        token = token.head.head   # "unleashed a series of tweets": the series is what was unleashed
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in AUTHORING_PREPS.get(verb.head.lemma_.lower(), ()):
        verb = verb.head
    elif token.dep_ not in ("dobj", "nsubjpass"):
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in AUTHORING_VERBS:
        return None
    if token.dep_ == "nsubjpass":
        agent = _agent(verb)
        return (agent, True) if agent is not None else None
    from newsprism.events.syntax import _subject
    subject = _subject(verb)
    return (subject, True) if subject is not None else None


def _agent(verb):
    """Return the by-agent of a passive verb, if any."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
