"""Very long articles, analysed in parts and joined back into one article.

An article longer than ``Settings.max_article_chars`` (a page that holds a whole feed, a
transcript) is cut into parts at paragraph ends, each part is parsed and run through the
per-article stages on its own, and the records are joined back with article-level offsets.
The cost of one article then grows linearly with its length (each part costs at most what
an article of ``max_article_chars`` costs), its text is stored whole, and nothing is cut
silently. What a part loses is the context of the parts before it: a surname in part 3 is
not tied to the full name in part 1 there (the store's actor merge still ties them).

The join is generic over the record dataclasses, so a record type added by a later stage is
shifted with no change here, as long as it follows the records' naming: ``start``/``end``
and ``*_start``/``*_end`` are character offsets, ``sentence_index`` (and a Sentence's
``index``) count sentences, and ``id`` is the record's own id.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from newsprism.records import AnalyzedArticle, Article, stable_id

# Where a part may end, best first: after a blank line, a line break, a sentence end, a space.
_BREAKS = (re.compile(r"\n\s*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'’”)\]]*\s+"), re.compile(r"\s+"))


def split_points(text: str, limit: int) -> list[tuple[int, int]]:
    """Return the (start, end) of consecutive parts of ``text``, each at most ``limit`` long.

    Parts end after whitespace at the best break in the last half of the window, so joined
    they are the text exactly; only a window with no whitespace at all is cut mid-word.
    """
    if limit <= 0 or len(text) <= limit:
        return [(0, len(text))]
    parts: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        parts.append((start, start + cut))
        start += cut
    parts.append((start, len(text)))
    return parts


def part_article(article: Article, start: int, end: int) -> Article:
    """Return the article of one part: its text, and the dateline only where the part holds it."""
    dateline = article.dateline_span if article.dateline_span and article.dateline_span[1] <= end and start == 0 else None
    return dataclasses.replace(article, text=article.text[start:end], dateline_span=dateline)


def _shift(value, chars: int, sentences: int, ids: dict[str, str]):
    """Return a record (or tuple/list of records) with offsets and sentence numbers moved on."""
    if isinstance(value, (list, tuple)):
        return type(value)(_shift(v, chars, sentences, ids) for v in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if current is None or isinstance(current, bool):
            continue
        name = f.name
        if isinstance(current, int) and (name in ("start", "end") or name.endswith(("_start", "_end"))):
            changes[name] = current + chars
        elif isinstance(current, int) and (name == "sentence_index" or (name == "index" and hasattr(value, "article_id"))):
            changes[name] = current + sentences
        elif isinstance(current, str) and current in ids and (name == "id" or name.endswith("_id")):
            changes[name] = ids[current]
        elif isinstance(current, (list, tuple)) and current and dataclasses.is_dataclass(current[0]):
            changes[name] = _shift(current, chars, sentences, ids)
    return dataclasses.replace(value, **changes) if changes else value


def join_parts(article: Article, parts: Sequence[tuple[int, AnalyzedArticle]]) -> AnalyzedArticle:
    """Return one analysed article from its parts' analyses, given each part's start offset.

    Records of the first part keep their ids; a later part's record ids are derived from the
    part number, so two parts never give two records one id.
    """
    joined = AnalyzedArticle(article=article)
    list_fields = [f.name for f in dataclasses.fields(AnalyzedArticle) if f.name != "article"]
    sentences = 0
    for number, (offset, analyzed) in enumerate(parts):
        ids: dict[str, str] = {}
        if number:
            for name in list_fields:
                for record in getattr(analyzed, name):
                    if hasattr(record, "article_id") and isinstance(getattr(record, "id", None), str):
                        ids[record.id] = stable_id(record.id, "part", number)
        for name in list_fields:
            getattr(joined, name).extend(_shift(record, offset, sentences, ids) for record in getattr(analyzed, name))
        sentences += len(analyzed.sentences)
    return joined
