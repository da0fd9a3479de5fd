"""The per-article pipeline and the batch run that feeds the store.

``analyze_doc`` turns one parsed article into records; it is a pure function of the article
and its spaCy ``Doc`` so the local runner and the Ray runner share it. ``run_analysis``
streams files through reading, parsing and coding in bounded batches, writing each batch
in one transaction and skipping articles already stored, so a rerun or a resumed run
never stores anything twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.config import Settings
from newsprism.errors import UnreadableArticle
from newsprism.ingest.dedup import DedupItem, find_copies, signature
from newsprism.ingest.manifest import ManifestEntry
from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import expand_inputs, read_file
from newsprism.nlp.cited_sources import find_cited_sources
from newsprism.nlp.dates import find_dates
from newsprism.nlp.model import load_model
from newsprism.records import AnalyzedArticle, Article, EntityMention, InputFailure, Sentence
from newsprism.store import Store

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "LAW", "PERCENT"}


@dataclass(slots=True)
class RunReport:
    """What one run did: counts, failures and time per stage."""

    files: int = 0
    articles_read: int = 0
    stored: int = 0
    already_stored: int = 0
    copies: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


def text_for_parse(article: Article) -> str:
    """Return the text spaCy parses: the article text with the dateline blanked out.

    Blanking keeps every character offset valid while sparing the parser a fragment such
    as "MOSCOW, June 26. /TASS/." glued to the first sentence.
    """
    if not article.dateline_span:
        return article.text
    start, end = article.dateline_span
    return article.text[:start] + " " * (end - start) + article.text[end:]


def _sentences(article: Article, doc) -> list[Sentence]:
    sentences = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = start + len(stripped)
        sentences.append(Sentence(article.id, len(sentences), start, end, article.text[start:end]))
    return sentences


def _sentence_index_of(sentences: Sequence[Sentence]) -> Callable[[int], int]:
    starts = [s.start for s in sentences]

    def index_of(char: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(starts, char) - 1)

    return index_of


def analyze_doc(article: Article, doc) -> AnalyzedArticle:
    """Return everything the per-article stages find in one parsed article."""
    sentences = _sentences(article, doc)
    index_of = _sentence_index_of(sentences)
    entities = [
        EntityMention(article.id, index_of(ent.start_char), ent.start_char, ent.end_char, article.text[ent.start_char:ent.end_char], ent.label_)
        for ent in doc.ents if ent.label_ in ENTITY_LABELS and ent.text.strip()
    ]
    dates = find_dates(article, [(s.index, s.start, s.end) for s in sentences])
    lead = index_of(article.dateline_span[1]) if article.dateline_span else 0
    cited = find_cited_sources(article, doc, lead)
    # spaCy's own sentence numbering can differ where we dropped blank sentences: re-index.
    cited = [c.__class__(**{**{f: getattr(c, f) for f in c.__slots__}, "sentence_index": index_of(c.start)}) for c in cited]
    analyzed = AnalyzedArticle(article=article, sentences=sentences, entities=entities, dates=dates, cited_sources=cited)
    for stage in article_stages():
        stage(analyzed, doc)
    return analyzed


def article_stages() -> list[Callable[[AnalyzedArticle, object], None]]:
    """Return the per-article stages after the language pipeline, in the order they run.

    Each reads the Doc and fills the AnalyzedArticle in place. The local runner and the Ray
    runner both call this, so they run exactly the same stages.
    """
    stages: list[Callable[[AnalyzedArticle, object], None]] = []
    from newsprism.actors import resolve_actors

    stages.append(resolve_actors)
    # events stage
    # quotes stage
    return stages


def iter_articles(files: Iterable[Path], settings: Settings, report: RunReport,
                  on_file: Callable[[Path], None] | None = None) -> Iterator[Article]:
    """Yield the articles of the files in order; record each failure and go on."""
    manifests: dict[Path, dict[str, ManifestEntry]] = {}
    for path in files:
        started = time.perf_counter()
        for item in read_file(path, settings.max_file_bytes, manifests):
            if isinstance(item, UnreadableArticle):
                report.failures.append(InputFailure(item.source, item.reason))
                continue
            text = item.text
            if len(text) > settings.max_article_chars:
                cut = text.rfind("\n", 0, settings.max_article_chars)
                text = text[: cut if cut > 0 else settings.max_article_chars]
                item = item.__class__(**{**{f: getattr(item, f) for f in item.__slots__}, "text": text})
            report.articles_read += 1
            article = build_article(item)
            report.add_time("reading", time.perf_counter() - started)
            yield article
            started = time.perf_counter()
        report.add_time("reading", time.perf_counter() - started)
        if on_file:
            on_file(path)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def parse_and_analyze(articles: Sequence[Article], nlp, settings: Settings, report: RunReport) -> list[AnalyzedArticle]:
    """Return the analysed articles of one batch (spaCy nlp.pipe, then the per-article stages)."""
    started = time.perf_counter()
    docs = list(nlp.pipe((text_for_parse(a) for a in articles), batch_size=settings.batch_size,
                         n_process=max(1, settings.workers)))
    report.add_time("parsing", time.perf_counter() - started)
    started = time.perf_counter()
    analyzed = [analyze_doc(article, doc) for article, doc in zip(articles, docs)]
    report.add_time("coding", time.perf_counter() - started)
    return analyzed


def link_copies(store: Store, new_articles: Sequence[Article], settings: Settings) -> int:
    """Find exact and near copies among new and stored articles; store links and signatures."""
    if not new_articles:
        return 0
    new_ids = {a.id for a in new_articles}
    stored_rows = store.query(
        "SELECT m.article_id, m.signature, a.content_hash, a.published, row_number() OVER (ORDER BY a.ingested_at, a.id) AS n "
        "FROM minhashes m JOIN articles a ON a.id = m.article_id")
    stored = [(DedupItem(r["article_id"], r["content_hash"], r["published"], r["n"]), r["signature"]) for r in stored_rows
              if r["article_id"] not in new_ids]
    base = len(stored_rows) + 1
    new = [(DedupItem(a.id, a.content_hash, a.published, base + i), signature(a.text, settings.minhash_permutations))
           for i, a in enumerate(new_articles)]
    links = find_copies(stored, new, settings.near_duplicate_threshold, settings.minhash_permutations)
    existing = {r["article_id"]: r["original_id"] for r in store.query("SELECT article_id, original_id FROM copies")}
    for link in links:
        existing[link.article_id] = link.original_id
    # Point every copy at the root of its chain, never at another copy.
    kinds = {link.article_id: link for link in links}
    rows = []
    for copy_id in existing:
        root = existing[copy_id]
        seen = {copy_id}
        while root in existing and root not in seen:
            seen.add(root)
            root = existing[root]
        if root == copy_id:
            continue
        link = kinds.get(copy_id)
        rows.append((copy_id, root, link.kind if link else None, link.similarity if link else None))
    with store.transaction():
        store.insert_rows("minhashes", [{"article_id": item.article_id, "signature": [int(v) for v in values]} for item, values in new])
        for copy_id, root, kind, similarity in rows:
            if kind is None:
                store.con.execute("UPDATE copies SET original_id = ? WHERE article_id = ?", [root, copy_id])
            else:
                store.con.execute("DELETE FROM copies WHERE article_id = ?", [copy_id])
                store.insert_rows("copies", [{"article_id": copy_id, "original_id": root, "kind": kind, "similarity": similarity}])
    return len(links)


def store_stages() -> list[Callable[[Store, Settings], None]]:
    """Return the story-level stages that run once per run, after every batch is stored."""
    stages: list[Callable[[Store, Settings], None]] = []
    # actors merge stage
    # stories stage
    return stages


def run_analysis(paths: Sequence[str], settings: Settings, store: Store,
                 on_progress: Callable[[int, int, int], None] | None = None) -> RunReport:
    """Analyse the articles under ``paths`` into ``store``; return what happened.

    ``on_progress(files_done, files_total, articles_stored)`` is called as files complete.
    """
    report = RunReport()
    files, missing = expand_inputs(list(paths))
    report.failures.extend(InputFailure(m.source, m.reason) for m in missing)
    report.files = len(files)
    nlp = load_model(settings.model, settings.spacy_components)
    done = 0

    def file_done(_: Path) -> None:
        nonlocal done
        done += 1
        if on_progress:
            on_progress(done, len(files), report.stored)

    failures_written = 0
    for batch in _batches(iter_articles(files, settings, report, file_done), settings.batch_size):
        known = store.known_article_ids(a.id for a in batch)
        seen: set[str] = set()
        fresh = []
        for article in batch:
            if article.id in known or article.id in seen:
                report.already_stored += 1
            else:
                seen.add(article.id)
                fresh.append(article)
        analyzed = parse_and_analyze(fresh, nlp, settings, report) if fresh else []
        started = time.perf_counter()
        new_failures = report.failures[failures_written:]
        # Articles, their records and their copy links land together or not at all.
        with store.transaction():
            report.stored += store.write_batch(analyzed, new_failures)
            report.copies += link_copies(store, fresh, settings)
        failures_written = len(report.failures)
        report.add_time("store", time.perf_counter() - started)
        if on_progress:
            on_progress(done, len(files), report.stored)
    if report.failures[failures_written:]:
        store.write_batch([], report.failures[failures_written:])
    started = time.perf_counter()
    for stage in store_stages():
        stage(store, settings)
    report.add_time("stories", time.perf_counter() - started)
    return report
