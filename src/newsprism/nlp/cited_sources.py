"""Cited sources: the outlets and bodies an article relays or attributes information to.

An article *relays* a news organisation when it credits it in its lead (the first sentences
after the dateline) or its closing line: "according to Dailymail", "ITAR-TASS reported",
"reports FoxSports.com", "the Ansa news agency said", "officials told The Associated Press",
"quoted by AP", "citing Reuters", or a credit line ("Denver (AP) –", "(Reuters) -", "— AFP",
"/TASS/"). The relayed outlet is then the origin of what the article tells in its own voice.
"the State Department said", "Russian state media reported" below the lead and "according to
a State Department release" attribute a statement to a body. People who speak are voices
(see events.quotes), not cited sources, unless they are named as an outlet.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Span

from newsprism.ingest.wire_agencies import agency_alternatives, canonical_outlet, wire_agency
from newsprism.records import Article, CitedSource

# The lead: this many sentences from the one holding the dateline (or the first), time stamps and
# headline lines included, as the gold's annotators counted it. (Counting only sentences of
# narrative, past stamps and headline fragments, was tried twice, in rounds 3 and 5: it finds the
# odd credit in a fourth line but credits outlets for side details far more often: dev relays P
# 0.79 -> 0.68.)
LEAD_SENTENCES = 3
# Heads of media named as a group, not as one outlet.
GROUP_MEDIA = {"media", "reports", "outlets", "press", "newspapers", "channels", "broadcasters", "sources"}
# Kinds of media a name may be followed by ("the Press Democrat newspaper", "the ISNA news agency").
MEDIUM_HEADS = {"newspaper", "paper", "agency", "channel", "network", "broadcaster", "station", "website", "magazine",
                "daily", "tabloid", "weekly"}
# A kind of medium alone names no outlet: "TV reports that ..." (but "Harbour Radio" does).
BARE_MEDIA = {"tv", "television", "radio", "newspaper", "paper", "website", "site", "blog", "blogs"}
# Companies and bodies that report on their own affairs ("France Telecom reported", "according to
# the California Highway Patrol"): parties to the story, never the outlet it is relayed from.
_PARTY_WORDS = re.compile(
    r"\b(telecom|inc|corp|corporation|company|co|ltd|llc|plc|bank|airlines?|motors|micro|systems|technologies|"
    r"patrol|sheriff|attorney|prosecutors?|court|police|nypd|lapd|fbi|cia|district|county|city|university|"
    r"hospital|union|party|committee|poll|survey|website|lt|sgt|capt|det)\b", re.I)
# Cues by which an outlet passes on its own reporting: the relay of an organisation named as
# "outlet" (an ORG the model knows nothing more of) needs one of these; "said" and "told" are
# also how companies and bodies speak, so with them only media and news agencies are relayed.
REPORTING_CUES = {"according to", "report", "publish", "broadcast", "air", "credit line", "quote", "cite"}

SPEECH_LEMMAS = {"say", "report", "announce", "confirm", "state", "tell", "write", "claim", "add", "quote",
                 "publish", "cite", "note", "post", "broadcast", "air",
                 # how outlets present what they found out: "the AP has learned", "the BBC understands"
                 "learn", "reveal", "understand"}
FINDING_LEMMAS = {"learn", "reveal", "understand"}
_GOVERNMENT_WORDS = re.compile(
    r"\b(department|ministry|kremlin|white house|government|cabinet|presidency|presidential|office|embassy|"
    r"(?:border|security|intelligence|federal|state|press|prison|customs|emergency) service|"
    r"spokes(?:man|woman|person)|authorities|police|army|military|command|council|parliament|"
    r"senate|congress|agency of|pentagon|state department|fsb|foreign ministry|defen[cs]e ministry)\b", re.I)
_MEDIA_WORDS = re.compile(
    r"\b(media|news|newspaper|paper|agency|tv|television|radio|channel|broadcaster|times|post|journal|"
    r"mail|observer|herald|tribune|guardian|telegraph|gazette|daily|press|wire|reuters|associated press|broadcasting|"
    r"afp|ap|tass|ria|interfax|xinhua|bbc|cnn|fox|al jazeera|bloomberg|axios|politico|sputnik|rt)\b", re.I)
# Heads that make a phrase a person ("the governor of Russia's Lipetsk province"): voices, not sources.
PERSON_TITLES = {"governor", "minister", "president", "spokesman", "spokeswoman", "spokesperson", "secretary",
                 "chief", "leader", "official", "officials", "ambassador", "envoy", "mayor", "commander", "general",
                 "prime", "chancellor", "senator", "lawmaker", "diplomat", "diplomats", "aide", "adviser", "advisor",
                 "head", "director", "founder", "owner", "king", "queen", "premier", "lawyer", "analyst", "expert",
                 "reporter", "correspondent", "journalist", "editor", "witness", "resident", "doctor"}
# Outlets of the table whose bare name is also a common word ("People reported seeing smoke", "Time
# said"): named alone, they are not taken as the outlet through the table.
COMMON_WORD_OUTLETS = {"time", "people", "today", "insider", "trend", "variety", "deadline", "independent", "mirror",
                       "metro", "economist", "nation", "punch", "stuff", "essence", "examiner", "inquirer", "vice",
                       "salon", "slate", "billboard", "sun", "star", "express", "kan", "fox", "vox", "sabah", "mehr",
                       "petra", "kayhan", "dawn", "news", "fars"}
_GENERIC_HEADS = {"statement", "release", "report", "reports", "source", "sources", "official", "officials"}


# Outlet names written as one word ("Dailymail", "Newsweek", "Telegraphindia").
_MEDIA_IN_WORD = re.compile(r"(daily|mail|news|times|post|tv|press|observer|herald|gazette|journal|tribune|telegraph|guardian|radio|wire)", re.I)


def known_outlet(name: str):
    """Return the packaged profile of an outlet name, variant or domain ("WSJ", "washingtonpost.com"), or None."""
    return _outlet_table().profile(name)


@cache
def _outlet_table():
    from newsprism.outlets.profiles import load_outlet_table

    return load_outlet_table()


def is_own_outlet(name: str, own: str | None) -> bool:
    """Return whether a cited name is the article's own outlet, or a section of it ("HuffPost Pollster"
    in a HuffPost article, "Fox" in one whose outlet is "fox")."""
    if not own:
        return False
    if canonical_outlet(name) == canonical_outlet(own) or canonical_outlet(name) in canonical_outlet(own).split():
        return True
    profile = known_outlet(own)
    if profile is None:
        return False
    mine = {canonical_outlet(n) for n in (profile.name, *profile.variants)}
    cited = canonical_outlet(name)
    return cited in mine or any(cited.startswith(m + " ") for m in mine if m)


def classify_source(name: str, label: str | None) -> str:
    """Return the kind of a cited source: media, government, organisation or outlet."""
    if _GOVERNMENT_WORDS.search(name):
        return "government"
    if label == "MEDIUM" or _MEDIA_WORDS.search(name) or (" " not in name.strip() and _MEDIA_IN_WORD.search(name)) \
            or re.search(r"\w\.(?:com|co\.uk|net)$", name.strip(), re.I):
        return "media"                    # a news site named by its domain: "MyFoxHouston.com reports"
    # An outlet of the packaged table, written as a name ("ESPN", "The Playlist"), whatever the
    # tagger made of it (no entity, or a demonym).
    if name[:1].isupper() and known_outlet(name) is not None and label != "PERSON" \
            and name.strip().lower() not in COMMON_WORD_OUTLETS:
        return "media"
    if label == "PERSON":
        return "person"
    if label in ("ORG", "NORP", "GPE", None):
        return "outlet" if label in ("ORG", None) and len(name.split()) <= 3 else "organisation"
    return "organisation"


def _noun_phrase(token):
    """Return (start, end) token indices of the phrase headed by ``token``, without clauses."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i)
    while left < token.i and token.doc[left].dep_ in ("det", "punct", "cc") and token.doc[left].lower_ in ("the", "a", "an", ",", "and"):
        left += 1
    return left, right + 1


def span_ents(span) -> list:
    """Return the named entities wholly inside ``span``, as ``Span.ents`` does, read from its tokens.

    ``Span.ents`` walks every entity of the document, so asking it once per sentence made
    this stage quadratic in the length of an article.
    """
    doc, out = span.doc, []
    i = span.start
    while i < span.end:
        token = doc[i]
        if token.ent_iob_ != "B":
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob_ == "I":
            j += 1
        if j <= span.end:
            out.append(Span(doc, i, j, label=token.ent_type_))
        i = j
    return out


def _body_name(doc, start: int, end: int) -> tuple[str, str | None]:
    """Return the name of the body inside a phrase: an entity if one is there, else the phrase."""
    span = doc[start:end]
    # "the Press Democrat newspaper": the proper nouns before a medium's kind name the outlet.
    # ("Japan's Kyodo news agency" is Kyodo: a country or a demonym before the name is not it.)
    if span.root.lower_ in MEDIUM_HEADS:
        before = [t for t in span if t.i < span.root.i and t.pos_ == "PROPN" and t.dep_ == "compound"]
        while before and before[0].ent_type_ in ("NORP", "GPE") and before[0].ent_iob_ == "B" \
                and (len(before) == 1 or before[1].ent_iob_ != "I"):
            before = before[1:]        # a leading demonym or country ("Russian", "Japan"), not "Press Democrat"
        ents = span_ents(span)
        holds_head = any(e.start <= span.root.i < e.end for e in ents)     # "the Anadolu Agency": the entity
        others = [e for e in ents if e.label_ not in ("NORP", "GPE") and not (e.start <= before[0].i < e.end)] if before else []
        if len(before) >= 2 or (before and not holds_head and not others):
            return doc[before[0].i:before[-1].i + 1].text, "MEDIUM"
    # The entity holding the phrase's head names the body: "the Veldoran broadcaster Veldora One"
    # is Veldora One, not Veldoran.
    ents = sorted(span_ents(span), key=lambda e: (not (e.start <= span.root.i < e.end), e.label_ == "NORP"))
    # "the broadcaster Veldora One": the apposed proper name is the body's name.
    for child in span.root.children:
        if span.root.pos_ == "NOUN" and child.dep_ == "appos" and start <= child.i < end and any(t.pos_ == "PROPN" for t in child.subtree):
            words = [t for t in child.subtree if t.pos_ == "PROPN" or t.like_num]
            if words:
                return doc[words[0].i:words[-1].i + 1].text, None
    for ent in ents:
        if ent.label_ == "NORP" and not (ent.start <= span.root.i < ent.end):
            continue  # a demonym modifying the head ("Veldoran broadcaster") is not the name
        if ent.label_ in ("ORG", "GPE", "NORP", "PERSON", "FAC") and ent.text.lower() not in ("the",):
            # "a State Department release" names the State Department; "Russian state media" names media.
            if ent.label_ == "NORP" and span.root.lower_ in ("media", "television", "tv", "agency", "press"):
                break
            if ent.label_ == "PERSON" and span.root.i not in range(ent.start, ent.end):
                continue
            return ent.text, ent.label_
    words = [t for t in span if not (t.is_punct or t.lower_ in ("the", "a", "an"))]
    # Drop trailing generic heads: "a State Department release" -> "State Department".
    while len(words) > 1 and words[-1].lower_ in _GENERIC_HEADS:
        words = words[:-1]
    if not words:
        return span.text, None
    return doc[words[0].i:words[-1].i + 1].text, None


# A site named by its domain: "washingtonpost.com", "harbournews.co.uk".
_DOMAIN_NAME = re.compile(r"\w\.(?:com|org|net|co\.uk|com\.au)$", re.I)
# Words for a piece of reporting: "according to a report from WCCO-TV" credits WCCO-TV.
REPORT_NOUNS = {"report", "reports", "story", "article", "interview", "broadcast", "dispatch", "piece", "reporting",
                "coverage", "sources"}
# Parts of an outlet that speak for it: "Harbour Radio's website said" credits Harbour Radio.
OUTLET_PARTS = {"website", "site", "edition", "service", "bulletin", "newscast", "feed", "channel"}


def _inverted(verb) -> bool:
    """Return whether a reporting verb comes after what is reported, before its subject: "the
    talks failed, reported the Talvera Herald" (the parser takes the name for an object)."""
    doc = verb.doc
    return (verb.i > 0 and doc[verb.i - 1].text == "," and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and verb.lemma_ in ("say", "report", "write", "add", "state", "note"))


def _credited_outlet(head):
    """Return the token naming who is credited: the outlet behind a report or a reporter ("a report
    from WCCO-TV", "Michael Silverman of the Boston Herald", "The Washington Post's Howard Kurtz"),
    else ``head`` itself."""
    candidates = []
    if head.lower_ in REPORT_NOUNS or head.lower_ in OUTLET_PARTS:
        candidates = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "in", "by", "on", "of")
                      for g in c.children if g.dep_ == "pobj"]
        candidates += [c for c in head.children if c.dep_ == "poss"]      # "Harbour Radio's website"
    elif head.ent_type_ == "PERSON" or head.pos_ == "PROPN":
        candidates = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")
                      for g in c.children if g.dep_ == "pobj"]
        candidates += [c for c in head.children if c.dep_ == "poss"]
    for candidate in candidates:
        start, end = _noun_phrase(candidate)
        text = head.doc[start:end].text
        if _MEDIA_WORDS.search(text) or known_outlet(re.sub(r"['’]s$", "", text)) or wire_agency(text):
            return candidate
    return head


_OPENS_WITH_QUOTE = re.compile(r"\s*(?:[“\"]|``)")


def _first_closing_quote(sent) -> int:
    """Return the index of the token closing the quote a sentence opens with (or past its end)."""
    for token in sent[1:]:
        if token.text in ("”", "\"", "''"):
            return token.i
    return sent.end


def find_cited_sources(article: Article, doc, lead_sentence_index: int) -> list[CitedSource]:
    """Return the outlets and bodies the article cites, each with its sentence and offsets."""
    found: list[CitedSource] = []
    seen: set[tuple[int, int]] = set()
    sentence_index = {sent.start: i for i, sent in enumerate(doc.sents)}

    def index_of(token) -> int:
        return sentence_index[token.sent.start]

    last_sentence = len(sentence_index) - 1
    last_of_lead = lead_sentence_index + LEAD_SENTENCES - 1
    own_outlet = canonical_outlet(article.outlet) if article.outlet else None
    # People the article names: "Fox said" after "Vicente Fox" is the man, not the network.
    people = {w.lower() for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for w in [e[-1].text]}

    def relation_of(name: str, kind: str, cue: str, sent_i: int, phrase: str, token) -> str:
        # The closing line relays only by a credit line ("— AFP"), found below; a statement
        # credited in the last sentence is a side detail.
        if sent_i > last_of_lead:
            return "attributes"
        # "told Fox News in an interview" in a Fox News article, "according to HuffPost Pollster"
        # in a HuffPost article: the outlet's own reporting.
        if own_outlet and is_own_outlet(name, article.outlet):
            return "attributes"
        # "CNN didn't report it", "ABC will broadcast the show": no report passed on. ("..., wrote
        # the Talvera Herald": the name the parser took for an object is the inverted subject.)
        if token is not None and (any(c.dep_ == "neg" for c in token.children)
                                  or (any(c.dep_ == "dobj" for c in token.children) and not _inverted(token)
                                      and not any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
                                      and token.lemma_ not in ("cite", "quote"))):
            return "attributes"
        # "“He is not welcome,” Fox said": outlets do not speak in quotes; "Mr. Fox", "Vicente Fox" are people.
        if cue in ("say", "tell") and re.search(r"[“”\"]|``|''", token.sent.text if token is not None else ""):
            return "attributes"
        # "“There will be a new director,” the magazine is reporting": the outlet's own words,
        # quoted as a voice (often an old headline or a rival's scoop), not news passed on.
        # ("“...,” Cruz said, according to The Hill" is The Hill passing on Cruz's words: a relay.)
        if token is not None and cue != "according to" and _OPENS_WITH_QUOTE.match(token.sent.text) \
                and token.i > _first_closing_quote(token.sent):
            return "attributes"
        # A person the article names by that name speaks ("Vicente Fox ... Fox said"); an outlet
        # of the same name would report.
        if name.split()[-1].lower() in people and (known_outlet(name) is None or cue in ("say", "tell")):
            return "attributes"
        if _PARTY_WORDS.search(phrase) and not _MEDIA_WORDS.search(name) and wire_agency(name) is None \
                and known_outlet(name) is None:
            return "attributes"
        if wire_agency(name) is not None:
            return "relays"
        # "Russian state media", "local reports": media as a group name no outlet to count as the origin.
        if name.split()[-1].lower() in GROUP_MEDIA or name.strip().lower() in BARE_MEDIA:
            return "attributes"
        news = kind == "media" or (kind == "outlet" and cue in REPORTING_CUES)
        return "relays" if news else "attributes"

    def add(start: int, end: int, cue: str, token) -> None:
        phrase = doc[start:end]
        # "said Ilka Varn, director of the hospital": a person with a title is a voice, not a source.
        titled = any(t.lower_ in PERSON_TITLES and t.dep_ == "appos" for t in phrase) or phrase.root.lower_ in PERSON_TITLES
        if titled and known_outlet(phrase.text.strip(" '\"`")) is None:     # "The Hollywood Reporter" is an outlet
            return
        # "her ministry", "the ministry": a body named only by reference to an earlier mention.
        # (A news site by its lower-case domain, "according to washingtonpost.com", is a name.)
        if phrase[0].lower_ in ("her", "his", "their", "its", "our", "my") or (
                len(phrase) <= 2 and phrase.text.islower() and phrase.root.lower_ not in ("media",)
                and not _DOMAIN_NAME.search(phrase.text)):
            return
        # "state news agency Anadolu reported": a kind of medium with no name in it ("the state news
        # agency", "the newspaper") is a description; the name beside it is the source.
        if phrase.root.lower_ in MEDIUM_HEADS and phrase.text.islower() and not _DOMAIN_NAME.search(phrase.text):
            return
        name, label = _body_name(doc, start, end)
        kind = classify_source(name, label)
        if kind == "person" or not name.strip() or (start, end) in seen:
            return
        if name.lower() in ("he", "she", "they", "it", "we", "i", "who", "officials", "sources", "the official"):
            return
        seen.add((start, end))
        sent_i = index_of(token)
        verb = token if token.pos_ in ("VERB", "AUX") else None
        relation = relation_of(name, kind, cue, sent_i, phrase.text, verb)
        span = doc[start:end]
        found.append(CitedSource(
            article_id=article.id, sentence_index=sent_i, start=span.start_char, end=span.end_char,
            name=name, kind=kind, relation=relation, cue=cue,
        ))

    for token in doc:
        # "according to X"
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                head = _credited_outlet(objects[0])
                start, end = _noun_phrase(head)
                add(start, end, "according to", token)
            continue
        # "X said/reported/announced", with X an organisation or media, not a person
        # ("CNN learned of his candidacy" is not a report: finding out passes news on only with
        # what was found out, "the AP has learned that ...".)
        if token.pos_ == "VERB" and token.lemma_ in SPEECH_LEMMAS and not (
                token.lemma_ in FINDING_LEMMAS and not any(c.dep_ == "ccomp" for c in token.children)):
            for child in token.children:
                if (child.dep_ == "nsubj" or (child.dep_ == "dobj" and _inverted(token))) and child.pos_ in ("PROPN", "NOUN"):
                    # "a report by the Talvera Herald said", "Harbour Radio's website said": the outlet
                    if child.lower_ in REPORT_NOUNS or child.lower_ in OUTLET_PARTS:
                        child = _credited_outlet(child)
                    start, end = _noun_phrase(child)
                    phrase = doc[start:end]
                    if any(e.label_ == "PERSON" for e in span_ents(phrase)) and not _MEDIA_WORDS.search(phrase.text):
                        continue
                    if child.lower_ in PERSON_TITLES:
                        continue
                    name, label = _body_name(doc, start, end)
                    # A bare proper noun saying something is usually a person the tagger missed.
                    if classify_source(name, label) not in ("government", "media") and label != "ORG" \
                            and wire_agency(name) is None:
                        continue
                    # Who cites or quotes passes on someone else's word: only a news organisation
                    # doing so is credited ("MENA quoted an official"; not "every House bill must cite").
                    if token.lemma_ in ("cite", "quote") and classify_source(name, label) != "media" \
                            and wire_agency(name) is None and known_outlet(name) is None:
                        continue
                    add(start, end, token.lemma_, token)
            # "officials told The Associated Press", "quoted by AP", "citing Reuters": a news
            # organisation that is the object of the verb passes the statement on.
            for child in token.children:
                # ("told CNN" is mostly an interview quote, not a relay: left out, as measured on the dev gold)
                if token.lemma_ == "cite" and child.dep_ in ("dobj", "dative"):
                    heads = [child]
                elif child.dep_ == "agent" and token.lemma_ in ("quote", "report", "cite"):
                    heads = [c for c in child.children if c.dep_ == "pobj"]
                else:
                    continue
                for head in heads:
                    start, end = _noun_phrase(head)
                    name, label = _body_name(doc, start, end)
                    if classify_source(name, label) == "media" or wire_agency(name) is not None:
                        add(start, end, "quote" if token.lemma_ == "quote" else token.lemma_, token)
    found.extend(_split_domains(article, doc, last_of_lead, found))
    found.extend(_credit_lines(article, doc, last_of_lead, last_sentence, seen))
    return one_relay(found)


def one_relay(found: list[CitedSource]) -> list[CitedSource]:
    """Keep one relayed outlet per article: the origin of what it tells in its own voice.

    A credit line ("(AP) -", "— AFP") says whose copy the article is, so it wins; else the first
    outlet credited in the lead. Outlets credited after it ("the Post claims", "CNN has confirmed",
    "according to the Times, even Woodward was shocked") confirm or add details to news the
    article already has from the first: they are attributed, as other sources are. A later
    credit of the same outlet by another name ("washingtonpost.com", "the Post") stays a relay.
    """
    relays = [c for c in found if c.relation == "relays"]
    if len(relays) <= 1:
        return found
    first = min(relays, key=lambda c: (c.cue != "credit line", c.start))
    kept = canonical_outlet(first.name)
    same = {c for c in relays if canonical_outlet(c.name) == kept or _names_alike(c.name, first.name)}
    return [c if c.relation != "relays" or c in same else replace(c, relation="attributes") for c in found]


def _names_alike(a: str, b: str) -> bool:
    """Return whether one name's words are within the other's ("Post" and "Washington Post")."""
    wa, wb = (set(re.findall(r"[a-z0-9]+", canonical_outlet(n))) - {"the", "com", "news"} for n in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


# A news site named by its domain written with a space after the dot, as tokenised corpora have it
# ("MyFoxHouston. com reports."): the sentence splitter often cuts it at the dot, and the parse
# then has "com" for the subject of "reports".
_SPLIT_DOMAIN = re.compile(r"(?<![\w.])([A-Z][\w-]{2,})\.\s+(com|net|org|co\.uk)\s+(reports|reported|is reporting|says|said)\b")


def _split_domains(article: Article, doc, last_of_lead: int, found: list[CitedSource]) -> list[CitedSource]:
    """Return the sites credited in the lead by a domain name written in two pieces."""
    sentences = list(doc.sents)
    end = sentences[min(last_of_lead, len(sentences) - 1)].end_char if sentences else 0
    out = []
    for match in _SPLIT_DOMAIN.finditer(doc.text, 0, end):
        if any(c.start < match.end(2) and match.start(1) < c.end for c in found):
            continue          # the parse read the name whole
        name = f"{match.group(1)}.{match.group(2)}"
        if article.outlet and is_own_outlet(name, article.outlet):
            continue
        sent_i = next(i for i, sent in enumerate(sentences) if sent.start_char <= match.start(1) < sent.end_char)
        out.append(CitedSource(article_id=article.id, sentence_index=sent_i, start=match.start(1), end=match.end(2),
                               name=name, kind="media", relation="relays", cue=match.group(3).split()[-1]))
    return out


# A credit line: the agency in brackets or slashes, or after a dash, at the start of the lead
# ("Denver (AP) –", "(Reuters) -", "/TASS/", "Reuters Sep 18, 2013") or ending the last line ("— AFP").
_BRACKETED = r"[(/]\s*({agency})\s*[)/]"
_OPENING = r"^\W*({agency})\b\s*(?:[-–—:|]|\w{{3}}\.?\s+\d{{1,2}},)"
_CLOSING = r"[-–—]\s*({agency})\W*$"


@cache
def _credit_line_patterns() -> tuple[re.Pattern[str], ...]:
    """Return the bracketed, opening and closing credit-line patterns (built once: the agency
    alternation is long)."""
    agency = "(?:" + agency_alternatives() + ")"
    return tuple(re.compile(p.format(agency=agency)) for p in (_BRACKETED, _OPENING, _CLOSING))


def _credit_lines(article: Article, doc, last_of_lead: int, last_sentence: int,
                  seen: set[tuple[int, int]]) -> list[CitedSource]:
    """Return the agencies credited by a credit line in the lead or the closing line."""
    patterns = _credit_line_patterns()
    out = []
    # The dateline is blanked before parsing ("MOSCOW, June 24 (Reuters) -"), so the agency it
    # credits is read from the article's text. Without an outlet of its own the article took
    # the agency for its outlet (ingest.metadata); with one (a site carrying the wire story) the
    # agency is relayed.
    if article.dateline_span:
        d_start, d_end = article.dateline_span
        match = patterns[0].search(article.text, d_start, d_end)
        if match and not (article.outlet and is_own_outlet(match.group(1), article.outlet)):
            index = next((i for i, sent in enumerate(doc.sents) if sent.end_char > match.start(1)), 0)
            out.append(CitedSource(article_id=article.id, sentence_index=index, start=match.start(1),
                                   end=match.end(1), name=match.group(1), kind="media", relation="relays",
                                   cue="credit line"))
    for i, sent in enumerate(doc.sents):
        in_lead = i <= last_of_lead
        if not (in_lead or i == last_sentence):
            continue
        for pattern in patterns if in_lead else patterns[::2]:
            match = pattern.search(sent.text)
            if not match:
                continue
            start = sent.start_char + match.start(1)
            end = sent.start_char + match.end(1)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or (span.start, span.end) in seen:
                continue
            seen.add((span.start, span.end))
            # "Denver (CNA) -" on the Catholic News Agency's own site: the publisher's dateline
            # credit, not a relay (an outlet never relays itself).
            if article.outlet and is_own_outlet(match.group(1), article.outlet):
                break
            out.append(CitedSource(article_id=article.id, sentence_index=i, start=start, end=end,
                                   name=match.group(1), kind="media", relation="relays", cue="credit line"))
            break
    return out
