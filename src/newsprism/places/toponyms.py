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

from newsprism.places.evidence import DESIGNATORS, abbreviated_regions, beside_places, misread_places, wire_dateline
from newsprism.places.gazetteer import candidates
from newsprism.places.normalize import name_key
from newsprism.places.records import Toponym

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that open an entity span without being part of the name.
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
# Trailing possessive or "-based"/"-born" adjective endings to cut from a name.
_TRAILING = re.compile(r"(?:['’]s?|-(?:based|born|led|backed|bound|area|region))$")
# Prepositions after which a capitalised word is very likely a place: "in Voronezh", "near Bakhmut".
PLACE_PREPOSITIONS = {"in", "near", "outside", "from", "to", "towards", "toward", "into", "at", "across", "around"}
# Prepositions that put something at a building ("at the White House", "inside the Kremlin").
SITE_PREPOSITIONS = {"at", "in", "inside", "outside", "near"}
# Facilities the parser tags FAC but that are not where anything is ("the Kremlin" is; "Twitter" is not).
_NOT_PLACES = {"twitter", "telegram", "facebook", "youtube", "instagram", "whatsapp",
               # Bodies that hamlets somewhere are named after ("Congress", Arizona).
               "congress", "parliament", "senate", "house", "assembly", "cabinet", "duma", "knesset"}
_LONGEST_NOT_PLACE = max(len(word) for word in _NOT_PLACES) + 4     # room for "the " (name_key drops it)


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


_COMPOUND = re.compile(r"[A-Z][\w']+-(?:on|na|am|an|upon|sur|en|le|la|sous|a)-[A-Z][\w']+")


def _extended(text: str, start: int, end: int, known) -> int:
    """Return the end of the name with its continuation when the gazetteer knows the longer name."""
    match = _CONTINUATION.match(text, end)
    if match and known(text[start:match.end()]):
        return match.end()
    return end


def find_toponyms(article_id: str, text: str, doc, dateline_span: tuple[int, int] | None = None,
                  dateline: str | None = None, sentence_of=None, known=None, notable=None) -> list[Toponym]:
    """Return the article's place names and demonyms, ordered by offset, without overlaps.

    ``sentence_of(char)`` gives a sentence index (0 without it); ``known(name)`` says whether
    the gazetteer has the name, for names the parser did not tag; ``notable(name)`` whether it
    is a country, region or real town by its own name, for places inside other names.
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
        if kind != "dateline" and e - s <= _LONGEST_NOT_PLACE and name_key(text[s:e]) in _NOT_PLACES:
            return                      # whichever pass found it: "Democrats in Congress" is no Arizona hamlet
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
    ents = list(doc.ents)            # Doc.ents walks every token on each access: read it once
    evidenced: set[tuple[int, int]] = set()
    if known is not None and notable is not None:
        head = wire_dateline(text, known)
        if head:
            add(*head, "entity" if any(t.kind == "dateline" for t in found.values()) else "dateline")
            evidenced.add(head)
    _tagged_places(text, doc, ents, known, notable, add)
    _untagged_places(text, doc, known, add)
    if notable is not None and known is not None:
        # Towns the parser took for people or firms, admitted on the gazetteer's and the sentence's evidence.
        bodies = [(e.start_char, e.end_char) for e in ents if e.label_ in ("ORG", "FAC")]
        for start, end in abbreviated_regions(text, doc):
            add(start, end, "entity")
            evidenced.add((start, end))
        for start, end in misread_places(doc, text, ents, notable):
            # Heading a longer body's name ("Rochester Fire Department"), it says where the body is.
            inside_body = any(bs <= start and end <= be and (bs, be) != (start, end) for bs, be in bodies)
            add(start, end, "in_name" if inside_body else "entity")
            evidenced.add((start, end))
    if notable is not None:
        for ent in ents:
            if ent.label_ in ("ORG", "FAC"):
                for start, end, kind in _places_inside(text, ent, notable):
                    add(start, end, kind)
        for start, end in _towns_heading_untagged_names(doc, notable):
            add(start, end, "in_name")
        for start, end in beside_places(doc, text, ents, found, notable):
            add(start, end, "entity")
            evidenced.add((start, end))
        _same_name_elsewhere(text, ents, found, add, notable, evidenced)
    # A surname the article gives a person ("Jim O'Brien" ... "O'Brien said") is not a place.
    surnames = {ent.text.split()[-1] for ent in ents if ent.label_ == "PERSON" and len(ent.text.split()) >= 2}
    return sorted((t for t in found.values() if t.kind == "dateline" or (t.start, t.end) in evidenced or t.text not in surnames),
                  key=lambda t: t.start)


def _tagged_places(text: str, doc, ents, known, notable, add) -> None:
    """Add the place names and demonyms among the parser's entities (``add(start, end, kind)``)."""
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            if name_key(ent.text) in _NOT_PLACES:
                continue
            kind = "based" if re.search(r"-based$", ent.text) else "entity"
            if known is not None and not _known_entity(text, ent, known) and demonym_country(ent.text):
                add(ent.start_char, ent.end_char, "demonym")     # "Sri Lankan" tagged as a place
                continue
            if known is not None and notable is not None and not _known_entity(text, ent, known):
                # A name the gazetteer does not know: often a body or a building named after
                # its town ("Henderson County Jail", "Vancouver International Airport"), whose
                # place is the town. Else it stands only when it names a street, a river, a park
                # or a county ("Briarwood Drive", "Neches River", "Readington Township"): an
                # unknown name the parser called a place is otherwise more often a person, a
                # charity or a feast ("Hartmann", "United Way", "St. Patrick's Day").
                inside = [] if _names_a_feature(ent) else _places_inside(text, ent, notable)
                if inside:
                    for start, end, inner_kind in inside:
                        add(start, end, inner_kind)
                    continue
                if not _unknown_name_stands(ent, known):
                    continue
            add(ent.start_char, ent.end_char, kind)
        elif ent.label_ == "NORP" and known is not None and country_abbreviation(ent.text):
            add(ent.start_char, ent.end_char, "entity")        # "U.S. troops": the country's name, not a people
        elif ent.label_ == "NORP" and (demonym_country(ent.text) or (known is not None and _region_people(ent.text))):
            add(ent.start_char, ent.end_char, "demonym")
        elif ent.label_ in ("PERSON", "ORG") and known is not None and ent.start > 0 and \
                doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS and known(ent.text):
            # "in Fargo" where the small model took the town for a person or a firm.
            add(ent.start_char, ent.end_char, "entity")
        elif ent.label_ == "ORG" and known is not None and ent.start >= 2 and doc[ent.start - 1].pos_ == "DET" and \
                doc[ent.start - 2].lower_ in SITE_PREPOSITIONS and _a_landmark(ent.text):
            # "at a White House dinner", "inside the Kremlin": the seat of power as a place, not the body in it.
            add(ent.start_char, ent.end_char, "entity")


def _a_landmark(name: str) -> bool:
    """Return whether the gazetteer knows the name as a building or landmark (feature class S)."""
    return any(p.feature_class == "S" for p in candidates(name))


def _untagged_places(text: str, doc, known, add) -> None:
    """Add the place names the parser left untagged: compounds ("Rostov-on-Don"), "X-based",
    and capitalised names after a place preposition that the gazetteer knows."""
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
                # Not the head of a longer hyphenated name: "at Mar-a-Lago" is no "Mar".
                if known(text[start:end]) and not _cut_at_hyphen(text, end):
                    add(start, end, "entity")


# Words that open organisations' names and are also the names of small towns somewhere
# ("Commerce", Georgia; "Police", Poland; "University", Florida): inside a name they are the
# body's kind, not its place.
_NAME_WORDS = {"university", "college", "federal", "national", "central", "supreme", "justice", "police", "commerce",
               "landmark", "liberty", "union", "independence", "victory", "unity", "progress", "enterprise", "security",
               "energy", "story", "mission", "providence", "harmony", "concord", "eureka", "general", "royal", "state",
               "capital", "community", "united", "citizens", "republic", "democratic", "christian", "catholic", "baptist",
               "trinity", "grace", "faith", "hope", "charity", "salem", "zion", "bethel", "bethany", "paradise",
               "eagle", "phoenix", "delta", "summit", "pioneer", "heritage", "metro", "metropolitan", "regional", "county",
               "city", "district", "city council", "international", "global", "american", "first", "new"}
_COMPASS = re.compile(r"^(?:north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|eastern|western|"
                      r"upper|lower|middle|mid|greater|inner|outer)$")


# Last words of a firm's name, whose leading words are mostly its founder's or an invented name
# ("Wagner Group", "Adani Group", "Ford Motor Company"), rarely where it is.
_FIRM_WORDS = {"group", "inc", "inc.", "corp", "corp.", "corporation", "company", "co", "co.", "holdings", "llc", "ltd",
               "ltd.", "plc", "sons", "brothers", "bros", "bros.", "partners", "associates", "foundation"}


# Words after which the rest of an organisation's name is often where it is ("University of
# Cincinnati", "Bank of Canada", "Association of Western Pennsylvania").
_OF = {"of", "for"}


def _cut_at_hyphen(text: str, end: int) -> bool:
    """Return whether the name goes on past a hyphen in lower case ("Mar-a-Lago", "Stoke-upon-Trent")."""
    return text[end:end + 1] == "-" and text[end + 1:end + 2].islower()


def _known_entity(text: str, ent, known) -> bool:
    """Return whether the gazetteer knows the entity's name (without "the", a possessive, "-based")."""
    trimmed = _trimmed(text, ent.start_char, _extended(text, ent.start_char, ent.end_char, known))
    return trimmed is not None and known(text[trimmed[0]:trimmed[1]])


# Last words that make a whole name a place of its own (a street, a river, a park), not a body
# named after its town: "Catawba River" and "Main Street" stay whole; "Henderson County Jail" does not.
# ("Way" is left out: "the United Way" is a charity far more often than "Holm Way" is a street.)
FEATURE_WORDS = {"street", "st.", "st", "road", "rd.", "rd", "avenue", "ave.", "ave", "drive", "dr.", "lane", "ln.",
                 "boulevard", "blvd.", "parkway", "highway", "freeway", "expressway", "turnpike", "trail", "route",
                 "river", "creek", "brook", "lake", "lakes", "pond", "reservoir", "valley", "island", "islands", "mountain",
                 "mountains", "hill", "hills", "ridge", "bay", "sound", "gulf", "sea", "coast", "beach", "canyon", "falls",
                 "park", "forest", "preserve", "wilderness", "refuge", "stadium", "field", "airport", "abbey", "square",
                 "plaza", "bridge", "harbor", "harbour", "port", "peninsula", "desert", "plain", "plains", "grove", "springs", "ocean",
                 "township", "twp.", "county", "parish", "borough", "district", "colony", "village", "heights"}


def _names_a_feature(ent) -> bool:
    return len(ent) >= 2 and ent[-1].lower_ in FEATURE_WORDS


# First words that make a name a natural feature or a base ("Lake Titicaca", "Fort Hood", "Mount Elgon").
_FEATURE_FIRST_WORDS = {"lake", "mount", "mt.", "fort", "ft.", "port", "cape", "isle", "gulf", "bay", "sea", "river", "lac"}


def _unknown_name_stands(ent, known) -> bool:
    """Return whether a GPE/LOC/FAC name the gazetteer does not know is still taken for a place.

    It is when it names a street, a river, a county or a numbered road ("Briarwood Drive",
    "Readington Township", "Route 9"), a lake, a mount or a fort ("Lake Titicaca", "Fort Hood"),
    or a part of a known place ("West Africa", "Northern Europe", "South Darfur"). A single
    unknown word is not: on the dev halves fewer than a third of such words tagged GPE were places
    (persons never tagged PERSON elsewhere, "Hartmann", "Pawlenty"; firms; "Literacy", "Teen").
    """
    tokens = [t for t in ent if t.lower_ != "the"]
    if not tokens:
        return False
    if _names_a_feature(ent) or _ends_in_designator(ent) or _numbered_road(ent):
        return True
    if len(tokens) >= 2 and tokens[0].lower_ in _FEATURE_FIRST_WORDS:
        return True
    if len(tokens) >= 2 and _COMPASS.match(tokens[0].lower_.rstrip("-")) and known(" ".join(t.text for t in tokens[1:])):
        return True
    return False


def _numbered_road(ent) -> bool:
    return len(ent) >= 2 and ent[-1].like_num


def _ends_in_designator(ent) -> bool:
    return len(ent) >= 2 and ent[-1].text in DESIGNATORS


_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,4}$|^[A-Z]{2,4}$")


def country_abbreviation(text: str) -> bool:
    """Return whether the word is a country's abbreviated name ("U.S.", "UK", "UAE"), which is a place, not a people."""
    from newsprism.places.gazetteer import candidates

    word = text.strip()
    return bool(_ABBREVIATION.match(word)) and any(p.feature_code == "PCLI" for p in candidates(word))


# The smallest town whose name, inside a body's name, is taken for the body's place: below it
# a word in a name is more often a founder, a saint or a plain word ("Webb Center", "Butler
# Foundation", "Church Road Society") than a town (LGL dev: 33 of 137 such names were places).
TOWN_IN_NAME = 20_000


def _places_inside(text: str, ent, notable) -> list[tuple[int, int, str]]:
    """Return the place names inside an organisation's or facility's name, with their kind.

    "the Ohio Department of Development", "Gainesville Police", "Lebanese Army": the leading
    words when they are a place (or a people: a demonym), and the words after "of" when they
    are. They are kind ``in_name``: they say where the body is, not where an event happened.
    """
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    out = []
    firm = bool(tokens) and tokens[-1].lower_ in _FIRM_WORDS
    # Longest leading run of capitalised words that is a place, short of the whole name (a
    # firm's leading words only when they are a country or region: "China Construction Group").
    for size in range(min(4, len(tokens) - 1), 0, -1):
        run = tokens[:size]
        if not all(t.text[:1].isupper() or t.text in (".", "-") for t in run):
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        name = text[start:end]
        if size == 1 and country_abbreviation(name):
            out.append((start, end, "in_name"))          # "the U.S. Attorney's office"
            break
        if size == 1 and demonym_country(name):
            out.append((start, end, "demonym"))
            break
        if _is_name_word(name):
            continue
        if notable(name, regions_only=firm, min_population=TOWN_IN_NAME):
            out.append((start, end, "in_name"))
            break
    for i, token in enumerate(tokens[:-1]):
        if token.lower_ in _OF:
            rest = tokens[i + 1:]
            # A compass word before the place is not part of its name ("Association of Western Pennsylvania").
            if len(rest) >= 2 and _COMPASS.match(rest[0].lower_):
                rest = rest[1:]
            # The longest leading run of capitalised words that is a place ("University of Cincinnati
            # Medical Center", "Association of Georgia Educators").
            for size in range(min(4, len(rest)), 0, -1):
                run = rest[:size]
                if not all(t.text[:1].isupper() for t in run):
                    continue
                start, end = run[0].idx, run[-1].idx + len(run[-1].text)
                if not _is_name_word(text[start:end]) and notable(text[start:end], min_population=TOWN_IN_NAME):
                    out.append((start, end, "in_name"))
                    break
            break
    return out


def _towns_heading_untagged_names(doc, notable) -> list[tuple[int, int]]:
    """Return towns that open a team's name the parser left untagged ("the Philadelphia 76ers").

    The untagged capitalised word must be a town of 20,000+ (``TOWN_IN_NAME``) and the compound
    modifier of a number-led word ("76ers", "49ers"). Capitalised heads too ("Sacramento Kings")
    found more names LGL and TR-News do not annotate than teams (dev span F1 -0.001 to -0.002).
    """
    out = []
    for token in doc:
        if token.ent_type_ or token.dep_ != "compound" or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        head = token.head
        if head.ent_type_ or head.i != token.i + 1 or not head.text[:1].isdigit():
            continue
        if token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and not doc[token.i - 1].ent_type_:
            continue                 # only the first word of a run: "New York" is found from "New"
        start, end = token.idx, token.idx + len(token.text)
        if not _is_name_word(token.text) and notable(token.text, min_population=TOWN_IN_NAME):
            out.append((start, end))
    return out


def _is_name_word(name: str) -> bool:
    key = name_key(name)
    return key in _NAME_WORDS or bool(_COMPASS.match(key))


def _same_name_elsewhere(text: str, ents, found: dict, add, notable, evidenced=frozenset()) -> None:
    """Add the other mentions of a place name the parser tagged as a place once ("Gainesville" as a firm later).

    They are kind ``repeat``: the parser saw something else there, often a team or a firm named
    after the town ("Philadelphia beat Atlanta"), so they name the place but do not place events.
    """""
    tagged = {(e.start_char, e.end_char) for e in ents if e.label_ in ("GPE", "LOC")} | set(evidenced)
    names = {t.text for span, t in found.items() if t.kind in ("entity", "dateline") and span in tagged
             and len(t.text) > 3 and t.text[:1].isupper() and not _is_name_word(t.text) and notable(t.text)}
    people = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON" and len(e) >= 2]
    for name in sorted(names, key=lambda n: (-len(n), n)):     # longest first, so runs agree
        for match in re.finditer(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", text):
            s, e = match.span()
            if any(ps <= s and e <= pe for ps, pe in people):
                continue              # "Jackson" inside "Andrew Jackson"
            if not any(s < oe and os_ < e for os_, oe in found):
                add(s, e, "repeat")
