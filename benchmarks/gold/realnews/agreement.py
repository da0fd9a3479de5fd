"""Inter-annotator agreement between the two blind annotations of the real-news event gold.

    PYTHONPATH=src python benchmarks/gold/realnews/agreement.py [--list]

Compares events.jsonl (first annotator) with events.second.jsonl (second annotator) over the
sentences both annotated, for all, dev and test: whether a sentence holds an event at all (raw
agreement and Cohen's kappa), and event F1 at four levels of strictness, each event of one file
matched to at most one of the other in the same sentence:

- type: same PLOVER type;
- trigger: same type and overlapping trigger offsets;
- source: same type and the same source (names share a word, or both unnamed with one country);
- full: same type, source and target (a null target matches only a null target).

Then per-type F1 at the type level, modality and negation agreement on type-matched pairs, and
disagreements counted by kind. With --list every unmatched event is printed (id, annotator,
type, source, target) so that an adjudicator can go through them with show.py.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST, SECOND = "events.jsonl", "events.second.jsonl"
LEVELS = ("type", "trigger", "source", "full")
_STOP = {"the", "a", "an", "of", "and", "mr.", "ms.", "his", "her", "their"}


def load(name: str) -> dict[str, list[dict]]:
    path = HERE / name
    if not path.exists():
        raise SystemExit(f"{path}: not found (both annotations are needed)")
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: row["events"] for row in rows}


def _words(name: str | None) -> set[str]:
    return {w.strip(".,\"'’").lower().removesuffix("’s").removesuffix("'s") for w in (name or "").split()} - _STOP


def same_actor(a: dict | None, b: dict | None) -> bool:
    """Two actor slots agree when both are null, or their names share a word, or (unnamed) their countries agree."""
    if a is None or b is None:
        return a is None and b is None
    if a["name"] and b["name"]:
        return bool(_words(a["name"]) & _words(b["name"]))
    return a["country"] == b["country"]


def matches(a: dict, b: dict, level: str) -> bool:
    if a["type"] != b["type"]:
        return False
    if level == "trigger":
        return a["trigger"][0] < b["trigger"][1] and b["trigger"][0] < a["trigger"][1]
    if level == "source":
        return same_actor(a["source"], b["source"])
    if level == "full":
        return same_actor(a["source"], b["source"]) and same_actor(a["target"], b["target"])
    return True


def pair_up(first: list[dict], second: list[dict], level: str) -> tuple[list, list[dict], list[dict]]:
    """Greedily pair the events of one sentence; return the pairs and what is left on each side."""
    left = list(second)
    pairs, unmatched = [], []
    for event in first:
        partner = next((other for other in left if matches(event, other, level)), None)
        if partner is None:
            unmatched.append(event)
        else:
            left.remove(partner)
            pairs.append((event, partner))
    return pairs, unmatched, left


def kappa(a: list[bool], b: list[bool]) -> tuple[float, float]:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def disagreement_kind(event: dict, others: list[dict]) -> str:
    """Say why an unmatched event has no partner among the other annotator's events of its sentence."""
    if not others:
        return "sentence has no event for the other annotator"
    same_type = [o for o in others if o["type"] == event["type"]]
    if not same_type:
        return "type differs (or event missing)"
    if not any(same_actor(event["source"], o["source"]) for o in same_type):
        return "same type, source differs"
    return "same type and source, target differs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every unmatched event")
    args = parser.parse_args()
    first, second = load(FIRST), load(SECOND)
    splits = {row["id"]: row["split"] for row in map(json.loads, (HERE / "sample.jsonl").read_text().splitlines())}
    common = sorted(set(first) & set(second))
    print(f"sentences annotated by both: {len(common)} (first {len(first)}, second {len(second)})")
    for split in ("all", "dev", "test"):
        ids = [i for i in common if split == "all" or splits[i] == split]
        if not ids:
            continue
        observed, k = kappa([bool(first[i]) for i in ids], [bool(second[i]) for i in ids])
        print(f"\n[{split}] {len(ids)} sentences: holds-an-event agreement {observed:.3f}, kappa {k:.3f}")
        for level in LEVELS:
            n1 = sum(len(first[i]) for i in ids)
            n2 = sum(len(second[i]) for i in ids)
            matched = sum(len(pair_up(first[i], second[i], level)[0]) for i in ids)
            print(f"  {level:8s} matched {matched:4d} of {n1} / {n2}   F1 {2 * matched / max(1, n1 + n2):.3f}")

    per_type: Counter = Counter()
    count1: Counter = Counter(e["type"] for i in common for e in first[i])
    count2: Counter = Counter(e["type"] for i in common for e in second[i])
    modality = negation = total = 0
    kinds: Counter = Counter()
    unmatched_rows = []
    for i in common:
        pairs, _, _ = pair_up(first[i], second[i], "type")
        for a, b in pairs:
            per_type[a["type"]] += 1
            total += 1
            modality += a["modality"] == b["modality"]
            negation += a["negated"] == b["negated"]
        _, full1, full2 = pair_up(first[i], second[i], "full")
        for who, events, others in (("first", full1, second[i]), ("second", full2, first[i])):
            for event in events:
                kinds[disagreement_kind(event, others)] += 1
                unmatched_rows.append((i, who, event))
    print("\nper type (type level): type, first, second, matched, F1")
    for t in sorted(set(count1) | set(count2)):
        print(f"  {t:10s} {count1[t]:4d} {count2[t]:4d} {per_type[t]:4d}   {2 * per_type[t] / (count1[t] + count2[t]):.2f}")
    print(f"\non {total} type-matched pairs: modality agrees {modality / max(1, total):.3f}, "
          f"negation agrees {negation / max(1, total):.3f}")
    print("\nevents without a full (type+source+target) partner, by kind:")
    for kind, n in kinds.most_common():
        print(f"  {n:4d}  {kind}")
    if args.list:
        for i, who, e in unmatched_rows:
            target = (e["target"] or {}).get("name")
            print(f"  {i}  [{who}] {e['type']}/{e['mode']} {e['source']['name']} -> {target}")


if __name__ == "__main__":
    main()
