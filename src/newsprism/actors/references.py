"""References that are not names: self-naming, descriptions and pronouns.

``ReferenceFinder`` joins "the militia", "the top US diplomat", "the authorities", "he" and "its"
to the actors the names already made. It works with the resolver's other parts: the parse
(``spans.ArticleParse``), the spans (``spans.SpanFinder``), the ledger of actors and their claimed
mentions (``resolution.ActorLedger``), and the country a place in the text is about (``setting``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsprism.actors.antecedents import Candidate, choose_person, evidence_genders
from newsprism.actors.describing import Description
from newsprism.actors.names import clean_name, normal_form, trim_span
from newsprism.actors.titles import title_at
from newsprism.actors.words import (
    DEFINITE,
    DOMESTIC,
    FIRST_PERSON,
    GROUP_OF_REBELS,
    INDEFINITE,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
)

# "the group", "the organisation": in news, the group last named before.
GROUP_WORDS = {"group", "organisation", "organization", "movement"}
# Sectors of the state's own bodies, which "the group" never means.
STATE_SECTORS = {"GOV", "JUD", "LEG", "MIL", "COP"}
# Classes so general that sharing one says nothing: "the chief" may be any leader. A description
# that shares only these with a person joins them only where the person holds the same title.
GENERIC_CLASSES = {"leader", "owner", "founder", "official", "deputy", "aide", "director", "lawyer"}

if TYPE_CHECKING:  # pragma: no cover
    from newsprism.actors.resolution import ActorLedger, Cluster
    from newsprism.actors.spans import ArticleParse, SpanFinder


class ReferenceFinder:
    """Resolve descriptions and pronouns to actors of one article."""

    def __init__(self, parse: ArticleParse, ledger: ActorLedger, spans: SpanFinder,
                 setting: Callable[[int], str | None]) -> None:
        self.parse = parse
        self.ledger = ledger
        self.spans = spans
        # The country the sentence at a character is about, else the article's home country.
        self.setting = setting

    # -- 4. "X calling itself the Y" --------------------------------------------------------------
    def link_self_names(self) -> None:
        for match in re.finditer(r"\b(?:calls?|calling|called|call)\s+(?:itself|themselves)\s+", self.parse.parse_text):
            named = next((c for s, e, c in self.ledger.claimed if 0 <= s - match.end() <= 4 and c.kind == "organisation"), None)
            if named is None:
                continue
            before = self.parse.parse_text[:match.start()]
            cut = re.search(r"(?:,\s*(?:which|who|that)\s*|\s+(?:which|who|that)\s+|\s*)$", before)
            position = cut.start() if cut else match.start()
            chunk = next((c for c in self.parse.chunks if abs(c.end_char - position) <= 1 and c.start_char < position), None)
            if chunk is None:
                continue
            start, end = trim_span(self.parse.parse_text, chunk.start_char, chunk.end_char)
            described = self.parse.analyse_span(start, end)
            if described.sector:
                named.vote(described, 2)
                if not self.ledger.overlaps_claim(start, end):
                    self.ledger.claim(start, end, named, "description")

    # -- 5. descriptions ----------------------------------------------------------------------
    def add_descriptions(self) -> None:
        for chunk in self.parse.chunks:
            start, end = trim_span(self.parse.parse_text, chunk.start_char, chunk.end_char)
            if start >= end:
                continue
            # The description runs on through "of ..." ("the governor of Russia's Lipetsk province").
            # The phrase is walked only under a person's title: most chunks have none.
            root_title = title_at(self.parse.tokens, self.parse.token_index(chunk.root.idx))
            if root_title is not None and root_title.title.kind == "person" and not root_title.plural:
                phrase = self.spans.phrase(chunk.root, exclude=None)
                if phrase[0] <= start and phrase[1] > end:
                    end = phrase[1]
            head_char = chunk.root.idx
            if self.ledger.owner_of(head_char, head_char + len(chunk.root.text), names_only=False) is not None:
                continue
            if any(gs <= chunk.root.idx < ge for gs, ge, _ in self.ledger.group_spans):
                continue
            if chunk.root.lower_ in GROUP_WORDS and len(chunk) == 2 and chunk[0].lower_ == "the":
                # "has refused to negotiate with the group": the group named last before it.
                group = self._last_group(start)
                if group is not None:
                    self.ledger.claim(start, end, group, "description")
                continue
            described = self.parse.analyse_span(start, end)
            if described.head is None and described.head_kind != "organisation":
                continue
            first = chunk[0].lower_
            if first in FIRST_PERSON:
                continue
            words = self.parse.parse_text[start:end]
            determiner = first if first in DEFINITE | INDEFINITE else None
            possessed = "'s" in words or "’s" in words
            definite = determiner in DEFINITE or possessed or (determiner is None and chunk[0].tag_ == "PRP$")
            indefinite = determiner in INDEFINITE
            head = described.head
            if head is None:
                continue
            if not head.curated and not described.country_decided:
                # A noun only PETRARCH2's agents know ("gunmen", "magistrates") is an actor of its
                # own only when the text says whose ("Kenyan magistrates"); else it lends its
                # sector to whoever describes the phrase, and no country is guessed for it.
                continue
            head_hit = next(t for t in reversed(described.titles) if t.title is head)
            base = self.parse.token_index(start)
            root_start, root_end = chunk.root.idx, chunk.root.idx + len(chunk.root.text)
            if not (self.parse.tokens[base + head_hit.first].start <= root_start and root_end <= self.parse.tokens[base + head_hit.last - 1].end + 1):
                continue   # "military ties": the title only modifies the head noun
            country_before_head = any(h.first < head_hit.first for h in described.country_hits) or (
                described.body is not None and described.body.first < head_hit.first)
            # "Wagner fighters", "the Wagner forces": the body's own people.
            if described.body is not None and (head.kind == "people" or described.head_plural) and (
                    not head.strong or head.sector == described.body.entry.sector):
                owner = self.ledger.owner_of(described.body.start, described.body.end)
                if owner is not None:
                    self.ledger.claim(start, end, owner, "description")
                    continue
            if head.kind == "state":
                country = self._country_for(described, start)
                if country:
                    found = self.ledger.cluster(("country", country), "country")
                    found.fixed_name = self.parse.gaz.country_name(country) or country
                    found.fixed_country, found.country_decided = country, True
                    found.strong["GOV"] += 1
                    self.ledger.claim(start, end, found, "description")
                continue
            if head.kind == "person" and not described.head_plural:
                if indefinite:
                    continue
                target = self._person_for(described, start, end) if definite or determiner is None else None
                if target is not None:
                    target.vote(described, 1)
                    self.ledger.affiliate(target, described, (start, end))
                    self.ledger.claim(start, end, target, "description")
                elif definite and (described.country_decided or described.body is not None):
                    name = clean_name(self.parse.text[start:end])
                    found = self.ledger.cluster(("person", normal_form(name)), "person")
                    found.fixed_name = name
                    found.vote(described, 2)
                    self.ledger.affiliate(found, described, (start, end))
                    self.ledger.claim(start, end, found, "description")
                continue
            if indefinite:
                continue
            # "the militia", "the rebels": the article's one named armed group or party.
            if described.sector in GROUP_OF_REBELS and not described.country_decided:
                group = self._named_group(described.sector, start)
                if group is not None and (definite or determiner is None):
                    self.ledger.claim(start, end, group, "description")
                    continue
            if head.kind == "person" and not (described.country_decided and country_before_head):
                # Plural office holders are an actor only when the text says whose: "Veldoran
                # officials", not "leaders of Russia's allies".
                continue
            if head.kind == "body" and definite and not described.country_decided:
                # "the ministry" after "the Interior Ministry": that body.
                body = self._named_body(head.phrase, start)
                if body is not None:
                    self.ledger.claim(start, end, body, "description")
                    continue
            if determiner in ("his", "her", "its", "their"):
                continue   # "her ministry": whose it is decides what it is; left to the reader
            if described.sector not in DOMESTIC and not (described.head_plural and described.sector in ("CVL", "MED")):
                continue
            if head.kind in ("people", "person", "body") and described.sector:
                name = clean_name(self.parse.text[start:end])
                if not name or not (definite or determiner is None):
                    continue
                if not described.country_decided and head.kind == "people":
                    # "rebels in Darfur", "police in eastern Veldora": where they are says whose.
                    phrase = self.spans.phrase(chunk.root, exclude=None)
                    if phrase[1] > end:
                        wider = self.parse.analyse_span(start, phrase[1])
                        if wider.country_decided:
                            described.country, described.country_decided = wider.country, True
                found = self.ledger.cluster(("group", normal_form(name), described.country if described.country_decided else None), "group")
                found.names.append(name)
                found.vote(described, 2)
                self.ledger.claim(start, end, found, "description")

    def _country_for(self, described: Description, start: int) -> str | None:
        if described.country_decided:
            return described.country
        if re.match(r"(?i)(?:his|her|its|their)\b", self.parse.parse_text[start:start + 6]):
            return None
        return self.setting(start)

    def _named_body(self, word: str, start: int) -> Cluster | None:
        """Return the organisation named last before ``start`` whose name holds ``word``."""
        best = None
        for s, e, c in self.ledger.claimed:
            if s < start and c.kind == "organisation" and (best is None or s > best[0]):
                names = [c.body or "", c.fixed_name or "", *c.names]
                if any(word in normal_form(n).split() for n in names):
                    best = (s, c)
        return best[1] if best else None

    def _last_group(self, start: int) -> Cluster | None:
        """Return the non-state organisation mentioned last before ``start``, if any."""
        best = None
        for s, _, c in self.ledger.claimed:
            if s < start and c.kind == "organisation" and (best is None or s > best[0]):
                sectors = set(c.strong) | set(c.weak)
                if not sectors or sectors - STATE_SECTORS:
                    best = (s, c)
        return best[1] if best else None

    def _named_group(self, sector: str, start: int) -> Cluster | None:
        groups = [c for c in self.ledger.clusters if c.kind == "organisation" and c.mentions and
                  (c.strong.get(sector) or c.weak.get(sector))]
        before = [c for c in groups if c.first < start]
        pool = before or groups
        if len({id(c) for c in pool}) == 1:
            return pool[0]
        if before:
            return max(before, key=lambda c: max(s for s, _, _ in c.mentions if s < start))
        return None

    def _person_for(self, described: Description, start: int, end: int) -> Cluster | None:
        """Return the person a singular definite description refers to, or None."""
        head = described.head
        if head is None or "counterpart" in head.classes:
            return None
        sentence = self.parse.sentence_of(start)
        scored = []
        for c in self.ledger.clusters:
            if c.kind != "person" or not c.mentions or not (c.classes & head.classes):
                continue
            if not self._holds_same_role(c, described):
                continue
            explicit = {k for k in c.countries if c.countries[k] > 0}
            if described.country_decided and explicit and (described.country or "") not in explicit:
                continue
            before = [s for s, e, _ in c.mentions if e <= start]
            after = [s for s, _, _ in c.mentions if s >= end]
            if before and sentence - self.parse.sentence_of(max(before)) <= 6:
                scored.append((0, start - max(before), c))
            elif after and self.parse.sentence_of(min(after)) - sentence <= 3:
                scored.append((1, min(after) - end, c))
        if not scored:
            return None
        scored.sort(key=lambda x: (x[0], x[1]))
        return scored[0][2]

    def _holds_same_role(self, person: Cluster, described: Description) -> bool:
        """Return whether the text gives evidence that ``person`` holds the role ``described``.

        A description naming a body ("the chief of the General Staff", "the Wagner chief") fits
        only a person whose own title names that body (or, naming none, whose sector is the
        body's); one sharing only a generic class ("the
        chief" and "founder" are both leaders) fits only a person whose title has the same head.
        Titles and appositions the person was named with are the evidence.
        """
        own = [d for p, d, _ in self.ledger.pending_affiliations if p is person]
        if described.body is not None:
            named = {d.body.entry.name for d in own if d.body is not None}
            if not named:
                # The person's titles name no body ("Presidential Spokesman"): the body must at
                # least be of the person's sector ("the Kremlin's spokesman").
                sector = described.body.entry.sector
                return not person.strong or sector is None or sector in person.strong
            wanted = self.ledger.owner_of(described.body.start, described.body.end)
            owners = {id(self.ledger.owner_of(d.body.start, d.body.end)) for d in own if d.body is not None}
            return described.body.entry.name in named or (wanted is not None and id(wanted) in owners)
        head = described.head
        if head is not None and not (person.classes & head.classes) - GENERIC_CLASSES:
            return any(t.title.phrase == head.phrase for d in own for t in d.titles)
        return True

    # -- 6. pronouns --------------------------------------------------------------------------
    def add_pronouns(self) -> None:
        # Genders only from evidence that leaves no doubt, before any pronoun is joined: a gender
        # learnt from each nearest guess would spread one mistake through the article.
        persons = self._person_candidates()
        by_key = {id(c): c for s, e, c in self.ledger.claimed}
        pronouns = [(self.parse.sentence_of(t.idx), t.idx, t.lower_) for t in self.parse.doc if t.lower_ in PERSON_PRONOUNS]
        known = evidence_genders(persons, pronouns, self.parse.text)
        for key, gender in known.items():
            by_key[key].gender = by_key[key].gender or gender
        known.update({id(c): c.gender for c in by_key.values() if c.gender})
        for token in self.parse.doc:
            lower = token.lower_
            if lower in PERSON_PRONOUNS and token.pos_ in ("PRON", "DET"):
                key = choose_person(persons, self.parse.sentence_of(token.idx), token.idx, PERSON_PRONOUNS[lower], known)
                if key is not None:
                    # Once joined, the person keeps that gender ("She said ... He left. She stayed.").
                    known.setdefault(key, PERSON_PRONOUNS[lower])
                    by_key[key].gender = by_key[key].gender or PERSON_PRONOUNS[lower]
                    # A pronoun carries its person on: "She stayed" after "He left" after "She said".
                    persons.append(Candidate(self.parse.sentence_of(token.idx), token.idx, key, token.dep_ in ("nsubj", "nsubjpass")))
                    self.ledger.claim(token.idx, token.idx + len(token.text), by_key[key], "pronoun")
            elif lower in THING_PRONOUNS:
                target = self.antecedent(token, lambda c: c.kind in ("organisation", "group", "country"))
                if target is not None:
                    self.ledger.claim(token.idx, token.idx + len(token.text), target, "pronoun")
            elif lower == "they" and token.dep_ in ("nsubj", "nsubjpass"):
                # "The rebels seized the dam. They say they are defending villagers": a subject
                # "they" is the group that was the subject before it.
                target = self.antecedent(token, lambda c: c.kind in ("organisation", "group"))
                if target is not None:
                    self.ledger.claim(token.idx, token.idx + len(token.text), target, "pronoun")

    def _person_candidates(self) -> list[Candidate]:
        """Return the people named so far (not by pronouns) as antecedent candidates."""
        found = []
        for s, e, c in self.ledger.claimed:
            if c.kind == "person":
                token = self.parse.doc_token(e - 1)
                subject = token is not None and token.dep_ in ("nsubj", "nsubjpass")
                found.append(Candidate(self.parse.sentence_of(s), s, id(c), subject))
        return found

    def antecedent(self, token, fits) -> Cluster | None:
        """Return the nearest fitting actor before a pronoun: in its sentence, else a subject before."""
        position = token.idx
        sentence = self.parse.sentence_of(position)
        mentions = sorted(((s, e, c) for s, e, c in self.ledger.claimed if e <= position and fits(c)), key=lambda m: m[0])
        same = [m for m in mentions if self.parse.sentence_of(m[0]) == sentence]
        if same:
            return same[-1][2]
        for back in (1, 2):
            earlier = [m for m in mentions if self.parse.sentence_of(m[0]) == sentence - back]
            if not earlier:
                continue
            subjects = [m for m in earlier if (t := self.parse.doc_token(m[1] - 1)) is not None and t.dep_ in ("nsubj", "nsubjpass")]
            return (subjects or earlier)[0 if subjects else -1][2]
        return None

