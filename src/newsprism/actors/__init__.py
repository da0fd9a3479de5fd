"""Actor resolution: names, titles, countries and sectors, within and across articles."""

from newsprism.actors.gazetteer import describe, load_extension
from newsprism.actors.resolve import actor_at, expand_group, resolve_actors

__all__ = ["actor_at", "describe", "expand_group", "load_extension", "resolve_actors"]
