"""Running newsprism at scale: Parquet shards and the Ray engine (the bounded-memory copy lookup
is ``newsprism.ingest.copy_index``).

Per-article stages (parsing, actors, events, quotes) scale out; story-level stages run where
the DuckDB store is. ``newsprism.scale.ray_engine`` needs the ``ray`` extra.
"""
