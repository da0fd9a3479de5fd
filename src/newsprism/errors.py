"""Exceptions a user can act on. Each names the input and the reason in one line."""

from __future__ import annotations


def one_line(text: str) -> str:
    """Return text with line breaks and other unprintable characters escaped (\\n, \\x1b).

    File names may hold newlines and parser messages may span lines; an error stays one line.
    """
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)


class NewsprismError(Exception):
    """Base class: every error newsprism raises on purpose."""


class UnreadableArticle(NewsprismError):
    """An input file could not be turned into an article (empty, binary, bad encoding, malformed)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(one_line(f"{source}: {reason}"))


class NotAnArticleFile(UnreadableArticle):
    """A file of an article format that holds data of another kind (a JSON configuration or
    gold file beside the articles): left unread with a note when a folder walk found it."""


class ModelNotInstalled(NewsprismError):
    """The configured spaCy model package is not installed."""


class StoreLocked(NewsprismError):
    """Another process holds the DuckDB store open for writing."""
