"""Name forms: cleaning a mention into a name, comparing person names, choosing the canonical one."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from newsprism.actors.transliteration import name_key, same_name

_LEADING = re.compile(r"^(?:[\s\[\](){}\"'“”‘’«»,:;-]|(?:the|The|THE)\s)+")
_TRAILING = re.compile(r"(?:['’][sS]?|[\s\[\](){}\"'“”‘’«»,.:;-])+$")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return [start, end) without a leading "the", brackets, quotes, a possessive or punctuation."""
    piece = text[start:end]
    lead = _LEADING.match(piece)
    if lead:
        start += lead.end()
        piece = piece[lead.end():]
    tail = _TRAILING.search(piece)
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end


def clean_name(text: str) -> str:
    """Return the name written in a span: brackets dropped, spaces collapsed, "the" and "'s" off."""
    start, end = trim_span(text, 0, len(text))
    return " ".join(re.sub(r"[\[\]]", " ", text[start:end]).split())


@lru_cache(maxsize=200_000)
def normal_form(name: str) -> str:
    """Return the form ids are made from: lowercase, no accents, straight quotes, single spaces.

    Cached: resolution asks for the same few hundred names of an article thousands of times."""
    name = unicodedata.normalize("NFKD", name.replace("’", "'"))
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.lower().split())


def name_words(name: str) -> list[str]:
    return list(_name_words(name))


@lru_cache(maxsize=200_000)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in normal_form(name).replace(".", " ").split() if w)


# Cached: a pure function of two strings, asked for every pair of person names of an article
# (each new name against every name form of every person cluster).
@lru_cache(maxsize=200_000)
def same_person(a: str, b: str) -> bool:
    """Return whether two person name forms can name one person.

    "Blinken" ~ "Antony Blinken"; "Sergei Lavrov" ~ "Sergey Lavrov" and "Zelenskyy" ~
    "Volodymyr Zelensky" (transliterations, see transliteration.py); "A. Blinken" ~ "Antony
    Blinken"; but "Sergei Shoigu" is not "Sergey Lavrov", nor "Obama" "Osama".
    """
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb or not same_name(wa[-1], wb[-1]):
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    first_a, first_b = wa[0], wb[0]
    if first_a == first_b or (len(first_a) == 1 and first_b.startswith(first_a)) or (
            len(first_b) == 1 and first_a.startswith(first_b)):
        return True
    # First names vary more ("Aleksandr" / "Alexander"): close enough once spelling is folded.
    return same_name(first_a, first_b) or fuzz.ratio(name_key(first_a), name_key(first_b)) >= 80


def fuller(a: str, b: str) -> str:
    """Return the fuller of two name forms: more words, then more letters, then the first."""
    ka, kb = (len(name_words(a)), len(a)), (len(name_words(b)), len(b))
    return b if kb > ka else a
