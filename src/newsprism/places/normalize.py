"""Return the keys a place name is looked up by: an exact form and a transliteration skeleton.

News spells one place many ways: "Rostov-on-Don", "Rostov-Na-Donu", "Kiev"/"Kyiv",
"Artemovsk"/"Artemivsk". The exact key folds case, diacritics, punctuation and a leading
"the"; the skeleton also folds the letters that Russian and Ukrainian romanisations disagree
on, so two spellings of one name meet while two different names rarely do.
"""

from __future__ import annotations

import re
import unicodedata

# Joining words of compound place names, in the languages GeoNames romanises ("-on-", "-na-").
_JOINERS = re.compile(r"\b(?:on|na|am|an|upon|sur|de|del|der|la|le)\b")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Romanisation variants (Cyrillic above all): order matters, longer groups first.
_SKELETON_FOLDS = (
    ("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("zj", "z"), ("sh", "s"), ("ch", "c"), ("ts", "c"),
    ("tz", "c"), ("yo", "o"), ("yu", "u"), ("ju", "u"), ("ya", "a"), ("ja", "a"), ("ye", "e"), ("ie", "e"),
    ("y", "i"), ("j", "i"), ("w", "v"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("ph", "f"),
)


def ascii_fold(text: str) -> str:
    """Return the text without diacritics ("Dnipró" → "Dnipro"); other scripts drop out."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def is_latin(text: str) -> bool:
    """Return whether every letter of the text is Latin (alternate names in other scripts are skipped)."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def name_key(text: str) -> str:
    """Return the exact lookup key: lower case, no diacritics, words joined by single spaces."""
    folded = ascii_fold(text.replace("’", "'")).lower().replace("'", "")
    folded = folded.replace("st.", "saint ").replace("ft.", "fort ") if re.search(r"\b(st|ft)\.", folded) else folded
    words = _NOT_WORD.sub(" ", folded).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def skeleton_key(text: str) -> str:
    """Return the transliteration skeleton: no joining words, spaces, vowel doubling or romanisation variants."""
    key = _JOINERS.sub(" ", name_key(text))
    key = key.replace(" ", "")
    for group, fold in _SKELETON_FOLDS:
        key = key.replace(group, fold)
    key = re.sub(r"(.)\1+", r"\1", key)
    # Russian case endings on the river in "-na-Donu" and soft signs fall away.
    return key[:-1] if len(key) > 6 and key[-1] in "u" else key
