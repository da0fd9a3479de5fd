"""The claim gold's corpora as newsprism reads them: ECB+ topics 1-35 and the BASIL triplets.

Gold files (``benchmarks/gold/claims/``) name an article by its path under ``../shared/corpus``
(``ecbplus/1/1_10ecb.xml``, ``basil/2010/UUID_1.json``) and a sentence by character offsets
into the text this module returns, which is the text the pipeline stores. The dev/test split
is fixed by a hash of the ECB+ topic or BASIL year, so tuning never sees the test third.

    python benchmarks/claims_corpus.py dump DIR        # one text file per article, for annotators
    python benchmarks/claims_corpus.py candidates      # article pairs by shingle containment
    python benchmarks/claims_corpus.py split           # which topics and years are test
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsprism.ingest.dedup import containment, shingles
from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import read_file
from newsprism.records import Article, RawArticle

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = Path(__file__).resolve().parent / "gold" / "claims"


def group_of(key: str) -> str:
    """Return the split group of an article key: its ECB+ topic (``ecbplus/7``) or BASIL year (``basil/2012``)."""
    corpus, folder = key.split("/")[:2]
    return f"{corpus}/{folder}"


# Groups of each corpus (ECB+ topics 1-35 as shipped, BASIL years), for the fixed split below.
ECBPLUS_TOPICS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
                  28, 29, 30, 31, 32, 33, 34, 35)
BASIL_YEARS = (2010, 2011, 2012, 2013, 2014, 2015, 2016)


def _test_groups(groups: list[str]) -> set[str]:
    """Return the third of ``groups`` whose SHA-1 comes first: fixed, and blind to their content."""
    ranked = sorted(groups, key=lambda g: hashlib.sha1(g.encode()).hexdigest())
    return set(ranked[:round(len(ranked) / 3)])


TEST_GROUPS = _test_groups([f"ecbplus/{t}" for t in ECBPLUS_TOPICS]) | _test_groups([f"basil/{y}" for y in BASIL_YEARS])


def split_of(key: str) -> str:
    """Return ``test`` for the fixed third of ECB+ topics and BASIL years, else ``dev``."""
    return "test" if group_of(key) in TEST_GROUPS else "dev"


def _ecbplus_articles() -> dict[str, Article]:
    out = {}
    for path in sorted((CORPUS / "ecbplus").glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        if int(path.parent.name) > 35:
            continue
        for raw in read_file(path, 50_000_000):
            if isinstance(raw, RawArticle):
                out[f"ecbplus/{path.parent.name}/{path.name}"] = build_article(raw)
    return out


def _basil_articles() -> dict[str, Article]:
    out = {}
    for path in sorted((CORPUS / "basil" / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        body = "\n".join(" ".join(paragraph) for paragraph in data["body-paragraphs"])
        raw = RawArticle(source=str(path), text=body, format="jsonl", title=data.get("title"),
                         outlet=data.get("source"), published=date.fromisoformat(data["date"]),
                         published_from="metadata")
        out[f"basil/{path.parent.name}/{path.name}"] = build_article(raw)
    return out


@lru_cache(maxsize=1)
def corpus_articles() -> dict[str, Article]:
    """Return {gold key: article} for every ECB+ (topics 1-35) and BASIL article."""
    return {**_ecbplus_articles(), **_basil_articles()}


def basil_triplet(key: str) -> str:
    """Return the triplet id of a BASIL key (the file name before ``_N.json``)."""
    return Path(key).name.rsplit("_", 1)[0]


def candidate_pairs(articles: dict[str, Article], floor: float = 0.3) -> list[tuple[float, str, str]]:
    """Return (containment of the shorter in the longer, key, key) for pairs at or above ``floor``."""
    sets = {k: shingles(a.text) for k, a in articles.items()}
    by_shingle: dict[str, set[str]] = {}
    for k, s in sets.items():
        for sh in s:
            by_shingle.setdefault(sh, set()).add(k)
    found = []
    for k, s in sets.items():
        others = {o for sh in s for o in by_shingle[sh] if o > k}
        for o in others:
            value = containment(s, sets[o])
            if value >= floor:
                found.append((value, k, o))
    return sorted(found, reverse=True)


def main(argv: list[str]) -> int:
    articles = corpus_articles()
    if argv[:1] == ["dump"]:
        folder = Path(argv[1])
        folder.mkdir(parents=True, exist_ok=True)
        for key, article in articles.items():
            name = key.replace("/", "__") + ".txt"
            (folder / name).write_text(f"# {key}  outlet={article.outlet} title={article.title}\n{article.text}")
        return 0
    if argv[:1] == ["candidates"]:
        for value, a, b in candidate_pairs(articles, float(argv[1]) if len(argv) > 1 else 0.3):
            print(f"{value:.3f}\t{a}\t{b}")
        return 0
    if argv[:1] == ["split"]:
        groups = sorted({group_of(k) for k in articles})
        for split in ("dev", "test"):
            print(split, " ".join(g for g in groups if split_of(g + "/x") == split))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
