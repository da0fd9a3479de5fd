"""Return the place names of a parsed article, with article-level character offsets.

Sources, in order: the dateline ("MOSCOW, June 26."), the parser's GPE, LOC and FAC
entities, the first word of "X-based", and capitalised names the parser missed inside
"in southern Russia's Rostov-on-Don" or "near Voronezh" when the gazetteer knows them.
Adjectives and peoples ("Russian", "Ukrainians") are returned apart, as demonyms: they say
whose, not where.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newsprism.places.normalize import name_key
from newsprism.places.records import Toponym

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that open an entity span without being part of the name.
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
# Trailing possessive or "-based"/"-born" adjective endings to cut from a name.
_TRAILING = re.compile(r"(?:['’]s?|-(?:based|born|led|backed|bound|area|region))$")
# Prepositions after which a capitalised word is very likely a place: "in Voronezh", "near Bakhmut".
PLACE_PREPOSITIONS = {"in", "near", "outside", "from", "to", "towards", "toward", "into", "at", "across", "around"}
# Facilities the parser tags FAC but that are not where anything is ("the Kremlin" is; "Twitter" is not).
_NOT_PLACES = {"twitter", "telegram", "facebook", "youtube", "instagram", "whatsapp"}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Return lower-case demonym (adjective or people) → ISO-3 country, from the actors' table."""
    table: dict[str, str] = {}
    text = resources.files("newsprism.actors").joinpath("data", "demonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, *columns = line.split("\t")
        for column in columns:
            for word in column.split(";"):
                if word.strip():
                    table[word.strip().lower()] = code
    return table


def demonym_country(text: str) -> str | None:
    """Return the ISO-3 country of a demonym ("Russian", "Ukrainians"), else None."""
    word = text.strip().lower()
    table = demonyms()
    return table.get(word) or (table.get(word[:-1]) if word.endswith("s") else None)


def _region_people(text: str) -> bool:
    """Return whether the word names the people of a region or continent ("Ohioans", "Europeans")."""
    # Imported here: resolve imports this module, and this one only needs the stem rules at run time.
    from newsprism.places.resolve import region_of_demonym

    return region_of_demonym(text.strip()) is not None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the span without a leading "the", a possessive or "-based"; None when nothing is left."""
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead:
        start += lead.end()
    span = text[start:end]
    trail = _TRAILING.search(span)
    if trail:
        end -= len(trail.group(0))
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    # Keep the full stop of an abbreviation ("Kan.", "W.Va.", "D.C.").
    if end > start and text[end - 1] == "." and not re.search(r"\b(?:[A-Z]|[A-Z][a-z]{1,3})\.$", text[start:end]):
        end -= 1
    return (start, end) if end > start else None


# What may continue a name the parser cut short: "Rostov" + "-on-Don", "Voronezh" + " region".
_CONTINUATION = re.compile(r"-(?:on|na|am|an|upon|sur|en|le|la|de|del|di|sous)-[A-Z][\w']*(?:-[A-Z][\w']*)?|"
                           r"\s+(?:[Rr]egion|[Oo]blast|[Pp]rovince|[Kk]rai|[Gg]overnorate|[Pp]refecture|County|Parish)\b")


_COMPOUND = re.compile(r"[A-Z][\w']+-(?:on|na|am|an|upon|sur|en|le|la|sous)-[A-Z][\w']+")


def _extended(text: str, start: int, end: int, known) -> int:
    """Return the end of the name with its continuation when the gazetteer knows the longer name."""
    match = _CONTINUATION.match(text, end)
    if match and known(text[start:match.end()]):
        return match.end()
    return end


def find_toponyms(article_id: str, text: str, doc, dateline_span: tuple[int, int] | None = None,
                  dateline: str | None = None, sentence_of=None, known=None) -> list[Toponym]:
    """Return the article's place names and demonyms, ordered by offset, without overlaps.

    ``sentence_of(char)`` gives a sentence index (0 without it); ``known(name)`` says whether
    the gazetteer has the name, for names the parser did not tag.
    """
    sentence_of = sentence_of or (lambda char: 0)
    found: dict[tuple[int, int], Toponym] = {}

    def add(start: int, end: int, kind: str) -> None:
        if known is not None:
            end = _extended(text, start, end, known)
        trimmed = _trimmed(text, start, end)
        if not trimmed:
            return
        s, e = trimmed
        overlapping = [(os_, oe) for os_, oe in found if s < oe and os_ < e]
        if overlapping:
            # A longer name replaces the shorter ones it covers ("Rostov" inside "Rostov-on-Don").
            if all(os_ >= s and oe <= e and (oe - os_) < (e - s) for os_, oe in overlapping) and kind != "dateline":
                for span in overlapping:
                    del found[span]
            else:
                return
        found[(s, e)] = Toponym(article_id, sentence_of(s), s, e, text[s:e], kind)

    if dateline_span and dateline:
        at = text.find(dateline, dateline_span[0], dateline_span[1])
        if at < 0:
            at = text.lower().find(dateline.lower(), dateline_span[0], dateline_span[1])
        if at >= 0:
            add(at, at + len(dateline), "dateline")
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            if name_key(ent.text) in _NOT_PLACES:
                continue
            kind = "based" if re.search(r"-based$", ent.text) else "entity"
            add(ent.start_char, ent.end_char, kind)
        elif ent.label_ == "NORP" and (demonym_country(ent.text) or (known is not None and _region_people(ent.text))):
            add(ent.start_char, ent.end_char, "demonym")
        elif ent.label_ in ("PERSON", "ORG") and known is not None and ent.start > 0 and \
                doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS and known(ent.text):
            # "in Fargo" where the small model took the town for a person or a firm.
            add(ent.start_char, ent.end_char, "entity")
    for token in doc:
        # "Rostov-on-Don", "Stratford-upon-Avon": such compounds are place names wherever they stand.
        compound = _COMPOUND.match(text, token.idx) if token.text[:1].isupper() else None
        if compound and known is not None and known(compound.group(0)):
            add(token.idx, compound.end(), "entity")
            continue
        # "Moscow-based": the word before "-based", when the parser did not tag it.
        if token.text == "based" and token.i >= 2 and doc[token.i - 1].text == "-":
            head = doc[token.i - 2]
            if head.text[:1].isupper():
                add(head.idx, head.idx + len(head.text), "based")
        # A capitalised name after a place preposition that the parser left untagged.
        elif known is not None and token.lower_ in PLACE_PREPOSITIONS and token.i + 1 < len(doc):
            nxt = doc[token.i + 1]
            if nxt.text[:1].isupper() and not nxt.ent_type_ and nxt.pos_ == "PROPN":
                end_token = nxt
                while end_token.i + 1 < len(doc) and doc[end_token.i + 1].pos_ == "PROPN" and not doc[end_token.i + 1].ent_type_:
                    end_token = doc[end_token.i + 1]
                start, end = nxt.idx, end_token.idx + len(end_token.text)
                if known(text[start:end]):
                    add(start, end, "entity")
    # A surname the article gives a person ("Jim O'Brien" ... "O'Brien said") is not a place.
    surnames = {ent.text.split()[-1] for ent in doc.ents if ent.label_ == "PERSON" and len(ent.text.split()) >= 2}
    return sorted((t for t in found.values() if t.kind == "dateline" or t.text not in surnames), key=lambda t: t.start)
