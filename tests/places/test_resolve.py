"""The ranker weighs the article's other names: places that can share a region, alternate names, region points."""

from newsprism.places.build_index import _middle
from newsprism.places.records import Toponym
from newsprism.places.resolve import resolve_toponyms


def _resolve(*names):
    toponyms, at = [], 0
    for name in names:
        toponyms.append(Toponym("a", 0, at, at + len(name), name, "entity"))
        at += len(name) + 2
    return [m.place for m in resolve_toponyms(toponyms)]


def test_a_town_and_a_county_that_can_share_a_state_are_read_together():
    # "Springfield council met; Sangamon County deputies ..."
    town, county = _resolve("Springfield", "Sangamon County")
    assert town.admin1 == county.admin1 == "Illinois"


def test_two_capitals_do_not_move_together_to_a_small_shared_region():
    # Ontario has a Paris and a London, but neither is nearly as likely as the capital.
    paris, london = _resolve("Paris", "London")
    assert paris.country == "FRA" and london.country == "GBR"


def test_a_towns_own_name_beats_a_place_that_only_lists_it_as_an_alternate():
    # "Rock Hill" lists "Rocky Hill" among its names; the town called Rocky Hill is meant.
    (place,) = _resolve("Rocky Hill")
    assert place.name == "Rocky Hill"


def test_context_still_separates_georgia_the_country_from_the_state():
    assert _resolve("Georgia", "Tbilisi")[0].country == "GEO"
    assert _resolve("Georgia", "Atlanta")[0].feature_code == "ADM1"


def test_a_regions_point_is_the_middle_of_all_its_places():
    # The sparse far north counts: a lone northern town pulls the middle up.
    lat, lon = _middle([(42.0, -80.0), (43.0, -79.0), (44.0, -81.0), (56.0, -88.0)])
    assert lat == 49.0 and lon == -83.5


def test_a_region_across_the_date_line_keeps_its_middle_there():
    lat, lon = _middle([(65.0, 178.0), (66.0, -174.0)])
    assert lat == 65.5 and (lon >= 178.0 or lon <= -174.0)


def test_a_named_sea_is_the_sea_and_a_region_beats_a_hamlet_of_its_name():
    (sea,) = _resolve("Black Sea")
    assert sea.feature_code == "SEA"
    (region,) = _resolve("Middle East")
    assert region.feature_code == "RGN"


def test_peoples_of_regions_resolve_to_their_region_but_other_groups_do_not():
    from newsprism.places.resolve import region_of_demonym

    # "Ohioans voted early" / "South Ossetian militias" / "European ministers met".
    assert region_of_demonym("Ohioans").name == "Ohio"
    assert region_of_demonym("South Ossetian").country == "GEO"
    assert region_of_demonym("European").feature_code == "CONT"
    # Faiths, parties and "Roman" are no region's people.
    assert region_of_demonym("Roman") is None and region_of_demonym("Democrats") is None
    assert region_of_demonym("Christian") is None


def test_one_country_named_beside_a_big_city_does_not_move_it_to_a_village_there():
    # "Police in Los Angeles said the suspect had fled to Mexico."
    city, country = _resolve("Los Angeles", "Mexico")
    assert (city.country, city.admin1) == ("USA", "California") and country.country == "MEX"


def test_sports_towns_of_different_states_stay_the_big_towns():
    # "Atlanta beat Detroit": Michigan has a tiny Atlanta, but the Georgia city is meant.
    atlanta, detroit = _resolve("Atlanta", "Detroit")
    assert atlanta.admin1 == "Georgia" and detroit.admin1 == "Michigan"


def test_a_dateline_names_a_town_not_the_region_of_that_name():
    # "WASHINGTON — Officials said ..." is the capital; "Washington" in the text may be the state.
    from newsprism.places.records import Toponym as T

    dateline, = resolve_toponyms([T("a", 0, 0, 10, "WASHINGTON", "dateline")])
    assert dateline.place.feature_code == "PPLC" and dateline.place.country == "USA"


def test_seats_of_power_are_places_in_their_cities():
    # "talks at the Kremlin", "on a balcony in the Capitol"
    kremlin, capitol = _resolve("Kremlin", "Capitol")
    assert kremlin.country == "RUS" and abs(kremlin.lat - 55.75) < 0.1
    assert capitol.country == "USA" and abs(capitol.lon + 77.0) < 0.1


def test_a_name_the_dateline_gives_keeps_that_place_in_the_text():
    # "MOSCOW, June 24 — ... troops in Moscow": the capital both times, not the federal region.
    dateline = Toponym("a", 0, 0, 6, "MOSCOW", "dateline")
    later = [Toponym("a", 1, 40, 46, "Moscow", "entity"), Toponym("a", 2, 90, 96, "Moscow", "entity")]
    places = [m.place for m in resolve_toponyms([dateline, *later], dateline_country="RUS")]
    assert {p.feature_code for p in places} == {"PPLC"} and len({p.geonameid for p in places}) == 1
    # "BERLIN —" likewise keeps the city for the later "Berlin".
    dateline = Toponym("b", 0, 0, 6, "BERLIN", "dateline")
    places = [m.place for m in resolve_toponyms([dateline, Toponym("b", 1, 30, 36, "Berlin", "entity")])]
    assert places[0] == places[1] and places[1].feature_class == "P"


def test_a_bare_capital_name_is_the_capital_not_its_namesake_region():
    # "Talks in Washington stalled" / "Officials in Moscow said": the capitals, not the state
    # of Washington or the federal region around Moscow, whose summed people outnumber the city.
    (washington,) = _resolve("Washington")
    (moscow,) = _resolve("Moscow")
    assert washington.feature_code == "PPLC" and washington.admin1 == "District of Columbia"
    assert moscow.feature_code == "PPLC" and moscow.country == "RUS"


def test_places_inside_the_namesake_region_still_choose_the_region():
    # "Fires burned near Spokane and Yakima, Washington officials said."
    washington, *_ = _resolve("Washington", "Spokane", "Yakima")
    assert washington.feature_code == "ADM1" and washington.name == "Washington"


def test_a_town_that_only_might_lie_in_the_namesake_region_does_not_choose_it():
    # "She marched in Washington last year; she studies in Dayton, Ohio": a Dayton exists in
    # Washington State too, but Dayton here is the Ohio city, so Washington stays the capital.
    _, washington, dayton, _ = _resolve("America", "Washington", "Dayton", "Ohio")
    assert washington.feature_code == "PPLC" and dayton.admin1 == "Ohio"


def test_a_famous_name_beside_a_neighbouring_town_is_the_town_next_door():
    # "The Paris school board and Clarksville officials met": Paris, Tennessee, an hour's drive
    # from Clarksville, not the French capital.
    paris, clarksville = _resolve("Paris", "Clarksville")
    assert (paris.country, paris.admin1) == ("USA", "Tennessee") == (clarksville.country, clarksville.admin1)
