"""Helpers shared by the tests that ask who did what to whom in one analysed text."""

from __future__ import annotations


def coded_event(analyzed, trigger: str):
    """The first event coded on `trigger` (the word as written); StopIteration says none was."""
    return next(e for e in analyzed.events if e.trigger == trigger)


def names_of(refs) -> list[str]:
    """The names of sources or targets, in the order the coder gives them."""
    return [r.name for r in refs]
