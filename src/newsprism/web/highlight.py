"""Cut an article's text into sentence blocks of marked segments, from character offsets.

The result is plain data; templates render it with autoescaping, so no article text ever
reaches a page unescaped. Overlapping spans (an actor inside an event's sentence, a date
inside a quote) are handled by cutting at every span boundary: each piece lists every
span that covers it and links to the narrowest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: what kind of record it is, a label for hover, and its link."""

    start: int
    end: int
    kind: str  # event | quote | actor | date | source | trigger
    label: str
    href: str | None
    anchor: str | None = None  # element id, so a link can jump to this record in the text


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    marks: tuple[Mark, ...]

    @property
    def kinds(self) -> str:
        return " ".join(sorted({f"hl-{m.kind}" for m in self.marks}))

    @property
    def title(self) -> str:
        return " | ".join(dict.fromkeys(m.label for m in self.marks))

    @property
    def href(self) -> str | None:
        linked = [m for m in self.marks if m.href]
        return min(linked, key=lambda m: m.end - m.start).href if linked else None


@dataclass(frozen=True, slots=True)
class Block:
    """A sentence (``index`` set) or the gap between two sentences (``index`` None)."""

    index: int | None
    segments: tuple[Segment, ...]
    anchors: tuple[str, ...]  # ids of records that start in this block


def segment(text: str, start: int, end: int, marks: Sequence[Mark]) -> list[Segment]:
    """Return the pieces of ``text[start:end]`` with the marks that cover each."""
    inside = [mk for mk in marks if mk.start < end and mk.end > start and mk.end > mk.start]
    cuts = sorted(
        {start, end, *(max(start, mk.start) for mk in inside), *(min(end, mk.end) for mk in inside)}
    )
    pieces = []
    for left, right in pairwise(cuts):
        covering = tuple(mk for mk in inside if mk.start <= left and mk.end >= right)
        pieces.append(Segment(text[left:right], covering))
    return pieces


def blocks(
    text: str, sentences: Sequence[tuple[int, int, int]], marks: Sequence[Mark]
) -> list[Block]:
    """Return the article as sentence blocks and gaps, covering every character once.

    ``sentences`` are (index, start, end) in reading order.
    """
    valid = [mk for mk in marks if 0 <= mk.start < mk.end <= len(text)]
    out: list[Block] = []
    position = 0
    for index, start, end in sorted(sentences, key=lambda s: s[1]):
        if start < position or end > len(text):
            continue
        if start > position:
            out.append(_block(text, None, position, start, valid))
        out.append(_block(text, index, start, end, valid))
        position = end
    if position < len(text):
        out.append(_block(text, None, position, len(text), valid))
    return out


def _block(text: str, index: int | None, start: int, end: int, marks: Sequence[Mark]) -> Block:
    anchors = tuple(mk.anchor for mk in marks if mk.anchor and start <= mk.start < end)
    return Block(index, tuple(segment(text, start, end, marks)), anchors)
