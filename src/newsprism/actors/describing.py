"""Country and sector of a free-text actor description, from the gazetteer and titles alone.

"Turkish President" → TUR GOV; "the Kremlin" → RUS GOV; "Israeli police" → ISR COP;
"Wagner Group owner" → RUS REB; "the governor of Russia's Lipetsk province" → RUS GOV.

The rules, in the order they apply:
- country: the first country cue (country, capital, demonym, or a body with a fixed country;
  an international body such as the UN counts as "no country"); a demonym after "ethnic" names
  an ethnicity, not a state. Failing that, a title only one country uses ("Secretary of State").
- sector: the head's own sector when the head is a strong title ("the president of the court"
  is GOV); otherwise the last strong cue ("rebel commander" → REB, "Defense Minister" → GOV),
  otherwise the last weak one. A person or group inside an international body is IGO.
- a bare country or capital stands for its government (GOV); a plural demonym for its people (CVL).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsprism.actors.gazetteer import Gazetteer, Hit, Token, base_gazetteer, tokenize
from newsprism.actors.titles import Title, TitleHit, find_titles

# Words that end the head of a noun phrase: "governor | of Russia's Lipetsk province".
HEAD_BREAKS = {"of", "for", "in", "from", "at", "to", "with", "on", "by", "near", "who", "which", "that", ",", "and"}
COUNTRY_KINDS = {"country", "capital", "demonym", "people", "city"}


@dataclass(slots=True)
class Description:
    """What a description says about the actor it names."""

    country: str | None = None
    country_decided: bool = False    # a cue decided the country (an IGO decides "none")
    sector: str | None = None
    head: Title | None = None        # the title that heads the phrase, if any
    head_plural: bool = False
    head_kind: str | None = None     # person | people | body | state | country | organisation
    body: Hit | None = None          # the body heading the phrase, or the first one named
    country_hits: list[Hit] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    titles: list[TitleHit] = field(default_factory=list)
    ethnic: list[Hit] = field(default_factory=list)


OPPOSING_PREFIXES = {"anti", "counter"}


def analyse(text: str, gaz: Gazetteer | None = None, offset: int = 0,
            tokens: list[Token] | None = None, on: date | None = None) -> Description:
    """Return the Description of ``text``: its country, sector, head title and gazetteer hits.

    ``on`` is the day the text was written: a well-known person named in it counts with the
    office held that day."""
    gaz = gaz or base_gazetteer()
    tokens = tokens if tokens is not None else tokenize(text, offset)
    # "anti-refugee speech", "anti-government protesters": the one word a prefix opposes
    # describes no one in the phrase ("anti-riot police" are still police).
    opposed = {i for i in range(1, len(tokens)) if tokens[i - 1].norm in OPPOSING_PREFIXES
               and tokens[i].start == tokens[i - 1].end + 1 and text[tokens[i].start - offset - 1] in "-–"}
    hits = [h for h in gaz.find(text, offset, tokens) if h.entry.kind != "platform"
            and not (h.first in opposed and h.last == h.first + 1)]
    covered = {i for h in hits for i in range(h.first, h.last)}
    title_hits = [t for t in find_titles(tokens, covered) if not (t.first in opposed and t.last == t.first + 1)]
    out = Description(hits=hits, titles=title_hits)
    if not hits and not title_hits:
        # Most noun chunks of an article ("the talks", "last week") hold no cue at all: every
        # rule below needs one, so the description stays empty. Returning now saves the
        # resolver a few milliseconds per article (it asks for every noun chunk).
        return out
    # Where the head noun phrase ends: the first break word after some cue.
    first_cue = min([h.first for h in hits] + [t.first for t in title_hits], default=0)
    cut = next((i for i, t in enumerate(tokens) if i > first_cue and t.norm in HEAD_BREAKS), len(tokens))

    # Country: the first cue, in reading order.
    for hit in hits:
        entry = hit.entry
        if entry.kind in ("demonym", "people") and hit.first > 0 and tokens[hit.first - 1].norm == "ethnic":
            out.ethnic.append(hit)
            continue
        if entry.kind in COUNTRY_KINDS:
            out.country_hits.append(hit)
        if out.country_decided:
            continue
        if entry.kind in COUNTRY_KINDS or (entry.kind == "body" and not entry.country_from_text):
            out.country, out.country_decided = entry.code, True
    head_title = next((t for t in reversed(title_hits) if t.first < cut), None)
    if not out.country_decided and head_title is not None and head_title.title.country:
        out.country, out.country_decided = head_title.title.country, True
    # A well-known figure heading the phrase ("President Putin", "Putin") when no cue decided.
    head_person = next((h for h in hits if h.entry.kind == "person" and h.last == cut), None)
    if not out.country_decided and head_person is not None:
        out.country, out.country_decided = head_person.entry.role_on(on)[0], True
    # "President Suharto's government", "Erdogan's spokesman": the possessor's country.
    owner = next((h for h in hits if h.entry.kind == "person" and h.last < len(tokens) and tokens[h.last].norm == "'s"), None)
    if not out.country_decided and owner is not None and owner.entry.role_on(on)[0]:
        out.country, out.country_decided = owner.entry.role_on(on)[0], True

    # Sector.
    bodies = [h for h in hits if h.entry.kind == "body"]
    cues: list[tuple[int, str | None, bool]] = [(h.first, h.entry.sector, True) for h in bodies]
    cues += [(t.first, t.title.sector, t.title.strong) for t in title_hits]
    cues.sort(key=lambda c: c[0])
    head_body = next((h for h in reversed(bodies) if h.first < cut), None)
    out.body = head_body or (bodies[0] if bodies else None)
    if head_title is not None and (head_body is None or head_title.first > head_body.first):
        out.head, out.head_plural, out.head_kind = head_title.title, head_title.plural, head_title.title.kind
    elif head_body is not None:
        out.head_kind = head_body.entry.actor_kind
    if head_title is not None and head_title.title.strong and head_title.title.sector and out.head is head_title.title:
        out.sector = head_title.title.sector
    else:
        strong = [c for c in cues if c[2] and c[1]]
        weak = [c for c in cues if c[1]]
        out.sector = strong[-1][1] if strong else weak[-1][1] if weak else None
    if out.sector is None and head_person is not None:
        out.sector, out.head_kind = head_person.entry.role_on(on)[1], "person"
    igo = [h for h in bodies if h.entry.sector == "IGO"]
    # An office in an international body is IGO, unless a nationality comes first ("Russian UN
    # ambassador" works for Russia).
    if out.sector in ("GOV", None) and igo and out.head_kind != "state" and out.country in (None, "EU", igo[0].entry.code):
        out.sector = "IGO"
    head_index = cut - 1
    heading = [h for h in out.country_hits if h.first <= head_index < h.last]
    if not title_hits and not bodies and heading:
        # A bare place or people: "Moscow" acts as Russia's government, "Palestinians" as people;
        # not "the US-led coalition", whose head is "coalition".
        last = heading[-1].entry
        out.sector = last.sector
        out.head_kind = {"people": "people", "demonym": None, "city": "place"}.get(last.kind, "country")
    if not title_hits and not bodies and out.ethnic:
        # "ethnic Albanians in south Serbia": people of that ethnicity, wherever they live.
        out.sector, out.head_kind = "CVL", "people"
    return out


def describe(text: str) -> tuple[str | None, str | None]:
    """Return (country, sector) for a free-text actor description.

    ("Turkish President" → ("TUR", "GOV"); "the Kremlin" → ("RUS", "GOV"); "Israeli police" →
    ("ISR", "COP"); "rebels" → (None, "REB").) Uses the built-in gazetteer.
    """
    from newsprism.actors.gazetteer import gazetteer_for

    found = analyse(text or "", gazetteer_for(None))
    return found.country, found.sector
