"""Event coding (PLOVER with CAMEO codes) and quote attribution."""

from newsprism.events.coder import extract_events

__all__ = ["extract_events"]
