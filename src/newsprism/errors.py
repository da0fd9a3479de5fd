"""Exceptions a user can act on. Each names the input and the reason in one line."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class: every error newsprism raises on purpose."""


class UnreadableArticle(NewsprismError):
    """An input file could not be turned into an article (empty, binary, bad encoding, malformed)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class ModelNotInstalled(NewsprismError):
    """The configured spaCy model package is not installed."""


class StoreLocked(NewsprismError):
    """Another process holds the DuckDB store open for writing."""
