"""Breadth from PETRARCH2: the CAMEO verb patterns compiled into data/cameo_verbs.tsv.

A pattern is a verb (with its particle) alone, or with the object phrase and/or the
prepositional phrase its CAMEO code depends on ("halt the violence" is a ceasefire, 0871;
"freeze assets" an embargo, 163). ``match_pattern`` returns the most specific pattern a verb
token satisfies: every word of a pattern's phrase must stand in the object's phrase, its last
word being the object's head. The engine knows no words; the table is built by
benchmarks/compile_cameo.py from CAMEO.2.0.txt (petrarch2 commit 676801cd, MIT licence).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsprism.events.lexicon import NOUN_MODIFIERS, NOUNS, Trigger

PATTERNS_FILE = Path(__file__).parent / "data" / "cameo_verbs.tsv"
EXCLUSIONS_FILE = Path(__file__).parent / "data" / "cameo_exclusions.tsv"
# Clauses whose deed another verb governs ("called on parliament to set up an inquiry", "the
# ministers who took part"): an imported pattern codes main and reported clauses only.
GOVERNED_CLAUSES = ("xcomp", "acl", "relcl", "advcl", "pcomp", "csubj", "amod")


# Prepositions whose objects are targets, by PLOVER type, for imported patterns (whose own
# preposition, if any, is added): "met with", "fired on", "protested against".
TYPE_PREPS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("with", "to"), "SUPPORT": ("for", "to"), "AGREE": ("with", "to"), "COOPERATE": ("with",),
    "AID": ("to", "for"), "CONCEDE": ("to",), "RETREAT": ("from",), "ACCUSE": ("against", "of"),
    "REQUEST": ("from", "of"), "REJECT": (), "THREATEN": ("against", "with"), "PROTEST": ("against", "at"),
    "MOBILIZE": ("to", "toward", "towards", "into"), "SANCTION": ("on", "against", "with"),
    "COERCE": ("on", "against", "in"), "ASSAULT": ("against", "on", "at"),
}


@dataclass(frozen=True, slots=True)
class VerbPattern:
    verb: str
    particle: str
    object: tuple[str, ...]        # the object phrase's words, head last; () for any
    prep: str                      # a preposition that must follow, or ""
    prep_object: tuple[str, ...]   # the prepositional object's words, head last; () for any
    cameo: str
    plover: str
    mode: str | None
    line: int                      # the pattern's line in CAMEO.2.0.txt

    @property
    def specificity(self) -> int:
        return 4 * len(self.object) + 2 * bool(self.prep) + len(self.prep_object) + bool(self.particle)

    @property
    def name(self) -> str:
        words = [self.verb, self.particle, " ".join(self.object), self.prep, " ".join(self.prep_object)]
        return "cameo:" + " ".join(w for w in words if w)


@cache
def verb_patterns() -> dict[str, tuple[VerbPattern, ...]]:
    """Return verb lemma -> its patterns, most specific first."""
    table: dict[str, list[VerbPattern]] = {}
    for line in PATTERNS_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "verb\t")):
            continue
        verb, particle, obj, prep, prep_obj, cameo, plover, mode, number = line.split("\t")
        table.setdefault(verb, []).append(VerbPattern(
            verb, particle, tuple(obj.split()), prep, tuple(prep_obj.split()), cameo, plover, mode or None, int(number)))
    return {verb: tuple(sorted(found, key=lambda p: -p.specificity)) for verb, found in table.items()}


@cache
def excluded_patterns() -> dict[str, tuple[str, str]]:
    """Return pattern name -> (reason, a sentence it must not code) for the patterns not used."""
    rows = [line.split("\t") for line in EXCLUSIONS_FILE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "name\t"))]
    return {name: (reason, sentence) for name, reason, sentence in rows}


@cache
def _usable_patterns() -> dict[str, tuple[VerbPattern, ...]]:
    """Return ``verb_patterns`` less the excluded ones, filtered once rather than per verb token
    (a verb such as "launch" has some 1,500 patterns)."""
    excluded = excluded_patterns()
    return {verb: tuple(p for p in found if p.name not in excluded) for verb, found in verb_patterns().items()}


def _phrase_matches(words: tuple[str, ...], token) -> bool:
    """Return whether a phrase's head is the token and its other words stand before it."""
    if not words:
        return True
    if words[-1] not in (token.lemma_.lower(), token.lower_):
        return False
    before = {t.lower_ for t in token.subtree if t.i < token.i} | {t.lemma_.lower() for t in token.subtree if t.i < token.i}
    return all(w in before for w in words[:-1])


def _objects(token) -> list:
    """Return what a verb is done to: its direct objects, or its passive subject."""
    return [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]


def _satisfies(pattern: VerbPattern, token, objects: list) -> bool:
    if pattern.particle and not any(c.lower_ == pattern.particle for c in token.children
                                    if c.dep_ in ("prt", "prep", "advmod")):
        return False
    if pattern.object and not any(_phrase_matches(pattern.object, o) for o in objects):
        return False
    if not pattern.prep:
        return True
    holders = [token, *objects]
    preps = [c for h in holders for c in h.children if c.dep_ in ("prep", "agent") and c.lower_ == pattern.prep]
    return any(not pattern.prep_object or any(_phrase_matches(pattern.prep_object, p) for p in prep.children
                                              if p.dep_ == "pobj") for prep in preps)


def match_pattern(token, lemma: str, specific_only: bool = False) -> VerbPattern | None:
    """Return the most specific CAMEO pattern a verb token satisfies (with ``specific_only``,
    one naming an object or a preposition), else None."""
    if token.dep_ in GOVERNED_CLAUSES:
        return None
    objects = _objects(token)
    if any(o.lemma_.lower() in NOUNS or any((c.lower_, o.lemma_.lower()) in NOUN_MODIFIERS for c in o.children)
           for o in objects):
        return None   # "launched a security operation": the event noun's own rule codes it
    for pattern in _usable_patterns().get(lemma, ()):
        if specific_only and not (pattern.object or pattern.prep or pattern.particle):
            return None
        if _satisfies(pattern, token, objects):
            return pattern
    return None


def pattern_trigger(pattern: VerbPattern) -> Trigger:
    """Return the trigger an imported pattern codes."""
    preps = TYPE_PREPS.get(pattern.plover, ())
    if pattern.prep and pattern.prep not in preps and not pattern.prep_object:
        preps = (*preps, pattern.prep)
    return Trigger(pattern.plover, pattern.mode, pattern.cameo, preps)
