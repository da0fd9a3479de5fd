"""Within-article actor resolution: every mention of one actor becomes one actor record.

No offline coreference package exists (see FACTS.md), so the rules are ours, applied in order:

1. Gazetteer names (countries, capitals, bodies) are actors of their own; a demonym only
   qualifies what follows it ("the Veldoran Interior Ministry").
2. Named people, organisations and places come from spaCy's entities, corrected where the
   tagger errs: a title before a name makes it a person ("envoy Helena Marsh"), a surname
   already known makes it that person ("talks with Prigozhin"), an outlet stays an outlet.
   Name forms cluster by surname ("Antony Blinken", "Blinken", "Secretary Blinken").
3. The words before a name and its appositions give country, sector and office ("Turkish
   President Recep Tayyip Erdogan" → TUR GOV; "Yevgeny Prigozhin, founder of the Wagner
   Private Military Company" → RUS REB, through the organisation).
4. "X calling itself the Y" joins the description to the named group.
5. Definite descriptions ("the top US diplomat", "the Turkish president", "the minister") join
   the person whose office and country fit, the nearest before them, else the nearest after;
   "the authorities" and "the Russian leadership" stand for their country's government;
   "the militia" joins the article's one named armed group.
6. Pronouns: "he"/"she" join the nearest person before them in the sentence, else the subject
   of the sentences before; "its" joins the nearest organisation.
7. Groups ("the leaders of Belarus, Kazakhstan and Uzbekistan", "his G7 counterparts") get
   one group mention per member government (see groups.py).
8. What the text leaves open is filled from context only for state actors: an unqualified
   governor, police force or ministry belongs to the country the sentence, else the article,
   is about.

Actor ids are global: a hash of kind and canonical name (the fullest name form), so the
store holds one record per actor across articles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.actors.context import country_votes, home_country, majority
from newsprism.actors.describing import COUNTRY_KINDS, Description
from newsprism.actors.gazetteer import Gazetteer, Hit, gazetteer_for, tokenize
from newsprism.actors.groups import find_groups
from newsprism.actors.names import clean_name, fuller, normal_form, same_person, trim_span
from newsprism.actors.references import ReferenceFinder
from newsprism.actors.spans import ArticleParse, SpanFinder
from newsprism.actors.titles import title_at
from newsprism.actors.words import (
    DIRECTIONS,
    DOMESTIC,
    LOCATIVE,
    NAME_HOWS,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
    SPEECH_LEMMAS,
    STATE_WORDS,
    TITLE_FILLERS,
)
from newsprism.records import Actor, ActorMention, AnalyzedArticle, stable_id


@dataclass(slots=True)
class Cluster:
    """One actor being assembled from its mentions."""

    kind: str                                    # person | organisation | country | group | place
    names: list[str] = field(default_factory=list)
    fixed_name: str | None = None                # a gazetteer's canonical name
    mentions: list[tuple[int, int, str]] = field(default_factory=list)   # start, end, how
    classes: set[str] = field(default_factory=set)
    countries: Counter = field(default_factory=Counter)
    strong: Counter = field(default_factory=Counter)
    weak: Counter = field(default_factory=Counter)
    fixed_country: str | None = None
    country_decided: bool = False                # the gazetteer or a title decided the country
    affiliations: list[Cluster] = field(default_factory=list)
    body: str | None = None                      # gazetteer body whose country the text gives
    gender: str | None = None
    country: str | None = None
    sector: str | None = None
    country_from_context: bool = False
    finished: bool = False

    def add(self, start: int, end: int, how: str) -> None:
        if not any(s == start and e == end for s, e, _ in self.mentions):
            self.mentions.append((start, end, how))

    def vote(self, found: Description, weight: int = 1, sector_too: bool = True) -> None:
        """Count what a description says about this actor."""
        if found.country_decided:
            self.countries[found.country or ""] += weight
        if sector_too and found.sector:
            strong = any(t.title.strong and t.title.sector == found.sector for t in found.titles) or (
                found.body is not None and found.body.entry.sector == found.sector) or found.sector == "IGO"
            (self.strong if strong else self.weak)[found.sector] += weight
        for hit in found.titles:
            if hit.title.kind == "person":
                self.classes |= hit.title.classes

    def country_or_fixed(self) -> str | None:
        """Return the country known so far: the gazetteer's, else the one the text gives most."""
        if self.country_decided:
            return self.fixed_country
        named = [(n, c) for c, n in self.countries.items() if c]
        return max(named)[1] if named else None

    @property
    def first(self) -> int:
        return min(s for s, _, _ in self.mentions) if self.mentions else 0


class ActorLedger:
    """The actors of one article being assembled, and which spans each has claimed.

    The resolver's stages share it: names and gazetteer hits create actors and claim their
    spans; titles, descriptions and pronouns join spans to actors already there."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.by_key: dict[tuple, Cluster] = {}
        self.claimed: list[tuple[int, int, Cluster]] = []
        self.named: list[tuple[int, int, Cluster]] = []     # the claims that are names or pronouns
        # Titles and descriptions whose owner decides what a person belongs to, settled once
        # every name and pronoun has its actor (``Resolver.settle_affiliations``).
        self.pending_affiliations: list[tuple[Cluster, Description, tuple[int, int]]] = []
        self.group_spans: list[tuple[int, int, list[Cluster]]] = []

    def cluster(self, key: tuple, kind: str) -> Cluster:
        found = self.by_key.get(key)
        if found is None:
            found = Cluster(kind)
            self.clusters.append(found)
            self.by_key[key] = found
        return found

    def claim(self, start: int, end: int, cluster: Cluster, how: str) -> None:
        cluster.add(start, end, how)
        self.claimed.append((start, end, cluster))
        if how in NAME_HOWS:
            self.named.append((start, end, cluster))

    def owner_of(self, start: int, end: int, names_only: bool = True) -> Cluster | None:
        """Return the actor whose tightest mention covers [start, end): by default only a name,
        gazetteer name or pronoun, so "Kuzin" in "Kuzin's defense minister" is Kuzin, not the minister."""
        pool = self.named if names_only else self.claimed
        # A plain loop: this runs for every noun chunk and token of an article, and building a
        # list of candidates to take the min of costs more than the comparisons.
        best, best_length = None, 0
        for s, e, c in pool:
            if s <= start and end <= e and (best is None or e - s < best_length):
                best, best_length = c, e - s      # the first of equally tight mentions wins
        return best

    def overlaps_claim(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, _ in self.claimed)

    def affiliate(self, person: Cluster, described: Description, span: tuple[int, int]) -> None:
        """Note a title or description whose owner decides what a person belongs to (settled later,
        once every name and pronoun has its actor)."""
        self.pending_affiliations.append((person, described, span))


class Resolver:
    """Resolve one article's actors; ``run`` fills the AnalyzedArticle.

    Four collaborators, each with one job: the parse (``spans.ArticleParse``: text, tokens,
    sentences), the ledger (``ActorLedger``: actors and the spans they claim), the span finder
    (``spans.SpanFinder``: names, titles, appositions) and the reference finder
    (``references.ReferenceFinder``: self-names, descriptions, pronouns). The resolver itself
    runs the stages in order, makes actors of gazetteer hits and names, and settles each actor's
    country, sector and canonical name."""

    def __init__(self, analyzed: AnalyzedArticle, doc, gaz: Gazetteer | None = None) -> None:
        self.analyzed = analyzed
        self.parse = ArticleParse(analyzed, doc, gaz or gazetteer_for(analyzed.article.source))
        self.ledger = ActorLedger()
        self.spans = SpanFinder(self.parse, self.ledger)
        self.references = ReferenceFinder(self.parse, self.ledger, self.spans,
                                          lambda char: self.sentence_country(char) or self.home)
        self.outlets = {normal_form(c.name) for c in analyzed.cited_sources if c.kind in ("outlet", "media")}
        if analyzed.article.outlet:
            self.outlets.add(normal_form(analyzed.article.outlet))
        self._sole_country: str | None = None     # "" once computed and there is none

    # -- 1. gazetteer names -------------------------------------------------------------------
    def gazetteer_hits(self) -> list[Hit]:
        hits = [h for h in self.parse.gaz.find(self.parse.parse_text, tokens=self.parse.tokens) if h.entry.kind != "platform"]
        kept = []
        for hit in hits:
            if self._inside_longer_name(hit):
                continue
            kept.append(hit)
        return kept

    def _inside_longer_name(self, hit: Hit) -> bool:
        """Return whether a hit is part of a longer proper name ("Veldora One", "Talvera Free Voice")."""
        for ent in self.parse.ents:
            if ent.start_char <= hit.start and hit.end <= ent.end_char and (ent.start_char, ent.end_char) != (hit.start, hit.end):
                start, end = trim_span(self.parse.parse_text, ent.start_char, ent.end_char)
                outside = [t for t in tokenize(self.parse.parse_text[start:end], start)
                           if (t.end <= hit.start or t.start >= hit.end) and t.text[:1].isupper()]
                if any(not self.parse.gaz.find(t.text) and not title_at([t], 0) for t in outside):
                    return True
        return any(normal_form(hit.text) != o and o.startswith(normal_form(hit.text) + " ") and
                   normal_form(self.parse.parse_text[hit.start:hit.start + len(o)]) == o for o in self.outlets)

    def add_gazetteer(self, hits: list[Hit]) -> None:
        for hit in hits:
            entry = hit.entry
            start, end = hit.start, hit.end
            previous = self.parse.tokens[hit.first - 1] if hit.first > 0 else None
            if entry.kind == "demonym":
                continue
            if entry.kind == "people":
                token = self.parse.doc_token(end - 1)
                if token is not None and token.dep_ in ("amod", "compound") and token.head.i > token.i:
                    continue
                if previous is not None and previous.norm == "ethnic":
                    name = f"ethnic {hit.text}"
                    found = self.ledger.cluster(("group", normal_form(name)), "group")
                    found.fixed_name, found.country_decided = name, True
                    found.strong["CVL"] += 1
                    self.ledger.claim(previous.start, end, found, "gazetteer")
                    continue
                code, name = entry.code, entry.name
                qualifier = self._qualifier_before(hit)
                if qualifier is not None:
                    # "Bosnian Serbs", "Iraqi Kurds": the first demonym says where they belong.
                    code, start = qualifier
                    name = self.parse.parse_text[start:end]
                found = self.ledger.cluster(("group", normal_form(name)), "group")
                found.fixed_name, found.fixed_country, found.country_decided = name, code, True
                found.strong["CVL"] += 1
                self.ledger.claim(start, end, found, "gazetteer")
                continue
            if entry.kind == "city":
                found = self.ledger.cluster(("place", normal_form(entry.name)), "place")
                found.fixed_name, found.fixed_country, found.country_decided = entry.name, entry.code, True
                found.names.append(hit.text)
                self.ledger.claim(start, end, found, "gazetteer")
                continue
            if entry.kind in ("country", "capital"):
                found = self.ledger.cluster(("country", entry.code), "country")
                found.fixed_name = self.parse.gaz.country_name(entry.code) or entry.name
                found.fixed_country, found.country_decided = entry.code, True
                found.strong["GOV"] += 1
                found.names.append(hit.text)
                self.ledger.claim(start, end, found, "gazetteer")
                continue
            if entry.kind != "body":
                continue
            # A national body named by its country: "Russia's Defense Ministry", "the Karstian Red Cross".
            code = None
            if entry.country_from_text or entry.sector == "NGO":
                qualifier = self._qualifier_before(hit)
                if qualifier is not None:
                    code, start = qualifier
                elif entry.country_from_text:
                    code = self._place_after(hit)
            if entry.country_from_text or (entry.sector == "NGO" and code):
                key = ("organisation", normal_form(entry.name), code)
                if code is None:
                    # "the Defense Ministry" after "Russia's Defense Ministry": the same body.
                    known = [c for k, c in self.ledger.by_key.items() if k[:2] == key[:2] and k[2]]
                    if len(known) == 1:
                        self.ledger.claim(start, end, known[0], "gazetteer")
                        continue
                found = self.ledger.cluster(key, "organisation")
                found.body = entry.name
                if code:
                    found.fixed_country, found.country_decided = code, True
            else:
                found = self.ledger.cluster(("organisation", normal_form(entry.name)), entry.actor_kind
                                     if entry.actor_kind in ("group", "organisation") else "organisation")
                found.fixed_name = entry.name
                found.fixed_country, found.country_decided = entry.code, True
            if entry.sector:
                found.strong[entry.sector] += 1
            found.names.append(hit.text)
            self.ledger.claim(start, end, found, "gazetteer")

    def _qualifier_before(self, hit: Hit) -> tuple[str, int] | None:
        """Return (country, start) of a demonym or "X's" right before a body name."""
        i = hit.first - 1
        if i >= 0 and self.parse.tokens[i].norm in ("'s",):
            i -= 1
        if i < 0:
            return None
        for length in range(1, 4):
            if i - length + 1 < 0:
                break
            found = self.parse.gaz.match_at(self.parse.tokens, i - length + 1)
            if found and found[0] == length and found[1][0].kind in COUNTRY_KINDS and found[1][0].code:
                return found[1][0].code, self.parse.tokens[i - length + 1].start
        return None

    def _place_after(self, hit: Hit) -> str | None:
        """Return the country of "<body> in <capital or country>" ("the Foreign Ministry in Drovna")."""
        i = hit.last
        if i + 1 < len(self.parse.tokens) and self.parse.tokens[i].norm == "in":
            found = self.parse.gaz.match_at(self.parse.tokens, i + 1)
            if found and found[1][0].kind in ("country", "capital") and found[1][0].code:
                return found[1][0].code
        return None

    # -- 2. named people, organisations and places ---------------------------------------------
    def add_names(self) -> None:
        persons: list[tuple[int, int, str, tuple[int, int] | None]] = []
        others: list[tuple[int, int, str, str]] = []
        places = self.spans.places_by_preposition()
        speakers = {clean_name(self.parse.parse_text[s:e]) for s, e, label in self.spans.name_spans()
                    if label in ("GPE", "LOC", "NORP") and self._speaks(s, e)}
        for start, end, label in self.spans.name_spans():
            if self.ledger.owner_of(start, end) is not None:
                continue
            first = self.parse.doc_token(start)
            if first is not None and first.i in self.unknown_demonyms and end - start == len(first.text):
                continue   # "Veldoran" in "Veldoran broadcaster": a demonym, not an actor
            tokens = tokenize(self.parse.parse_text[start:end], start)
            if not tokens or all(t.norm in TITLE_FILLERS or title_at([t], 0) for t in tokens):
                continue   # "State" of "Secretary of State", tagged on its own
            covered = [h for h in self.parse.gaz.find(self.parse.parse_text[start:end], start) if h.entry.kind != "person"]
            if covered and all(any(h.start <= t.start and t.end <= h.end for h in covered) for t in tokens):
                continue   # wholly a gazetteer name, already an actor
            if self.parse.gaz.is_platform(self.parse.parse_text[start:end]):
                continue
            # A title inside the entity: "Russian Presidential Spokesman] Dmitry".
            inner_title = None
            last_cue = 0
            for i in range(len(tokens)):
                hit = title_at(tokens, i)
                if hit is not None and hit.title.kind == "person":
                    last_cue = hit.last
            if 0 < last_cue < len(tokens) and all(t.text[:1].isupper() for t in tokens[last_cue:]):
                inner_title = (start, tokens[last_cue - 1].end)
                start = tokens[last_cue].start
            possessive = re.search(r"['’]s\s+(?=[A-Z])", self.parse.parse_text[start:end])
            if possessive:
                start += possessive.end()   # "Veldora's Selva Dam": the dam; Veldora is its own actor
            trailing = re.search(r"(?:\s+[a-z]+)+$", self.parse.parse_text[start:end])
            if trailing and title_at(tokenize(trailing.group()), 0) is not None:
                end -= len(trailing.group())   # "the Orin Valley Guard militia": the name is "Orin Valley Guard"
            name = clean_name(self.parse.parse_text[start:end])
            if not name or not any(c.isalpha() for c in name) or normal_form(name) in NOT_NAMES:
                continue   # a quotation mark, or "Source" of a credit line, is never a name
            words = normal_form(name).split()
            title_span = self.spans.title_before(start)
            titled = inner_title is not None or (title_span is not None and self.spans.ends_in_person_title(title_span))
            if not titled and label != "PERSON":
                titled = any(self.spans.ends_in_person_title(span, anywhere=True) for span in self.spans.apposition_spans(start, end))
            token = self.parse.doc_token(end - 1)
            if label == "PERSON" and len(words) == 1 and not titled and token is not None and token.dep_ in ("compound", "amod", "nmod") \
                    and token.head.i > token.i and token.head.pos_ == "NOUN" and title_at(self.parse.tokens, self.parse.token_index(token.head.idx)) is None:
                continue   # "the Selva hydroelectric dam": a name used as a modifier, not a person
            hyphenated = re.search(r"[A-Za-z]-[a-z]+-[A-Z]", name) is not None    # "Rostov-on-Don"
            if not titled and (words[-1] in PLACE_WORDS or hyphenated or (len(words) == 1 and name in places)):
                label = "GPE"
            elif label == "PERSON" and not titled and words[-1] in ORG_WORDS:
                label = "ORG"
            if label in ("GPE", "LOC") and (words[-1] in STATE_WORDS or words[0] in STATE_WORDS):
                label = "STATE"
            if normal_form(name) in self.outlets:
                label = "OUTLET"
            if label in ("GPE", "LOC", "NORP") and len(words) == 1 and name not in places and name in speakers:
                label = "PERSON"   # "Kuzin said": places do not speak, and known places are in the gazetteer
            if label == "PERSON" or titled:
                persons.append((start, end, name, title_span if title_span else inner_title))
            else:
                others.append((start, end, name, label))
        for start, end, name, title_span in persons:
            self._add_person(start, end, name, title_span)
        for start, end, name, label in others:
            if self.ledger.owner_of(start, end) is not None:
                continue
            key = normal_form(name)
            # A person named in this article, or one the gazetteer knows ("Lavrov", "Moody Awori"),
            # whatever label the tagger gave the name: an ORG that "said" is not always an outlet.
            own_outlet = self.analyzed.article.outlet and normal_form(self.analyzed.article.outlet) == key
            if self._known_person(name) or (not own_outlet and self.parse.gaz.known_person([name]) is not None):
                self._add_person(start, end, name, None)
                continue
            if label == "OUTLET" or (label in ("ORG", "PRODUCT") or key.split()[-1] in ORG_WORDS):
                # An acronym in brackets after a name is that name ("... Military Company (PMC)").
                if self.parse.text[max(0, start - 2):start].endswith("(") and name.isupper():
                    owner = next((c for s, e, c in self.ledger.claimed if 0 <= start - e <= 3), None)
                    if owner is not None:
                        self.ledger.claim(start, end, owner, "alias")
                        owner.names.append(name)
                        continue
                found = self.ledger.cluster(("organisation", key), "organisation")
                found.names.append(name)
                if label == "OUTLET":
                    found.strong["MED"] += 1
                self.ledger.claim(start, end, found, "name")
                self._describe_organisation(found, start, end)
            elif label == "STATE":
                # A country the gazetteer cannot code ("the Karst Republic"): a state all the same.
                found = self.ledger.cluster(("country", key), "country")
                found.names.append(name)
                found.strong["GOV"] += 1
                found.country_decided = True
                self.ledger.claim(start, end, found, "name")
            elif label in ("GPE", "LOC", "FAC"):
                found = self.ledger.cluster(("place", key), "place")
                found.names.append(name)
                self.ledger.claim(start, end, found, "name")
                self._describe_place(found, start, end)
        self._add_untagged_surnames()
        self._add_untagged_known_people()

    def _speaks(self, start: int, end: int) -> bool:
        """Return whether a name is the subject of a verb of saying ("Kuzin said", "Kuzin told")."""
        token = self.parse.doc_token(end - 1)
        return token is not None and token.dep_ == "nsubj" and token.head.lemma_ in SPEECH_LEMMAS

    def _known_person(self, name: str) -> bool:
        return any(c.kind == "person" and any(same_person(name, n) for n in c.names)
                   for c in self.ledger.clusters)

    def _add_person(self, start: int, end: int, name: str, title_span: tuple[int, int] | None) -> None:
        found = self._person_cluster(name, start)
        found.names.append(name)
        self.ledger.claim(start, end, found, "name")
        of_country = re.match(r"\s+of\s+(?:the\s+)?", self.parse.parse_text[end:end + 12])
        if of_country:
            # "King Hassan of Morocco", "President Ivo Kamen of the Karst Republic".
            found_at = self.parse.gaz.match_at(self.parse.tokens, self.parse.token_index(end + of_country.end()))
            if found_at and found_at[1][0].kind in ("country", "capital") and found_at[1][0].code:
                found.countries[found_at[1][0].code] += 2
        spans = ([title_span] if title_span else []) + self.spans.apposition_spans(start, end)
        for span in spans:
            if self.ledger.overlaps_claim(*span) and self.ledger.owner_of(*span) is not found:
                # The title holds another actor's name ("Wagner Group owner"): note it, keep going.
                pass
            described = self.parse.analyse_span(*span)
            found.vote(described, 2)
            self.ledger.affiliate(found, described, span)
            self.ledger.claim(span[0], span[1], found, "title")

    def _person_cluster(self, name: str, start: int) -> Cluster:
        """Return the person cluster a name form joins (the most recent compatible one), or a new one."""
        key = normal_form(name)
        exact = self.ledger.by_key.get(("person", key))
        if exact is not None:
            return exact
        candidates = [c for c in self.ledger.clusters if c.kind == "person" and c.names and
                      any(same_person(name, n) for n in c.names)]
        if len(key.split()) > 1:
            # A full name joins a cluster whose names are all compatible with it.
            candidates = [c for c in candidates if all(same_person(name, n) for n in c.names)]
        if not candidates and len(key.split()) == 1:
            # "Hillary" after "Hillary Clinton": a first name used alone, when only one person has it.
            candidates = [c for c in self.ledger.clusters if c.kind == "person" and
                          any(len(n.split()) > 1 and normal_form(n).split()[0] == key for n in c.names)]
            candidates = candidates if len(candidates) == 1 else []
        if candidates:
            chosen = max(candidates, key=lambda c: max((s for s, _, _ in c.mentions if s < start), default=-1))
            self.ledger.by_key[("person", key)] = chosen
            return chosen
        return self.ledger.cluster(("person", key), "person")

    def _add_untagged_surnames(self) -> None:
        """Add known surnames the tagger missed or mislabelled ("talks with Prigozhin")."""
        surnames: dict[str, Cluster] = {}
        for c in self.ledger.clusters:
            if c.kind == "person":
                for n in c.names:
                    words = n.split()
                    if len(words) > 1:
                        surnames.setdefault(words[-1], c)
        for token in self.parse.doc:
            if token.text in surnames and token.text[:1].isupper():
                start, end = token.idx, token.idx + len(token.text)
                owner = self.ledger.owner_of(start, end)
                if owner is surnames[token.text]:
                    continue
                if owner is not None and owner.kind == "person":
                    continue
                if owner is not None:
                    # An organisation built from a lone surname: fold it into the person.
                    if owner.kind == "organisation" and [normal_form(n) for n in owner.names] == [normal_form(token.text)] * len(owner.names):
                        for s, e, _ in owner.mentions:
                            surnames[token.text].add(s, e, "alias")
                        owner.mentions.clear()
                        self.ledger.claimed = [(s, e, surnames[token.text] if c is owner else c) for s, e, c in self.ledger.claimed]
                        self.ledger.named = [(s, e, surnames[token.text] if c is owner else c) for s, e, c in self.ledger.named]
                    continue
                self.ledger.claim(start, end, surnames[token.text], "alias")

    def _add_untagged_known_people(self) -> None:
        """Add well-known people the gazetteer finds where the tagger found no entity
        ('" Prigozhin said' after a stray quotation mark)."""
        for hit in self.hits:
            if hit.entry.kind != "person" or self.ledger.overlaps_claim(hit.start, hit.end):
                continue
            if any(e.start_char < hit.end and hit.start < e.end_char for e in self.parse.ents):
                continue   # the tagger saw a name here and the rules above decided what it is
            self._add_person(hit.start, hit.end, hit.text, self.spans.title_before(hit.start))

    def settle_affiliations(self) -> None:
        """Record whose member each person is: a body in the title ("Wagner Group owner"), a
        possessor ("Kuzin's defense minister", "Its commander"), or "the country's" leader.
        A counterpart belongs to another side, so a possessor says nothing about them."""
        for person, described, span in self.ledger.pending_affiliations:
            head = described.head
            relational = head is not None and "counterpart" in head.classes
            if described.body is not None and (head is None or head.kind == "person" or
                                               described.body.first < (described.titles[-1].first if described.titles else 0)):
                owner = self.ledger.owner_of(described.body.start, described.body.end)
                if owner is not None and owner is not person:
                    person.affiliations.append(owner)
            words = tokenize(self.parse.parse_text[span[0]:span[1]], span[0])
            for i, word in enumerate(words):
                if word.norm != "'s" or i == 0:
                    continue
                owner = self.ledger.owner_of(words[i - 1].start, words[i - 1].end)
                if owner is not None and owner is not person and owner.kind in ("person", "organisation", "group") \
                        and not relational:
                    person.affiliations.append(owner)
                elif words[i - 1].norm in ("country", "nation", "state"):
                    country = self._country_before(words[i - 1].start)
                    if country is not None:
                        person.countries[country] += 1
            if words and words[0].norm in ("his", "her", "its", "their") and not relational:
                owner = self.ledger.owner_of(words[0].start, words[0].end)
                if owner is not None and owner is not person and owner.kind in ("person", "organisation", "group"):
                    person.affiliations.append(owner)

    def _country_before(self, char: int) -> str | None:
        """Return the country named last before ``char`` in this or the previous sentence ("the country's")."""
        limit = self.parse.sentence_starts[max(0, self.parse.sentence_of(char) - 1)]
        best = None
        for s, e, c in self.ledger.claimed:
            if c.kind == "country" and limit <= s < char and (best is None or s > best[0]):
                best = (s, c)
        return best[1].fixed_country if best else None

    def _describe_organisation(self, found: Cluster, start: int, end: int) -> None:
        """Vote the name itself ("Nigerian Union of Teachers") and the words around it ("the
        opposition Civic Renewal party")."""
        for span in [(start, end), *self._enclosing_phrases(start, end)]:
            found.vote(self.parse.analyse_span(*span), 2)

    def _describe_place(self, found: Cluster, start: int, end: int) -> None:
        for span in [(start, end), *self._enclosing_phrases(start, end)]:
            described = self.parse.analyse_span(*span)
            if described.country_decided and described.country:
                found.countries[described.country] += 2

    def _enclosing_phrases(self, start: int, end: int) -> list[tuple[int, int]]:
        spans = []
        for chunk in self.parse.chunks:
            if chunk.start_char <= start and end <= chunk.end_char and (chunk.start_char, chunk.end_char) != (start, end):
                spans.append(trim_span(self.parse.parse_text, chunk.start_char, chunk.end_char))
        spans += self.spans.apposition_spans(start, end)
        return [s for s in spans if s[0] < s[1]]

    # -- 7. country and sector ----------------------------------------------------------------
    def sentence_country(self, char: int) -> str | None:
        """Return the country where a sentence's action takes place ("... in Moscow"), if one."""
        index = self.parse.sentence_of(char)
        return majority(country_votes(h for h in self.hits if self.parse.sentence_of(h.start) == index and self._locative(h)))

    def sole_country(self) -> str | None:
        """Return the one country a short text names, outside people's names and titles, if only one.

        "Ousted President Askar Akayev agreed to resign without returning to Kyrgyzstan": an
        office holder the text gives no country belongs to the only country in sight. A
        country in another person's title ("South African leader F.W. de Klerk") is that
        person's, not a setting.
        """
        if self._sole_country is None:
            codes = set()
            for hit in self.hits:
                entry = hit.entry
                if not entry.code or not (entry.kind in COUNTRY_KINDS or (entry.kind == "body" and not entry.country_from_text)):
                    continue
                owner = self.ledger.owner_of(hit.start, hit.end, names_only=False)
                if owner is not None and owner.kind == "person":
                    continue
                codes.add(entry.code)
            self._sole_country = next(iter(codes)) if len(codes) == 1 else ""
        return self._sole_country or None

    def _locative(self, hit: Hit) -> bool:
        """Return whether a gazetteer name follows "in", "at", "across"... (perhaps "in southern")."""
        i = hit.first - 1
        while i >= 0 and self.parse.tokens[i].norm in DIRECTIONS | {"the"}:
            i -= 1
        return i >= 0 and self.parse.tokens[i].norm in LOCATIVE | {"at"}

    def finish(self, cluster: Cluster, depth: int = 0) -> None:
        if cluster.finished or depth > 5:
            return
        for owner in cluster.affiliations:
            self.finish(owner, depth + 1)
        # A well-known figure named bare ("Putin said") takes the gazetteer's country and sector
        # where the text gives none.
        known = self.parse.gaz.known_person(cluster.names) if cluster.kind == "person" else None
        known_country, known_sector = known.role_on(self.parse.day) if known is not None else (None, None)
        if cluster.strong:
            cluster.sector = cluster.strong.most_common(1)[0][0]
        else:
            inherited = next((o.sector for o in cluster.affiliations if o.sector and o.kind != "person"), None)
            cluster.sector = inherited or known_sector or (
                cluster.weak.most_common(1)[0][0] if cluster.weak else None)
        if cluster.country_decided:
            cluster.country = cluster.fixed_country
        elif cluster.countries:
            code = cluster.countries.most_common(1)[0][0]
            cluster.country = code or None
        elif known is not None:
            cluster.country = known_country
        else:
            owner = next((o for o in cluster.affiliations if o.country), None)
            if owner is not None:
                cluster.country = owner.country
            elif cluster.sector in DOMESTIC or cluster.kind == "place" or cluster.body:
                if cluster.kind == "person":
                    cluster.country = self.home_for_people or self.sole_country()
                elif cluster.kind == "organisation":
                    # A ministry, an armed force, a rebel group or a party acts in its own country:
                    # failing the article's home, the only country a short text names ("Forces for
                    # Defence of Democracy ... demands that Burundi's government ...").
                    cluster.country = self.home or (self.sole_country() if cluster.sector in DOMESTIC else None)
                else:
                    # Police, troops or rebels with no country of their own act in the country the
                    # sentence or the article is about, or the only one a short text names.
                    cluster.country = self.sentence_country(cluster.first) or self.home or (
                        self.sole_country() if cluster.sector in DOMESTIC and cluster.kind == "group" else None)
                cluster.country_from_context = cluster.country is not None
        cluster.finished = True

    def canonical(self, cluster: Cluster) -> str:
        if cluster.kind == "country":
            return cluster.fixed_name or cluster.names[0]
        if cluster.body:
            demonym = self.parse.gaz.demonym(cluster.country)
            return f"{demonym} {cluster.body}" if demonym else (
                f"{cluster.body} ({self.parse.gaz.country_name(cluster.country)})" if cluster.country else cluster.body)
        if cluster.fixed_name:
            return cluster.fixed_name
        if cluster.kind == "person" and (known := self.parse.gaz.known_person(cluster.names)) is not None and known.curated:
            # "Putin" in one article, "Vladimir Putin" in another: one actor. Compiled names are
            # machine-cased ("Abdel Fattah el Sisi"): the text's own fullest form reads better.
            return known.name
        name = cluster.names[0]
        for other in cluster.names[1:]:
            name = fuller(name, other)
        if cluster.kind == "group" and cluster.country_from_context and cluster.country:
            return f"{name} ({self.parse.gaz.country_name(cluster.country) or cluster.country})"
        return name

    # -- run ----------------------------------------------------------------------------------
    def run(self) -> None:
        self.hits = self.gazetteer_hits()
        self.unknown_demonyms = self.spans.find_unknown_demonyms()
        # Capitals and cities as mere settings ("talks in Drovna") and ethnic groups say little
        # about whose story it is.
        telling = [h for h in self.hits if not (h.entry.kind in ("capital", "city") and self._locative(h))
                   and not (h.first > 0 and self.parse.tokens[h.first - 1].norm == "ethnic")]
        unknown = [re.sub(r"(?:ian|an|ese|ish|i)s?$", "", self.parse.doc[i].text) for i in self.unknown_demonyms]
        self.home = home_country(telling, self.analyzed.article.dateline, self.parse.gaz, unknown)
        # A person's nationality is guessed only from an article that is clearly about one country.
        self.home_for_people = home_country(telling, self.analyzed.article.dateline, self.parse.gaz, unknown, minimum=3)
        self.add_gazetteer(self.hits)
        self.add_names()
        self.references.link_self_names()
        for start, end, members in find_groups(self):
            self.ledger.group_spans.append((start, end, members))
        self.references.add_descriptions()
        self.references.add_pronouns()
        self.settle_affiliations()
        for cluster in self.ledger.clusters:
            self.finish(cluster)
        self.write()

    def write(self) -> None:
        analyzed = self.analyzed
        article_id = analyzed.article.id
        actors: dict[str, Actor] = {}
        mentions: dict[tuple, ActorMention] = {}
        for cluster in self.ledger.clusters:
            if not cluster.mentions:
                continue
            name = self.canonical(cluster)
            actor_id = stable_id("actor", cluster.kind, normal_form(name))
            aliases = [n for n in dict.fromkeys(cluster.names) if n != name]
            aliases += [clean_name(self.parse.text[s:e]) for s, e, how in cluster.mentions if how in ("title", "description")]
            previous = actors.get(actor_id)
            if previous is not None:
                aliases = [*previous.aliases, *aliases]
            aliases = [a for a in dict.fromkeys(aliases) if a and a != name]
            actors[actor_id] = Actor(actor_id, name, cluster.kind, cluster.country, cluster.sector, tuple(aliases))
            for start, end, how in cluster.mentions:
                if how == "group":
                    continue   # written below, in member order
                if how == "name" and cluster.kind == "person" and clean_name(self.parse.text[start:end]) != name:
                    how = "alias"
                key = (actor_id, start, end)
                if key not in mentions:
                    mentions[key] = ActorMention(article_id, actor_id, self.parse.sentence_of(start), start, end,
                                                 self.parse.text[start:end], how)
        for start, end, members in self.ledger.group_spans:
            for member in members:
                actor_id = stable_id("actor", member.kind, normal_form(self.canonical(member)))
                mentions.setdefault((actor_id, start, end), ActorMention(
                    article_id, actor_id, self.parse.sentence_of(start), start, end, self.parse.text[start:end], "group"))
        analyzed.actors[:] = list(actors.values())
        analyzed.actor_mentions[:] = sorted(mentions.values(), key=lambda m: (m.start, m.end))


def resolve_actors(analyzed: AnalyzedArticle, doc, gazetteer: Path | None = None) -> None:
    """Fill ``analyzed.actors`` and ``analyzed.actor_mentions`` for one parsed article.

    The pipeline stage: every mention (name, alias, title, pronoun, description, gazetteer
    name or group member) carries offsets into ``Article.text``.
    """
    Resolver(analyzed, doc, gazetteer_for(analyzed.article.source, gazetteer)).run()
