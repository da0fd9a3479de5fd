"""Near-copy candidates looked up in the store, so copy detection stays flat in memory.

Copy detection compares each new article with what is already stored. Loading every stored
MinHash signature for every batch would make each batch cost grow with the corpus and hold
the whole index in memory. Instead each stored signature keeps its LSH band keys (one 64-bit
hash per band, the same banding datasketch's ``MinHashLSH`` uses for the configured
threshold); a batch asks DuckDB for the stored articles that share a band key or a content
hash with one of its articles, and only those signatures come back to Python.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

import numpy as np
import pyarrow as pa
from datasketch import MinHashLSH

from newsprism.ingest.dedup import DedupItem
from newsprism.store import Store

# Signatures whose band keys are computed per statement when an older store is brought up to date.
BACKFILL_CHUNK = 2_000


@lru_cache(maxsize=8)
def band_layout(threshold: float, permutations: int) -> tuple[int, int]:
    """Return (bands, rows per band): datasketch's optimal banding for the threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    return lsh.b, lsh.r


def band_keys(signature: Sequence[int] | np.ndarray, rows_per_band: int, bands: int) -> list[int]:
    """Return one 63-bit key per band of the signature.

    Two signatures share a key exactly when they agree on every value of that band (up to a
    2^-63 hash collision, which the Jaccard check after the lookup filters out).
    """
    values = np.asarray(signature, dtype=np.uint64)
    keys = []
    for band in range(bands):
        chunk = values[band * rows_per_band:(band + 1) * rows_per_band].astype("<u8").tobytes()
        # 63 bits: the value then fits a signed int64 on its way through Arrow.
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little") & 0x7FFF_FFFF_FFFF_FFFF)
    return keys


def backfill_band_keys(store: Store, threshold: float, permutations: int) -> int:
    """Give stored signatures that lack them the band keys of the current layout; return how many.

    Stores written before band keys existed, or with another threshold, are brought up to
    date once, in bounded chunks, at the start of a run.
    """
    bands, rows = band_layout(threshold, permutations)
    updated = 0
    while True:
        stale = store.con.execute(
            "SELECT article_id, signature FROM minhashes WHERE rows_per_band IS DISTINCT FROM ? "
            "OR band_keys IS NULL LIMIT ?", [rows, BACKFILL_CHUNK]).fetchall()
        if not stale:
            return updated
        keyed = pa.table({
            "article_id": [article_id for article_id, _ in stale],
            "band_keys": pa.array([band_keys(sig, rows, bands) for _, sig in stale], type=pa.list_(pa.uint64())),
        })
        with store.transaction():
            store.con.register("newsprism_keyed", keyed)
            try:
                store.con.execute(
                    "UPDATE minhashes SET rows_per_band = ?, band_keys = k.band_keys FROM newsprism_keyed k "
                    "WHERE minhashes.article_id = k.article_id", [rows])
            finally:
                store.con.unregister("newsprism_keyed")
        updated += len(stale)


def stored_candidates(store: Store, new: Sequence[tuple[str, str, Sequence[int]]], threshold: float,
                      permutations: int, exclude: set[str]) -> list[tuple[DedupItem, list[int]]]:
    """Return the stored articles that may be copies of, or originals for, the new ones.

    ``new`` holds (article id, content hash, signature). The result carries each candidate's
    signature and an ingestion rank (earlier stored, lower rank) for breaking date ties.
    """
    if not new:
        return []
    bands, rows = band_layout(threshold, permutations)
    probe = pa.table({
        "band": pa.array([b for _ in new for b in range(1, bands + 1)], type=pa.int32()),
        "band_key": pa.array([k for _, _, sig in new for k in band_keys(sig, rows, bands)], type=pa.uint64()),
    })
    hashes = pa.table({"content_hash": list({content_hash for _, content_hash, _ in new})})
    store.con.register("newsprism_probe", probe)
    store.con.register("newsprism_hashes", hashes)
    try:
        # One scan of the band keys (unnested with their band number) joined to the probe; the
        # candidates are few, so only their signatures leave DuckDB.
        found = store.con.execute(
            """
            WITH banded AS (
                SELECT article_id, unnest(band_keys) AS band_key, generate_subscripts(band_keys, 1) AS band
                FROM minhashes WHERE rows_per_band = ?
            ), candidates AS (
                SELECT DISTINCT b.article_id FROM banded b
                JOIN newsprism_probe p ON p.band = b.band AND p.band_key = b.band_key
                UNION
                SELECT a.id FROM articles a JOIN newsprism_hashes h ON h.content_hash = a.content_hash
            )
            SELECT a.id, a.content_hash, a.published, m.signature
            FROM candidates c JOIN articles a ON a.id = c.article_id JOIN minhashes m ON m.article_id = a.id
            ORDER BY a.ingested_at, a.id
            """, [rows]).fetchall()
    finally:
        store.con.unregister("newsprism_probe")
        store.con.unregister("newsprism_hashes")
    result = []
    for rank, (article_id, content_hash, published, signature) in enumerate(found, 1):
        if article_id in exclude:
            continue
        published = published if isinstance(published, date) or published is None else None
        result.append((DedupItem(article_id, content_hash, published, rank), list(signature)))
    return result


def stored_originals(store: Store, article_ids: set[str]) -> dict[str, str]:
    """Return {copy id: original id} for those of ``article_ids`` stored as copies."""
    if not article_ids:
        return {}
    rows = store.con.execute("SELECT article_id, original_id FROM copies WHERE article_id IN (SELECT unnest(?))",
                             [sorted(article_ids)]).fetchall()
    return dict(rows)
