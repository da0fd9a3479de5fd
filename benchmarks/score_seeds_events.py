"""Score event coding on the seeds against ../shared/gold/seeds.events.jsonl.

Matching rule (../shared/gold/README.md): an extracted event matches a gold event when it comes
from the sentence holding the gold `evidence`, its type is in the gold `types`, and its source and
target resolve to the gold actors or countries. A gold side that is null accepts anything; a
named side matches an extracted actor whose name shares a word with a gold name, or whose
country is among the gold countries. Prints per-type precision and recall, and every extracted
event that matches no gold event.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import SHARED, analyze_files  # noqa: E402

GOLD = SHARED / "gold" / "seeds.events.jsonl"
SEEDS = SHARED / "corpus" / "seeds"
_STOP = {"the", "of", "and", "a", "an", "group", "s"}


def _words(text: str) -> set[str]:
    return {w.strip(".,’'s").lower() for w in text.replace("’s", " ").split()} - _STOP


def _side_matches(gold_side: dict | None, refs, plural: bool) -> bool:
    if not gold_side:
        return True
    # A source gives one "name" and, where the text calls it otherwise, "names" as written there.
    names = gold_side.get("names") if plural else (gold_side.get("names") or [gold_side.get("name")])
    names = [n for n in (names or []) if n]
    countries = set(gold_side.get("countries") or ([gold_side["country"]] if gold_side.get("country") else []))
    if not names and not countries:
        return True
    for ref in refs:
        if ref.country and ref.country in countries:
            return True
        if any(_words(ref.name) & _words(name) for name in names):
            return True
    return False


def load_gold(path: Path) -> list[dict]:
    """Return gold events from a JSONL file, or from the "events" list of a JSON file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(text)
        events = list(data["events"])
        # A syndicated copy carries the original's sentences, so it carries its gold events too.
        for pair in data.get("syndicated_copies", []):
            events += [{**e, "article": pair["copy"]} for e in data["events"] if e["article"] == pair["original"]]
        return events
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def score(analyzed: dict | None = None, gold_path: Path = GOLD, corpus: Path = SEEDS) -> dict:
    """Return recall, per-type counts and unmatched extracted events for a corpus and its gold."""
    gold = load_gold(gold_path)
    analyzed = analyzed or analyze_files(sorted(corpus.glob("*.txt")))
    matched_gold, matched_extracted = set(), set()
    for gi, g in enumerate(gold):
        item = analyzed.get(g["article"])
        if item is None:
            continue
        sentence = next((s for s in item.sentences if g["evidence"] in s.text), None)
        if sentence is None:
            continue
        for event in item.events:
            if event.sentence_index != sentence.index or event.plover_type not in g["types"]:
                continue
            if _side_matches(g.get("source"), event.sources, False) and _side_matches(g.get("target"), event.targets, True):
                matched_gold.add(gi)
                matched_extracted.add(event.id)
    gold_by_type = Counter(g["types"][0] for g in gold)
    found_by_type = Counter(gold[i]["types"][0] for i in matched_gold)
    extracted = [(name, e) for name, item in analyzed.items() for e in item.events]
    extracted_by_type = Counter(e.plover_type for _, e in extracted)
    correct_by_type = Counter(e.plover_type for _, e in extracted if e.id in matched_extracted)
    unmatched = [(name, e) for name, e in extracted if e.id not in matched_extracted]
    return {"gold": len(gold), "matched": len(matched_gold), "recall": len(matched_gold) / len(gold),
            "precision": len(matched_extracted) / max(1, len(extracted)), "gold_by_type": gold_by_type,
            "found_by_type": found_by_type, "extracted_by_type": extracted_by_type,
            "correct_by_type": correct_by_type, "unmatched": unmatched,
            "missed": [g for i, g in enumerate(gold) if i not in matched_gold], "analyzed": analyzed}


def main() -> None:
    # With no arguments: the seeds. `score_seeds_events.py examples/gold.json examples/crisis` scores the demo corpus.
    if len(sys.argv) == 3:
        result = score(gold_path=Path(sys.argv[1]), corpus=Path(sys.argv[2]))
    else:
        result = score()
    print(f"Event coding: recall {result['recall']:.2f} ({result['matched']}/{result['gold']} gold events), "
          f"precision {result['precision']:.2f} of {sum(result['extracted_by_type'].values())} extracted")
    print(f"{'type':<10} {'gold':>5} {'found':>6} {'recall':>7} {'extracted':>10} {'precision':>10}")
    for plover in sorted(set(result["gold_by_type"]) | set(result["extracted_by_type"])):
        g, f = result["gold_by_type"][plover], result["found_by_type"][plover]
        x, c = result["extracted_by_type"][plover], result["correct_by_type"][plover]
        print(f"{plover:<10} {g:>5} {f:>6} {f / g if g else float('nan'):>7.2f} {x:>10} {c / x if x else float('nan'):>10.2f}")
    print("\nGold events missed:")
    for g in result["missed"]:
        print(f"  {g['article'][:3]} {g['types']} {g['evidence'][:90]}")
    print("\nExtracted events matching no gold event:")
    for name, e in result["unmatched"]:
        sentence = next(s.text for s in result["analyzed"][name].sentences if s.index == e.sentence_index)
        print(f"  {name[:3]} {e.plover_type:<9} [{e.trigger}] {[s.name for s in e.sources]} -> {[t.name for t in e.targets]} | {sentence[:80]}")


if __name__ == "__main__":
    main()
