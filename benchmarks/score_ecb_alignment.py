"""Score cross-document event alignment (claims) on ECB+ event coreference chains.

Our own extracted events are aligned to ECB+ gold action mentions by character span; the claims
newsprism builds are then scored against the gold chains with MUC, B3 and CEAF-e, and their
mean (CoNLL F1). Two rows are printed:
- "aligned mentions": only events that match a gold mention (alignment quality given mentions);
- "end to end": every gold action mention of the checked sentences
  (ECBplus_coreference_sentences.csv), where a gold mention we did not extract counts as missed.

Rows for the dev and test topics (the claim gold's fixed split) follow the aligned row.

    python benchmarks/score_ecb_alignment.py [--store-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import defusedxml.ElementTree as safe_xml
import numpy as np
from rich.console import Console
from rich.table import Table
from scipy.optimize import linear_sum_assignment

from newsprism.config import Settings
from newsprism.ingest.ecbplus import _NO_SPACE_BEFORE

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_corpus import split_of
from score_story_clustering import ECBPLUS, SHARED, build_ecbplus_store, cluster

Mention = tuple[str, int, int]        # (file name, start, end) in the article text


def token_offsets(sentences: list[tuple[int, list[tuple[int, str]]]], is_plus: bool) -> tuple[dict[int, tuple[int, int]], set[int], str]:
    """Return {t_id: (start, end)} in the article body as the ECB+ reader builds it, the body's sentence numbers, and the body."""
    lines: list[tuple[int, str, list[tuple[int, int, int]]]] = []
    for number, tokens in sentences:
        text, spans = "", []
        for t_id, token in tokens:
            if text and not _NO_SPACE_BEFORE.match(token) and not text.endswith(("(", "[", "$")):
                text += " "
            spans.append((t_id, len(text), len(text) + len(token)))
            text += token
        lines.append((number, text, spans))
    if is_plus and lines and re.match(r"^https?\s*:?\s*/", lines[0][1].replace(" ", "")):
        lines = lines[1:]
    body_lines = lines[1:] if len(lines) > 1 else lines
    offsets, position, body = {}, 0, []
    for number, text, spans in body_lines:
        for t_id, start, end in spans:
            offsets[t_id] = (position + start, position + end)
        body.append(text)
        position += len(text) + 1
    return offsets, {n for n, _, _ in body_lines}, "\n".join(body)


def gold_mentions(path: Path, checked: set[int]) -> tuple[dict[Mention, str], str]:
    """Return {mention span: chain id} for the action mentions of the checked sentences, and the body text."""
    root = safe_xml.fromstring(path.read_bytes())
    sentences: dict[int, list[tuple[int, str]]] = defaultdict(list)
    sentence_of: dict[int, int] = {}
    for token in root.iter("token"):
        t_id, number = int(token.get("t_id")), int(token.get("sentence"))
        sentences[number].append((t_id, token.text or ""))
        sentence_of[t_id] = number
    offsets, _, body = token_offsets(sorted(sentences.items()), path.name.endswith("ecbplus.xml"))
    markables = root.find("Markables")
    spans: dict[str, list[int]] = {}
    for markable in markables if markables is not None else []:
        if not (markable.tag.startswith("ACTION") or markable.tag.startswith("NEG_ACTION")):
            continue
        anchors = [int(a.get("t_id")) for a in markable.iter("token_anchor")]
        if anchors:
            spans[markable.get("m_id")] = anchors
    chain: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        target = relation.find("target").get("m_id")
        chain_id = relation.get("note") if relation.tag == "CROSS_DOC_COREF" else f"{path.name}#{target}"
        for source in relation.iter("source"):
            chain[source.get("m_id")] = chain_id
    mentions = {}
    for m_id, anchors in spans.items():
        if sentence_of.get(anchors[0]) not in checked or any(a not in offsets for a in anchors):
            continue
        start, end = offsets[anchors[0]][0], offsets[anchors[-1]][1]
        mentions[(path.name, start, end)] = chain.get(m_id, f"{path.name}#{m_id}")
    return mentions, body


def checked_sentences() -> dict[str, set[int]]:
    """Return {file stem: checked sentence numbers} from ECBplus_coreference_sentences.csv."""
    out: dict[str, set[int]] = defaultdict(set)
    with (ECBPLUS / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return out


def align(system: dict[Mention, str], gold: dict[Mention, str]) -> dict[Mention, Mention]:
    """Return {system mention: gold mention} pairing overlapping spans of one file, largest overlap first."""
    by_file: dict[str, list[Mention]] = defaultdict(list)
    for mention in gold:
        by_file[mention[0]].append(mention)
    candidates = []
    for s in system:
        for g in by_file.get(s[0], []):
            overlap = min(s[2], g[2]) - max(s[1], g[1])
            if overlap > 0:
                candidates.append((overlap, s, g))
    paired: dict[Mention, Mention] = {}
    used: set[Mention] = set()
    for _, s, g in sorted(candidates, reverse=True):
        if s not in paired and g not in used:
            paired[s] = g
            used.add(g)
    return paired


def _clusters(labels: dict[Mention, str]) -> list[set[Mention]]:
    groups: dict[str, set[Mention]] = defaultdict(set)
    for mention, label in labels.items():
        groups[label].add(mention)
    return list(groups.values())


def muc(key: list[set], response: list[set]) -> tuple[float, float]:
    """Return MUC (recall, precision)."""
    def score(a: list[set], b: list[set]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        numerator = denominator = 0
        for chain in a:
            parts = {where.get(m, ("alone", m)) for m in chain}
            numerator += len(chain) - len(parts)
            denominator += len(chain) - 1
        return numerator / denominator if denominator else 0.0
    return score(key, response), score(response, key)


def b_cubed(key: list[set], response: list[set]) -> tuple[float, float]:
    """Return B3 (recall, precision)."""
    def score(a: list[set], b: list[set]) -> float:
        where = {m: c for c in b for m in c}
        total = sum(len(c) for c in a)
        return sum(len(c & where.get(m, set())) / len(c) for c in a for m in c) / total if total else 0.0
    return score(key, response), score(response, key)


def ceaf_e(key: list[set], response: list[set]) -> tuple[float, float]:
    """Return CEAF-e (recall, precision) with the phi4 similarity."""
    if not key or not response:
        return 0.0, 0.0
    phi = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key])
    rows, cols = linear_sum_assignment(-phi)
    total = phi[rows, cols].sum()
    return total / len(key), total / len(response)


def f1(recall: float, precision: float) -> float:
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store-dir", type=Path, help="keep the analysed store here (reused by later runs)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"{SHARED}: shared corpora not found beside the repository", file=sys.stderr)
        return 2
    settings = Settings()
    folder = args.store_dir or Path(tempfile.mkdtemp(prefix="newsprism-ecb-"))
    folder.mkdir(parents=True, exist_ok=True)
    checked = checked_sentences()
    with build_ecbplus_store(folder / "ecbplus.duckdb", settings) as store:
        cluster(store, settings, 1)
        articles = {r["id"]: (Path(r["source"]), r["text"]) for r in store.query("SELECT id, source, text FROM articles")}
        gold: dict[Mention, str] = {}
        usable: set[str] = set()
        for path, text in articles.values():
            mentions, body = gold_mentions(path, checked.get(path.stem, set()))
            if body == text:      # offsets are only comparable where the stored text is the reader's body
                usable.add(path.name)
                gold.update(mentions)
        rows = store.query(
            "SELECT ce.claim_id, e.article_id, e.start, e.\"end\" FROM claim_events ce JOIN events e ON e.id = ce.event_id")
    system: dict[Mention, str] = {}
    for row in rows:
        path, _ = articles[row["article_id"]]
        if path.name in usable:
            system[(path.name, row["start"], row["end"])] = row["claim_id"]
    pairs = align(system, gold)
    table = Table(title="ECB+ cross-document event alignment (claims vs gold event chains)")
    for column in ("mentions", "key", "response", "MUC R", "MUC P", "MUC F1", "B3 R", "B3 P", "B3 F1",
                   "CEAF-e R", "CEAF-e P", "CEAF-e F1", "CoNLL F1"):
        table.add_column(column, justify="right" if column != "mentions" else "left")
    aligned_key = _clusters({g: gold[g] for g in pairs.values()})
    aligned_response = _clusters({pairs[s]: system[s] for s in pairs})
    # End to end: gold mentions we missed stay in the key; our events in checked sentences that
    # match no gold mention are extra response mentions.
    full_key = _clusters(gold)
    full_response = _clusters({**{pairs[s]: system[s] for s in pairs}})
    # The same fixed third of topics as the claim gold is test (benchmarks/claims_corpus.py): tune on dev.
    def split(mention: Mention) -> str:
        return split_of(f"ecbplus/{mention[0].split('_')[0]}/{mention[0]}")

    halves = [(f"aligned, {half} topics", _clusters({g: gold[g] for g in pairs.values() if split(g) == half}),
               _clusters({pairs[s]: system[s] for s in pairs if split(pairs[s]) == half})) for half in ("dev", "test")]
    for name, key, response in (("aligned mentions", aligned_key, aligned_response), *halves,
                                ("end to end", full_key, full_response)):
        scores = [muc(key, response), b_cubed(key, response), ceaf_e(key, response)]
        fs = [f1(r, p) for r, p in scores]
        table.add_row(name, str(sum(map(len, key))), str(sum(map(len, response))),
                      *(f"{v:.3f}" for (r, p), f in zip(scores, fs) for v in (r, p, f)), f"{sum(fs) / 3:.3f}")
    # Errors by kind, counted in pairs of aligned mentions: one gold event split over two claims
    # (missed merge), two gold events joined in one claim (spurious merge), per half.
    errors: dict[str, int] = defaultdict(int)
    aligned = list(pairs)
    for i, a in enumerate(aligned):
        for b in aligned[i + 1:]:
            same_gold, same_claim = gold[pairs[a]] == gold[pairs[b]], system[a] == system[b]
            if same_gold != same_claim:
                errors[f"{'missed' if same_gold else 'spurious'} merge ({split(pairs[a])})"] += 1
    Console(width=200).print(table)
    print("errors (mention pairs): " + ", ".join(f"{k}: {n}" for k, n in sorted(errors.items())))
    print(f"{len(usable)} of {len(articles)} documents with comparable offsets; {len(system)} events in claims, "
          f"{len(pairs)} aligned to {len(gold)} gold action mentions of checked sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
