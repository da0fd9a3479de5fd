"""Quoted passages in plain text: where each opening mark meets its closing mark.

Works on the raw article text (no parse), so its offsets are offsets into ``Article.text``.
Handles the quotation styles found in news copy:

- straight double quotes ``"…"`` and curly ``“…”`` (also a misused ``”`` opening a quote);
- curly single quotes ``‘…’`` and straight single quotes ``'…'`` used as quotation marks,
  telling them apart from apostrophes (``Russia’s``, ``don't``, ``voters’ groups``);
- guillemets ``«…»``, and the typewriter doubles ````…''`` and ``''…''``;
- nesting (``“… ‘…’ …”``): only the outermost passage is returned;
- a quote running over paragraphs: by convention the paragraph ends without a closing mark and
  the next paragraph opens again; the passage then runs to the final closing mark;
- an unbalanced opening mark: the passage runs to the end of its paragraph (``closed=False``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Mark styles. A passage closes with a mark of its own style, so "… “…” …" nests.
STRAIGHT_DOUBLE, CURLY_DOUBLE, TYPEWRITER_DOUBLE = "straight double", "curly double", "typewriter double"
STRAIGHT_SINGLE, CURLY_SINGLE, GUILLEMET = "straight single", "curly single", "guillemet"

# A dash and a capitalised name closing a paragraph: an attribution, outside any quote.
_TRAILING_NAME = re.compile(r"[^\S\n]*[—–―][^\S\n]*[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,4}[^\S\n]*\.?[^\S\n]*$")
# A hard-wrapped text (lines cut at a fixed width) keeps paragraphs apart with blank lines only.
_TERMINAL = re.compile(r"[.!?:;\"”’'»)\]]\s*$")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """One outermost quoted passage. ``start``/``end`` include the marks; content excludes them."""

    start: int
    end: int
    content_start: int
    content_end: int
    kind: str                # one of the mark styles above
    closed: bool             # False when the paragraph ended with the quote still open
    paragraphs: int = 1      # how many paragraphs the passage runs over


@dataclass(frozen=True, slots=True)
class _Mark:
    position: int
    length: int
    kind: str
    can_open: bool
    can_close: bool


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each non-blank paragraph.

    A newline ends a paragraph, except in hard-wrapped text, where most lines stop mid-sentence
    and only blank lines separate paragraphs.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    lines = [(s, e) for s, e in lines if text[s:e].strip()]
    wrapped = False
    if "\n\n" in text and len(lines) >= 6:
        # Hard-wrapped text: short lines of similar width, most of them stopping mid-sentence.
        inner = [text[s:e] for s, e in lines if text[e + 1:e + 2] not in ("\n", "")]
        short = sum(1 for s, e in lines if e - s <= 100)
        unfinished = sum(1 for line in inner if not _TERMINAL.search(line))
        wrapped = short >= 0.8 * len(lines) and len(inner) >= 3 and unfinished > len(inner) / 2
    if not wrapped:
        return lines
    spans = []
    for block in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        if block.group().strip():
            spans.append((block.start(), block.end()))
    return spans


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    """Return the quotation-mark candidates in text[start:end], each with what it may do."""
    marks: list[_Mark] = []
    i = start
    while i < end:
        ch = text[i]
        before = text[i - 1] if i > start else " "
        if ch in "'`" and i + 1 < end and text[i + 1] == ch:
            # ``…'' and ''…'': two typewriter single quotes standing for one double mark.
            after = text[i + 2] if i + 2 < end else " "
            opens = ch == "`" or (not before.strip() or before in "([{—–-") and not after.isspace()
            closes = ch == "'" and bool(before.strip()) and not _is_word(after)
            if opens or closes:
                marks.append(_Mark(i, 2, TYPEWRITER_DOUBLE, opens, closes))
            i += 2
            continue
        after = text[i + 1] if i + 1 < end else " "
        space_before = not before.strip() or before in "([{—–-/"
        space_after = not after.strip() or after in ".,;:!?)]}—–-"
        if ch == "“":
            # Some copy opens and closes with the same curly mark: a “ glued to a word's end closes.
            marks.append(_Mark(i, 1, CURLY_DOUBLE, not (before.strip() and space_after and _is_word(before)), True))
        elif ch == "”":
            marks.append(_Mark(i, 1, CURLY_DOUBLE, space_before and not space_after, not (space_before and not space_after)))
        elif ch == '"':
            opens = not space_after or (space_before and not after.isspace())
            closes = not space_before or space_after
            marks.append(_Mark(i, 1, STRAIGHT_DOUBLE, opens and (space_before or not _is_word(before)), closes))
        elif ch == "«":
            marks.append(_Mark(i, 1, GUILLEMET, True, False))
        elif ch == "»":
            marks.append(_Mark(i, 1, GUILLEMET, False, True))
        elif ch == "‘":
            if not (_is_word(before) and _is_word(after)) and not after.isdigit():
                marks.append(_Mark(i, 1, CURLY_SINGLE, True, False))
        elif ch in "’'":
            if _is_word(before) and _is_word(after):
                pass                                   # an apostrophe inside a word: don't, Russia’s
            elif space_before and after.isalpha():
                if ch == "'":                          # 'word: an opening straight single quote
                    marks.append(_Mark(i, 1, STRAIGHT_SINGLE, True, False))
            elif before.strip() and not _is_word(after):
                marks.append(_Mark(i, 1, CURLY_SINGLE if ch == "’" else STRAIGHT_SINGLE, False, True))
        i += 1
    return marks


def _family(kind: str) -> str:
    return "double" if "double" in kind else kind.replace("straight ", "").replace("curly ", "")


def _possessive(text: str, mark: _Mark, end: int) -> bool:
    """Return whether a single closing mark reads as a plural possessive ("the voters’ groups")."""
    return (text[mark.position - 1:mark.position] == "s"
            and bool(re.match(r" [a-z]", text[mark.position + 1:mark.position + 3]))
            and mark.position + 3 <= end)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Return the outermost quoted passages of ``text`` in reading order."""
    found: list[QuotedSpan] = []
    paragraphs = paragraph_spans(text)
    # An open quote carried over from the previous paragraph: (kind, opening offset, content start, paragraphs).
    carried: tuple[str, int, int, int] | None = None
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        marks = _marks(text, p_start, p_end)
        stack: list[_Mark] = []
        opened_at = content_at = -1
        outer_kind = STRAIGHT_DOUBLE
        paragraphs_run = 1
        first = 0
        if carried is not None:
            kind, opened_at, content_at, paragraphs_run = carried
            outer_kind, carried = kind, None
            # The convention: the continuing paragraph reopens with the same mark, which is no new quote.
            lead = marks[0] if marks else None
            if lead and lead.kind == kind and lead.can_open and not text[p_start:lead.position].strip():
                first = 1
            stack = [_Mark(opened_at, 0, kind, True, False)]
            paragraphs_run += 1
        for index in range(first, len(marks)):
            mark = marks[index]
            if stack and mark.can_close and not mark.can_open and not any(m.kind == mark.kind for m in stack) \
                    and _family(stack[-1].kind) == _family(mark.kind):
                # Sloppy copy closes “ with " (or ‘ with '): a mark that can only close ends the open quote.
                mark = _Mark(mark.position, mark.length, stack[-1].kind, False, True)
            if stack and mark.can_close and any(m.kind == mark.kind for m in stack):
                if mark.kind in (CURLY_SINGLE, STRAIGHT_SINGLE) and _possessive(text, mark, p_end) and any(
                        m.kind == mark.kind and m.can_close for m in marks[index + 1:]):
                    continue
                while stack[-1].kind != mark.kind:
                    stack.pop()                       # a nested quote left open inside the outer one
                stack.pop()
                if not stack:
                    found.append(QuotedSpan(opened_at, mark.position + mark.length, content_at,
                                            mark.position, outer_kind, True, paragraphs_run))
                    paragraphs_run = 1
                continue
            if mark.can_open and not any(m.kind == mark.kind for m in stack):
                if not stack:
                    opened_at, content_at, outer_kind = mark.position, mark.position + mark.length, mark.kind
                stack.append(mark)
        if stack:
            outer = stack[0]
            tail = _TRAILING_NAME.search(text, opened_at + 1, p_end)
            if tail:
                # "“… ― Karen Bobadilla": a name after a dash ends the quote even with its closing mark lost.
                found.append(QuotedSpan(opened_at, tail.start(), content_at, tail.start(), outer.kind, False, paragraphs_run))
                continue
            following = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
            if following is not None and _reopens(text, following, outer.kind):
                carried = (outer.kind, opened_at, content_at, paragraphs_run)
                continue
            found.append(QuotedSpan(opened_at, p_end, content_at, p_end, outer.kind, False, paragraphs_run))
    return found


def _reopens(text: str, paragraph: tuple[int, int], kind: str) -> bool:
    """Return whether a paragraph starts with an opening mark of ``kind``."""
    marks = _marks(text, paragraph[0], min(paragraph[1], paragraph[0] + 4))
    return bool(marks) and marks[0].kind == kind and marks[0].can_open and not text[paragraph[0]:marks[0].position].strip()
