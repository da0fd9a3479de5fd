"""Agreement with PETRARCH2's unit-test records, by PLOVER type (construction tests).

Records: ../shared/lexicons/petrarch2/PETR.UnitTest.records.xml (constructed sentences about
fictional states, written to exercise PETRARCH's handling of passives, negation, compound
actors and verb patterns). The expected codes come from PETRARCH's own validation
dictionaries (PETR.Validate.verbs.txt), not CAMEO.2.0: there "restore diplomatic ties" is 064
and "condemn" a REJECT, so low agreement here is mostly a difference of code books; read the
errors for constructions (passives, negation, compound actors), not the totals. Each expected CAMEO code is mapped to a
PLOVER type through events/data/cameo_plover.tsv; codes that map to none (statements 01x/02x,
the validation-only 9xx) are left out. A record's sentence is analysed alone; a gold type counts
as found when the coder emits that type in the sentence. Prints per-type precision and recall
and the errors by kind (missed type, extra type).

Usage: python benchmarks/score_petr_unittests.py [--show N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from defusedxml import ElementTree

from newsprism.events.cameo import cameo_plover

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import SHARED, analyze_text

RECORDS = SHARED / "lexicons" / "petrarch2" / "PETR.UnitTest.records.xml"


def read_records(path: Path = RECORDS) -> list[tuple[str, str, set[str]]]:
    """Return (id, sentence text, gold PLOVER types) for the records with a PLOVER-coded event."""
    mapping = cameo_plover()
    root = ElementTree.parse(path).getroot()
    records = []
    for sentence in root.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        codes = [c.get("eventcode", "") for c in sentence.iter("EventCoding")]
        types = {mapping[c][0] for c in codes if c in mapping}
        if text and types:
            records.append((sentence.get("id", "?"), text, types))
    return records


def score(show: int = 0) -> dict:
    """Return per-type counts and overall agreement; print the table and errors."""
    gold_n, found_n, predicted_n = Counter(), Counter(), Counter()
    errors: Counter = Counter()
    examples: dict[str, list[str]] = {}
    records = read_records()
    for record_id, text, gold in records:
        predicted = {e.plover_type for e in analyze_text(text).events}
        for plover in gold:
            gold_n[plover] += 1
            found_n[plover] += plover in predicted
            if plover not in predicted:
                kind = f"missed {plover}" + (f" (coded {'/'.join(sorted(predicted))})" if predicted else " (nothing coded)")
                errors[f"missed {plover}"] += 1
                examples.setdefault(f"missed {plover}", []).append(f"{record_id}: {kind} | {text[:110]}")
        for plover in predicted:
            predicted_n[plover] += 1
            if plover not in gold:
                errors[f"extra {plover}"] += 1
                examples.setdefault(f"extra {plover}", []).append(f"{record_id}: gold {sorted(gold)} | {text[:110]}")
    total_gold, total_found = sum(gold_n.values()), sum(found_n.values())
    correct_predicted = sum(found_n.values())
    print(f"PETR2 unit-test records with a PLOVER-coded event: {len(records)}; "
          f"type agreement (recall) {total_found / max(1, total_gold):.2f} ({total_found}/{total_gold}), "
          f"precision {correct_predicted / max(1, sum(predicted_n.values())):.2f}")
    print(f"{'type':<10} {'gold':>5} {'found':>6} {'recall':>7} {'coded':>6} {'precision':>9}")
    for plover in sorted(set(gold_n) | set(predicted_n)):
        recall = found_n[plover] / gold_n[plover] if gold_n[plover] else float("nan")
        precision = found_n[plover] / predicted_n[plover] if predicted_n[plover] else float("nan")
        print(f"{plover:<10} {gold_n[plover]:>5} {found_n[plover]:>6} {recall:>7.2f} {predicted_n[plover]:>6} {precision:>9.2f}")
    print("\nErrors by kind:")
    for kind, count in errors.most_common():
        print(f"  {count:>3}  {kind}")
        for line in examples[kind][:show]:
            print(f"         {line}")
    return {"records": len(records), "recall": total_found / max(1, total_gold), "per_type": dict(found_n)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=2, help="examples to print per error kind")
    score(parser.parse_args().show)


if __name__ == "__main__":
    main()


