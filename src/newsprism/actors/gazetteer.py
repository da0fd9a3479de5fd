"""The offline gazetteer: countries, demonyms, capitals, well-known bodies and platforms.

Countries come from pycountry plus a hand-kept table of the names news actually uses
("Turkey", "Britain", "US"); demonyms, capitals and bodies are hand-checked tables under
``data/``. A user can extend it with a JSON file (invented countries of a demo corpus, local
bodies): pass it to ``load_extension``, name it in ``Settings.gazetteer`` (the CLI reads
``NEWSPRISM_GAZETTEER`` into it), or put a ``gazetteer.json`` beside the articles or in their parent folder.

Matching works on our own tokens so that the same lookup serves free text (``describe``) and
parsed articles, with character offsets into the text it was given.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pycountry

from newsprism.actors.transliteration import grouping_key, same_name
from newsprism.errors import NewsprismError

DATA = Path(__file__).resolve().parent / "data"
EXTENSION_FILE = "gazetteer.json"

# Which entry wins where one key has several meanings: a body's name beats a country's,
# a country beats its capital, and a capital beats a demonym ("US" is all of them).
PRIORITY = {"body": 0, "country": 1, "capital": 2, "demonym": 3, "people": 3, "city": 4, "platform": 5, "person": 6}

# Words that may sit lowercase inside a capitalised name ("Bosnia and Herzegovina").
NAME_FUNCTION_WORDS = {"of", "and", "the", "for", "de", "da", "del", "on", "d", "al", "el", "i", "es", "ez", "-", "'s"}

# A hyphen joins words only before a capital or digit: "al-Qaeda", "G-7" and "Guinea-Bissau" are
# one word, "US-led" and "Russian-backed" are a name and a word.
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:-(?=[^\W\d_]*[A-Z0-9])[^\W_]+)*(?:['’](?![sS]\b)[^\W_]+)*|['’][sS]\b")


def _capitalised(token: Token) -> bool:
    # "d'Ivoire" counts: a capital after an elided article.
    return token.text[:1].isupper() or token.text[:1].isdigit() or any(c.isupper() for c in token.text[1:])


class GazetteerError(NewsprismError):
    """A gazetteer extension file could not be read."""


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    norm: str
    start: int
    end: int


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Return the lookup form of a word: accents and dots dropped, lowercase, straight quote (cached)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace(".", "").lower()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Return the words of ``text`` with character offsets (plus ``offset``)."""
    return [Token(m.group(), normalize(m.group()), m.start() + offset, m.end() + offset)
            for m in TOKEN.finditer(text)]


@lru_cache(maxsize=200_000)
def phrase_key(text: str) -> tuple[str, ...]:
    """Return the token key of a gazetteer phrase, without a leading "the" (cached: building the
    gazetteer and resolving every article ask for the same phrases again and again)."""
    key = tuple(normalize(m.group()) for m in TOKEN.finditer(text))
    return key[1:] if len(key) > 1 and key[0] == "the" else key


@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held from ``first`` to ``last`` (either open: None)."""

    country: str | None
    sector: str | None
    first: date | None = None
    last: date | None = None

    def holds_on(self, day: date) -> bool:
        return (self.first is None or self.first <= day) and (self.last is None or day <= self.last)


def parse_roles(cell: str) -> tuple[Role, ...]:
    """Return the roles of a table cell: "USA LEG 2005-01-03 2008-11-16; USA GOV 2009-01-20 -"."""
    roles = []
    for part in cell.split(";"):
        words = part.split()
        if len(words) != 4:
            continue
        country, sector, first, last = (None if w == "-" else w for w in words)
        roles.append(Role(country, sector, date.fromisoformat(first) if first else None,
                          date.fromisoformat(last) if last else None))
    return tuple(roles)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer meaning of a name."""

    kind: str                        # country | capital | demonym | people | city | body | platform | person
    name: str                        # canonical name: "Russia", "Moscow", "State Department"
    code: str | None                 # country code; None for international bodies
    sector: str | None = None
    actor_kind: str = "country"      # person | organisation | country | group (for the actor)
    members: tuple[str, ...] = ()    # member countries of a group body (G7)
    country_from_text: bool = False  # a body such as "Defense Ministry": country from the text
    # A person's offices with their dates: "Obama" is a US legislator in 2007, the US government
    # in 2012. ``code`` and ``sector`` are what an undated text gets.
    roles: tuple[Role, ...] = ()
    curated: bool = True             # from our hand-kept tables (False: compiled from PETRARCH2)

    def role_on(self, day: date | None) -> tuple[str | None, str | None]:
        """Return (country, sector) of the office held on ``day``.

        Undated, or a person with no dated roles: ``code`` and ``sector``. On a day between two
        offices the country stays where every role agrees on it, and the sector is unknown.
        """
        dated = [r for r in self.roles if r.first or r.last]
        if day is None or not dated:
            return self.code, self.sector
        holding = [r for r in dated if r.holds_on(day)]
        if holding:
            role = max(holding, key=lambda r: r.first or date.min)
            return role.country, role.sector
        # No dated role covers the day: an undated one ("[USAELI]") applies, else only the
        # country every role shares.
        undated = [r for r in self.roles if not (r.first or r.last)]
        if undated:
            return undated[0].country, undated[0].sector
        countries = {r.country for r in self.roles}
        return (countries.pop() if len(countries) == 1 else None), None


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer name found in a text."""

    start: int                       # character offsets
    end: int
    first: int                       # token indices [first, last)
    last: int
    text: str
    entry: Entry


@dataclass(slots=True)
class Gazetteer:
    """Lookup tables from token keys to entries, with the case rule of each key."""

    entries: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    # Keys written in capitals ("US", "UN", "FSB") only match the same capitals in the text.
    exact_case: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    # Keys that were also written lowercase ("defense ministry") match lowercase text too.
    lowercase_ok: set[tuple[str, ...]] = field(default_factory=set)
    country_names: dict[str, str] = field(default_factory=dict)      # code -> display name
    demonym_of: dict[str, str] = field(default_factory=dict)         # code -> adjective
    longest: int = 1
    # Longest key per first word: most words start no name, and are passed over at once.
    longest_from: dict[str, int] = field(default_factory=dict)
    # Person name forms by the spelling-neutral key of their last word, built on first use.
    _by_surname: dict[str, list[tuple[tuple[str, ...], Entry]]] | None = None

    # -- building -----------------------------------------------------------------------------
    def add(self, phrase: str, entry: Entry) -> None:
        """Add one name of an entry."""
        phrase = phrase.strip()
        if not phrase:
            return
        key = phrase_key(phrase)
        if not key:
            return
        bucket = self.entries.setdefault(key, [])
        self._by_surname = None
        if entry not in bucket:
            bucket.append(entry)
            bucket.sort(key=lambda e: PRIORITY.get(e.kind, 9))
        bare = phrase[4:] if phrase.lower().startswith("the ") else phrase
        compact = bare.replace(".", "")
        if compact.isupper() and len(compact) <= 6:
            self.exact_case.setdefault(key, set()).add(compact)
        elif bare[:1].islower():
            self.lowercase_ok.add(key)
        self.longest = max(self.longest, len(key))
        self.longest_from[key[0]] = max(self.longest_from.get(key[0], 0), len(key))

    def copy(self) -> Gazetteer:
        """Return an independent copy (to extend for one corpus or one article)."""
        return Gazetteer({k: list(v) for k, v in self.entries.items()},
                         {k: set(v) for k, v in self.exact_case.items()}, set(self.lowercase_ok),
                         dict(self.country_names), dict(self.demonym_of), self.longest, dict(self.longest_from))

    def add_country(self, code: str, name: str, aliases: Iterable[str] = (), demonyms: Iterable[str] = (),
                    people: Iterable[str] = (), capitals: Iterable[str] = ()) -> None:
        """Add a country with its names, demonyms and capitals."""
        self.country_names.setdefault(code, name)
        country = Entry("country", self.country_names[code], code, "GOV", "country")
        for alias in (name, *aliases):
            self.add(alias, country)
        for demonym in demonyms:
            self.demonym_of.setdefault(code, demonym)
            self.add(demonym, Entry("demonym", self.country_names[code], code, None, "country"))
        for plural in people:
            self.add(plural, Entry("people", plural, code, "CVL", "group"))
        for capital in capitals:
            self.add(capital, Entry("capital", self.country_names[code], code, "GOV", "country"))

    # -- lookup -------------------------------------------------------------------------------
    def match_at(self, tokens: Sequence[Token], i: int) -> tuple[int, list[Entry]] | None:
        """Return (length, entries) of the longest name starting at token ``i``.

        Any ``i`` is safe: one past the last token (a spaCy token inside our last word, as
        "Karachi" in "IBA-Karachi.") or before the first starts no name.
        """
        if not 0 <= i < len(tokens):
            return None
        for length in range(min(self.longest_from.get(tokens[i].norm, 0), len(tokens) - i), 0, -1):
            key = tuple(t.norm for t in tokens[i:i + length])
            found = self.entries.get(key)
            if found and self._case_ok(key, tokens[i:i + length]):
                return length, found
        return None

    def _case_ok(self, key: tuple[str, ...], tokens: Sequence[Token]) -> bool:
        if key in self.exact_case:
            return tokens and "".join(t.text.replace(".", "") for t in tokens) in {
                c.replace(" ", "") for c in self.exact_case[key]}
        if key in self.lowercase_ok:
            return True
        # A proper name: every content word capitalised ("Lipetsk", not "turkey").
        return all(_capitalised(t) or t.norm in NAME_FUNCTION_WORDS for t in tokens) and _capitalised(tokens[0])

    def find(self, text: str, offset: int = 0, tokens: Sequence[Token] | None = None) -> list[Hit]:
        """Return the gazetteer names in ``text``, longest first, left to right."""
        tokens = tokens if tokens is not None else tokenize(text, offset)
        hits: list[Hit] = []
        i = 0
        while i < len(tokens):
            found = self.match_at(tokens, i)
            if found is None:
                i += 1
                continue
            length, entries = found
            first, last = tokens[i], tokens[i + length - 1]
            hits.append(Hit(first.start, last.end, i, i + length,
                            text[first.start - offset:last.end - offset], entries[0]))
            i += length
        return hits

    def country_name(self, code: str | None) -> str | None:
        """Return the display name of a country code ("RUS" → "Russia")."""
        if code is None:
            return None
        return self.country_names.get(code)

    def demonym(self, code: str | None) -> str | None:
        """Return the adjective of a country code ("RUS" → "Russian")."""
        return self.demonym_of.get(code) if code else None

    def known_person(self, names: Iterable[str]) -> Entry | None:
        """Return the well-known person these name forms of one actor name, if any.

        A full name must match a full name of the table ("George W. Bush"); a surname alone
        ("Putin") counts only when the actor has no full name that contradicts it, so "Kate
        Bush" never becomes a US president.
        """
        def person(key: tuple[str, ...]) -> Entry | None:
            return next((e for e in self.entries.get(key, ()) if e.kind == "person"), None)

        forms = [phrase_key(n) for n in names if n and n.strip()]
        full = [k for k in forms if len(k) > 1]
        for key in (full or forms):
            if found := person(key):
                return found
        for key in full:
            # "Francois Mitterand": the table's surname spelling with the table's first name.
            found = person(key[-1:])
            if found is not None and phrase_key(found.name)[:1] == key[:1]:
                return found
        return self._known_by_transliteration(full or forms)

    def _known_by_transliteration(self, forms: list[tuple[str, ...]]) -> Entry | None:
        """Return the one person whose name is these forms in another transliteration
        ("Volodymyr Zelenskiy", "Lukashenka"): a full name needs a compatible first name, a
        surname alone must be one the table lists alone; two candidates are no answer."""
        if self._by_surname is None:
            index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
            for key, entries in self.entries.items():
                for entry in entries:
                    if entry.kind == "person":
                        index.setdefault(grouping_key(key[-1]), []).append((key, entry))
            self._by_surname = index
        for form in forms:
            found = set()
            for key, entry in self._by_surname.get(grouping_key(form[-1]), ()):
                if not same_name(key[-1], form[-1]) or (len(form) == 1) != (len(key) == 1):
                    continue
                if len(form) > 1 and not (same_name(key[0], form[0]) or key[0][:1] == form[0][:1] and
                                          (len(key[0]) == 1 or len(form[0]) == 1)):
                    continue
                found.add(entry)
            if len(found) == 1:
                return found.pop()
        return None

    def is_platform(self, text: str) -> bool:
        """Return whether ``text`` names a channel such as Twitter or Telegram."""
        key = phrase_key(text)
        return any(e.kind == "platform" for e in self.entries.get(key, ()))


def _rows(name: str) -> Iterable[list[str]]:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _cell(row: list[str], i: int) -> str:
    return row[i] if len(row) > i else ""


@lru_cache(maxsize=2)
def base_gazetteer(compiled: bool = True) -> Gazetteer:
    """Return the built-in gazetteer (loaded once per process); ``compiled=False`` leaves out
    the tables compiled from PETRARCH2 (what their converter checks names against)."""
    gaz = Gazetteer()
    display: dict[str, tuple[str, list[str]]] = {}
    for row in _rows("country_names.tsv"):
        display[row[0]] = (row[1], _split(_cell(row, 2)))
    demonyms: dict[str, tuple[list[str], list[str]]] = {}
    for row in _rows("demonyms.tsv"):
        demonyms[row[0]] = (_split(_cell(row, 1)), _split(_cell(row, 2)))
    capitals: dict[str, list[str]] = {}
    for row in _rows("capitals.tsv"):
        capitals.setdefault(row[1], []).extend([row[0], *_split(_cell(row, 2))])
    for country in pycountry.countries:
        code = country.alpha_3
        names = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
        name, aliases = display.get(code, (getattr(country, "common_name", None) or country.name, []))
        adjectives, people = demonyms.get(code, ([], []))
        gaz.add_country(code, name, [n for n in names if n] + aliases, adjectives, people, capitals.get(code, []))
    for code in display.keys() - {c.alpha_3 for c in pycountry.countries}:
        name, aliases = display[code]
        gaz.add_country(code, name, aliases, *demonyms.get(code, ([], [])), capitals.get(code, []))
    # Kosovo has no ISO code; XKX is the user-assigned code the EU and the IMF use.
    if "XKX" in capitals:
        gaz.add_country("XKX", "Kosovo", [], ["Kosovar", "Kosovan"], ["Kosovars"], capitals["XKX"])
    if "EU" in demonyms:
        gaz.country_names.setdefault("EU", "European Union")
        adjectives, people = demonyms["EU"]
        for adjective in adjectives:
            gaz.demonym_of.setdefault("EU", adjective)
            gaz.add(adjective, Entry("demonym", "European Union", "EU", None, "country"))
        for plural in people:
            gaz.add(plural, Entry("people", plural, "EU", "CVL", "group"))
    for row in _rows("bodies.tsv"):
        _add_body(gaz, row[0], _split(_cell(row, 1)), _cell(row, 2), _cell(row, 3), _cell(row, 4),
                  _split(_cell(row, 5)))
    for row in _rows("cities.tsv"):
        for name in [row[0], *_split(_cell(row, 2))]:
            gaz.add(name, Entry("city", row[0], row[1], None, "place"))
    _add_people(gaz, compiled)
    for row in _rows("phoenix_places.tsv") if compiled else ():
        # Other spellings of a country ("Ethopia") and places in it ("Kandahar", "Sind"),
        # compiled from PETRARCH2; never over a name the hand tables already give.
        name, code, kind = row[0], row[1], _cell(row, 2)
        if gaz.entries.get(phrase_key(name)):
            continue
        country = gaz.country_names.get(code, code)
        if kind == "country":
            gaz.add(name, Entry("country", country, code, "GOV", "country"))
        elif kind == "demonym":
            gaz.add(name, Entry("demonym", country, code, None, "country"))
        else:
            gaz.add(name, Entry("city", name, code, None, "place"))
    for row in _rows("phoenix_groups.tsv") if compiled else ():
        if row[0].lower().startswith("the ") and len(phrase_key(row[0])) == 1:
            continue   # "The Foundation": without its article, one common word names every foundation
        if not any(gaz.entries.get(phrase_key(n)) for n in [row[0], *_split(_cell(row, 1))]):
            # A group PETRARCH2 gives no country takes the one its name gives ("... of Angola"),
            # else the one the text gives ("*"), never "none".
            named = {h.entry.code for h in gaz.find(row[0]) if h.entry.kind in ("country", "demonym") and h.entry.code}
            country = _cell(row, 2) or (named.pop() if len(named) == 1 else "*")
            _add_body(gaz, row[0], _split(_cell(row, 1)), country, _cell(row, 3) or "REB", "organisation", ())
    for row in _rows("platforms.tsv"):
        gaz.add(row[0], Entry("platform", row[0], None, None, "organisation"))
    return gaz


def _add_people(gaz: Gazetteer, compiled_too: bool = True) -> None:
    """Add the people of people.tsv (hand-kept, with their dated roles where given) and of
    phoenix_people.tsv (compiled from PETRARCH2: who held which office when, up to about 2016).

    A person in both tables is one entry: the hand table's name, country and sector (what an
    undated text gets) and its roles where it gives any, else the compiled ones. A compiled name form never takes a key the hand
    table or a place already holds.
    """
    compiled: dict[tuple[str, ...], list[str]] = {}
    for row in _rows("phoenix_people.tsv") if compiled_too else ():
        for name in [row[0], *_split(_cell(row, 1))]:
            key = phrase_key(name)
            if len(key) > 1:
                compiled.setdefault(key, row)
    used: set[int] = set()
    for row in _rows("people.tsv"):
        names = [row[0], *_split(_cell(row, 1))]
        roles = parse_roles(_cell(row, 4))
        match = next((compiled[k] for n in names if len(k := phrase_key(n)) > 1 and k in compiled), None)
        if match is not None:
            used.add(id(match))
            # Roles the hand table gives replace the compiled ones (which may run on open-ended).
            roles = roles or parse_roles(_cell(match, 2))
        entry = Entry("person", row[0], _cell(row, 2) or None, _cell(row, 3) or None, "person", roles=roles)
        for name in names:
            gaz.add(name, entry)
    seen: set[int] = set()
    for row in compiled.values():
        if id(row) in used or id(row) in seen:
            continue
        seen.add(id(row))
        roles = parse_roles(_cell(row, 2))
        if not roles:
            continue
        # Undated, the latest office: news is mostly about the present.
        latest = max(roles, key=lambda r: (r.last is None, r.last or date.min, r.first or date.min))
        entry = Entry("person", row[0], latest.country, latest.sector, "person", roles=roles, curated=False)
        for name in [row[0], *_split(_cell(row, 1))]:
            # PETRARCH2 writes "al Thani"; news mostly "al-Thani", one word to our tokenizer.
            for form in dict.fromkeys([name, re.sub(r"\b(al|el|ad|as|ash|an|ar|az) (?=\w)", r"\1-", name)]):
                if not gaz.entries.get(phrase_key(form)):
                    gaz.add(form, entry)


def _add_body(gaz: Gazetteer, name: str, aliases: Sequence[str], country: str, sector: str,
              kind: str, members: Sequence[str]) -> None:
    from_text = country.strip() == "*"
    code = None if from_text or not country.strip() else country.strip()
    entry = Entry("body", name, code, sector.strip() or None, kind or "organisation", tuple(members), from_text)
    for alias in (name, *aliases):
        gaz.add(alias, entry)


def derived_demonyms(name: str) -> list[str]:
    """Return the demonyms English would form from a country name ("Veldora" → "Veldoran").

    Used for countries a user adds without demonyms: a word in the text only counts as the
    demonym when it is one of these forms, so a guess never invents a country.
    """
    words = name.split()
    stems = [name] if len(words) == 1 else [words[0]] if words[-1] in {"Republic", "Federation", "Kingdom"} else [name]
    forms: list[str] = []
    for stem in stems:
        # The likeliest form first: "Veldora" → "Veldoran", "Karst" → "Karstian", "Ruritany" → "Ruritanian".
        if stem[-1:] in "aeiou":
            forms += [stem + "n", stem[:-1] + "an", stem[:-1] + "ian", stem[:-1] + "ese"]
        elif stem.endswith("y"):
            forms += [stem[:-1] + "ian", stem + "an"]
        forms += [stem + "ian", stem + "an", stem + "i", stem + "ese", stem + "n"]
    return list(dict.fromkeys(forms))


def load_extension(path: Path | str, base: Gazetteer | None = None) -> Gazetteer:
    """Return the gazetteer extended with the countries and bodies of a JSON file.

    Format: ``{"countries": [{"code": "VLD", "name": "Veldora", "aliases": [], "demonyms": [],
    "people": [], "capitals": []}], "bodies": [{"name": "...", "aliases": [], "country": "VLD",
    "sector": "GOV", "kind": "organisation", "members": []}]}``. Missing demonyms are derived
    from the name ("Veldoran"); a name "X Republic" also answers to "X".
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GazetteerError(f"{path}: gazetteer file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GazetteerError(f"{path}: not a readable JSON gazetteer ({exc})") from None
    if not isinstance(data, dict):
        raise GazetteerError(f"{path}: a gazetteer must be a JSON object with 'countries' and/or 'bodies'")
    gaz = (base or base_gazetteer()).copy()
    for item in data.get("countries", []):
        if not isinstance(item, dict) or not item.get("code") or not item.get("name"):
            raise GazetteerError(f"{path}: every country needs a 'code' and a 'name' (got {item!r})")
        name = str(item["name"])
        aliases = list(item.get("aliases", []))
        words = name.split()
        if len(words) == 2 and words[1] in {"Republic", "Federation", "Kingdom"}:
            aliases.append(words[0])
        demonyms = list(item.get("demonyms") or [])
        people = list(item.get("people") or [d + "s" for d in demonyms])
        capitals = list(item.get("capitals") or ([item["capital"]] if item.get("capital") else []))
        gaz.add_country(str(item["code"]), name, aliases, demonyms, people, capitals)
        if not item.get("demonyms"):
            for form in derived_demonyms(name):
                gaz.add(form, Entry("demonym", name, str(item["code"]), None, "country"))
                gaz.add(form + "s", Entry("people", form + "s", str(item["code"]), "CVL", "group"))
            gaz.demonym_of.setdefault(str(item["code"]), derived_demonyms(name)[0])
    for item in data.get("bodies", []):
        if not isinstance(item, dict) or not item.get("name"):
            raise GazetteerError(f"{path}: every body needs a 'name' (got {item!r})")
        _add_body(gaz, str(item["name"]), list(item.get("aliases", [])), str(item.get("country") or ""),
                  str(item.get("sector") or ""), str(item.get("kind") or "organisation"), list(item.get("members", [])))
    return gaz


@lru_cache(maxsize=32)
def _extension(path: str, mtime: float) -> Gazetteer:
    return load_extension(path)


def gazetteer_for(source: str | None = None, extension: Path | None = None) -> Gazetteer:
    """Return the gazetteer for an article read from ``source``.

    In order: the ``extension`` file (``Settings.gazetteer``); a ``gazetteer.json`` in the
    article's folder or its parent; else the built-in tables.
    """
    candidates: list[Path] = []
    if extension is not None:
        candidates.append(Path(extension))
    elif source and not source.startswith("<"):
        folder = Path(source.split("#", 1)[0]).parent
        candidates += [folder / EXTENSION_FILE, folder.parent / EXTENSION_FILE]
    for candidate in candidates:
        try:
            mtime = candidate.stat().st_mtime
        except OSError:
            if extension is not None:
                raise GazetteerError(f"{candidate}: gazetteer file (Settings.gazetteer) not found") from None
            continue
        return _extension(str(candidate), mtime)
    return base_gazetteer()
