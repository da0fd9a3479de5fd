"""Clustering while a run is still analysing: the story stage consumes stored batches as they land.

After every ``Settings.story_increment`` stored articles (a local run's batches or a Ray run's
shards), the articles not yet in a story are clustered (``cluster_new_articles``): with Ray, the
driver clusters while the cluster parses the next shards. The comparison of the stories that
changed (claims, framing, voices) is rebuilt once, by ``update_stories`` after the last batch:
a story whose article joined after its last rebuild counts as changed there. Both engines cut
the increments the same way, so a Ray run and a local run of the same input store the same.
"""

from __future__ import annotations

import time

from newsprism.config import Settings
from newsprism.store import Store


class StoryIncrements:
    """Counts stored articles and clusters them every ``settings.story_increment``."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.pending = 0
        self.seconds = 0.0
        self.runs = 0

    def stored(self, count: int) -> None:
        """Note ``count`` newly stored articles; cluster once enough have gathered."""
        if self.settings.story_increment <= 0 or count <= 0:
            return
        self.pending += count
        if self.pending < self.settings.story_increment:
            return
        from newsprism.stories.stage import cluster_new_articles

        started = time.perf_counter()
        try:
            with self.store.transaction():
                cluster_new_articles(self.store, self.settings)
        except Exception:
            # The articles stay unclustered; update_stories clusters them after the last batch.
            if self.settings.strict:
                raise
        self.pending = 0
        self.runs += 1
        self.seconds += time.perf_counter() - started
