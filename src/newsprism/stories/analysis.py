"""Rebuild the per-story comparison tables: claims, framing terms and voices."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.store import Store


def analyze_stories(store: Store, story_ids: Sequence[str]) -> None:
    """Rebuild claims, framing terms and voices of the given stories."""
    return None
