"""Actor resolution on the two real seed articles (read from ../shared at run time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.actors import actor_at, expand_group
from newsprism.config import Settings
from newsprism.ingest.metadata import build_article
from newsprism.ingest.readers import read_file
from newsprism.pipeline import analyze_doc, text_for_parse
from newsprism.store import Store
from tests.conftest import GULF_OBSERVER, TASS

pytestmark = pytest.mark.shared


def analyse_file(nlp, path: Path):
    item = next(iter(read_file(path, Settings().max_file_bytes, {})))
    article = build_article(item)
    return analyze_doc(article, nlp(text_for_parse(article)))


@pytest.fixture(scope="module")
def gulf(nlp):
    return analyse_file(nlp, GULF_OBSERVER)


@pytest.fixture(scope="module")
def tass(nlp):
    return analyse_file(nlp, TASS)


def actor(analyzed, name):
    found = [a for a in analyzed.actors if a.name == name]
    assert len(found) == 1, f"{name!r}: {[a.name for a in analyzed.actors]}"
    return found[0]


def texts(analyzed, name):
    actor_id = actor(analyzed, name).id
    return [m.text for m in analyzed.actor_mentions if m.actor_id == actor_id]


def span_of(analyzed, phrase):
    start = analyzed.article.text.index(phrase)
    return start, start + len(phrase)


def test_blinken_forms_are_one_actor(gulf):
    blinken = actor(gulf, "Antony Blinken")
    assert (blinken.kind, blinken.country, blinken.sector) == ("person", "USA", "GOV")
    forms = texts(gulf, "Antony Blinken")
    assert {"Antony Blinken", "Blinken", "Secretary of State", "top US diplomat", "his"} <= set(forms)
    assert not [a for a in gulf.actors if a.kind == "person" and "Blinken" in a.name and a.id != blinken.id]


@pytest.mark.parametrize(("name", "country", "sector"), [
    ("Recep Tayyip Erdogan", "TUR", "GOV"),
    ("Vladimir Putin", "RUS", "GOV"),
    ("Igor Artamonov", "RUS", "GOV"),
    ("Yevgeny Prigozhin", "RUS", "REB"),
    ("Dmitry Peskov", "RUS", "GOV"),
    ("Sergei Shoigu", "RUS", "GOV"),
    ("Matthew Miller", "USA", "GOV"),
    ("Wagner Group", "RUS", "REB"),
    ("Kremlin", "RUS", "GOV"),
    ("State Department", "USA", "GOV"),
])
def test_gulf_observer_countries_and_sectors(gulf, name, country, sector):
    found = actor(gulf, name)
    assert (found.country, found.sector) == (country, sector)


def test_descriptions_and_pronouns_join_their_person(gulf):
    assert "Turkish president" in texts(gulf, "Recep Tayyip Erdogan")
    assert {"Russian leader", "his"} <= set(texts(gulf, "Vladimir Putin"))
    artamonov = texts(gulf, "Igor Artamonov")
    assert any(t.startswith("governor of Russia") for t in artamonov) and "He" in artamonov
    assert {"Prigozhin", "Wagner Group owner"} <= set(texts(gulf, "Yevgeny Prigozhin"))
    assert {"Wagner fighters", "mercenary group"} <= set(texts(gulf, "Wagner Group"))


def test_outlets_and_platforms_are_not_people(gulf):
    kinds = {a.name: a.kind for a in gulf.actors}
    assert kinds.get("Dailymail") == "organisation"
    assert "Twitter" not in kinds and "Telegram" not in kinds


def test_gulf_observer_groups(gulf):
    members = expand_group(gulf, *span_of(gulf, "the leaders of Belarus, Kazakhstan and Uzbekistan"))
    assert [m.country for m in members] == ["BLR", "KAZ", "UZB"]
    members = expand_group(gulf, *span_of(gulf, "his G7 and EU counterparts"))
    assert [m.country for m in members] == ["CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "EU"]
    members = expand_group(gulf, *span_of(gulf, "his G7 counterparts from Canada, France, Germany, Italy, Japan and the United Kingdom"))
    assert [m.country for m in members] == ["CAN", "FRA", "DEU", "ITA", "JPN", "GBR"]


def test_riot_police_in_a_russian_context(gulf):
    ref = actor_at(gulf, *span_of(gulf, "riot police"))
    assert (ref.country, ref.sector) == ("RUS", "COP")


@pytest.mark.parametrize(("name", "country", "sector"), [
    ("Sergey Lavrov", "RUS", "GOV"),
    ("Vladimir Putin", "RUS", "GOV"),
    ("Alexander Lukashenko", "BLR", "GOV"),
    ("Dmitry Peskov", "RUS", "GOV"),
    ("Yevgeny Prigozhin", "RUS", "REB"),
    ("Russian Defense Ministry", "RUS", "MIL"),
    ("FSB", "RUS", "GOV"),
])
def test_tass_countries_and_sectors(tass, name, country, sector):
    found = actor(tass, name)
    assert (found.country, found.sector) == (country, sector)


def test_tass_bracketed_names_and_titles(tass):
    # "[Vladimir] Putin", "[Belarusian President Alexander] Lukashenko", "[... Spokesman] Dmitry Peskov".
    assert any("Vladimir] Putin" in t for t in texts(tass, "Vladimir Putin"))
    assert "Kremlin’s spokesman" in texts(tass, "Dmitry Peskov")
    assert "minister" in texts(tass, "Sergey Lavrov")
    assert {"Wagner PMC", "Wagner Private Military Company", "Wagner fighters"} <= set(texts(tass, "Wagner Group"))


def test_capital_metonyms_in_tass(tass):
    moscow = actor_at(tass, *span_of(tass, "Moscow"))
    minsk = actor_at(tass, *span_of(tass, "Minsk"))
    assert (moscow.country, moscow.sector, minsk.country) == ("RUS", "GOV", "BLR")


def test_putin_is_one_actor_across_the_seeds(seeds_store):
    with Store(seeds_store, read_only=True) as store:
        rows = store.query("SELECT id, country, sector FROM actors WHERE name = 'Vladimir Putin'")
        assert len(rows) == 1 and (rows[0]["country"], rows[0]["sector"]) == ("RUS", "GOV")
        articles = store.query("SELECT count(DISTINCT article_id) AS n FROM actor_mentions WHERE actor_id = ?", [rows[0]["id"]])
        assert articles[0]["n"] == 2
        assert not store.query("SELECT name FROM actors WHERE kind = 'person' AND name IN ('Putin', 'Prigozhin', 'Blinken')")
