"""The store's schema. Documented column by column in docs/schema.md.

Bump SCHEMA_VERSION when a table changes; ``Store`` refuses a file of a newer version and
migrates older ones by creating what is missing.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

TABLES: dict[str, str] = {
    "schema_version": """
        version INTEGER NOT NULL,
        applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp""",
    "articles": """
        id VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        outlet VARCHAR,
        outlet_from VARCHAR,
        title VARCHAR,
        text VARCHAR NOT NULL,
        published DATE,
        published_from VARCHAR,
        published_month INTEGER,
        published_day INTEGER,
        dateline VARCHAR,
        dateline_start INTEGER,
        dateline_end INTEGER,
        language VARCHAR,
        url VARCHAR,
        content_hash VARCHAR NOT NULL,
        word_count INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp""",
    "copies": """
        article_id VARCHAR PRIMARY KEY,
        original_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        similarity DOUBLE NOT NULL""",
    "minhashes": """
        article_id VARCHAR PRIMARY KEY,
        signature UBIGINT[] NOT NULL,
        rows_per_band INTEGER,
        band_keys UBIGINT[]""",
    "sentences": """
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        PRIMARY KEY (article_id, sentence_index)""",
    "entities": """
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        label VARCHAR NOT NULL""",
    "dates": """
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        resolved DATE,
        status VARCHAR NOT NULL,
        part_of_day VARCHAR,
        granularity VARCHAR NOT NULL""",
    "cited_sources": """
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        relation VARCHAR NOT NULL,
        cue VARCHAR NOT NULL""",
    "actors": """
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        aliases VARCHAR[] NOT NULL""",
    "actor_mentions": """
        article_id VARCHAR NOT NULL,
        actor_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        how VARCHAR NOT NULL""",
    "events": """
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        trigger VARCHAR NOT NULL,
        plover_type VARCHAR NOT NULL,
        mode VARCHAR,
        cameo VARCHAR,
        location VARCHAR,
        date DATE,
        date_text VARCHAR,
        negated BOOLEAN NOT NULL,
        modality VARCHAR NOT NULL,
        attribution VARCHAR,
        rule VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL""",
    "event_actors": """
        event_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        actor_id VARCHAR,
        name VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        start INTEGER,
        "end" INTEGER""",
    "quotes": """
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        direct BOOLEAN NOT NULL,
        speaker VARCHAR,
        speaker_actor_id VARCHAR,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue VARCHAR,
        channel VARCHAR,
        channel_detail VARCHAR,
        date DATE""",
    "failures": """
        source VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        failed_at TIMESTAMP NOT NULL DEFAULT current_timestamp""",
}

# Tables holding per-article rows, keyed by article_id, in the order a delete must visit them.
ARTICLE_TABLES = ("sentences", "entities", "dates", "cited_sources", "actor_mentions", "quotes", "minhashes", "copies")

# Tables a user exports (everything but bookkeeping).
EXPORT_TABLES = ("articles", "copies", "sentences", "entities", "dates", "cited_sources", "actors",
                 "actor_mentions", "events", "event_actors", "quotes", "failures")
