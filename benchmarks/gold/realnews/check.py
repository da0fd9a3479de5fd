"""Validate the real-news event gold against its schema and print counts by type and split.

    PYTHONPATH=src python benchmarks/gold/realnews/check.py

Checks every row of events.jsonl: its id is in sample.jsonl (which gives the split), each event has
a PLOVER type and one of that type's modes (or ""), actors shaped {name, country, sector} with an
ISO-3 country and a known sector, a known modality, and a trigger inside its sentence. With
../shared present it also checks that the sample's offsets still cut sentences (not empty, not
starting or ending in the middle of a word), so a change in how ingest builds text shows up here.
Exits 1 on any problem, listing each as "id: reason".
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

MODES = {
    "AGREE": set(), "SUPPORT": set(), "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "CONSULT": {"phone", "visit", "third-party", "multilateral"},
    "RETREAT": {"release", "return", "ease", "access", "ceasefire", "withdraw", "disarm"},
    "ACCUSE": {"disapprove", "allege", "investigate"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"relations", "restrict", "ban", "expel", "political", "territory", "violence"},
    "PROTEST": {"demo", "boycott", "hunger", "obstruct", "riot"},
    "MOBILIZE": {"troops", "police"},
    "SANCTION": {"withdraw", "discontinue", "expel"},
    "COERCE": {"seize", "restrict", "ban", "curfew", "martial-law", "arrest", "deport"},
    "ASSAULT": {"abduct", "beat", "sexual", "torture", "assassinate", "suicide-attack", "explosives",
                "firearms", "heavy-weapons", "massacre", "cleansing", "seize", "unconventional",
                "pro_autocracy"},
}
SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "REB", "OPP", "PTY", "BUS", "MED", "NGO", "IGO", "CVL",
           "CRM", "EDU", "REL", "LAB", "HLH"}
MODALITIES = {"asserted", "alleged", "planned", "hypothetical", "requested"}
EVENT_KEYS = {"type", "mode", "source", "target", "negated", "modality", "attribution", "trigger"}


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def actor_problems(actor: object, role: str) -> list[str]:
    if not isinstance(actor, dict) or set(actor) != {"name", "country", "sector"}:
        return [f"{role} must be {{name, country, sector}}"]
    out = []
    country, sector = actor["country"], actor["sector"]
    if country is not None and not (isinstance(country, str) and len(country) == 3 and country.isupper()):
        out.append(f"{role} country {country!r} is not ISO-3")
    if sector is not None and sector not in SECTORS:
        out.append(f"{role} sector {sector!r} is not in the list")
    if actor["name"] is None and country is None and sector is None:
        out.append(f"{role} is empty")
    return out


def event_problems(event: dict, start: int, end: int) -> list[str]:
    if set(event) != EVENT_KEYS:
        return [f"keys {sorted(event)} differ from {sorted(EVENT_KEYS)}"]
    out = []
    if event["type"] not in MODES:
        out.append(f"type {event['type']!r} is not PLOVER")
    elif event["mode"] and event["mode"] not in MODES[event["type"]]:
        out.append(f"mode {event['mode']!r} is not a mode of {event['type']}")
    out += actor_problems(event["source"], "source")
    if event["target"] is not None:
        out += actor_problems(event["target"], "target")
    if not isinstance(event["negated"], bool):
        out.append("negated must be true or false")
    if event["modality"] not in MODALITIES:
        out.append(f"modality {event['modality']!r} unknown")
    if event["attribution"] is not None and not isinstance(event["attribution"], str):
        out.append("attribution must be a name or null")
    trig = event["trigger"]
    if not (isinstance(trig, list) and len(trig) == 2 and all(isinstance(x, int) for x in trig)
            and start <= trig[0] < trig[1] <= end):
        out.append(f"trigger {trig} is not inside the sentence [{start}, {end})")
    return out


def text_problems(sample: list[dict]) -> list[str]:
    """Offsets still cut sentences out of the article text (needs ../shared; skipped without it)."""
    from show import CORPUS, text_of

    if not CORPUS.is_dir():
        print("(../shared/corpus not found: sentence offsets not checked against the text)")
        return []
    out = []
    for row in sample:
        text = text_of(row["file"])
        s, e = row["start"], row["end"]
        if not (0 <= s < e <= len(text)) or not text[s:e].strip() \
                or (s > 0 and text[s - 1].isalnum() and text[s].isalnum()):
            out.append(f"{row['id']}: offsets no longer cut a sentence out of {row['file']}")
    return out


def main() -> None:
    sample = {row["id"]: row for row in load("sample.jsonl")}
    gold = load("events.jsonl")
    problems = [f"{rid}: no split" for rid, row in sample.items() if row.get("split") not in ("dev", "test")]
    seen: set[str] = set()
    by_type: Counter = Counter()
    sentences: Counter = Counter()
    with_events: Counter = Counter()
    for row in gold:
        rid = row.get("id")
        if rid not in sample:
            problems.append(f"{rid}: id not in sample.jsonl")
            continue
        if rid in seen:
            problems.append(f"{rid}: annotated twice")
        seen.add(rid)
        split = sample[rid]["split"]
        sentences[split] += 1
        with_events[split] += bool(row["events"])
        for event in row["events"]:
            problems += [f"{rid}: {p}" for p in event_problems(event, sample[rid]["start"], sample[rid]["end"])]
            by_type[(event.get("type"), split)] += 1
    problems += text_problems(list(sample.values()))
    print(f"annotated {len(seen)} of {len(sample)} sentences "
          f"(dev {sentences['dev']}, test {sentences['test']}); "
          f"with events: dev {with_events['dev']}, test {with_events['test']}")
    print(f"{'type':<10} {'dev':>5} {'test':>5} {'all':>5}")
    for name in sorted(MODES):
        d, t = by_type[(name, 'dev')], by_type[(name, 'test')]
        print(f"{name:<10} {d:>5} {t:>5} {d + t:>5}")
    d, t = sum(v for (_, s), v in by_type.items() if s == "dev"), sum(v for (_, s), v in by_type.items() if s == "test")
    print(f"{'total':<10} {d:>5} {t:>5} {d + t:>5}")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
