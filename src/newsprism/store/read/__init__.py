"""The read layer: every SELECT the CLI, the REST API, the pages, the static report and the
exports need, returning plain frozen records (``records.py``).

Writers (``store/duckdb_store.py``, the stages) and the schema keep their own SQL; nothing else
holds any (``tests/store/test_read_layer.py`` greps for it). Open a ``Reader`` over a Store's
connection (``reader_of(store)``) or a snapshot's cursor and call the functions below.
"""

from newsprism.store.read.actors import (
    actor_ids_named_like,
    actor_names,
    get_actor,
    list_actors,
    named_actor_ids,
)
from newsprism.store.read.articles import (
    article_ids_with_prefix,
    article_listing,
    article_record,
    article_summaries,
    article_tables,
    get_article,
    list_articles,
)
from newsprism.store.read.events import (
    get_event,
    get_quote,
    has_event_places,
    list_events,
    list_quotes,
    read_coded_events,
)
from newsprism.store.read.filters import Filters, parse_near
from newsprism.store.read.places import list_places
from newsprism.store.read.reader import Reader, reader_of
from newsprism.store.read.search import SEARCH_LIMIT, evidence, search

__all__ = [
    "SEARCH_LIMIT",
    "Filters",
    "Reader",
    "actor_ids_named_like",
    "actor_names",
    "article_ids_with_prefix",
    "article_listing",
    "article_record",
    "article_summaries",
    "article_tables",
    "evidence",
    "get_actor",
    "get_article",
    "get_event",
    "get_quote",
    "has_event_places",
    "list_actors",
    "list_articles",
    "list_events",
    "list_places",
    "list_quotes",
    "named_actor_ids",
    "parse_near",
    "read_coded_events",
    "reader_of",
    "search",
]
