"""Compile PETRARCH2's Phoenix actor dictionaries into ``actors/data/phoenix_people.tsv`` and
``actors/data/phoenix_groups.tsv``.

Sources: ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt`` and
``Phoenix.MilNonState.actors.txt`` under ``../shared/lexicons/petrarch2/``, copied unchanged from
openeventdata/petrarch2 at commit 676801cd (2019-03-18), MIT licence (the notice is kept beside
the generated tables as ``actors/data/PETRARCH2-LICENSE``). Run from the repository root:

    python scripts/compile_phoenix_actors.py [folder holding the Phoenix files]

People: every entry with at least one dated role (``[RUSGOV 19940922-20040712]``) whose names
are a person's, with the roles as (country, sector, first day, last day) and the name forms that
are names (forms carrying a title or a country, "PRESIDENT_OBAMA", "RUSSIAN_FOREIGN_MINISTER_LAVROV",
are dropped: the resolver reads titles from the text itself). A surname alone is kept only where
Phoenix lists it and no other person of the files has it. One person listed in two files (Ban
Ki-moon as Korea's foreign minister and as UN Secretary-General) becomes one row.

Groups: the named armed and militant groups of the non-state file, with their country and REB.

CAMEO codes map to our sectors as in ``compile_phoenix_agents.py``; an elite (ELI) role keeps its
country and has no sector. Names stop around 2016; later office holders are in ``people.tsv``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

from compile_phoenix_agents import SECTORS  # noqa: E402

from newsprism.actors.gazetteer import base_gazetteer, normalize  # noqa: E402
from newsprism.actors.titles import agent_titles, titles  # noqa: E402
from newsprism.actors.words import ORG_WORDS  # noqa: E402

SOURCE = REPO.parent / "shared" / "lexicons" / "petrarch2"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
DATA = REPO / "src" / "newsprism" / "actors" / "data"
COMMIT = "676801cd"
ISO3 = {c.alpha_3 for c in pycountry.countries}
# Phoenix codes that are not ISO 3166 but name a country we know under another code.
COUNTRY_ALIASES = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "madame", "mme", "monsieur", "herr", "gen",
              "col", "lt", "maj", "capt", "sen", "rep", "gov", "amb", "pres", "prof", "rev", "sheikh", "shaikh",
              "sheik", "emir", "amir", "imam", "ayatollah", "mullah", "prince", "princess", "king", "queen",
              "elect", "former", "ex", "late", "acting", "interim", "deputy", "vice", "honorable", "his", "her",
              "excellency", "majesty", "highness", "comrade", "chairman", "premier", "marshal", "field"}
NOT_A_PERSON = ORG_WORDS | {"administration", "government", "regime", "family", "clan", "tribe", "camp", "faction",
                            "supporters", "loyalists", "followers", "forces", "militia", "brigades", "organization",
                            "organisation", "ministry", "embassy", "cabinet", "junta", "the", "of", "and"}
# A group's name form is kept only when a word says it is a group: the non-state file also holds
# persons ("Abu Abdullah") and bare dates or numbers ("21 June", "313") that would match anything.
GROUP_WORDS = ORG_WORDS | {"brigade", "brigades", "faction", "militia", "militias", "organization", "organisation",
                           "army", "front", "movement", "mujahideen", "mujahedeen", "jihad", "cells", "cell",
                           "commando", "commandos", "squad", "squads", "battalions", "council", "party", "league",
                           "liberation", "resistance", "tigers", "guerrillas", "fighters", "martyrs", "legion",
                           "committee", "committees", "forces", "command", "unit", "units", "nuclei", "group",
                           "groups", "jamaat", "jemaah", "harakat", "hizb", "lashkar", "jaish", "ansar", "tehrik"}
RESTRICTION = re.compile(r"^\[(?P<code>[A-Za-z-]+)\s*(?P<when>[^\]]*)\]")


@dataclass(slots=True)
class Record:
    primary: str
    forms: list[str] = field(default_factory=list)
    default: str | None = None
    roles: list[tuple[str, date | None, date | None]] = field(default_factory=list)
    source: str = ""


def parse_day(text: str, end: bool = False) -> date | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        year = int(digits[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    elif len(digits) == 7:          # a typo such as 2004017: keep the year
        year, month, day = int(digits[:4]), 12 if end else 1, 31 if end else 1
    else:
        return None
    month = min(max(month, 1), 12)
    for d in (day, 28):
        try:
            return date(year, month, max(d, 1))
        except ValueError:
            continue
    return None


def parse_when(when: str) -> tuple[date | None, date | None] | None:
    """Return (first, last) day of a restriction; None for no restriction (a default)."""
    when = when.strip()
    if not when:
        return None
    if when.startswith("<"):
        return (None, parse_day(when[1:], end=True))
    if when.startswith(">"):
        return (parse_day(when[1:]), None)
    if "-" in when:
        first, last = when.split("-", 1)
        return (parse_day(first), parse_day(last, end=True))
    day = parse_day(when)
    return (day, day)


def records(text: str, source: str) -> list[Record]:
    out: list[Record] = []
    current: Record | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw.startswith(("\t", " ")):
            match = RESTRICTION.match(line.strip())
            if current is not None and match:
                span = parse_when(match.group("when"))
                if span is None:
                    current.default = match.group("code")
                else:
                    current.roles.append((match.group("code"), *span))
            continue
        if line.startswith("+"):
            if current is not None:
                current.forms.append(line[1:].strip())
            continue
        code = re.search(r"\[([A-Za-z-]+)\]", line)
        phrase = re.sub(r"\[[^\]]*\]|\{[^}]*\}", "", line).strip()
        current = Record(phrase, [phrase], code.group(1) if code else None, source=source)
        out.append(current)
    return out


def country_and_sector(code: str) -> tuple[str | None, str | None]:
    """Return (country, sector) of a CAMEO actor code ("RUSGOV" → RUS GOV, "IGOUNO" → None IGO)."""
    code = code.upper()
    head = COUNTRY_ALIASES.get(code[:3], code[:3])
    if head in ("IGO", "NGO"):
        return None, head
    country = head if head in ISO3 else None
    rest = code[3:] if country or head in ("---", "IMG", "KKL") else code
    if head == "IMG":
        return None, "REB"
    for i in range(0, len(rest), 3):
        sector = SECTORS.get(rest[i:i + 3])
        if sector:
            return country, sector
        if rest[i:i + 3] == "ELI":
            return country, None
    return country, None


def words_of(form: str) -> list[str]:
    form = re.sub(r"\([^)]*\)", " ", form)
    return [w for w in re.split(r"[_\s]+", form.strip("_ ").lower()) if w]


def display(words: list[str]) -> str:
    small = {"al", "bin", "ibn", "de", "da", "dos", "das", "do", "du", "van", "von", "der", "den", "la", "le", "y", "el",
             "of", "the", "for", "and", "in", "on", "to"}
    out = []
    for i, w in enumerate(words):
        if i and w in small:
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    gaz = base_gazetteer(compiled=False)
    place_words = {k[0] for k, entries in gaz.entries.items() if len(k) == 1 and
                   any(e.kind in ("country", "capital", "demonym", "people", "city", "body") for e in entries)}
    title_words = {w for k in [*titles(), *agent_titles()] for w in k} | HONORIFICS
    people: list[Record] = []
    groups: list[tuple[str, list[str], str | None, str | None]] = []
    for name in FILES:
        for record in records((folder / name).read_text(encoding="utf-8", errors="replace"), name):
            if "MilNonState" in name and record.default and not record.roles:
                country, sector = country_and_sector(record.default)
                forms = [display(words_of(f)) for f in record.forms
                         if len(words_of(f)) > 1 and any(w.strip(".,") in GROUP_WORDS for w in words_of(f))
                         and all(re.match(r"^[a-z0-9][a-z0-9.'-]*$", w) for w in words_of(f))]
                if forms:
                    groups.append((forms[0], forms[1:], country, sector or "REB"))
                continue
            if not any(first or last for _, first, last in record.roles):
                continue
            forms = []
            for form in record.forms:
                words = words_of(form)
                if not words or not all(re.match(r"^[a-z][a-z.'-]*$", w) for w in words):
                    continue
                if any(normalize(p) in title_words or normalize(p) in place_words for w in words for p in (w, *w.split("-"))):
                    continue
                forms.append(words)
            if not forms or any(w in NOT_A_PERSON for w in words_of(record.primary)):
                continue
            record.forms = [" ".join(w) for w in forms]
            people.append(record)
    # One person in two files: join records sharing a full name form (hyphens as spaces).
    key = lambda form: normalize(form).replace("-", " ")  # noqa: E731
    owner: dict[str, int] = {}
    parent = list(range(len(people)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, record in enumerate(people):
        for form in record.forms:
            if " " in form:
                j = owner.setdefault(key(form), i)
                parent[root(i)] = root(j)
    merged: dict[int, list[Record]] = defaultdict(list)
    for i, record in enumerate(people):
        merged[root(i)].append(record)
    surnames = Counter(key(f) for group in merged.values()
                       for f in {key(f) for r in group for f in r.forms if " " not in f})
    rows = []
    for group in merged.values():
        forms = list(dict.fromkeys(f for r in group for f in r.forms))
        full = [f for f in forms if " " in f]
        if not full:
            continue
        alone = [f for f in forms if " " not in f and surnames[key(f)] == 1 and
                 not gaz.entries.get((normalize(f),))]
        roles = []
        for record in group:
            for code, first, last in record.roles:
                roles.append((code, first, last))
            if record.default:
                roles.append((record.default, None, None))
        cells = []
        for code, first, last in dict.fromkeys(roles):
            country, sector = country_and_sector(code)
            if country is None and sector is None:
                continue
            cells.append(f"{country or '-'} {sector or '-'} {first.isoformat() if first else '-'} "
                         f"{last.isoformat() if last else '-'}")
        if not cells:
            continue
        name = display(full[0].split())
        aliases = [display(f.split()) for f in [*full[1:], *alone]]
        rows.append("\t".join([name, ";".join(aliases), "; ".join(cells)]))
    header = [f"# Generated by scripts/compile_phoenix_actors.py from PETRARCH2's {', '.join(FILES[:2])}",
              f"# (openeventdata/petrarch2 commit {COMMIT}; MIT licence, see PETRARCH2-LICENSE beside this file).",
              "# Do not edit by hand: people.tsv is the hand-kept table and wins where both list a person.",
              "# name\taliases (;)\troles (; separated: country sector first-day last-day, '-' for none or open)"]
    (DATA / "phoenix_people.tsv").write_text("\n".join(header + sorted(rows)) + "\n", encoding="utf-8")
    header = [f"# Generated by scripts/compile_phoenix_actors.py from PETRARCH2's {FILES[2]}",
              f"# (openeventdata/petrarch2 commit {COMMIT}; MIT licence, see PETRARCH2-LICENSE beside this file).",
              "# name\taliases (;)\tcountry\tsector"]
    lines = sorted("\t".join([n, ";".join(a), c or "", s or ""]) for n, a, c, s in groups)
    (DATA / "phoenix_groups.tsv").write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"phoenix_people.tsv: {len(rows)} people; phoenix_groups.tsv: {len(lines)} groups")


if __name__ == "__main__":
    main()
