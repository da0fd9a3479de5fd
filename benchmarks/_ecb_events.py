"""ECB+ gold event mentions as article-level character offsets into the text newsprism reads.

newsprism reads an ECB+ file as its body (``ingest/ecbplus.py``: tokens joined, one line per
sentence, the first sentence as title, a leading URL sentence dropped); this module joins the
tokens the same way while keeping each token's offsets, so a gold trigger's tokens become a
(start, end) span of that body.
"""

from __future__ import annotations

import csv
import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from newsprism.ingest.ecbplus import _NO_SPACE_BEFORE

ECB = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ecbplus"


@dataclass(frozen=True, slots=True)
class GoldTrigger:
    file: str            # relative to corpus/ecbplus, e.g. "1/1_10ecbplus.xml"
    mention_id: str
    start: int
    end: int


def body_offsets(path: Path) -> tuple[str, dict[int, tuple[int, int]], dict[int, int]]:
    """Return the body text, t_id → (start, end) in it, and t_id → sentence number."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[tuple[int, str]]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append((int(token.get("t_id")), token.text or ""))
    ordered = sorted(sentences.items())
    lines = []
    for number, tokens in ordered:
        out, spans = "", []
        for t_id, text in tokens:
            if out and not _NO_SPACE_BEFORE.match(text) and not out.endswith(("(", "[", "$")):
                out += " "
            spans.append((t_id, len(out), len(out) + len(text)))
            out += text
        lines.append((number, out, spans))
    if lines and re.match(r"^https?\s*:?\s*/", lines[0][1].replace(" ", "")):
        lines = lines[1:]
    body_lines = lines[1:] if len(lines) > 1 else lines
    offsets, sentence_of, text, at = {}, {}, [], 0
    for number, line, spans in body_lines:
        for t_id, s, e in spans:
            offsets[t_id] = (at + s, at + e)
            sentence_of[t_id] = number
        text.append(line)
        at += len(line) + 1
    return "\n".join(text), offsets, sentence_of


def checked_sentences() -> set[tuple[str, int]]:
    """Return (file stem, sentence number) pairs whose mentions ECB+ checked."""
    with (ECB / "ECBplus_coreference_sentences.csv").open() as handle:
        return {(f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in csv.DictReader(handle)}


def triggers(path: Path, checked: set[tuple[str, int]]) -> list[GoldTrigger]:
    """Return the file's gold action mentions in checked body sentences, as body offsets."""
    _, offsets, sentence_of = body_offsets(path)
    root = ET.parse(path).getroot()
    out = []
    for node in root.iter():
        if not node.tag.startswith("ACTION_"):
            continue
        ids = [int(a.get("t_id")) for a in node.iter("token_anchor")]
        if not ids or any(i not in offsets for i in ids) or ids != list(range(ids[0], ids[0] + len(ids))):
            continue
        if (path.stem, sentence_of[ids[0]]) not in checked:
            continue
        out.append(GoldTrigger(f"{path.parent.name}/{path.name}", node.get("m_id"), offsets[ids[0]][0], offsets[ids[-1]][1]))
    return sorted(out, key=lambda t: t.start)


def sample_files(count: int) -> list[Path]:
    """Return ``count`` ECB+ files in the order of a hash of their names (a fixed, unbiased sample)."""
    files = sorted(ECB.glob("*/*.xml"), key=lambda p: hashlib.sha256(p.name.encode()).hexdigest())
    return files[:count]
