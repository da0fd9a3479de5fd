"""Score event coding on the blind real-news gold (benchmarks/gold/realnews/), dev and test halves.

Each sampled article is analysed whole, as the pipeline does (so actors resolve with their
context); the events whose trigger lies in a gold sentence are that sentence's predictions.
Predicted and gold events of one sentence are paired greedily, trigger overlap first:

- type: the same PLOVER type;
- type+source+target: the same type, and the source and the target agree. Two actors agree
  when their names share a word, or when both have the same country and sector; a null gold
  target agrees with a prediction whose targets name no actor (things, places without a state).

Prints, for dev and test, precision/recall/F1 at both levels and per type, then the most common
errors by kind (missed, extra, wrong source, wrong target) with an example each. Tune on dev only;
the README reports test.

Usage: python benchmarks/score_realnews_events.py [--split dev|test|all] [--errors 20]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import SHARED
from realnews_arguments import print_breakdown

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "realnews"
_STOP = {"the", "a", "an", "of", "and", "mr.", "ms.", "mrs.", "his", "her", "their", "its", "s"}


def _words(name: str | None) -> set[str]:
    return {w.strip(".,\"'’()").lower().removesuffix("’s").removesuffix("'s") for w in (name or "").split()} - _STOP


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD_DIR / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def actor_agrees(gold: dict | None, refs) -> bool:
    """Return whether a gold actor slot agrees with predicted references (see the module doc)."""
    actors = [r for r in refs if r.actor_id or r.country or r.sector]
    if gold is None:
        return not actors
    for ref in refs:
        if gold.get("name") and _words(gold["name"]) & _words(ref.name):
            return True
        if gold.get("country") and gold.get("sector") and (ref.country, ref.sector) == (gold["country"], gold["sector"]):
            return True
        if not gold.get("name") and gold.get("country") and ref.country == gold["country"]:
            return True
    return False


def full_match(gold: dict, event) -> bool:
    return gold["type"] == event.plover_type and actor_agrees(gold["source"], event.sources) \
        and actor_agrees(gold["target"], event.targets)


def _overlap(gold: dict, event) -> bool:
    start, end = gold["trigger"]
    return event.start < end and start < event.end


def pair_up(gold: list[dict], predicted: list, strict: bool) -> tuple[list, list[dict], list]:
    """Pair one sentence's gold and predicted events (trigger overlap first); return the pairs
    and what is left on each side."""
    left = list(predicted)
    pairs, missed = [], []
    for g in gold:
        fits = [e for e in left if (full_match(g, e) if strict else g["type"] == e.plover_type)]
        partner = next((e for e in fits if _overlap(g, e)), fits[0] if fits else None)
        if partner is None:
            missed.append(g)
        else:
            left.remove(partner)
            pairs.append((g, partner))
    return pairs, missed, left


def corpus_dates() -> dict[str, date]:
    """Return the publication dates the corpora give beside plain-text files (PolNeAR's
    metadata.tsv), by path under corpus/: the pipeline gets them as a user's manifest would
    give them (BASIL's JSON records carry their own)."""
    dates: dict[str, date] = {}
    table = SHARED / "corpus" / "polnear" / "metadata.tsv"
    if not table.is_file():
        return dates
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                day = date.fromisoformat(row["publication_date"])
            except (KeyError, TypeError, ValueError):
                continue
            for part in ("train", "dev"):
                dates[f"polnear/{part}/text/{row['filename']}.txt"] = day
    return dates


def analyse_sample(rows: list[dict]) -> dict[str, list]:
    """Return sentence id -> the events predicted in it (each article analysed once, whole)."""
    from newsprism.config import Settings
    from newsprism.ingest.metadata import build_article
    from newsprism.ingest.readers import read_file
    from newsprism.nlp.model import load_model
    from newsprism.pipeline import analyze_doc, text_for_parse
    from newsprism.records import RawArticle

    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    dates = corpus_dates()
    by_file: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_file[row["file"]].append(row)
    predicted: dict[str, list] = {}
    for file, file_rows in by_file.items():
        raw = next((r for r in read_file(SHARED / "corpus" / file, 20_000_000) if isinstance(r, RawArticle)), None)
        if raw is not None and raw.published is None and file in dates:
            # What a user's manifest.jsonl gives: the corpus's own publication date of a plain text.
            raw = dataclasses.replace(raw, published=dates[file], published_from="manifest")
        if raw is None:
            print(f"{file}: no article read; its sentences count as coded with nothing", file=sys.stderr)
            events = []
        else:
            article = build_article(raw)
            events = analyze_doc(article, nlp(text_for_parse(article))).events
        for row in file_rows:
            predicted[row["id"]] = [e for e in events if row["start"] <= e.start < row["end"]]
    return predicted


def _prf(correct: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _error_kind(gold: dict | None, event, others: list) -> str:
    if gold is not None:   # a missed gold event
        coded = sorted({e.plover_type for e in others})
        return f"missed {gold['type']}" + (f" (coded {'/'.join(coded)})" if coded else " (nothing coded)")
    golds = sorted({g["type"] for g in others})
    return f"extra {event.plover_type}" + (f" (gold {'/'.join(golds)})" if golds else " (sentence has no event)")


def score_split(ids: list[str], gold: dict[str, list], predicted: dict[str, list], texts: dict) -> dict:
    """Return and print the scores of one split."""
    per_type: dict[str, Counter] = defaultdict(Counter)
    errors: Counter = Counter()
    examples: dict[str, str] = {}
    n_gold = n_pred = typed = full = 0
    for sid in ids:
        g_events, p_events = gold.get(sid, []), predicted.get(sid, [])
        n_gold, n_pred = n_gold + len(g_events), n_pred + len(p_events)
        pairs, missed, extra = pair_up(g_events, p_events, strict=False)
        strict_pairs, _, _ = pair_up(g_events, p_events, strict=True)
        typed, full = typed + len(pairs), full + len(strict_pairs)
        for g in g_events:
            per_type[g["type"]]["gold"] += 1
        for e in p_events:
            per_type[e.plover_type]["pred"] += 1
        for g, e in pairs:
            per_type[g["type"]]["correct"] += 1
            if not full_match(g, e):
                kind = f"{g['type']} " + ("source differs" if not actor_agrees(g["source"], e.sources) else "target differs")
                errors[kind] += 1
                examples.setdefault(kind, f"{texts.get(sid, '')[:110]} | gold {g['source']} -> {g['target']} "
                                          f"| coded {[s.name for s in e.sources]} -> {[t.name for t in e.targets]}")
        for g in missed:
            kind = _error_kind(g, None, p_events)
            errors[kind] += 1
            examples.setdefault(kind, texts.get(sid, "")[:160])
        for e in extra:
            kind = _error_kind(None, e, g_events)
            errors[kind] += 1
            examples.setdefault(kind, f"[{e.trigger}] {texts.get(sid, '')[:150]}")
    type_prf, full_prf = _prf(typed, n_gold, n_pred), _prf(full, n_gold, n_pred)
    print(f"  {len(ids)} sentences, {n_gold} gold events, {n_pred} coded")
    print(f"  type               P {type_prf[0]:.3f}  R {type_prf[1]:.3f}  F1 {type_prf[2]:.3f}")
    print(f"  type+source+target P {full_prf[0]:.3f}  R {full_prf[1]:.3f}  F1 {full_prf[2]:.3f}")
    print(f"  {'type':<10} {'gold':>5} {'coded':>6} {'correct':>8} {'P':>6} {'R':>6} {'F1':>6}")
    for plover in sorted(per_type):
        c = per_type[plover]
        p, r, f = _prf(c["correct"], c["gold"], c["pred"])
        print(f"  {plover:<10} {c['gold']:>5} {c['pred']:>6} {c['correct']:>8} {p:>6.2f} {r:>6.2f} {f:>6.2f}")
    return {"type_f1": type_prf[2], "full_f1": full_prf[2], "type": type_prf, "full": full_prf,
            "errors": errors, "examples": examples}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default=None, help="one split only")
    parser.add_argument("--errors", type=int, default=20, help="how many error kinds to list")
    parser.add_argument("--arguments", action="store_true",
                        help="list every wrong source/target of a typed-right event (counts always print)")
    args = parser.parse_args()
    rows = _rows("sample.jsonl")
    gold = {r["id"]: r["events"] for r in _rows("events.jsonl")}
    started = time.perf_counter()
    predicted = analyse_sample(rows)
    texts = {}
    sys.path.insert(0, str(GOLD_DIR))
    from show import text_of  # the same reader the sample was drawn with

    for row in rows:
        texts[row["id"]] = " ".join(text_of(row["file"])[row["start"]:row["end"]].split())
    print(f"Real-news event gold: {len(rows)} sentences, analysed in {time.perf_counter() - started:.0f} s")
    splits = [args.split] if args.split else ["dev", "test"]
    for split in splits:
        ids = [r["id"] for r in rows if split == "all" or r["split"] == split]
        print(f"\n[{split}]")
        result = score_split(ids, gold, predicted, texts)
        print(f"  the {args.errors} most common errors, by kind:")
        for kind, count in result["errors"].most_common(args.errors):
            print(f"    {count:>3}  {kind}\n         e.g. {result['examples'][kind][:220]}")
        print_breakdown(ids, gold, predicted, texts, pair_up, _words, listing=args.arguments)


if __name__ == "__main__":
    main()
