"""Print sample sentences by id (or all of them) from ../shared, for annotators and reviewers.

    PYTHONPATH=src python benchmarks/gold/realnews/show.py                 # every sentence
    PYTHONPATH=src python benchmarks/gold/realnews/show.py ID [ID ...]     # those ids
    PYTHONPATH=src python benchmarks/gold/realnews/show.py --from 40 --to 80 [--events]

The text is read through newsprism's reader (see sample.py), never stored in the repository.
With --events, each gold event is printed under its sentence with its trigger word.
"""

from __future__ import annotations

import argparse
import json
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2].parent / "shared" / "corpus"


@lru_cache(maxsize=64)
def text_of(file: str) -> str:
    from sample import article_text  # the same reader the sample was drawn with

    return article_text(CORPUS / file) or ""


def load_rows(name: str) -> list[dict]:
    path = HERE / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if path.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--from", dest="first", type=int, default=0, help="first row number (0-based)")
    parser.add_argument("--to", dest="last", type=int, default=None, help="one past the last row")
    parser.add_argument("--events", action="store_true", help="also print the gold events")
    args = parser.parse_args()
    rows = load_rows("sample.jsonl")
    events = {r["id"]: r["events"] for r in load_rows("events.jsonl")}
    wanted = set(args.ids)
    for number, row in enumerate(rows):
        if wanted and row["id"] not in wanted:
            continue
        if not wanted and not (args.first <= number < (args.last if args.last is not None else len(rows))):
            continue
        text = text_of(row["file"])
        print(f"[{number}] {row['id']} ({row['split']})\n    {text[row['start']:row['end']]}")
        for event in events.get(row["id"], []) if args.events else []:
            s, e = event["trigger"]
            target = (event["target"] or {}).get("name")
            print(f"    -> {event['type']}/{event['mode']} {event['source']['name']} -> {target} "
                  f"'{text[s:e]}' {event['modality']}{' NEG' if event['negated'] else ''}")


if __name__ == "__main__":
    main()
