"""Actor resolution: names, titles, countries and sectors, within and across articles.

- ``resolve_actors(analyzed, doc)``: the per-article stage; fills ``analyzed.actors`` and
  ``analyzed.actor_mentions``.
- ``actor_at(analyzed, start, end)``: the actor named at a character span.
- ``expand_group(analyzed, start, end)``: the member governments of a group mention.
- ``describe(text)``: (country, sector) of a free-text description, from the gazetteer alone.
- ``merge_actors(store, settings)``: the store stage that folds one actor's records together.
- ``load_extension(path)``: a corpus's own countries and bodies (a JSON gazetteer; ``Settings.gazetteer``).
"""

from newsprism.actors.describing import describe
from newsprism.actors.gazetteer import GazetteerError, load_extension
from newsprism.actors.lookup import actor_at, expand_group
from newsprism.actors.merge import merge_actors
from newsprism.actors.resolution import resolve_actors

__all__ = ["GazetteerError", "actor_at", "describe", "expand_group", "load_extension", "merge_actors",
           "resolve_actors"]
