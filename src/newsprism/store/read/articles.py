"""Read stored articles: pages of summaries, one article with every record found in it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsprism.store.read.events import list_events, list_quotes
from newsprism.store.read.filters import Filters, add_clauses, page_bounds
from newsprism.store.read.reader import Reader
from newsprism.store.read.records import (
    ActorMention,
    ArticleDetail,
    ArticleListing,
    ArticleSummary,
    CitedSource,
    DateMention,
    EntityMention,
    RecordPage,
    Sentence,
)

ARTICLE_COLUMNS = (
    "a.id, a.title, a.outlet, a.published, a.published_month, a.published_day, a.dateline, a.url, "
    "a.source, a.word_count, c.original_id AS copy_of"
)


# What each filter keeps of the articles.
ARTICLE_FILTERS = {
    "article_ids": "a.id IN (SELECT unnest(?::VARCHAR[]))",
    "article": "a.id = ?",
    "outlet": "lower(a.outlet) = lower(?)",
    "date_from": "a.published >= ?",
    "date_to": "a.published <= ?",
    "actor": "a.id IN (SELECT am.article_id FROM actor_mentions am JOIN actors ac ON ac.id = am.actor_id "
             "WHERE ac.id = ? OR lower(ac.name) = lower(?))",
    "country": "a.id IN (SELECT am.article_id FROM actor_mentions am JOIN actors ac ON ac.id = am.actor_id "
               "WHERE upper(ac.country) = upper(?))",
    "plover_type": "a.id IN (SELECT article_id FROM events WHERE upper(plover_type) = upper(?))",
}


def list_articles(r: Reader, f: Filters, limit: int = 50, offset: int = 0) -> RecordPage[ArticleSummary]:
    """Return one page of articles, newest first."""
    limit, offset = page_bounds(limit, offset)
    add_clauses(f, ARTICLE_FILTERS)
    base = f"FROM articles a LEFT JOIN copies c ON c.article_id = a.id{f.where()}"
    total = r.value(f"SELECT count(*) {base}", f.params)
    rows = r.rows(
        f"SELECT {ARTICLE_COLUMNS} {base} ORDER BY a.published DESC NULLS LAST, a.ingested_at DESC, a.id "
        "LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )
    return RecordPage(items=tuple(ArticleSummary(**row) for row in rows), total=total, limit=limit, offset=offset)


def article_summaries(r: Reader, ids: Sequence[str]) -> list[ArticleSummary]:
    """Return the summaries of the given articles, oldest first."""
    rows = r.rows(
        f"SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN copies c ON c.article_id = a.id "
        "WHERE a.id IN (SELECT unnest(?::VARCHAR[])) ORDER BY a.published NULLS LAST, a.id",
        [list(ids)],
    )
    return [ArticleSummary(**row) for row in rows]


def get_article(r: Reader, article_id: str) -> ArticleDetail | None:
    """Return one article with every record found in it, or None."""
    rows = r.rows(
        f"SELECT {ARTICLE_COLUMNS}, a.text, a.language FROM articles a "
        "LEFT JOIN copies c ON c.article_id = a.id WHERE a.id = ?",
        [article_id],
    )
    if not rows:
        return None
    by_article = [article_id]
    return ArticleDetail(
        **rows[0],
        sentences=tuple(Sentence(**row) for row in r.rows(
            'SELECT article_id, sentence_index, start, "end", text FROM sentences WHERE article_id = ? '
            "ORDER BY sentence_index", by_article)),
        entities=tuple(EntityMention(**row) for row in r.rows(
            'SELECT sentence_index, start, "end", text, label FROM entities WHERE article_id = ? ORDER BY start',
            by_article)),
        dates=tuple(DateMention(**row) for row in r.rows(
            'SELECT sentence_index, start, "end", text, resolved, status FROM dates WHERE article_id = ? ORDER BY start',
            by_article)),
        cited_sources=tuple(CitedSource(**row) for row in r.rows(
            'SELECT sentence_index, start, "end", name, kind, relation, cue FROM cited_sources WHERE article_id = ? '
            "ORDER BY start", by_article)),
        actor_mentions=tuple(ActorMention(**row) for row in r.rows(
            'SELECT actor_id, sentence_index, start, "end", text, how FROM actor_mentions WHERE article_id = ? '
            "ORDER BY start", by_article)),
        events=list_events(r, Filters(article=article_id), limit=500).items,
        quotes=list_quotes(r, Filters(article=article_id), limit=500).items,
    )


def article_ids_with_prefix(r: Reader, prefix: str) -> list[str]:
    """Return the ids of the articles whose id starts with ``prefix``."""
    return [row["id"] for row in r.rows("SELECT id FROM articles WHERE id LIKE ? || '%' ORDER BY id", [prefix])]


def article_listing(r: Reader) -> list[ArticleListing]:
    """Return every article, oldest first, with its copy link and the sources it cites."""
    rows = r.rows(
        "SELECT a.id, a.outlet, a.published, a.published_from, a.published_month, a.published_day, a.dateline, a.title, "
        "c.original_id, c.kind AS copy_kind, "
        "(SELECT string_agg(DISTINCT s.name || ' (' || s.relation || ')', '; ') FROM cited_sources s "
        "WHERE s.article_id = a.id) AS cites "
        "FROM articles a LEFT JOIN copies c ON c.article_id = a.id ORDER BY a.published NULLS LAST, a.outlet, a.id")
    return [ArticleListing(**row) for row in rows]


def article_record(r: Reader, prefix: str) -> dict[str, object] | None:
    """Return the stored row of the first article whose id starts with ``prefix``, or None."""
    rows = r.rows("SELECT * FROM articles WHERE id LIKE ? || '%'", [prefix])
    return rows[0] if rows else None


# What `newsprism show articles --article ID` prints under the article: each a titled table.
ARTICLE_TABLES = {
    "cited sources": "SELECT name, kind, relation, cue, sentence_index FROM cited_sources WHERE article_id = ? ORDER BY start",
    "dates": "SELECT text, resolved, status, part_of_day, sentence_index FROM dates WHERE article_id = ? ORDER BY start",
}


def article_tables(r: Reader, article_id: str) -> dict[str, list[dict[str, object]]]:
    """Return, by title, the article's cited sources and dates as rows of columns."""
    return {title: r.rows(sql, [article_id]) for title, sql in ARTICLE_TABLES.items()}


def story_entity_names(r: Reader) -> dict[str, dict[str, str]]:
    """Return, per article, the ';'-joined PERSON, ORG and place ("locations") entity names it mentions."""
    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in r.rows(
        "SELECT article_id, label, text FROM entities WHERE label IN ('PERSON', 'ORG', 'GPE', 'LOC') "
        "ORDER BY article_id, start"
    ):
        group = "locations" if row["label"] in ("GPE", "LOC") else row["label"].lower()
        if row["text"] not in names[row["article_id"]][group]:
            names[row["article_id"]][group].append(row["text"])
    return {aid: {g: ";".join(v) for g, v in groups.items()} for aid, groups in names.items()}
