"""Python's cyclic garbage collector, set for a long analysis run.

A run loads a large, long-lived heap first (the spaCy model, the gazetteer, the lexicons) and
then makes millions of short-lived objects per thousand articles (tokens, spans, records). With
the default thresholds the collector runs about five times per article, and each of its older
generation passes walks the whole long-lived heap again, though nothing there ever becomes
garbage: about 4 ms of CPU per article on real news (benchmarks/profile_article_stages.py
--gc default/freeze-big), some 10% of the per-article stages.

``fewer_collections()`` moves what is alive when the run starts out of the collector's sight
(``gc.freeze``) and lets the youngest generation grow before a collection. Nothing is analysed
differently: objects are still freed by reference counting the moment they are unused; only
garbage in reference cycles waits a little longer for a collection. Everything is restored on
exit, so a caller's own settings (a test, a notebook) come back unchanged.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Allocations (less deallocations) before the youngest generation is collected; CPython's default
# is 700. Cyclic garbage of one article is a few thousand objects at most, so memory stays flat.
YOUNG_THRESHOLD = 20_000
OLDER_THRESHOLDS = (20, 20)


@contextmanager
def fewer_collections() -> Iterator[Callable[[], None]]:
    """Run the block with the long-lived heap frozen and fewer collections; restore after.

    The block is given a function to call once it has loaded what lives through the run (the
    model): that is frozen too."""
    thresholds = gc.get_threshold()
    # A caller that froze its own heap keeps it frozen, and unfrozen by itself.
    freezing = gc.get_freeze_count() == 0

    def loaded() -> None:
        if freezing:
            gc.freeze()

    loaded()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
    try:
        yield loaded
    finally:
        gc.set_threshold(*thresholds)
        if freezing:
            gc.unfreeze()
