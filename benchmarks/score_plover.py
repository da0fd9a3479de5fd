"""Score event typing and actor countries on the PLOVER gold-standard records.

Records: ../shared/gold/plover/PLOVER_GSR_CAMEO.txt (old labels mapped DEMAND->REQUEST,
DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT; DOCUMENT skipped). Each record's sentence
is analysed alone. The predicted event is the one whose trigger lies in the gold event text
(`eventText`), else the most confident event of the sentence; a record with no event counts as
wrong. Country accuracy compares the predicted event's source/target countries with the gold
actor codes whose first three letters are an ISO 3166 alpha-3 code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import SHARED, analyze_text  # noqa: E402

RECORDS = SHARED / "gold" / "plover" / "PLOVER_GSR_CAMEO.txt"
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
ISO3 = {c.alpha_3 for c in pycountry.countries}


def _predicted(record: dict, analyzed):
    events = analyzed.events
    if not events:
        return None
    event_text = (record.get("eventText") or "").lower()
    inside = [e for e in events if e.trigger.lower() in event_text.split() or e.trigger.lower() in event_text]
    pool = inside or events
    return max(pool, key=lambda e: (e.confidence, -e.start))


def _gold_countries(actors: list[dict]) -> set[str]:
    return {a["code"][:3] for a in actors or [] if isinstance(a, dict) and isinstance(a.get("code"), str) and a["code"][:3] in ISO3}


def score(limit: int | None = None) -> dict:
    """Return type accuracy, per-type counts and country accuracy over the records (and the
    country misses: record id, role, gold and predicted countries, sentence)."""
    records = [r for r in json.loads(RECORDS.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT" and r.get("text")]
    records = records[:limit] if limit else records
    gold_types: Counter = Counter()
    predicted_types: Counter = Counter()
    correct_types: Counter = Counter()
    country_total = country_correct = 0
    misses = []
    for record in records:
        gold = OLD_LABELS.get(record["event"], record["event"])
        analyzed = analyze_text(record["text"])
        event = _predicted(record, analyzed)
        predicted = event.plover_type if event else "NONE"
        gold_types[gold] += 1
        predicted_types[predicted] += 1
        if predicted == gold:
            correct_types[gold] += 1
        for role, refs in (("source", event.sources if event else ()), ("target", event.targets if event else ())):
            expected = _gold_countries(record.get(role))
            if not expected:
                continue
            country_total += 1
            found = {r.country for r in refs if r.country}
            if expected & found:
                country_correct += 1
            else:
                kind = "no participant" if not refs else "participant without a country" if not found else "wrong country"
                names = "; ".join(r.name for r in refs)
                misses.append((record.get("id"), role, sorted(expected), sorted(found), record["text"], kind, names))
    total = sum(gold_types.values())
    return {"records": total, "type_accuracy": sum(correct_types.values()) / total, "gold": gold_types,
            "predicted": predicted_types, "correct": correct_types,
            "country_accuracy": country_correct / max(1, country_total), "country_total": country_total,
            "country_misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N records")
    parser.add_argument("--misses", action="store_true", help="also list every source/target country missed")
    args = parser.parse_args()
    result = score(args.limit)
    print(f"PLOVER gold records: {result['records']}; event-type accuracy {result['type_accuracy']:.2f}; "
          f"source/target country accuracy {result['country_accuracy']:.2f} over {result['country_total']} gold actors")
    print(f"{'type':<10} {'gold':>5} {'predicted':>10} {'correct':>8} {'precision':>10} {'recall':>7}")
    for plover in sorted(set(result["gold"]) | set(result["predicted"])):
        g, p, c = result["gold"][plover], result["predicted"][plover], result["correct"][plover]
        print(f"{plover:<10} {g:>5} {p:>10} {c:>8} {c / p if p else float('nan'):>10.2f} {c / g if g else float('nan'):>7.2f}")
    kinds = Counter(m[5] for m in result["country_misses"])
    print("Country errors by kind: " + ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()))
    if args.misses:
        print("\nCountry misses (record, role, gold, predicted [participants], sentence):")
        for record_id, role, expected, found, text, kind, names in sorted(result["country_misses"], key=lambda m: m[5]):
            print(f"  {kind:<29} {record_id} {role:<6} gold {','.join(expected)} got {','.join(found) or '-'} "
                  f"[{names}] | {' '.join(text.split())[:140]}")


if __name__ == "__main__":
    main()
