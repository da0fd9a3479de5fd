"""REST API against stores built from the seeds and the bundled examples."""

from __future__ import annotations

import pytest

from newsprism.web import models as m

pytestmark = pytest.mark.shared


def test_articles_list_newest_first_with_total(seeds_client):
    page = seeds_client.get("/api/articles").json()
    assert page["total"] == 2
    outlets = [a["outlet"] for a in page["items"]]
    assert outlets == ["TASS", "The Gulf Observer"]  # 26 June before 24 June


def test_article_detail_offsets_point_into_text(seeds_client):
    first = seeds_client.get("/api/articles", params={"outlet": "tass"}).json()["items"][0]
    detail = seeds_client.get(f"/api/articles/{first['id']}").json()
    text = detail["text"]
    assert detail["sentences"] and detail["entities"]
    for record in detail["sentences"] + detail["entities"] + detail["dates"] + detail["events"]:
        assert 0 <= record["start"] < record["end"] <= len(text)
    for sentence in detail["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    for event in detail["events"]:
        assert text[event["start"] : event["end"]] == event["trigger"]
        assert event["sentence"] in text


def test_pagination_walks_every_event_once(examples_client):
    total = examples_client.get("/api/events", params={"limit": 1}).json()["total"]
    assert total > 10
    seen = []
    for offset in range(0, total, 7):
        page = examples_client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        seen.extend(e["id"] for e in page["items"])
    assert len(seen) == total == len(set(seen))


def test_event_filters_by_type_outlet_actor_country_and_dates(seeds_client):
    consult = seeds_client.get(
        "/api/events", params={"plover_type": "consult", "limit": 500}
    ).json()["items"]
    assert consult and all(e["plover_type"] == "CONSULT" for e in consult)
    tass = seeds_client.get("/api/events", params={"outlet": "TASS", "limit": 500}).json()["items"]
    assert tass and all(e["outlet"] == "TASS" for e in tass)
    putin = seeds_client.get("/api/actors", params={"name": "Putin"}).json()["items"][0]
    by_actor = seeds_client.get("/api/events", params={"actor": putin["id"], "limit": 500}).json()[
        "items"
    ]
    assert by_actor and all(
        any(r["actor_id"] == putin["id"] for r in e["sources"] + e["targets"]) for e in by_actor
    )
    turkey = seeds_client.get("/api/events", params={"country": "TUR", "limit": 500}).json()[
        "items"
    ]
    assert turkey and all(
        any(r["country"] == "TUR" for r in e["sources"] + e["targets"]) for e in turkey
    )
    june_24 = seeds_client.get(
        "/api/events", params={"date_from": "2023-06-24", "date_to": "2023-06-24", "limit": 500}
    ).json()["items"]
    assert june_24 and all((e["date"] or e["published"]) == "2023-06-24" for e in june_24)


def test_actor_page_data_spans_outlets(seeds_client):
    putin = seeds_client.get("/api/actors", params={"name": "Vladimir Putin"}).json()["items"][0]
    detail = seeds_client.get(f"/api/actors/{putin['id']}").json()
    assert detail["country"] == "RUS"
    assert set(detail["outlets"]) == {"TASS", "The Gulf Observer"}
    assert detail["event_list"]


def test_actors_filter_by_country(seeds_client):
    items = seeds_client.get("/api/actors", params={"country": "usa", "limit": 500}).json()["items"]
    assert items and all(a["country"] == "USA" for a in items)
    assert "Antony Blinken" in {a["name"] for a in items}


def test_search_finds_articles_and_actors(seeds_client):
    found = seeds_client.get("/api/search", params={"q": "Lukashenko"}).json()
    assert [a["outlet"] for a in found["articles"]] == ["TASS"]
    assert any("Lukashenko" in a["name"] for a in found["actors"])


def test_search_treats_like_wildcards_literally(seeds_client):
    assert seeds_client.get("/api/search", params={"q": "%"}).json()["articles"] == []
    assert seeds_client.get("/api/search", params={"q": "_"}).json()["articles"] == []


def test_unknown_records_are_404_with_a_message(seeds_client):
    for url in (
        "/api/articles/nope",
        "/api/events/nope",
        "/api/quotes/nope",
        "/api/actors/nope",
        "/api/stories/nope",
    ):
        response = seeds_client.get(url)
        assert response.status_code == 404
        assert "nope" in response.json()["detail"]


def test_network_has_typed_edges_between_known_nodes(seeds_client):
    network = seeds_client.get("/api/network").json()
    ids = {n["id"] for n in network["nodes"]}
    assert network["edges"]
    for edge in network["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
        assert edge["plover_type"].isupper() and edge["weight"] >= 1


LIST_MODELS = {
    "/api/articles": m.Page[m.ArticleSummary],
    "/api/events": m.Page[m.EventOut],
    "/api/quotes": m.Page[m.QuoteOut],
    "/api/actors": m.Page[m.ActorOut],
    "/api/stories": m.Page[m.StorySummary],
    "/api/claims": m.Page[m.ClaimOut],
    "/api/network": m.NetworkOut,
    "/api/health": m.HealthOut,
}


def _resolve(schema: dict, spec: dict) -> dict:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


@pytest.mark.parametrize("path", sorted(LIST_MODELS))
def test_openapi_schema_matches_responses(examples_client, path):
    """Every documented field is in the response and every response field is documented."""
    spec = examples_client.get("/openapi.json").json()
    schema = _resolve(
        spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
        spec,
    )
    body = examples_client.get(path).json()
    LIST_MODELS[path].model_validate(body)
    assert set(body) == set(schema["properties"])
    if body.get("items"):
        item_schema = _resolve(schema["properties"]["items"]["items"], spec)
        assert set(body["items"][0]) == set(item_schema["properties"])


def test_openapi_documents_every_api_route(examples_client):
    spec = examples_client.get("/openapi.json").json()
    for path in (
        "/api/articles/{article_id}",
        "/api/events/{event_id}",
        "/api/quotes/{quote_id}",
        "/api/actors/{actor_id}",
        "/api/stories/{story_id}",
        "/api/search",
        "/api/ingest",
    ):
        assert path in spec["paths"]
