"""What an article itself says about places: capitals it names, the country it is about.

Both only ever add what the text states or implies by weight of mentions; neither guesses a
country the text does not name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from newsprism.actors.describing import COUNTRY_KINDS
from newsprism.actors.gazetteer import Entry, Gazetteer, Hit

_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
# "Drovna, the Karst capital", "the Karstian capital, Drovna", "Drovna, capital of the Karst Republic".
CAPITAL_PATTERNS = (
    re.compile(rf"\b(?P<city>{_NAME}), (?:the )?(?P<country>{_NAME})(?:['’]s)? capital\b"),
    re.compile(rf"\bthe (?P<country>{_NAME}) capital,? (?P<city>{_NAME})"),
    re.compile(rf"\b(?P<city>{_NAME}), (?:the )?capital of (?:the )?(?P<country>{_NAME}(?: [A-Z][\w'’-]+)*)"),
)


def country_of_phrase(gaz: Gazetteer, text: str) -> str | None:
    """Return the country a short phrase names ("Karst", "Karstian", "Russia's"), if any."""
    for hit in gaz.find(text):
        if hit.entry.kind in COUNTRY_KINDS and hit.entry.code:
            return hit.entry.code
    return None


def learn_capitals(text: str, gaz: Gazetteer) -> Gazetteer:
    """Return the gazetteer plus the capitals the text introduces as such.

    A capital the gazetteer does not know ("Drovna, the Karst capital") then counts as its
    country for the rest of the article, as a place and as a metonym for the government.
    """
    learned: list[tuple[str, str]] = []
    for pattern in CAPITAL_PATTERNS:
        for match in pattern.finditer(text):
            city = match.group("city")
            if gaz.find(city):
                continue
            code = country_of_phrase(gaz, match.group("country"))
            if code:
                learned.append((city, code))
    if not learned:
        return gaz
    extended = gaz.copy()
    for city, code in learned:
        extended.add(city, Entry("capital", extended.country_name(code) or city, code, "GOV", "country"))
    return extended


def country_votes(hits: Iterable[Hit]) -> Counter:
    """Return how often each country is named (by name, capital, demonym or national body)."""
    votes: Counter = Counter()
    for hit in hits:
        entry = hit.entry
        if entry.code and (entry.kind in COUNTRY_KINDS or (entry.kind == "body" and not entry.country_from_text)):
            votes[entry.code] += 1
    return votes


def majority(votes: Counter, minimum: int = 1, lead: float = 1.0) -> str | None:
    """Return the country with more than ``lead`` times the votes of any other (and at least
    ``minimum``), else None. Keys starting with "?" stand for countries the gazetteer does not
    know: they can block a majority but never win one."""
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) == 1 or ranked[0][1] > lead * ranked[1][1]:
        return None if str(ranked[0][0]).startswith("?") else ranked[0][0]
    return None


def home_country(hits: Iterable[Hit], dateline: str | None, gaz: Gazetteer,
                 unknown_peoples: Iterable[str] = (), minimum: int = 2) -> str | None:
    """Return the country an article is about: the one it names clearly most often.

    The dateline counts once (a London dateline does not make a story British); demonyms the
    gazetteer does not know ("Veldoran") count for an unknown country, so that a story about
    a place we cannot code is not pinned on the one country it mentions in passing.
    """
    votes = country_votes(hits)
    if dateline:
        code = country_of_phrase(gaz, dateline)
        if code:
            votes[code] += 1
    for people in unknown_peoples:
        votes["?" + people] += 1
    return majority(votes, minimum=minimum, lead=1.5)


def article_home(mentions: Iterable, actors: Iterable) -> str | None:
    """Return the country an analysed article is about, from the countries of the actors it
    mentions: the only one it names at all, else one named at least three times and half as
    often again as any other. Described people with no country of their own ("donors",
    "a group of elders") belong to it; a text about several countries gives them none."""
    country_of = {a.id: a.country for a in actors if a.country and len(a.country) == 3}
    votes = Counter(country_of[m.actor_id] for m in mentions if m.actor_id in country_of)
    if len(votes) == 1:
        return next(iter(votes))
    return majority(votes, minimum=3, lead=1.5)
