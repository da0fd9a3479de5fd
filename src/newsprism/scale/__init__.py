"""Running newsprism at scale: bounded-memory copy lookup, Parquet shards and the Ray engine.

Per-article stages (parsing, actors, events, quotes) scale out; story-level stages run where
the DuckDB store is. ``newsprism.scale.ray_engine`` needs the ``ray`` extra.
"""
