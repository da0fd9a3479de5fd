"""The API's side-against-side view of a story."""

from __future__ import annotations


def test_story_sides_groups_the_seed_outlets_by_control(seeds_client):
    story_id = seeds_client.get("/api/stories").json()["items"][0]["id"]
    body = seeds_client.get(f"/api/stories/{story_id}/sides").json()
    assert body["sides"]["state-controlled"] == ["TASS"]
    assert body["sides"]["unprofiled"] == ["The Gulf Observer"]
    assert {cell["side"] for claim in body["claims"] for cell in claim["sides"]} == {"state-controlled", "unprofiled"}
    assert any(cell["reporting"] == ["TASS"] for claim in body["claims"] for cell in claim["sides"])


def test_story_sides_by_country_and_bad_input(seeds_client):
    story_id = seeds_client.get("/api/stories").json()["items"][0]["id"]
    assert "RUS" in seeds_client.get(f"/api/stories/{story_id}/sides?sides=country").json()["sides"]
    assert seeds_client.get(f"/api/stories/{story_id}/sides?sides=planet").status_code == 422
    assert seeds_client.get(f"/api/stories/{story_id}/sides?sides=file").status_code == 400   # no sides file set
    assert seeds_client.get("/api/stories/nosuch/sides").status_code == 404
