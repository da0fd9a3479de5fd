"""Compile PETRARCH2's CAMEO resources into the event coder's data tables.

Writes two files into src/newsprism/events/data/ (both committed; rerun this script to rebuild):

* ``cameo_plover.tsv``: CAMEO code -> PLOVER type, mode and context, from
  ../shared/gold/plover/CAMEO2PLOVER-2021.txt (Philip Schrodt, PLOVER manual draft 0.8,
  17 September 2021; Open Event Data Alliance, CC BY-SA 4.0: the table is redistributed under
  that licence, with this attribution, in the file's header).
* ``cameo_verbs.tsv``: verb patterns from ../shared/lexicons/petrarch2/CAMEO.2.0.txt
  (openeventdata/petrarch2 at commit 676801cd, 2019-03-18; MIT licence, Open Event Data
  Alliance): each verb of a synonym block with its CAMEO code alone, and with the head word of
  the object or the preposition phrase a pattern names (synonym sets expanded), keeping only
  codes that map to a PLOVER type.

Usage: python benchmarks/compile_cameo.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "newsprism" / "events" / "data"
MAPPING_SOURCE = "gold/plover/CAMEO2PLOVER-2021.txt"
VERBS_SOURCE = "lexicons/petrarch2/CAMEO.2.0.txt"
PETRARCH2_COMMIT = "676801cd"

_MAPPING_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?\s*(.*)$")


def read_mapping(path: Path) -> dict[str, tuple[str, str, str, str]]:
    """Return CAMEO code -> (PLOVER type, mode, context, description) from CAMEO2PLOVER."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _MAPPING_LINE.match(line.strip())
        if match:
            code, plover, mode, context, note = (g.strip() for g in match.groups())
            table.setdefault(code, (plover, mode, context, note))
    return table


def write_mapping(table: dict[str, tuple[str, str, str, str]], out: Path) -> None:
    header = (
        "# CAMEO code -> PLOVER type, mode and context (tab-separated).\n"
        "# Source: CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8 (17 September 2021), edited by\n"
        "# Philip Schrodt, Open Event Data Alliance; licensed CC BY-SA 4.0\n"
        "# (https://creativecommons.org/licenses/by-sa/4.0/). This file is an adaptation (reformatted)\n"
        "# and is distributed under the same licence. Rebuilt by benchmarks/compile_cameo.py.\n"
        "cameo\tplover\tmode\tcontext\tdescription\n")
    rows = [f"{code}\t{p}\t{m}\t{c}\t{d}" for code, (p, m, c, d) in sorted(table.items())]
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")


# ---- the verb dictionary ----------------------------------------------------------------------

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")


def _code(text: str) -> str:
    """Return the primary code of a '[code]' or '[code:code]' field ('' for none or '---')."""
    match = _CODE.search(text)
    code = match.group(1).split(":")[0].strip() if match else ""
    return "" if code.startswith("-") else code


def _singular(word: str) -> str:
    """Return a TABARI noun in the singular, as a lemmatizer gives it ("sanctions" -> "sanction")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """Return &NAME -> its member phrases (lowercase, words joined by spaces)."""
    synsets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text
            synsets[current] = []
        elif text.startswith("+") and current:
            synsets[current].append(text[1:].replace("_", " ").lower().strip())
        elif not text:
            current = None
    return synsets


def _groups(text: str) -> list[str]:
    """Return a pattern's post-verb part as groups: words, {phrases}, &synsets, (prep phrases)."""
    groups, depth, current = [], 0, ""
    for char in text:
        if char in "({" and depth == 0:
            if current.strip():
                groups.extend(current.split())
            current, depth = char, 1
            continue
        if char in "({":
            depth += 1
        if char in ")}":
            depth -= 1
            if depth == 0:
                groups.append(current + char)
                current = ""
                continue
        current += char
    groups.extend(current.split())
    return groups


def _phrases(group: str, synsets: dict[str, list[str]]) -> list[str]:
    """Return the noun phrases a group stands for, lowercase with the head in the singular: a
    word, a {phrase} (its synsets expanded), or every member of a &synset."""
    options = [""]
    for word in group.strip("{}()").split():
        if word.startswith("&"):
            members = synsets.get(word, [])
        elif re.fullmatch(r"[A-Za-z][A-Za-z'/-]*", word):
            members = word.lower().split("/")
        else:
            return []
        options = [f"{o} {m}".strip() for o in options for m in members][:400]
    return sorted({" ".join([*p.split()[:-1], _singular(p.split()[-1])]) for p in options if p})


def _pattern_keys(post: str, synsets: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """Return (object phrase, preposition, prepositional object phrase) keys a pattern's
    post-verb part names; markers for actors ($, +, %, ^) are left out."""
    groups = [g for g in _groups(post) if g not in ("$", "+", "%", "^", "_")]
    if not groups:
        return []
    objects = [""] if groups[0].startswith("(") else _phrases(groups[0], synsets)
    prep_group = next((g for g in groups if g.startswith("(")), None)
    prep, prep_objects = "", [""]
    if prep_group is not None:
        inner = prep_group.strip("()").split(None, 1)
        prep = inner[0].lower() if inner else ""
        if not re.fullmatch(r"[a-z]+", prep):
            return []
        prep_objects = _phrases(inner[1], synsets) if len(inner) > 1 else [""]
    return [(o, prep, q) for o in objects for q in prep_objects]


def _verb_forms(line: str) -> tuple[str, str] | None:
    """Return (verb lemma, particle or word) of a verb line ("+CALL_OFF" -> ("call", "off"))."""
    word = line.split("#", 1)[0].split("{", 1)[0].split("[", 1)[0].strip()
    if not word or not re.fullmatch(r"\+?[A-Z][A-Z_+'-]*", word):
        return None
    parts = word.split("_")
    verb = next((p for p in parts if p.startswith("+")), parts[0]).lstrip("+")
    rest = [p.lstrip("+") for p in parts if p.lstrip("+") != verb]
    return verb.lower(), " ".join(rest).lower()


def read_verb_patterns(path: Path, mapping: dict) -> list[tuple[str, str, str, str, str, int]]:
    """Return rows (verb, particle, object head, preposition, prep object head, CAMEO code, line)
    for the verbs and patterns whose code maps to a PLOVER type."""
    lines = path.read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synsets = read_synsets(lines[:start])
    rows = []
    verbs: list[tuple[str, str]] = []
    block_code = ""
    for number, line in enumerate(lines[start + 1:], start=start + 2):
        text = line.strip()
        block = _BLOCK.match(text)
        if block:
            verbs, block_code = [], _code("[" + block.group(2) + "]")
            continue
        if not text or text.startswith(("#", "~")):
            continue
        if text.startswith("-"):
            body, _, _ = text.partition("#")
            pre, star, post = body[1:].partition("*")
            code = _code(post)
            if not star or pre.strip() or not code or code not in mapping:
                continue   # patterns with words before the verb need a parse of their own
            # The comment names the verb the pattern was written for ("# HALT"); it holds for that
            # verb, not for every synonym of the block ("halted the attacks" is a ceasefire,
            # "abolished the attacks" says nothing).
            named = {w.lower().replace("_", " ") for w in re.findall(r"[A-Z][A-Z_]+", line.partition("#")[2])}
            owners = [(v, p) for v, p in verbs if f"{v} {p}".strip() in named or v in named] or verbs
            for key in _pattern_keys(_CODE.sub("", post), synsets):
                rows.extend((v, p, *key, code, number) for v, p in owners)
            continue
        forms = _verb_forms(text)
        if forms is None:
            continue
        verbs.append(forms)
        code = _code(text) or block_code
        if code in mapping:
            rows.append((*forms, "", "", "", code, number))
    return rows


def write_verb_patterns(rows, mapping, out: Path) -> None:
    header = (
        "# CAMEO verb patterns compiled from PETRARCH2's CAMEO.2.0.txt (openeventdata/petrarch2 at commit\n"
        f"# {PETRARCH2_COMMIT}, MIT licence, Open Event Data Alliance) by benchmarks/compile_cameo.py.\n"
        "# One row a verb (with its particle) alone or with the head of the object or prepositional\n"
        "# phrase a pattern names; synonym sets expanded; only codes that map to a PLOVER type\n"
        "# (cameo_plover.tsv). line: the pattern's line in CAMEO.2.0.txt.\n"
        "verb\tparticle\tobject\tprep\tprep_object\tcameo\tplover\tmode\tline\n")
    seen, body = set(), []
    for verb, particle, obj, prep, prep_obj, code, number in rows:
        key = (verb, particle, obj, prep, prep_obj)
        if key in seen:
            continue   # the first pattern for a key wins, as in PETRARCH's ordered matching
        seen.add(key)
        plover, mode = mapping[code][0], mapping[code][1]
        body.append("\t".join((verb, particle, obj, prep, prep_obj, code, plover, mode, str(number))))
    out.write_text(header + "\n".join(body) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    mapping = read_mapping(args.shared / MAPPING_SOURCE)
    write_mapping(mapping, DATA / "cameo_plover.tsv")
    print(f"cameo_plover.tsv: {len(mapping)} codes")
    rows = read_verb_patterns(args.shared / VERBS_SOURCE, mapping)
    write_verb_patterns(rows, mapping, DATA / "cameo_verbs.tsv")
    print(f"cameo_verbs.tsv: {len(rows)} verb patterns")


if __name__ == "__main__":
    main()
