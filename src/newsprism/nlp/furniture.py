"""Page furniture: the lines of an article that are not its story.

Photo captions and credit lines ("Jane Doe via Getty Images.", "Photo: AFP"), bylines ("By Ann
Lee and Tom Fry", "Reporting by ..."), "Read more"/"Related:" lines with the headlines listed
under them, and page boilerplate ("Advertisement", "Share this article") are found line by line
and returned as spans with their kind. The event coder codes nothing inside them; the store
marks the sentences they hold (sentences.furniture). A line is furniture only by its own shape:
a dateline such as "MOSCOW (Reuters) -" opening a story line is not a credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The longest line that can be a credit, a byline or a boilerplate line; a caption may be longer.
SHORT_LINE = 120
CAPTION_LINE = 400

_CREDIT = re.compile(
    r"(?:\bvia Getty Images|\bGetty Images?\b|^Getty\b|\bAP Photo\b|\bShutterstock\b|\bImage copyright\b|"
    r"\bPhoto(?:graph)? credit\b|\bImage credit\b|^(?:Photo|Photograph|Image|Picture|Caption|File photo|FILE PHOTO)\s*[:|/-]|"
    r"(?<!Ã)©\s*(?:\d{4}|[A-Z])|\(Photo\b)")
# Agency credits with a slash ("REUTERS/Anna Berg", "Ben Hale/AFP") count at a line's end only:
# "video credited to Reuters/Libya showed" is story.
_TRAILING_CREDIT = re.compile(r"(?:\bREUTERS/|\bReuters/|/Reuters\b|\bAFP/|/AFP\b|\bEPA/|/EPA\b)(?:[A-Z][\w.'’-]*\s?){0,4}\)?\.?$")
# Words a caption has beyond its credit: it says what the picture shows.
CAPTION_WORDS = 8
_BYLINE = re.compile(
    r"^(?:By|BY)\s+(?:[A-Z][\w.'’-]+\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\w.'’-]+\s*){1,4})*(?:[,|-]\s*[\w .'’-]{0,40})?$"
    r"|^(?:Additional reporting|Reporting|Editing|Writing|Compiled|Edited)\s+by\b", re.IGNORECASE)
_READ_MORE = re.compile(
    r"^(?:read more|read also|also read|see also|more|related|related coverage|related stories|related articles|"
    r"recommended|watch|listen|sign up|subscribe|click here|more on this story)\s*[:>»|]", re.IGNORECASE)
_HEADER_ONLY = re.compile(r"^(?:read more|related|related coverage|related stories|related articles|recommended|"
                          r"more on this story|see also)\s*[:>»|-]?\s*$", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|story continues below(?: advertisement)?|share this (?:article|story)|follow us on\b.*|"
    r"click to share\b.*|\(?continued\)?|skip to main content)\.?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Furniture:
    start: int
    end: int
    kind: str   # caption | credit | byline | read-more | related-headline | boilerplate


def _line_kind(line: str) -> str | None:
    """Return the furniture kind of one stripped line, or None for a story line."""
    if not line:
        return None
    if len(line) <= SHORT_LINE and _BOILERPLATE.match(line):
        return "boilerplate"
    if len(line) <= SHORT_LINE and _BYLINE.match(line):
        return "byline"
    if len(line) <= CAPTION_LINE and (_READ_MORE.match(line) or _HEADER_ONLY.match(line)):
        return "read-more"
    if len(line) <= CAPTION_LINE and (_CREDIT.search(line) or _TRAILING_CREDIT.search(line)):
        # A credit names only who took the picture; a caption says what it shows, then credits it.
        return "caption" if len(line.split()) > CAPTION_WORDS else "credit"
    return None


def _headline_like(line: str) -> bool:
    """Return whether a line reads as a listed headline: short, no closing full stop."""
    return 0 < len(line) <= SHORT_LINE and not line.endswith((".", '"', "”", "’")) and line[:1].isupper()


def find_furniture(text: str) -> list[Furniture]:
    """Return the furniture lines of an article text, in order, as character spans with a kind.

    Headlines listed under a "Related:"/"Read more" header line, up to the next blank line or
    story line, are related-headline spans.
    """
    found: list[Furniture] = []
    offset = 0
    under_header = False
    for raw in text.splitlines(keepends=True):
        line = raw.strip()
        start = offset + (len(raw) - len(raw.lstrip()))
        end = start + len(line)
        offset += len(raw)
        kind = _line_kind(line)
        if kind is None and under_header and _headline_like(line):
            kind = "related-headline"
        if kind is not None:
            found.append(Furniture(start, end, kind))
        under_header = (kind == "read-more" and bool(_HEADER_ONLY.match(line))) or (
            under_header and kind == "related-headline")
    return found


def furniture_at(spans: list[Furniture], start: int, end: int) -> str | None:
    """Return the kind of the furniture span that holds most of [start, end), if any."""
    for span in spans:
        overlap = min(end, span.end) - max(start, span.start)
        if overlap > 0 and overlap * 2 >= (end - start):
            return span.kind
    return None
