"""Search the store by words, and read back the sentences that back what a page shows."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.store.read.actors import list_actors
from newsprism.store.read.articles import list_articles
from newsprism.store.read.events import list_quotes
from newsprism.store.read.filters import Filters, escape_like
from newsprism.store.read.reader import Reader
from newsprism.store.read.records import Evidence, SearchResult

# Search uses ILIKE with bound parameters: DuckDB's `fts` extension is not bundled with the
# duckdb wheel and cannot be downloaded offline (checked with duckdb 2.0), see README "Web UI".
SEARCH_LIMIT = 25


def search(r: Reader, query: str, limit: int = SEARCH_LIMIT) -> SearchResult:
    """Return articles (title or text), actors (name or alias) and quotes (text or speaker) matching."""
    query = query.strip()
    if not query:
        return SearchResult(query=query, articles=(), actors=(), quotes=())
    pattern = f"%{escape_like(query)}%"
    articles = list_articles(r, Filters(clauses=["(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')"],
                                        params=[pattern, pattern]), limit=limit).items
    alias_match = "(ac.name ILIKE ? ESCAPE '\\' OR len(list_filter(ac.aliases, lambda x: x ILIKE ? ESCAPE '\\')) > 0)"
    actors = list_actors(r, Filters(clauses=[alias_match], params=[pattern, pattern]), limit=limit).items
    quotes = list_quotes(r, Filters(clauses=["(q.text ILIKE ? ESCAPE '\\' OR q.speaker ILIKE ? ESCAPE '\\')"],
                                    params=[pattern, pattern]), limit=limit).items
    return SearchResult(query=query, articles=articles, actors=actors, quotes=quotes)


def evidence(r: Reader, spans: Sequence[tuple[str, int, int | None, int | None]]) -> list[Evidence]:
    """Return the sentences (article id, sentence index) with outlet and the span to highlight."""
    if not spans:
        return []
    keys = [f"{a}\x1f{s}" for a, s, _, _ in spans]
    rows = {
        (row["article_id"], row["sentence_index"]): row
        for row in r.rows(
            'SELECT s.article_id, s.sentence_index, s.start, s."end", s.text, a.outlet, a.title, a.published '
            "FROM sentences s JOIN articles a ON a.id = s.article_id "
            "WHERE s.article_id || chr(31) || CAST(s.sentence_index AS VARCHAR) IN (SELECT unnest(?::VARCHAR[]))",
            [keys],
        )
    }
    out = []
    for article_id, index, start, end in spans:
        row = rows.get((article_id, index))
        if row:
            out.append(Evidence(**row, highlight_start=start, highlight_end=end))
    return out
