"""Place names the parser missed or mis-typed, admitted on the gazetteer's and the sentence's evidence.

The small spaCy model often takes a local town for a person or a firm ("an Alexandria
woman", "Greer, S.C.") or leaves it untagged. A name is admitted here only when the
gazetteer knows it as a country, region or town of 1,000+ by its own name (``notable``) AND
the text gives place-like evidence around it:

  - it is followed by a region or country that holds a town of that name ("Greer, S.C.",
    "Alexandria, Louisiana"): the gazetteer checks the containment, so "Jordan, Minn." is the
    town in Minnesota and "Michael Jordan, 45," is nobody's town;
  - it qualifies a resident or local force ("an Alexandria woman", "Roswell police");
  - it heads an office or a force ("Tillsonburg Mayor", "Rochester Fire Department");
  - it follows a person ("Jane Roe, 41, of Grovetown") or a legislator's party ("R-Charleston");
  - it stands in a list ending in "counties", or beside a place already found ("Oakport and
    Moorhead", "Washington-Moscow");
  - it heads a wire dateline ("MANSFIELD — The council ...", "COLUMBUS, Ohio (AP) —").

Names ending in a county-like designator ("Anderson County", "Readington Township") or in a
street or water word ("MacCorkle Avenue", "Neches River") are places whatever the parser said. People stay people: a name with no such evidence is left
alone, however many towns bear it.
"""

from __future__ import annotations

import re

from newsprism.places.gazetteer import candidates
from newsprism.places.normalize import name_key

# Nouns a town's name qualifies in local news ("an Alexandria man", "Roswell police").
RESIDENT_NOUNS = {"man", "men", "woman", "women", "resident", "residents", "native", "natives", "police",
                  "couple", "teen", "teenager", "teens", "girl", "boy", "youth", "motorist", "motorists", "homeowner",
                  "homeowners", "residents'", "firefighters", "voters", "landowner", "landowners", "area", "neighborhood",
                  "neighborhoods", "neighbourhood", "neighbourhoods", "taxpayers", "community", "communities",
                  "councillors", "councilmen", "suburb", "suburbs", "officer", "officers"}
# Last words that make a name a street, a road or a body of water whatever the parser tagged
# ("MacCorkle Avenue", "Neches River"; a person's or a firm's name seldom ends so: "Lane" does, and is left out).
STREET_AND_WATER = {"street", "st.", "road", "rd.", "avenue", "ave.", "boulevard", "blvd.", "parkway",
                    "highway", "freeway", "expressway", "turnpike", "trail", "river", "creek", "lake", "pond",
                    "reservoir", "bay", "canyon", "island", "islands", "mountains"}
# Last words that make a name a second-level division or a township whatever the parser tagged.
DESIGNATORS = {"County", "Parish", "Township", "Twp.", "Borough"}   # not "Co.": "Crane Co." is a firm
# A wire dateline at the start of the text or of a sentence: "MANSFIELD —", "COLUMBUS, Ohio (AP) --".
# After the headline's full stop or a byline's year ("March 15, 2009 NEWARK --"); "BEIRUT:" too.
_WIRE_HEAD = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\d{4}\s))(?P<name>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,3})"
                        r"(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?\s*(?:\([^)\n]{1,30}\)\s*)?(?:—|–|-{1,3}|:)\s")
# How far into the text a dateline may stand (after a headline).
DATELINE_REACH = 400
_REGION_CODES = ("ADM1", "PCLI")


def _within(name: str, region_name: str) -> bool:
    """Return whether a town of ``name`` lies in a region or country called ``region_name``."""
    regions = [p for p in candidates(region_name) if p.feature_code in _REGION_CODES]
    if not regions:
        return False
    for town in candidates(name):
        if town.feature_code in _REGION_CODES:
            continue
        for region in regions:
            if town.country == region.country and (region.feature_code == "PCLI" or town.admin1_code == region.admin1_code):
                return True
    return False


_FOLLOWING_REGION = re.compile(r",\s+(?P<region>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")


def followed_by_its_region(text: str, end: int, name: str) -> bool:
    """Return whether "<name>, <region>" follows, with the gazetteer holding a town of the name there."""
    match = _FOLLOWING_REGION.match(text, end)
    if not match:
        return False
    region = match.group("region")
    # "Greer, S.C. Police": try the longer region first, then its first word ("Ga. officials").
    return _within(name, region) or (" " in region and _within(name, region.split()[0]))


def _is_name_run(tokens) -> bool:
    return bool(tokens) and all(t.text[:1].isupper() or t.text in (".", "-", "'s") for t in tokens)


def _after_a_person(doc, first) -> bool:
    """Return whether "of <name>" follows a person ("Jane Roe, 41, of Grovetown", "Smith, of Wooster")."""
    if first.i < 2 or doc[first.i - 1].lower_ != "of":
        return False
    i = first.i - 2
    while i >= 0 and first.i - i <= 5 and (doc[i].is_punct or doc[i].like_num):
        i -= 1
    return i >= 0 and doc[i].ent_type_ == "PERSON" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")


def region_abbreviation(name: str) -> bool:
    """Return whether the word is a region's abbreviation with its full stops ("S.C.", "Pa.", "Calif.")."""
    if not name.endswith("."):
        return False
    regions = [p for p in candidates(name) if p.feature_code == "ADM1"]
    # "Iowa." closing a sentence is the region's full name, not an abbreviation of it.
    return bool(regions) and all(name_key(p.name) != name_key(name) for p in regions)


_ABBREVIATION_AFTER_TOWN = re.compile(r"(?<=[a-z]), (?P<abbr>(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.)")


def abbreviated_regions(text: str, doc) -> list[tuple[int, int]]:
    """Return the spans of region abbreviations after a town or a party ("Greer, S.C.", "Dorgan, D-N.D.")."""
    out = []
    for match in _ABBREVIATION_AFTER_TOWN.finditer(text):
        if region_abbreviation(match.group("abbr")):
            out.append(match.span("abbr"))
    for match in re.finditer(r"\b[RDI]-(?P<abbr>(?:[A-Z]\.){2,3}|[A-Z][a-z]{1,4}\.)", text):
        if region_abbreviation(match.group("abbr")):
            out.append(match.span("abbr"))
    return out


# Nouns for kinds of places that name one after them: "the town of Pervouralsk", "the capital Colombo".
PLACE_KIND_NOUNS = {"town", "city", "village", "hamlet", "borough", "county", "province", "capital", "suburb",
                    "region", "district", "municipality", "township", "port", "island", "state"}


def _after_a_kind_of_place(doc, first) -> bool:
    """Return whether the name follows "the town of" or "the capital" ("the Urals town of Pervouralsk")."""
    i = first.i - 1
    if i >= 1 and doc[i].lower_ == "of":
        i -= 1
    return i >= 0 and doc[i].lower_ in PLACE_KIND_NOUNS and doc[i].text.islower()


def _party_seat(text: str, start: int) -> bool:
    """Return whether the name is a legislator's seat: "Rep. Jane Roe, R-Elbow Lake"."""
    return bool(_PARTY.search(text[max(0, start - 3):start]))


_PARTY = re.compile(r"\b[RDI]-$")
# Words that end a list of counties: "Barrow, Jackson and Madison counties".
_COUNTIES = {"counties": "County", "parishes": "Parish"}


def _listed_county(doc, last) -> str | None:
    """Return "County" when the name stands in a list that ends in "counties", else None."""
    i = last.i + 1
    while i < len(doc) and i - last.i <= 12:
        word = doc[i]
        if word.lower_ in _COUNTIES:
            return _COUNTIES[word.lower_]
        if not (word.text[:1].isupper() or word.text == "," or word.lower_ in ("and", "or")):
            return None
        i += 1
    return None


def _name_runs(doc, ents):
    """Yield token lists the parser did not tag as places: its other entities and untagged proper-noun runs."""
    for ent in ents:
        if ent.label_ not in _SKIPPED_LABELS:
            yield list(ent)
    i = 0
    while i < len(doc):
        if not doc[i].ent_type_ and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            j = i
            while j + 1 < len(doc) and not doc[j + 1].ent_type_ and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
                j += 1
            yield list(doc[i:j + 1])
            i = j + 1
        else:
            i += 1


_SKIPPED_LABELS = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
# Offices and forces a town's name heads inside a longer name ("Tillsonburg Mayor Stephen Molnar",
# "Tega Cay Fire Department Chief"): the run is cut before them.
OFFICE_WORDS = {"mayor", "sheriff", "police", "fire", "city", "council", "township", "village", "borough", "town"}


def misread_places(doc, text: str, ents, notable) -> list[tuple[int, int]]:
    """Return spans of place names tagged PERSON/ORG/other or left untagged, admitted on evidence."""
    out: list[tuple[int, int]] = []
    for run in _name_runs(doc, ents):
        while run and (run[0].pos_ in ("DET", "NUM") or run[0].like_num):
            run = run[1:]               # "Two Roswell teens", "The Alexandria man"
        if len(run) >= 3 and run[0].text in ("R", "D", "I") and run[1].text == "-":
            run = run[2:]               # a legislator's seat the parser took with its party: "D-Charleston"
        if not _is_name_run(run):
            continue
        # The whole run, and its head before an office or a designator ("Anderson County Sheriff Greg Taylor").
        for size in range(len(run), 0, -1):
            tokens = run[:size]
            s, e = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            name = text[s:e]
            if text[e:e + 1] == "-" and text[e + 1:e + 2].islower():
                break                   # the head of a longer hyphenated name ("Mar-a-Lago")
            nxt = run[size] if size < len(run) else (doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None)
            if size >= 2 and (tokens[-1].text in DESIGNATORS or (size == len(run) and tokens[-1].lower_ in STREET_AND_WATER)):
                out.append((s, e))
                break
            if size < len(run) and not (nxt.lower_ in OFFICE_WORDS or (size + 1 < len(run) and run[size + 1].text in DESIGNATORS)):
                continue
            county = _listed_county(doc, tokens[-1]) if size == len(run) else None
            if county and notable(f"{name} {county}"):
                out.append((s, e))
                break
            if not notable(name):
                continue
            if (followed_by_its_region(text, e, name) or (nxt is not None and nxt.lower_ in RESIDENT_NOUNS | OFFICE_WORDS)
                    or _after_a_person(doc, tokens[0]) or _party_seat(text, s) or _after_a_kind_of_place(doc, tokens[0])):
                out.append((s, e))
                break
    return out


def beside_places(doc, text: str, ents, found: dict, notable) -> list[tuple[int, int]]:
    """Return towns named alongside a place already found: "Bicester and Kidlington", "Fargo-Moorhead".

    A capitalised name the gazetteer knows as a town of 1,000+ (``notable``) that is conjoined with
    a found place ("Oakport and Moorhead") or joined to it by a hyphen ("Lebanon-Syria treaty")
    names a place of the same kind; people and firms are seldom listed with towns.
    """
    places = [(s, e) for (s, e), t in found.items() if t.kind in ("entity", "dateline")]

    def is_place(token) -> bool:
        return any(s <= token.idx < e for s, e in places)

    out = []
    for run in _name_runs(doc, ents):
        while run and (run[0].pos_ in ("DET", "NUM") or run[0].like_num):
            run = run[1:]
        if not _is_name_run(run):
            continue
        s, e = run[0].idx, run[-1].idx + len(run[-1].text)
        if any(ps < e and s < pe for ps, pe in places):
            continue
        name = text[s:e]
        ids = {t.i for t in run}
        head = next((t for t in run if t.head.i not in ids or t.head.i == t.i), run[-1])
        conjoined = (head.dep_ == "conj" and is_place(head.head)) or any(c.dep_ == "conj" and is_place(c) for c in head.children)
        hyphened = (s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha() and any(pe == s - 1 for ps, pe in places)) or \
                   (text[e:e + 1] == "-" and any(ps == e + 1 for ps, pe in places))
        if hyphened and _one_hyphenated_name(text, s, e):
            continue                    # "Guinea-Bissau" is one country, not Guinea and Bissau
        if (conjoined or hyphened) and notable(name):
            out.append((s, e))
    return out


def _one_hyphenated_name(text: str, start: int, end: int) -> bool:
    """Return whether the name and its hyphened neighbour make one name the gazetteer knows."""
    match = re.search(r"[\w.'’]+-$", text[max(0, start - 40):start])
    before = text[start - len(match.group(0)):end] if match else None
    after = re.match(r"-[\w.'’]+", text[end:end + 40])
    return bool((before and candidates(before)) or (after and candidates(text[start:end + after.end()])))


def wire_dateline(text: str, known) -> tuple[int, int] | None:
    """Return the span of the place heading a wire dateline near the top of the text, if the gazetteer knows it."""
    for match in _WIRE_HEAD.finditer(text, 0, DATELINE_REACH + 60):
        if match.start() > DATELINE_REACH:
            break
        s, e = match.span("name")
        name = text[s:e].rstrip(".")
        if len(name) >= 3 and known(name.title()):
            return s, s + len(name)
    return None
