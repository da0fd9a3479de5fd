"""The per-article pipeline and the batch run that feeds the store.

``analyze_doc`` turns one parsed article into records; it is a pure function of the article
and its spaCy ``Doc`` so the local runner and the Ray runner share it. ``run_analysis``
streams files through reading, parsing and coding in bounded batches, writing each batch
in one transaction and skipping articles already stored, so a rerun or a resumed run
never stores anything twice.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from newsprism.article_parts import join_parts, part_article, split_points
from newsprism.collector import fewer_collections
from newsprism.config import Settings
from newsprism.errors import NotAnArticleFile, UnreadableArticle, one_line
from newsprism.ingest.copy_index import (
    backfill_band_keys,
    band_keys,
    band_layout,
    stored_candidates,
    stored_originals,
)
from newsprism.ingest.dedup import DedupItem, find_copies, signature
from newsprism.ingest.manifest import ManifestEntry
from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import expand_inputs, read_file
from newsprism.nlp.cited_sources import find_cited_sources
from newsprism.nlp.dates import find_dates
from newsprism.nlp.model import load_model
from newsprism.records import AnalyzedArticle, Article, EntityMention, InputFailure, Sentence
from newsprism.store import Store

T = TypeVar("T")

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "LAW", "PERCENT"}


@dataclass(slots=True)
class RunReport:
    """What one run did: counts, failures and time per stage."""

    files: int = 0
    articles_read: int = 0
    stored: int = 0
    failed_articles: int = 0   # read, but a stage raised on them (each also in ``failures``)
    failed_stories: int = 0    # a story stage raised on them (each also in ``failures``)
    already_stored: int = 0
    copies: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)     # a line per folder on files of other types left alone
    seconds: dict[str, float] = field(default_factory=dict)
    slowest: tuple[float, str] = (0.0, "")   # seconds of the per-article stages, and that article's source
    long_articles: list[str] = field(default_factory=list)   # a line per article analysed in parts
    max_article_chars: int = 0
    on_step: Callable[[str], None] | None = None   # told what a long article is at, part by part

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def add_article_failure(self, failure: InputFailure) -> None:
        self.failures.append(failure)
        self.failed_articles += 1

    @property
    def failed_inputs(self) -> int:
        """Inputs that failed before any stage: unreadable files and records."""
        return len(self.failures) - self.failed_articles - self.failed_stories


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


def stage_name(stage: Callable[..., object]) -> str:
    """Return the name a stage's time is reported under (its ``name`` or function name)."""
    return str(getattr(stage, "name", None) or getattr(stage, "__name__", None) or type(stage).__name__)


def analyze_doc(article: Article, doc, timings: dict[str, float] | None = None,
                settings: Settings | None = None) -> AnalyzedArticle:
    """Return everything the per-article stages find in one parsed article.

    With ``timings``, the seconds each step took are added to it by step name, so a run can
    show which stage is the next bottleneck. An exception from a stage propagates; the run's
    article boundary is ``analyze_article``.
    """
    return _analyze(article, doc, timings, ["analysis"], settings)


def analyze_article(article: Article, doc, timings: dict[str, float] | None = None,
                    strict: bool = False, settings: Settings | None = None) -> AnalyzedArticle | InputFailure:
    """The article boundary: return the analysed article, or its failure if a stage raised.

    Every per-article stage runs inside this one ``try``, so a stage added to
    ``article_stages`` is isolated with no further work; the failure names the stage that
    raised. ``strict`` re-raises instead (for development).
    """
    stage = ["analysis"]
    try:
        return _analyze(article, doc, timings, stage, settings)
    except Exception as exc:
        if strict:
            raise
        return article_failure(article, stage[0], exc)


def article_failure(article: Article, stage: str, exc: BaseException) -> InputFailure:
    """Return the failure record of an article a stage raised on: stage, exception type, one line."""
    lines = str(exc).strip().splitlines()
    message = one_line(lines[0])[:200] if lines else ""
    reason = f"{stage} failed: {type(exc).__name__}" + (f": {message}" if message else "")
    return InputFailure(article.source, reason, article.id, stage, type(exc).__name__)


def _analyze(article: Article, doc, timings: dict[str, float] | None, stage: list[str],
             settings: Settings | None = None) -> AnalyzedArticle:
    """Run the per-article steps, keeping ``stage[0]`` on the one running (for the failure record)."""
    started = time.perf_counter()
    stage[0] = "sentences"
    sentences = _sentences(article, doc)
    index_of = _sentence_index_of(sentences)
    stage[0] = "entities"
    entities = [
        EntityMention(article.id, index_of(ent.start_char), ent.start_char, ent.end_char, article.text[ent.start_char:ent.end_char], ent.label_)
        for ent in doc.ents if ent.label_ in ENTITY_LABELS and ent.text.strip()
    ]
    stage[0] = "dates"
    dates = find_dates(article, [(s.index, s.start, s.end) for s in sentences])
    lead = index_of(article.dateline_span[1]) if article.dateline_span else 0
    stage[0] = "cited sources"
    cited = find_cited_sources(article, doc, lead)
    # spaCy's own sentence numbering can differ where we dropped blank sentences: re-index.
    cited = [c.__class__(**{**{f: getattr(c, f) for f in c.__slots__}, "sentence_index": index_of(c.start)}) for c in cited]
    analyzed = AnalyzedArticle(article=article, sentences=sentences, entities=entities, dates=dates, cited_sources=cited)
    if timings is not None:
        now = time.perf_counter()
        timings["sentences, entities, dates, cited sources"] = timings.get("sentences, entities, dates, cited sources", 0.0) + now - started
        started = now
    for step in article_stages(settings):
        stage[0] = name = stage_name(step)
        step(analyzed, doc)
        if timings is not None:
            now = time.perf_counter()
            timings[name] = timings.get(name, 0.0) + now - started
            started = now
    return analyzed


def article_stages(settings: Settings | None = None) -> list[Callable[[AnalyzedArticle, object], None]]:
    """Return the per-article stages after the language pipeline, in the order they run.

    Each reads the Doc and fills the AnalyzedArticle in place. The local runner and the Ray
    runner both call this, so they run exactly the same stages.
    """
    stages: list[Callable[[AnalyzedArticle, object], None]] = []
    from newsprism.actors import resolve_actors

    gazetteer = settings.gazetteer if settings is not None else None
    if gazetteer is None:
        stages.append(resolve_actors)
    else:
        def resolve_actors_with_gazetteer(analyzed: AnalyzedArticle, doc: object) -> None:
            resolve_actors(analyzed, doc, gazetteer)
        resolve_actors_with_gazetteer.__name__ = "resolve_actors"
        stages.append(resolve_actors_with_gazetteer)
    # Quotes before events: an "I" in a quotation is its speaker, for the events it tells.
    from newsprism.events.quotes import extract_quotes

    stages.append(extract_quotes)
    from newsprism.events import extract_events

    stages.append(extract_events)
    from newsprism.places.stage import locate_places

    stages.append(locate_places)
    return stages


def iter_articles(files: Iterable[Path], settings: Settings, report: RunReport,
                  on_file: Callable[[Path], None] | None = None, walked: Collection[Path] = ()) -> Iterator[Article]:
    """Yield the articles of the files in order; record each failure and go on.

    ``walked``: files a folder walk found. One of them that holds data of another kind (a JSON
    gold file beside the articles) is noted as unread, not counted as a failure."""
    manifests: dict[Path, dict[str, ManifestEntry]] = {}
    for path in files:
        started = time.perf_counter()
        for item in read_file(path, settings.max_file_bytes, manifests):
            if isinstance(item, NotAnArticleFile) and path in walked:
                report.unread.append(str(item))
                continue
            if isinstance(item, UnreadableArticle):
                report.failures.append(InputFailure(item.source, item.reason))
                continue
            report.articles_read += 1
            try:
                article = build_article(item)
            except Exception as exc:
                if settings.strict:
                    raise
                report.add_article_failure(InputFailure(
                    item.source, f"metadata failed: {type(exc).__name__}: {one_line(str(exc))[:200]}",
                    None, "metadata", type(exc).__name__))
                continue
            report.add_time("reading", time.perf_counter() - started)
            yield article
            started = time.perf_counter()
        report.add_time("reading", time.perf_counter() - started)
        if on_file:
            on_file(path)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def unstored_articles(articles: Iterable[Article], store: Store, settings: Settings, report: RunReport,
                      in_flight: set[str]) -> Iterator[Article]:
    """Yield the articles not yet stored, nor already on their way to the store in this run.

    The store is asked once per batch, so a resumed run skips finished articles before any
    parsing. ``in_flight`` holds the ids yielded but not yet written; the writer empties it,
    which keeps it as small as the batches the parser holds.
    """
    for batch in _batches(articles, settings.batch_size):
        started = time.perf_counter()
        known = store.known_article_ids(a.id for a in batch)
        report.add_time("store", time.perf_counter() - started)
        for article in batch:
            if article.id in known or article.id in in_flight:
                report.already_stored += 1
            else:
                in_flight.add(article.id)
                yield article


def parse_stream(articles: Iterable[Article], nlp, settings: Settings, report: RunReport) -> Iterator[AnalyzedArticle]:
    """Yield each article analysed: one ``nlp.pipe`` over the whole stream, then the per-article stages.

    One pipe for the run (not one per batch) means that with ``workers > 1`` spaCy starts its
    worker processes, each holding the model, once. Time spent waiting on the pipe counts as
    parsing, less the reading and store look-ups the pipe pulled through meanwhile.

    A stage that raises on one article fails that article only (``report.failures``, with the
    stage); if the parser itself raises, the articles it held are parsed one at a time, so
    only the one it fails on is lost, and a fresh pipe takes the rest. ``settings.strict``
    re-raises instead.
    """
    pending: deque[tuple[Article, list[tuple[int, int]]]] = deque()   # articles in the pipe, with their parts
    articles = iter(articles)
    upstream_failed = False

    def texts() -> Iterator[str]:
        nonlocal upstream_failed
        while True:
            try:
                article = next(articles)
            except StopIteration:
                return
            except BaseException:
                upstream_failed = True   # reading or the store, not the parser: not ours to isolate
                raise
            text = text_for_parse(article)
            parts = split_points(text, settings.max_article_chars)
            pending.append((article, parts))
            for start, end in parts:
                yield text[start:end]

    def analysed(article: Article, docs: list, parts: list[tuple[int, int]]) -> Iterator[AnalyzedArticle]:
        started = time.perf_counter()
        if len(parts) == 1:
            result = analyze_article(article, docs[0], report.seconds, settings.strict, settings)
        else:
            result = analyze_in_parts(article, docs, parts, report, settings.strict, settings)
        report.slowest = max(report.slowest, (time.perf_counter() - started, article.source))
        if isinstance(result, InputFailure):
            report.add_article_failure(result)
        else:
            yield result

    while True:
        docs = iter(nlp.pipe(texts(), batch_size=settings.batch_size, n_process=max(1, settings.workers)))
        try:
            while True:
                upstream = report.seconds.get("reading", 0.0) + report.seconds.get("store", 0.0)
                started = time.perf_counter()
                doc = next(docs, None)
                if doc is not None and len(pending[0][1]) > 1:
                    article, parts = pending[0]
                    got = [doc]
                    for _ in parts[1:]:
                        _note(report, f"{_short(article)}: parsed part {len(got)} of {len(parts)}")
                        got.append(next(docs))
                waited = time.perf_counter() - started
                report.add_time("parsing", waited - (report.seconds.get("reading", 0.0) + report.seconds.get("store", 0.0) - upstream))
                if doc is None:
                    return
                article, parts = pending.popleft()
                yield from analysed(article, got if len(parts) > 1 else [doc], parts)
        except Exception:
            if settings.strict or upstream_failed:
                raise
        # The parser raised on one of the articles it held: parse those one at a time.
        while pending:
            article, parts = pending.popleft()
            started = time.perf_counter()
            try:
                text = text_for_parse(article)
                docs_of_article = [nlp(text[start:end]) for start, end in parts]
            except Exception as exc:
                report.add_article_failure(article_failure(article, "parse", exc))
                continue
            finally:
                report.add_time("parsing", time.perf_counter() - started)
            yield from analysed(article, docs_of_article, parts)


def _short(article: Article) -> str:
    return f"{article.title or article.source}"[:60] + f" ({len(article.text):,} characters)"


def _note(report: RunReport, message: str) -> None:
    if report.on_step is not None:
        report.on_step(message)


def analyze_in_parts(article: Article, docs: Sequence, parts: Sequence[tuple[int, int]], report: RunReport,
                     strict: bool = False, settings: Settings | None = None) -> AnalyzedArticle | InputFailure:
    """Analyse an article longer than ``max_article_chars`` part by part (see article_parts.py).

    Each part goes through the same article boundary; a part that fails fails the article,
    named with the part. Progress is shown part by part.
    """
    analysed_parts = []
    for number, ((start, end), doc) in enumerate(zip(parts, docs), 1):
        _note(report, f"{_short(article)}: analysing part {number} of {len(parts)}")
        result = analyze_article(part_article(article, start, end), doc, report.seconds, strict, settings)
        if isinstance(result, InputFailure):
            return InputFailure(article.source, f"part {number} of {len(parts)}: {result.reason}", article.id,
                                result.stage, result.error_type)
        analysed_parts.append((start, result))
    report.long_articles.append(f"{article.source}: {len(article.text):,} characters, over max_article_chars "
                                f"({report.max_article_chars:,}): analysed in {len(parts)} parts")
    return join_parts(article, analysed_parts)


def parse_and_analyze(articles: Sequence[Article], nlp, settings: Settings, report: RunReport) -> list[AnalyzedArticle]:
    """Return the analysed articles of one batch (spaCy nlp.pipe, then the per-article stages)."""
    return list(parse_stream(articles, nlp, settings.with_(workers=1), report))


def link_copies(store: Store, new_articles: Sequence[Article], settings: Settings) -> int:
    """Find exact and near copies among new and stored articles; store links and signatures.

    Only stored articles sharing an LSH band key or a content hash with a new one are read
    back (see ingest/copy_index.py), so the cost per batch does not grow with what is stored
    beyond one scan of the band keys inside DuckDB.
    """
    if not new_articles:
        return 0
    threshold, permutations = settings.near_duplicate_threshold, settings.minhash_permutations
    bands, rows_per_band = band_layout(threshold, permutations)
    new_ids = {a.id for a in new_articles}
    signed = [(a, signature(a.text, permutations)) for a in new_articles]
    stored = stored_candidates(store, [(a.id, a.content_hash, sig) for a, sig in signed], threshold, permutations, new_ids)
    base = max((item.order for item, _ in stored), default=0) + 1
    new = [(DedupItem(a.id, a.content_hash, a.published, base + i), sig) for i, (a, sig) in enumerate(signed)]
    links = find_copies(stored, new, threshold, permutations)
    # A new link overrides a stored one; stored copies already point at the root of their chain.
    parent = {link.article_id: link.original_id for link in links}
    involved = set(parent) | set(parent.values())
    stored_parent: dict[str, str | None] = {article_id: None for article_id in involved}
    stored_parent.update(stored_originals(store, involved))

    def original_of(article_id: str) -> str | None:
        if article_id in parent:
            return parent[article_id]
        if article_id not in stored_parent:
            stored_parent[article_id] = stored_originals(store, {article_id}).get(article_id)
        return stored_parent[article_id]

    def root(article_id: str) -> str:
        seen, current = {article_id}, article_id
        while (following := original_of(current)) is not None and following not in seen:
            seen.add(following)
            current = following
        return current

    with store.transaction():
        store.insert_rows("minhashes", [
            {"article_id": a.id, "signature": [int(v) for v in sig], "rows_per_band": rows_per_band,
             "band_keys": band_keys(sig, rows_per_band, bands)} for a, sig in signed])
        for link in links:
            original = root(link.article_id)
            if original == link.article_id:
                continue
            store.con.execute("DELETE FROM copies WHERE article_id = ?", [link.article_id])
            store.insert_rows("copies", [{"article_id": link.article_id, "original_id": original,
                                          "kind": link.kind, "similarity": link.similarity}])
            if link.article_id not in new_ids:
                # A stored original turned out to be a copy: its own copies follow it to the new root.
                store.con.execute("UPDATE copies SET original_id = ? WHERE original_id = ?", [original, link.article_id])
    return len(links)


def store_stages() -> list[Callable[[Store, Settings], None]]:
    """Return the story-level stages that run once per run, after every batch is stored."""
    stages: list[Callable[[Store, Settings], None]] = []
    from newsprism.actors import merge_actors

    stages.append(merge_actors)
    from newsprism.stories import update_stories

    stages.append(update_stories)
    return stages


def run_analysis(paths: Sequence[str], settings: Settings, store: Store,
                 on_progress: Callable[[int, int, int], None] | None = None,
                 on_step: Callable[[str], None] | None = None) -> RunReport:
    """Analyse the articles under ``paths`` into ``store``; return what happened.

    Articles stream through reading, parsing and coding; every ``batch_size`` analysed
    articles are written in one transaction, so memory holds a few batches whatever the
    corpus size, and a run killed at any point leaves whole batches only.
    ``on_progress(files_done, files_total, articles_stored)`` is called as files complete and
    batches are stored. ``on_step(message)`` is told where an article longer than
    ``max_article_chars`` is, part by part.
    """
    # The collector is set for a long run (see collector.py) only around the work itself.
    with fewer_collections() as loaded:
        return _run_analysis(paths, settings, store, on_progress, on_step, loaded)


def _run_analysis(paths: Sequence[str], settings: Settings, store: Store,
                  on_progress: Callable[[int, int, int], None] | None,
                  on_step: Callable[[str], None] | None, loaded: Callable[[], None]) -> RunReport:
    report = RunReport(max_article_chars=settings.max_article_chars, on_step=on_step)
    inputs = expand_inputs(list(paths))
    files, report.unread = inputs.files, inputs.unread
    report.failures.extend(InputFailure(m.source, m.reason) for m in inputs.missing)
    report.files = len(files)
    # The run's own bound on DuckDB's memory, whatever the connection was opened with.
    store.set_memory_limit(settings.duckdb_memory_limit)
    nlp = load_model(settings.model, settings.spacy_components)
    loaded()   # the model lives through the run: out of the collector's sight
    started = time.perf_counter()
    backfill_band_keys(store, settings.near_duplicate_threshold, settings.minhash_permutations)
    report.add_time("store", time.perf_counter() - started)
    done = 0

    def file_done(_: Path) -> None:
        nonlocal done
        done += 1
        if on_progress:
            on_progress(done, len(files), report.stored)

    failures_written = 0
    in_flight: set[str] = set()
    from newsprism.stories.increments import StoryIncrements

    increments = StoryIncrements(store, settings)
    fresh = unstored_articles(iter_articles(files, settings, report, file_done, inputs.walked), store, settings, report, in_flight)
    for analyzed in _batches(parse_stream(fresh, nlp, settings, report), settings.batch_size):
        started = time.perf_counter()
        new_failures = report.failures[failures_written:]
        stored_before = report.stored
        write_analyzed(store, analyzed, new_failures, settings, report)
        failures_written = len(report.failures)
        in_flight.difference_update(item.article.id for item in analyzed)
        in_flight.difference_update(f.article_id for f in new_failures if f.article_id)
        report.add_time("store", time.perf_counter() - started)
        started = time.perf_counter()
        increments.stored(report.stored - stored_before)
        report.add_time("stories", time.perf_counter() - started)
        if on_progress:
            on_progress(done, len(files), report.stored)
    if report.failures[failures_written:]:
        store.write_batch([], report.failures[failures_written:])
    run_store_stages(store, settings, report)
    return report


def write_analyzed(store: Store, analyzed: Sequence[AnalyzedArticle], failures: Sequence[InputFailure],
                   settings: Settings, report: RunReport) -> None:
    """Store one batch: articles, their records, copy links and failures, in one transaction.

    If the batch cannot be written, its articles are written one at a time, so the one whose
    rows the store refuses fails alone (stage "store") and the others are kept.
    """
    try:
        with store.transaction():
            stored = store.write_batch(analyzed, failures)
            copies = link_copies(store, [item.article for item in analyzed], settings)
        report.stored, report.copies = report.stored + stored, report.copies + copies
        return
    except Exception:
        if settings.strict:
            raise
    store.write_batch([], failures)
    for item in analyzed:
        try:
            with store.transaction():
                stored = store.write_batch([item])
                copies = link_copies(store, [item.article], settings)
            report.stored, report.copies = report.stored + stored, report.copies + copies
        except Exception as exc:
            failure = article_failure(item.article, "store", exc)
            report.add_article_failure(failure)
            store.write_batch([], [failure])


def run_store_stages(store: Store, settings: Settings, report: RunReport) -> None:
    """Run the story-level stages over the whole store, timing them as "stories".

    A stage may return failures (``InputFailure``, one per story it could not finish): they are
    stored and counted, and the run goes on. A stage that raises as a whole is recorded the
    same way under its name, and the next stage still runs; ``settings.strict`` re-raises.
    """
    started = time.perf_counter()
    for stage in store_stages():
        try:
            result = stage(store, settings)
        except Exception as exc:
            if settings.strict:
                raise
            lines = str(exc).strip().splitlines()
            name = stage_name(stage)
            result = [InputFailure("stories", f"{name} failed: {type(exc).__name__}"
                                   + (f": {one_line(lines[0])[:200]}" if lines else ""), None, name, type(exc).__name__)]
        if isinstance(result, list) and result and all(isinstance(f, InputFailure) for f in result):
            report.failures.extend(result)
            report.failed_stories += len(result)
            store.write_batch([], result)
    report.add_time("stories", time.perf_counter() - started)
