"""Score actor countries and sectors on the PLOVER gold-standard records.

Records: ../shared/gold/plover/PLOVER_GSR_CAMEO.txt. Each source/target actor has an
``actorText`` and a CAMEO ``code`` whose first three letters are the country (when they are an
ISO 3166 alpha-3 code) and, for some, a ``sector``. Two ways of reading an actor are scored:

- ``describe``: the gazetteer and titles alone, on the actor text (what the event coder falls
  back on for phrases that are not resolved actors);
- ``in context``: the whole sentence is analysed and the actor resolved at the actor text's
  position (``actor_at``, else ``describe`` on the text), as the pipeline does.

Country: precision over actors given a country, recall over gold actors with a country code.
Sector: accuracy where the gold gives one of our sectors. Run: python benchmarks/score_actors.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import SHARED

from newsprism.actors import actor_at, describe
from newsprism.actors.resolution import Resolver
from newsprism.config import Settings
from newsprism.ingest.metadata import build_article
from newsprism.nlp.model import load_model
from newsprism.pipeline import _sentences, text_for_parse
from newsprism.records import AnalyzedArticle, RawArticle

RECORDS = SHARED / "gold" / "plover" / "PLOVER_GSR_CAMEO.txt"
ISO3 = {c.alpha_3 for c in pycountry.countries}
SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG", "BUS", "MED", "NGO", "IGO", "CVL"}


def gold_actors():
    """Yield (role, actor text, gold country or None, gold sector or None, sentence)."""
    for record in json.loads(RECORDS.read_text(encoding="utf-8")):
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        for role in ("source", "target"):
            actors = record.get(role)
            for actor in actors if isinstance(actors, list) else []:
                if not isinstance(actor, dict) or not actor.get("actorText"):
                    continue
                code = str(actor.get("code") or "")
                country = code[:3] if code[:3] in ISO3 else None
                sector = actor.get("sector") if actor.get("sector") in SECTORS else None
                if code in ("IGO", "NGO") and not sector:
                    sector = code
                yield role, actor["actorText"].strip(), country, sector, record["text"]


def in_context(nlp, text: str, sentence: str) -> tuple[str | None, str | None]:
    """Return (country, sector) of the actor at ``text`` in the analysed sentence."""
    article = build_article(RawArticle(source="<plover>", text=sentence, format="text"))
    doc = nlp(text_for_parse(article))
    analyzed = AnalyzedArticle(article=article, sentences=_sentences(article, doc))
    Resolver(analyzed, doc).run()
    start = sentence.find(text)
    if start >= 0:
        ref = actor_at(analyzed, start, start + len(text))
        if ref is not None:
            return ref.country, ref.sector
    return describe(text)


def main() -> None:
    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    rows = list(gold_actors())
    results: dict[str, Counter] = {"describe": Counter(), "in context": Counter()}
    by_role: dict[tuple[str, str], Counter] = {}
    misses: list[str] = []
    for role, text, country, sector, sentence in rows:
        for method, (got_country, got_sector) in (("describe", describe(text)),
                                                   ("in context", in_context(nlp, text, sentence))):
            for counter in (results[method], by_role.setdefault((method, role), Counter())):
                if country:
                    counter["gold"] += 1
                    counter["right"] += got_country == country
                if got_country:
                    counter["given"] += 1
                    counter["given right"] += got_country == country
                if sector:
                    counter["sector gold"] += 1
                    counter["sector right"] += got_sector == sector
            if method == "in context" and country and got_country != country:
                misses.append(f"  {role:6} {text[:50]!r:54} gold {country} got {got_country}")
    print(f"PLOVER gold actors: {len(rows)} ({sum(1 for r in rows if r[2])} with an ISO country, "
          f"{sum(1 for r in rows if r[3])} with one of our sectors)")
    print(f"{'method':12} {'role':7} {'gold':>5} {'given':>6} {'precision':>10} {'recall':>7} {'sector acc':>11}")
    for method, overall in results.items():
        for role in ("source", "target", "all"):
            c = overall if role == "all" else by_role.get((method, role), Counter())
            precision = c["given right"] / c["given"] if c["given"] else float("nan")
            recall = c["right"] / c["gold"] if c["gold"] else float("nan")
            sector = c["sector right"] / c["sector gold"] if c["sector gold"] else float("nan")
            print(f"{method:12} {role:7} {c['gold']:5d} {c['given']:6d} {precision:10.2f} {recall:7.2f} {sector:11.2f}")
    if "-v" in sys.argv:
        print("\nCountry misses (in context):")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
