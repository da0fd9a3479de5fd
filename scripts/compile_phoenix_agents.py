"""Compile PETRARCH2's Phoenix agents dictionary into ``actors/data/phoenix_agents.tsv``.

Source: ``../shared/lexicons/petrarch2/Phoenix.agents.txt``, copied unchanged from
openeventdata/petrarch2 at commit 676801cd (2019-03-18), MIT licence (the notice is kept beside
the generated table as ``actors/data/PETRARCH2-LICENSE``). Run from the repository root:

    python scripts/compile_phoenix_agents.py [path/to/Phoenix.agents.txt]

What carries over is the fact "this noun names an actor of that sector" ("gendarme" → COP,
"insurgent" → REB), mapped from CAMEO agent codes to our sectors; the hand-kept ``titles.tsv``
always wins where both list a phrase. Each row gets a kind (people | body) from its head
word, so that the resolver treats "the gendarmerie" as a body and "gendarmes" as people.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "lexicons" / "petrarch2" / "Phoenix.agents.txt"
TARGET = REPO / "src" / "newsprism" / "actors" / "data" / "phoenix_agents.tsv"
COMMIT = "676801cd"

# CAMEO agent codes (first three letters) → our sectors. Codes with no counterpart (religion,
# ethnicity, crime, elites, environment, radicals) are left out rather than forced into one.
SECTORS = {"GOV": "GOV", "MIL": "MIL", "REB": "REB", "UAF": "REB", "COP": "COP", "JUD": "JUD", "LEG": "LEG",
           "OPP": "OPP", "PTY": "OPP", "BUS": "BUS", "MED": "MED", "NGO": "NGO", "NGM": "NGO", "HRI": "NGO",
           "IGO": "IGO", "CVL": "CVL", "REF": "CVL", "AGR": "CVL", "EDU": "CVL", "HLH": "CVL", "LAB": "CVL",
           "SPY": "GOV"}
SUBSTITUTIONS = {"!PERSON!": ["MAN", "WOMAN", "PERSON"], "!MINIST!": ["MINISTER", "MINISTRY"]}
# Head words of institutions: the phrase names one body ("state hospital", "wire service").
BODY_HEADS = {
    "ministry", "court", "council", "commission", "committee", "department", "party", "army", "agency", "union",
    "organization", "organisation", "movement", "front", "group", "assembly", "parliament", "bureau", "office",
    "service", "administration", "government", "cabinet", "senate", "congress", "chamber", "board", "authority",
    "institute", "institution", "association", "federation", "league", "brigade", "battalion", "corps",
    "regiment", "unit", "squad", "cell", "network", "station", "newspaper", "magazine", "publication", "blog",
    "press", "media", "channel", "company", "firm", "corporation", "bank", "industry", "hospital", "school",
    "university", "college", "kingdom", "junta", "regime", "navy", "embassy", "consulate", "tribunal", "prison",
    "militia", "gang", "force", "forces", "guard", "body", "legislature", "judiciary", "syndicate", "cartel",
    "mafia", "family", "dynasty", "coalition", "alliance", "establishment", "secretariat", "directorate",
    "inspectorate", "police", "gendarmerie", "constabulary", "militia", "administration", "caucus", "mission"}
# Words that name a collective of people, not one body or one person ("riot police", "troops").
PEOPLE_HEADS = {"police", "troops", "forces", "personnel", "military", "people", "staff", "crew", "clergy",
                "public", "youth", "workforce", "populace", "electorate", "laity"}
LINE = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]+)\]")


def kind_of(words: list[str]) -> str:
    """Return body for an institution, else people. The table mixes persons with things
    ("warship", "humvee") and places ("village"), so no row is trusted to name one person: a
    definite "the Afghan village" must not become a person actor."""
    head = words[-1]
    return "body" if head in BODY_HEADS and head not in PEOPLE_HEADS else "people"


def rows(text: str) -> list[tuple[str, str, str, str]]:
    """Return (phrase, sector, CAMEO code, kind) rows, the phrase lowercase with single spaces."""
    out: dict[str, tuple[str, str, str, str]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip() or re.match(r"^\s*!\w+!\s*=", line):
            continue
        match = LINE.match(line.strip())
        if match is None:
            continue
        code = match.group("code").strip().strip("~")
        sector = SECTORS.get(code[:3])
        if sector is None:
            continue
        phrase = match.group("phrase").strip()
        plural = match.group("plural")
        phrases = [phrase]
        for marker, forms in SUBSTITUTIONS.items():
            if marker in phrase:
                phrases = [p.replace(marker, f"_{form}_") for p in phrases for form in forms]
        if plural and plural.strip():
            phrases += plural.split()
        for form in phrases:
            words = [w for w in re.split(r"[_\s]+", form.lower()) if w]
            # A phrase ending in a preposition ("embassy in", "central jail of") needs what follows.
            if not words or words[-1] in {"in", "of", "for", "to", "at", "on"} or not all(re.match(r"^[a-z][a-z.'-]*$", w) for w in words):
                continue
            key = " ".join(words)
            out.setdefault(key, (key, sector, code, kind_of(words)))
    return sorted(out.values())


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    table = rows(source.read_text(encoding="utf-8", errors="replace"))
    header = [
        "# Generated by scripts/compile_phoenix_agents.py from PETRARCH2's Phoenix.agents.txt",
        f"# (openeventdata/petrarch2 commit {COMMIT}; MIT licence, see PETRARCH2-LICENSE beside this file).",
        "# Do not edit by hand: titles.tsv is the hand-kept table and wins where both list a phrase.",
        "# phrase\tsector\tCAMEO agent code\tkind (people | body)",
    ]
    TARGET.write_text("\n".join(header + ["\t".join(row) for row in table]) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(REPO)}: {len(table)} phrases")


if __name__ == "__main__":
    main()
