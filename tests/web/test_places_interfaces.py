"""Places in every interface: the store, the CLI, the API and the exports, on the two seed articles."""

import json

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Store
from newsprism.store.event_formats import GDELT_COLUMNS, GDELT_EXTRA_COLUMNS, POLECAT_COLUMNS
from newsprism.store.graph_export import export_standard


def test_every_seed_event_is_placed_and_says_how(seeds_store):
    with Store(seeds_store, read_only=True) as store:
        rows = store.query("SELECT how, place_name, lat FROM events")
    assert rows and all(r["how"] in ("sentence", "dateline", "article") and r["lat"] is not None for r in rows)


def test_show_places_and_events_at_a_place_in_any_spelling(seeds_store):
    runner = CliRunner()
    places = runner.invoke(app, ["show", "places", "--db", str(seeds_store)])
    assert places.exit_code == 0 and "Rostov-on-Don" in places.output and "Moscow" in places.output
    by_name = runner.invoke(app, ["show", "events", "--place", "Moskva", "--db", str(seeds_store)])
    assert by_name.exit_code == 0 and "in Moscow" in by_name.output
    far = runner.invoke(app, ["show", "events", "--near", "-33.9,151.2,100", "--db", str(seeds_store)])
    assert far.exit_code == 0 and far.output.strip().endswith("0 event(s)")
    bad = runner.invoke(app, ["show", "events", "--near", "55,37", "--db", str(seeds_store)])
    assert bad.exit_code != 0 and "lat,lon,km" in bad.output


def test_api_lists_places_and_filters_events_near_a_point(seeds_client):
    places = seeds_client.get("/api/places").json()
    moscow = next(p for p in places["items"] if p["name"] == "Moscow")
    assert moscow["country"] == "RUS" and abs(moscow["lat"] - 55.75) < 0.1 and moscow["events"] > 0
    near = seeds_client.get("/api/events", params={"near": "55.75,37.62,30"}).json()
    assert near["total"] > 0 and all(e["place_name"] == "Moscow" for e in near["items"])
    assert seeds_client.get("/api/events", params={"near": "x"}).status_code == 422


def test_exports_carry_places(seeds_store, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", str(seeds_store), "--format", "jsonl", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    places = [json.loads(line) for line in (tmp_path / "places.jsonl").read_text().splitlines()]
    keys = {"article_id", "start", "end", "text", "name", "geonameid", "lat", "lon", "country", "admin1", "feature_code"}
    assert places and keys <= set(places[0])
    events = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert {"place_name", "geonameid", "lat", "lon", "country", "how"} <= set(events[0])
    with Store(seeds_store, read_only=True) as store:
        gdelt = export_standard(store, tmp_path, "gdelt")
        polecat = export_standard(store, tmp_path, "polecat")
        geojson = export_standard(store, tmp_path, "geojson")
    lines = gdelt.read_text().splitlines()
    assert len(GDELT_COLUMNS) == 61 and lines[0].split("\t") == list(GDELT_COLUMNS)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines[1:]]
    assert rows and all(len(line.split("\t")) == 61 for line in lines[1:])
    assert any(r["ActionGeo_CountryCode"] == "RS" and r["ActionGeo_Lat"] for r in rows)  # FIPS for Russia
    extra = gdelt.with_name("events_gdelt.extra.tsv").read_text().splitlines()
    assert extra[0].split("\t") == list(GDELT_EXTRA_COLUMNS) and len(extra) == len(lines)
    header, *body = polecat.read_text().splitlines()
    assert header.split("\t") == list(POLECAT_COLUMNS)
    cells = [dict(zip(POLECAT_COLUMNS, line.split("\t"))) for line in body]
    assert any(c["Latitude"] and c["GeoNames ID"] for c in cells)
    features = json.loads(geojson.read_text())["features"]
    assert features and features[0]["geometry"]["type"] == "Point" and features[0]["properties"]["how"]


def test_map_page_and_story_map_draw_placed_events_offline(seeds_client):
    page = seeds_client.get("/map")
    assert page.status_code == 200
    html = page.text
    assert '<svg class="event-map"' in html and html.count('class="dot"') > 0
    assert "http" not in html.split('<svg class="event-map"', 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", "")  # nothing fetched: no tile or CDN URL inside the map
    assert 'href="/events/' in html            # a dot clicks through to its event
    stories = seeds_client.get("/api/stories").json()
    story_id = (stories["items"] if isinstance(stories, dict) else stories)[0]["id"]
    story = seeds_client.get(f"/stories/{story_id}").text
    assert 'id="map"' in story and 'class="dot"' in story
    assert seeds_client.get("/map", params={"near": "bad"}).status_code == 422
    at_moscow = seeds_client.get("/map", params={"place": "Moscow"}).text
    assert at_moscow.count('class="dot"') > 0


def test_static_report_has_the_map(seeds_store, tmp_path):
    from newsprism.web.report import write_report

    write_report(seeds_store, tmp_path)
    html = (tmp_path / "map.html").read_text()
    assert '<svg class="event-map"' in html and 'class="dot"' in html and "article-" in html
