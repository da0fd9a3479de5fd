"""Score claims on the blind gold of benchmarks/gold/claims: origins, statuses, contradictions.

Four measures, each printed for the dev and the test split (see gold/claims/README.md):
- copies: same-origin article pairs within an ECB+ topic or BASIL triplet, from
  ``ingest.dedup.find_contained_copies`` against the gold copy pairs (closed under transitivity);
- relays: article -> relayed outlet, from the pipeline's ``cited_sources`` (relation ``relays``);
- status: for each gold happening, the claim holding most of its mentions, its status against
  the expected one (a happening no claim holds counts as wrong: "missed");
- contradictions: every contradiction newsprism finds in an annotated sub-event is judged
  against the gold (genuine pairs, or a false alarm); every contradicted claim is printed with
  its two sentences, judged or not, so a reader can check.

    python benchmarks/score_claims.py [--store-dir DIR] [--only copies,relays,claims]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsprism.config import Settings
from newsprism.ingest.dedup import CopyCandidate, find_contained_copies
from newsprism.ingest.wire_agencies import canonical_outlet

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_corpus import CORPUS, GOLD, basil_triplet, corpus_articles, split_of
from score_story_clustering import build_basil_store, build_ecbplus_store, cluster

SPLITS = ("dev", "test")
console = Console(width=200)


def read_gold(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text().splitlines() if line.strip()]


def group_key(key: str) -> str:
    """Return the group copies are looked for in: an ECB+ topic or a BASIL triplet."""
    return f"basil/{basil_triplet(key)}" if key.startswith("basil/") else "/".join(key.split("/")[:2])


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def closure_pairs(pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Return every pair of articles joined by a chain of the given pairs."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[root(x)].append(x)
    return {tuple(sorted(p)) for g in groups.values() for p in combinations(sorted(g), 2)}


# -- copies ------------------------------------------------------------------------------------

def score_copies() -> None:
    articles = corpus_articles()
    gold = closure_pairs([(g["a"], g["b"]) for g in read_gold("copies.jsonl") if g["copy"]])
    by_group: dict[str, list[str]] = defaultdict(list)
    for key in articles:
        by_group[group_key(key)].append(key)
    system: set[tuple[str, str]] = set()
    for keys in by_group.values():
        items = [CopyCandidate(k, articles[k].title, articles[k].text, articles[k].published, i) for i, k in enumerate(keys)]
        links = find_contained_copies(items)
        system |= closure_pairs([(link.article_id, link.original_id) for link in links])
    table = Table(title="Copies: same-origin pairs (closure of copy links within a topic or triplet)")
    for column in ("split", "gold pairs", "found", "P", "R", "F1"):
        table.add_column(column, justify="right")
    errors = []
    for split in SPLITS:
        g = {p for p in gold if split_of(p[0]) == split}
        s = {p for p in system if split_of(p[0]) == split}
        p, r, f = prf(len(g & s), len(s - g), len(g - s))
        table.add_row(split, str(len(g)), str(len(s)), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}")
        errors += [(split, "false copy", *x) for x in sorted(s - g)] + [(split, "missed copy", *x) for x in sorted(g - s)]
    console.print(table)
    print_errors("copies", errors)


# -- relays ------------------------------------------------------------------------------------

def same_outlet(a: str, b: str) -> bool:
    x, y = canonical_outlet(a), canonical_outlet(b)
    if x == y:
        return True
    wx, wy = set(re.findall(r"[a-z0-9]+", x)) - {"the", "com", "news"}, set(re.findall(r"[a-z0-9]+", y)) - {"the", "com", "news"}
    return bool(wx and wy) and (wx <= wy or wy <= wx)


def relays_from_stores(stores: dict[str, object]) -> dict[str, set[str]]:
    """Return article key -> relayed outlets, as the full pipeline stored them."""
    system: dict[str, set[str]] = defaultdict(set)
    for store in stores.values():
        for r in store.query("SELECT a.source, c.name FROM cited_sources c JOIN articles a ON a.id = c.article_id "
                             "WHERE c.relation = 'relays'"):
            system[str(Path(r["source"]).resolve().relative_to(CORPUS.resolve())).replace("basil/articles/", "basil/")].add(r["name"])
    return system


def relays_from_parses(folder: Path) -> dict[str, set[str]]:
    """Return article key -> relayed outlets from ``find_cited_sources`` alone, on parses cached in
    ``folder`` (the same text, dateline blanking and lead as the pipeline; minutes the first time,
    seconds after: for tuning the relay rules without rebuilding the stores)."""
    from spacy.tokens import DocBin

    from newsprism.nlp.cited_sources import find_cited_sources
    from newsprism.nlp.model import load_model
    from newsprism.pipeline import _sentence_index_of, _sentences, text_for_parse

    articles = corpus_articles()
    keys = sorted(articles)
    settings = Settings()
    nlp = load_model(settings.model, settings.spacy_components)
    cache = folder / "relay-parses.spacy"
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((text_for_parse(articles[k]) for k in keys), batch_size=32))
        folder.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(cache)
    system: dict[str, set[str]] = defaultdict(set)
    for key, doc in zip(keys, docs):
        article = articles[key]
        # The lead's first sentence, found as the pipeline finds it (_analyze).
        lead = _sentence_index_of(_sentences(article, doc))(article.dateline_span[1]) if article.dateline_span else 0
        for cited in find_cited_sources(article, doc, lead):
            if cited.relation == "relays":
                system[key].add(cited.name)
    return system


def score_relays(system: dict[str, set[str]]) -> None:
    gold = read_gold("relays.jsonl")
    gold_by: dict[str, set[str]] = defaultdict(set)
    for g in gold:
        gold_by[g["article"]].add(g["outlet"])
    table = Table(title="Relays: article -> relayed outlet (cited_sources relation 'relays')")
    for column in ("split", "gold", "found", "P", "R", "F1"):
        table.add_column(column, justify="right")
    errors = []
    for split in SPLITS:
        tp = fp = fn = 0
        found = 0
        keys = {k for k in set(gold_by) | set(system) if split_of(k) == split}
        for key in sorted(keys):
            # One item per article and outlet: "AP" and "the Associated Press" in one article are one relay.
            outlets: list[list[str]] = []
            for name in sorted(system.get(key, set())):
                group = next((g for g in outlets if same_outlet(g[0], name)), None)
                if group is None:
                    outlets.append([name])
                else:
                    group.append(name)
            found += len(outlets)
            golds = gold_by.get(key, set())
            for group in outlets:
                if not any(same_outlet(name, o) for name in group for o in golds):
                    fp += 1
                    errors.append((split, "false relay", key, " / ".join(group)))
            for outlet in golds:
                if any(same_outlet(name, outlet) for group in outlets for name in group):
                    tp += 1
                else:
                    fn += 1
                    errors.append((split, "missed relay", key, outlet))
        p, r, f = prf(tp, fp, fn)
        table.add_row(split, str(sum(len(v) for k, v in gold_by.items() if split_of(k) == split)), str(found),
                      f"{p:.3f}", f"{r:.3f}", f"{f:.3f}")
    console.print(table)
    print_errors("relays", errors)


# -- statuses and contradictions ----------------------------------------------------------------

def key_of(source: str) -> str:
    return str(Path(source).resolve().relative_to(CORPUS.resolve())).replace("basil/articles/", "basil/")


def score_claims(stores: dict[str, object]) -> None:
    happenings = read_gold("happenings.jsonl")
    gold_contradictions = read_gold("contradictions.jsonl")
    sentences: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    claim_of_sentence: dict[tuple[str, int], list[str]] = defaultdict(list)
    claims: dict[str, dict] = {}
    event_place: dict[str, tuple[str, int, int]] = {}
    contradictions: list[dict] = []
    for store in stores.values():
        ids = {r["id"]: key_of(r["source"]) for r in store.query("SELECT id, source FROM articles")}
        for r in store.query('SELECT article_id, sentence_index, start, "end", text FROM sentences ORDER BY article_id, start'):
            sentences[ids[r["article_id"]]].append((r["start"], r["end"], r["text"]))
        for r in store.query("SELECT id, label, status, note FROM claims"):
            claims[r["id"]] = r
        for r in store.query('SELECT claim_id, event_id, article_id, start, "end" FROM claim_events'):
            key = ids[r["article_id"]]
            claim_of_sentence[(key, r["start"])].append(r["claim_id"])
            event_place[r["event_id"]] = (key, r["start"], r["end"])
        contradictions += store.query("SELECT * FROM claim_contradictions")

    def sentence_span(key: str, start: int) -> tuple[int, int, str] | None:
        for s in sentences.get(key, ()):
            if s[0] <= start < s[1]:
                return s
        return None

    # Index claim events by article for the lookups above.
    by_article: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (key, pos), cs in claim_of_sentence.items():
        by_article[key] += [(pos, c) for c in cs]

    def claims_at(key: str, start: int, end: int) -> list[str]:
        spans = [s for s in sentences.get(key, ()) if s[0] < end and start < s[1]]
        return [c for pos, c in by_article.get(key, ()) for s in spans if s[0] <= pos < s[1]]

    table = Table(title="Claim status on gold happenings (the claim holding most of the happening's mentions)")
    for column in ("split", "happenings", "right", "accuracy"):
        table.add_column(column, justify="right")
    confusion: dict[str, Counter] = {s: Counter() for s in SPLITS}
    errors = []
    for split in SPLITS:
        right = total = 0
        for h in (h for h in happenings if h["split"] == split):
            total += 1
            votes = Counter(c for m in h["mentions"] for c in set(claims_at(m["article"], m["start"], m["end"])))
            if not votes:
                confusion[split][(h["status"], "missed")] += 1
                errors.append((split, f"{h['status']} -> missed", h["id"], h["label"]))
                continue
            claim_id, held = votes.most_common(1)[0]
            status = claims[claim_id]["status"]
            confusion[split][(h["status"], status)] += 1
            if status == h["status"]:
                right += 1
            else:
                errors.append((split, f"{h['status']} -> {status}", h["id"],
                               f"{h['label']} | claim: {claims[claim_id]['label']} ({held} of {len(h['mentions'])} mentions)"
                               + (f" | {claims[claim_id]['note']}" if claims[claim_id]["note"] else "")))
        table.add_row(split, str(total), str(right), f"{right / total:.3f}" if total else "-")
    console.print(table)
    for split in SPLITS:
        console.print(f"[bold]{split}[/] expected -> given: " + ", ".join(
            f"{a} -> {b}: {n}" for (a, b), n in sorted(confusion[split].items())))
    print_errors("claim status", errors)

    # Contradictions: judged where both sides fall in an annotated sub-event.
    annotated = {group_key(m["article"]) if m["article"].startswith("basil/") else m["article"].rsplit("/", 1)[0]
                 for h in happenings for m in h["mentions"]}

    def in_annotated(key: str) -> bool:
        return (group_key(key) if key.startswith("basil/") else key.rsplit("/", 1)[0]) in annotated

    def overlaps(place: tuple[str, int, int], gold_side: dict) -> bool:
        key, start, _ = place
        if key != gold_side["article"]:
            return False
        span = sentence_span(key, gold_side["start"])
        return span is not None and span[0] <= start < span[1]

    # A genuine contradiction of the gold sets the passages that give one value against those that
    # give the other ("five injured" in two articles, "two injured" in two others): any passage of
    # one side against any of the other is the same contradiction, whichever pairs the gold lists.
    sides: dict[tuple[str, str], tuple[list[dict], list[dict]]] = defaultdict(lambda: ([], []))
    for g in gold_contradictions:
        if g["genuine"]:
            sides[(g["happening"], g["what"])][0].append(g["a"])
            sides[(g["happening"], g["what"])][1].append(g["b"])

    def genuine_by_sides(a: tuple[str, int, int], b: tuple[str, int, int]) -> tuple[str, str] | None:
        for key, (one, other) in sides.items():
            if (any(overlaps(a, x) for x in one) and any(overlaps(b, y) for y in other)) or \
                    (any(overlaps(b, x) for x in one) and any(overlaps(a, y) for y in other)):
                return key
        return None

    judged = {s: Counter() for s in SPLITS}
    found_genuine: set[tuple[str, str]] = set()      # (happening, what) of the gold contradictions found
    console.print("\n[bold]Every contradiction newsprism reports[/] (judged against the gold where annotated):")
    for c in contradictions:
        a, b = event_place.get(c["event_a"]), event_place.get(c["event_b"])
        if not a or not b:
            continue
        verdict = "unjudged (sub-event not annotated)"
        split = split_of(a[0])
        for i, g in enumerate(gold_contradictions):
            if (overlaps(a, g["a"]) and overlaps(b, g["b"])) or (overlaps(a, g["b"]) and overlaps(b, g["a"])):
                verdict = "genuine" if g["genuine"] else f"false alarm ({g['why']})"
                if g["genuine"]:
                    found_genuine.add((g["happening"], g["what"]))
                break
        else:
            if (key := genuine_by_sides(a, b)) is not None:
                verdict = "genuine"
                found_genuine.add(key)
            elif in_annotated(a[0]) and in_annotated(b[0]):
                verdict = "false alarm"
        if not verdict.startswith("unjudged"):
            judged[split]["genuine" if verdict == "genuine" else "false"] += 1
        sa, sb = sentence_span(*a[:2]), sentence_span(*b[:2])
        console.print(f"- [{split}] {c['kind']}: {c['outlet_a']} says {c['value_a']!r}; {c['outlet_b']} says {c['value_b']!r} -> {verdict}")
        console.print(f"    {a[0]}: {' '.join((sa[2] if sa else '?').split())[:220]}")
        console.print(f"    {b[0]}: {' '.join((sb[2] if sb else '?').split())[:220]}")
    table = Table(title="Contradictions in annotated sub-events")
    # Recall is over distinct gold contradictions (a happening and the quantity its voices disagree
    # on), not over the passage pairs the gold lists for each.
    for column in ("split", "reported", "genuine", "precision", "gold contradictions", "recall"):
        table.add_column(column, justify="right")
    for split in SPLITS:
        genuine_gold = {(g["happening"], g["what"]) for g in gold_contradictions if g["genuine"] and g["split"] == split}
        t, f = judged[split]["genuine"], judged[split]["false"]
        table.add_row(split, str(t + f), str(t), f"{t / (t + f):.3f}" if t + f else "-", str(len(genuine_gold)),
                      f"{len(found_genuine & genuine_gold) / len(genuine_gold):.3f}" if genuine_gold else "-")
    console.print(table)
    kinds = Counter(c["kind"] for c in contradictions)
    console.print(f"All of ECB+ and BASIL: {len(contradictions)} contradictions reported ("
                  + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + "), each listed above.")


def print_errors(what: str, errors: list[tuple]) -> None:
    kinds = Counter((e[0], e[1]) for e in errors)
    console.print(f"[bold]{what} errors by kind:[/] " + (", ".join(f"{s} {k}: {n}" for (s, k), n in sorted(kinds.items())) or "none"))
    for e in errors:
        console.print("   " + " | ".join(str(x) for x in e))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store-dir", type=Path, help="keep the analysed stores here (reused by later runs)")
    parser.add_argument("--only", default="copies,relays,claims", help="comma-separated parts to score")
    parser.add_argument("--relays-from", choices=("stores", "parses"), default="stores",
                        help="score relays on the full pipeline's stores, or on find_cited_sources over cached "
                             "parses (fast, for tuning; the cache is kept in --store-dir)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"{CORPUS}: shared corpora not found beside the repository", file=sys.stderr)
        return 2
    parts = set(args.only.split(","))
    if "copies" in parts:
        score_copies()
    folder = args.store_dir or Path(tempfile.mkdtemp(prefix="newsprism-claims-"))
    if "relays" in parts and args.relays_from == "parses":
        score_relays(relays_from_parses(folder))
        parts.discard("relays")
    if parts & {"relays", "claims"}:
        settings = Settings()
        folder.mkdir(parents=True, exist_ok=True)
        stores = {"ecbplus": build_ecbplus_store(folder / "ecbplus.duckdb", settings),
                  "basil": build_basil_store(folder / "basil.duckdb", settings)}
        try:
            if "relays" in parts:
                score_relays(relays_from_stores(stores))
            if "claims" in parts:
                for store in stores.values():
                    cluster(store, settings, 1)
                score_claims(stores)
        finally:
            for store in stores.values():
                store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
