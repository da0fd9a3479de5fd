"""Score place names and their resolution on LGL, TR-News and GeoVirus (../shared/corpus/geo).

Prints, per corpus and per half (dev/test by a hash of the article id):
  - place names: span precision, recall, F1 against the gold toponyms (exact offsets);
  - resolution given the gold names: share within 161 km of the gold point, share with the
    exact GeoNames id (where the gold has one);
  - end to end from raw text: share of gold toponyms found (same span) and resolved within 161 km;
and lists errors by kind. Parses are cached under /tmp so reruns only re-score.

    PYTHONPATH=src python benchmarks/score_geo.py [--corpus LGL] [--half dev] [--errors 15]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _geo_corpus import SETS, GoldArticle, read

from newsprism.config import Settings
from newsprism.places.gazetteer import candidates, notable
from newsprism.places.records import Toponym
from newsprism.places.resolve import resolve_toponyms
from newsprism.places.toponyms import find_toponyms

CACHE = Path("/tmp/newsprism-geo-docs")


def km(lat1, lon1, lat2, lon2) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def parsed(corpus: str, articles: list[GoldArticle]):
    """Return the spaCy Docs of the articles, parsing once and caching them."""
    from spacy.tokens import DocBin

    from newsprism.nlp.model import load_model

    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    path = CACHE / f"{corpus}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    CACHE.mkdir(exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def _prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(corpus: str, halves: tuple[str, ...], show_errors: int) -> None:
    articles = read(corpus)
    docs = parsed(corpus, articles)
    for half in halves:
        errors: dict[str, list[str]] = {}
        span = Counter()
        given = Counter()
        e2e = Counter()
        started = time.perf_counter()
        for article, doc in zip(articles, docs):
            if article.half != half:
                continue
            gold = {(g.start, g.end): g for g in article.toponyms}
            found = find_toponyms(article.id, article.text, doc, known=lambda n: bool(candidates(n)), notable=notable)
            places = [t for t in found if t.kind != "demonym"]
            predicted = {(t.start, t.end) for t in places}
            span["tp"] += len(predicted & gold.keys())
            span["predicted"] += len(predicted)
            span["gold"] += len(gold)
            with_demonyms = {(t.start, t.end) for t in found}
            span["tp+d"] += len(with_demonyms & gold.keys())
            span["predicted+d"] += len(with_demonyms)
            for s, e in sorted(predicted - gold.keys()):
                errors.setdefault("span: not a gold toponym", []).append(f"{article.text[s:e]!r} ({article.id})")
            for (s, e), g in gold.items():
                if (s, e) not in predicted:
                    kind = "span: boundary differs" if any(ps < e and s < pe for ps, pe in predicted) else "span: missed"
                    errors.setdefault(kind, []).append(f"{g.text!r} ({article.id})")
            # Resolution given the gold names (their context is the other gold names).
            gold_toponyms = [Toponym(article.id, 0, g.start, g.end, g.text, "entity") for g in article.toponyms]
            for g, mention in zip(article.toponyms, resolve_toponyms(gold_toponyms)):
                if g.lat is None:
                    continue
                given["n"] += 1
                if g.geonameid:
                    given["with_id"] += 1
                if mention.place is None:
                    errors.setdefault(f"given name: {mention.reason}", []).append(f"{g.text!r} ({article.id})")
                    continue
                # The same GeoNames entry is 0 km off in GeoNames' own coordinates, whatever point
                # our packaged data gives a country or region.
                same = g.geonameid is not None and mention.place.geonameid == g.geonameid
                distance = 0.0 if same else km(g.lat, g.lon, mention.place.lat, mention.place.lon)
                if distance <= 161:
                    given["within"] += 1
                else:
                    kind = "given name: wrong country" if g.feature_code != "PCLI" and distance > 1000 else "given name: too far"
                    errors.setdefault(kind, []).append(
                        f"{g.text!r} → {mention.place.name} {mention.place.feature_code} {mention.place.country} ({distance:.0f} km; gold {g.feature_code}) ({article.id})")
                if g.geonameid and mention.place.geonameid == g.geonameid:
                    given["exact"] += 1
            # End to end: the found names, resolved with only what was found as context.
            resolved = {(m.toponym.start, m.toponym.end): m for m in resolve_toponyms(found)}
            for (s, e), g in gold.items():
                if g.lat is None:
                    continue
                e2e["n"] += 1
                m = resolved.get((s, e))
                if m and m.place and (m.place.geonameid == g.geonameid or km(g.lat, g.lon, m.place.lat, m.place.lon) <= 161):
                    e2e["within"] += 1
        p, r, f = _prf(span["tp"], span["predicted"], span["gold"])
        pd, rd, fd = _prf(span["tp+d"], span["predicted+d"], span["gold"])
        print(f"{corpus:9} {half:4}  names P {p:.3f} R {r:.3f} F1 {f:.3f}; with demonyms P {pd:.3f} R {rd:.3f} F1 {fd:.3f} (gold {span['gold']})"
              f" | given names: within 161 km {given['within'] / max(1, given['n']):.3f} of {given['n']},"
              f" exact id {given['exact'] / max(1, given['with_id']):.3f} of {given['with_id']}"
              f" | end to end within 161 km {e2e['within'] / max(1, e2e['n']):.3f}  ({time.perf_counter() - started:.1f} s)")
        if show_errors:
            for kind, items in sorted(errors.items(), key=lambda kv: -len(kv[1])):
                print(f"    {kind}: {len(items)}")
                for item in Counter(items).most_common(show_errors):
                    print(f"        {item[1]}× {item[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=list(SETS), action="append")
    parser.add_argument("--half", choices=["dev", "test"], action="append")
    parser.add_argument("--errors", type=int, default=0, help="list this many errors of each kind")
    args = parser.parse_args()
    for corpus in args.corpus or list(SETS):
        score(corpus, tuple(args.half or ("dev", "test")), args.errors)


if __name__ == "__main__":
    main()
