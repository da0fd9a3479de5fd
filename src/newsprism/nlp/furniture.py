"""Page furniture: the lines of an article that are not its story.

Photo captions and credit lines ("Jane Doe via Getty Images.", "Photo: AFP"), bylines ("By Ann
Lee and Tom Fry", "Reporting by ..."), "Read more"/"Related:" lines with the headlines listed
under them, page boilerplate ("Advertisement", "Share this article"), the publisher's notes
about the article ("Editor's note: ...", "Correction: ...", "This story has been updated ...",
with the line under a bare "CORRECTION:" label) and subscription offers ("Sign up for our
newsletter", "Subscribe to our podcast here.") are found line by line and returned as spans
with their kind. The event coder codes nothing inside them; the store
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
# The publisher speaking about the article, not the story: labelled notes of any length
# ("Editor's note: Trump regularly ..." is the outlet's disclaimer, not news of the day) ...
_NOTE_LABEL = re.compile(
    r"^\W{0,2}(?:editors?['’]?s?\s+note|note to (?:readers|our readers)|corrections?|clarifications?|"
    r"correction (?:and|&) clarification)\s*(?::|\||\.(?:\s|$)|\s[—-])", re.IGNORECASE)
_NOTE_HEADER_ONLY = re.compile(r"^\W{0,2}(?:editors?['’]?s?\s+note|corrections?|clarifications?)\s*[:|.—-]?\s*$",
                               re.IGNORECASE)
# A bare correction label closes the article: every line under it is the correction.
_CORRECTION_HEADER = re.compile(r"^\W{0,2}(?:corrections?|clarifications?)\s*[:|.—-]?\s*$", re.IGNORECASE)
# ... and the standard sentences about its versions and where it first ran.
_NOTE_SENTENCE = re.compile(
    r"^\W{0,2}(?:this (?:story|article|post|report|piece|blog post|column|version)\s+(?:has|had)?\s*(?:been|was)\s+"
    r"(?:updated|corrected|changed|revised|amended|edited)|an? (?:earlier|previous|prior) version of this\b|"
    r"this (?:story|article|post|piece|column) (?:originally|first) (?:appeared|ran|was published)|"
    r"a version of this (?:story|article|post|piece) (?:appeared|ran|was published)|"
    r"updated (?:at|on) \d|as published in (?:the )?international new york times)", re.IGNORECASE)
# Offers to subscribe, sign up or follow, with an optional lead-in ("Want more updates? Sign up ...").
_SUBSCRIPTION = re.compile(
    r"^\W{0,2}(?:want more[^.?!]{0,60}\?\s*|for more[^.?!,]{0,40},?\s*)?(?:sign up|subscribe|"
    r"follow (?:us|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}) on (?:twitter|facebook|instagram)|"
    r"get (?:our|the) [\w ]{0,30}newsletter|download (?:our|the) app)\b", re.IGNORECASE)
# The longest line a subscription offer takes.
SUBSCRIPTION_LINE = 200


@dataclass(frozen=True, slots=True)
class Furniture:
    start: int
    end: int
    kind: str   # caption | credit | byline | read-more | related-headline | boilerplate | note | subscription


def _line_kind(line: str) -> str | None:
    """Return the furniture kind of one stripped line, or None for a story line."""
    if not line:
        return None
    if len(line) <= SHORT_LINE and _BOILERPLATE.match(line):
        return "boilerplate"
    if _NOTE_LABEL.match(line) or _NOTE_SENTENCE.match(line):
        return "note"
    if len(line) <= SUBSCRIPTION_LINE and _SUBSCRIPTION.match(line):
        return "subscription"
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
    story line, are related-headline spans; the first line under a bare "Editor's note:" label,
    and every line under a bare "CORRECTION:" label, is the note it announces.
    """
    found: list[Furniture] = []
    offset = 0
    under_header = under_note = in_correction = False
    for raw in text.splitlines(keepends=True):
        line = raw.strip()
        start = offset + (len(raw) - len(raw.lstrip()))
        end = start + len(line)
        offset += len(raw)
        kind = _line_kind(line)
        if kind is None and under_header and _headline_like(line):
            kind = "related-headline"
        if kind is None and (under_note or in_correction) and line:
            kind = "note"
        if kind is not None:
            found.append(Furniture(start, end, kind))
        under_header = (kind == "read-more" and bool(_HEADER_ONLY.match(line))) or (
            under_header and kind == "related-headline")
        if line:
            # "Editor's note:" alone, or "... reflect the following correction:": the next line is the note.
            under_note = kind == "note" and (bool(_NOTE_HEADER_ONLY.match(line)) or line.endswith(":"))
            in_correction = in_correction or bool(_CORRECTION_HEADER.match(line))
    return found


def furniture_at(spans: list[Furniture], start: int, end: int) -> str | None:
    """Return the kind of the furniture span that holds most of [start, end), if any."""
    for span in spans:
        overlap = min(end, span.end) - max(start, span.start)
        if overlap > 0 and overlap * 2 >= (end - start):
            return span.kind
    return None
