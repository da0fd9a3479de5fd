"""Score where events are placed against hand-annotated events of ECB+ and BASIL (benchmarks/gold/event_places.*.jsonl).

The gold gives, for ECB+ gold event mentions and for events picked by reading BASIL articles (by
file and offsets), the place the text says the event happened, or none. The placer runs on each gold trigger as newsprism would on its own
events: the article is read and parsed by newsprism, its place names found and resolved, and
the trigger placed by its sentence, else the dateline, else the article's main place.

Prints per corpus and half (dev/test by a hash of the file name): coverage (events with a gold place that
get one), accuracy (within 161 km of the gold point, and in the gold country), accuracy by how
the place was chosen, how often an event whose article names no place for it is placed anyway,
and lists the errors.

    PYTHONPATH=src python benchmarks/score_event_places.py [--errors]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_geo import km

from newsprism.config import Settings
from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import read_file
from newsprism.nlp.model import load_model
from newsprism.pipeline import analyze_doc, text_for_parse
from newsprism.places.event_places import place_events
from newsprism.places.normalize import name_key

GOLD = {"ECB+": Path(__file__).resolve().parent / "gold" / "event_places.ecbplus.jsonl",
        "BASIL": Path(__file__).resolve().parent / "gold" / "event_places.basil.jsonl"}
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold trigger in the shape the placer reads from a coded event."""

    id: str
    sentence_index: int
    start: int
    end: int
    plover_type: str = ""
    location: str | None = None


def _correct(gold: dict, place) -> bool:
    """Return whether the place is the gold one: within 161 km, or the gold country's own entry."""
    if place.feature_code == "PCLI" and gold.get("country") == place.country and name_key(gold["place"]) == name_key(place.name):
        return True
    return km(gold["lat"], gold["lon"], place.lat, place.lon) <= 161


def half(file: str) -> str:
    return "dev" if int(hashlib.sha256(file.encode()).hexdigest(), 16) % 2 == 0 else "test"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["dev", "test", "all"], help="list the errors of this half")
    args = parser.parse_args()
    rows = [dict(json.loads(line), corpus=corpus) for corpus, path in GOLD.items()
            for line in path.read_text().splitlines() if line and not line.startswith("#")]
    rows = [r for r in rows if r["place"] != "skip"]
    by_file = defaultdict(list)
    for row in rows:
        by_file[row["file"]].append(row)
    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    stats = {(c, h): Counter() for c in GOLD for h in ("dev", "test", "all")}
    errors = defaultdict(list)
    for file, gold in sorted(by_file.items()):
        raw = next(iter(read_file(CORPUS / file, settings.max_file_bytes, {})))
        article = build_article(raw)
        doc = nlp(text_for_parse(article))
        analyzed = analyze_doc(article, doc)
        starts = [s.start for s in analyzed.sentences]
        events = [GoldEvent(r["mention_id"], max(i for i, s in enumerate(starts) if s <= r["start"]), r["start"], r["end"]) for r in gold]
        dateline = next((m for m in analyzed.places if m.toponym.kind == "dateline"), None)
        placed = {p.event_id: p for p in place_events(events, analyzed.places, doc, dateline) if p.role == "location"}
        for r in gold:
            p = placed.get(r["mention_id"])
            for h in (half(file), "all"):
                s = stats[(r["corpus"], h)]
                if r["place"] is None:
                    s["no_place"] += 1
                    s["no_place_but_placed"] += p is not None
                    continue
                s["gold"] += 1
                if p is None:
                    continue
                s["placed"] += 1
                s[f"placed:{p.how}"] += 1
                near = _correct(r, p.place)
                s["within"] += near
                s[f"within:{p.how}"] += near
                s["country"] += r.get("country") is not None and p.place.country == r["country"]
            if args.errors not in (half(file), "all"):
                continue
            label = f"{file} {r['mention_id']} {article.text[r['start']:r['end']]!r}"
            if r["place"] is None and p is not None:
                errors["placed, though the article names no place for it"].append(f"{label} → {p.place.name} ({p.how})")
            elif r["place"] is not None and p is None:
                errors["not placed"].append(f"{label} (gold {r['place']})")
            elif r["place"] is not None and not _correct(r, p.place):
                errors[f"wrong place ({p.how})"].append(f"{label} → {p.place.name} {p.place.country} (gold {r['place']})")
    print(f"{'corpus':6} {'half':5} {'events':>6} {'coverage':>9} {'acc@161km':>10} {'of gold':>8} {'country':>8}  by how (within/placed)   none but placed")
    for (corpus, h), s in stats.items():
        hows = "  ".join(f"{how} {s[f'within:{how}']}/{s[f'placed:{how}']}" for how in ("sentence", "dateline", "article"))
        print(f"{corpus:6} {h:5} {s['gold']:6d} {s['placed'] / max(1, s['gold']):9.3f} {s['within'] / max(1, s['placed']):10.3f}"
              f" {s['within'] / max(1, s['gold']):8.3f} {s['country'] / max(1, s['placed']):8.3f}  {hows}   "
              f"{s['no_place_but_placed']}/{s['no_place']}")
    if args.errors:
        for kind, items in sorted(errors.items(), key=lambda kv: -len(kv[1])):
            print(f"  {kind}: {len(items)}")
            for item in items:
                print(f"      {item}")


if __name__ == "__main__":
    main()
