"""Near-copy candidates looked up in the store: kept here for the distributed runner's imports.

Copy detection lives in ``newsprism.ingest`` (``dedup`` and ``copy_index``); this module only
re-exports it, so the scale package depends on ingest and never the other way round.
"""

from newsprism.ingest.copy_index import (
    BACKFILL_CHUNK,
    backfill_band_keys,
    band_keys,
    band_layout,
    stored_candidates,
    stored_originals,
)

__all__ = ["BACKFILL_CHUNK", "backfill_band_keys", "band_keys", "band_layout", "stored_candidates", "stored_originals"]
