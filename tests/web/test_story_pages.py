"""Story pages and the stories/claims API, over the seeds as the stories stage groups them."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seeds_story(seeds_client) -> dict:
    stories = seeds_client.get("/api/stories").json()["items"]
    if not stories:
        pytest.skip("the store has no stories: the stories stage has not run on the seeds")
    return max(stories, key=lambda s: s["articles"])


def test_the_two_seeds_form_one_story_with_both_outlets(seeds_story):
    assert seeds_story["articles"] == 2
    assert seeds_story["outlets"] == ["TASS", "The Gulf Observer"]
    assert seeds_story["corroborated"] >= 1 and seeds_story["single_source"] >= 1


def test_story_counts_match_its_claims(seeds_client, seeds_story):
    detail = seeds_client.get(f"/api/stories/{seeds_story['id']}").json()
    # The counts are of happenings: fact claims are listed but not counted.
    statuses = [c["status"] for c in detail["claims"] if c["plover_type"] != "FACT"]
    assert statuses.count("corroborated") == detail["corroborated"]
    assert statuses.count("single-source") == detail["single_source"]
    assert statuses.count("contradicted") == detail["contradicted"]
    for claim in detail["claims"]:
        for report in claim["outlets"]:
            assert report["outlet"] in detail["outlets"]
            for evidence in report["evidence"]:
                assert evidence["outlet"] == report["outlet"] and evidence["text"]


def test_corroborated_claims_rest_on_a_sentence_from_each_outlet(seeds_client, seeds_story):
    corroborated = seeds_client.get(
        "/api/claims", params={"story": seeds_story["id"], "status": "corroborated", "limit": 500}
    ).json()["items"]
    assert corroborated
    for claim in corroborated:
        reported = [o for o in claim["outlets"] if o["status"] == "reported"]
        assert len(reported) >= 2
        assert all(o["evidence"] for o in reported)


def test_story_page_shows_matrix_timeline_network_voices_wording(seeds_client, seeds_story):
    html = seeds_client.get(f"/stories/{seeds_story['id']}").text
    for section in (
        'id="claim-matrix"',
        'id="timeline"',
        'id="network-svg"',
        'id="voices"',
        'id="wording"',
    ):
        assert section in html
    assert html.count('class="claim-row"') == len(
        seeds_client.get(f"/api/stories/{seeds_story['id']}").json()["claims"]
    )
    assert '<th class="outlet-col">TASS</th>' in html


def test_claim_page_lists_each_outlets_sentence(seeds_client, seeds_story):
    claim = seeds_client.get(
        "/api/claims", params={"story": seeds_story["id"], "status": "corroborated"}
    ).json()["items"][0]
    html = seeds_client.get(f"/stories/{seeds_story['id']}/claims/{claim['id']}").text
    for report in claim["outlets"]:
        assert report["outlet"] in html


def test_story_report_page_is_written(seeds_store, seeds_story, tmp_path):
    from newsprism.web.report import write_report

    summary = write_report(seeds_store, tmp_path)
    assert summary.stories >= 1
    assert (tmp_path / f"story-{seeds_story['id']}.html").is_file()


def test_a_claim_disputed_in_a_detail_shows_its_happening_status(examples_client):
    story = examples_client.get("/api/stories").json()["items"][0]
    detail = examples_client.get(f"/api/stories/{story['id']}").json()
    disputed = [c for c in detail["claims"] if c["status"] == "contradicted" and c["happening"] == "corroborated"]
    assert disputed, "the arrests put in Brasna and in Talvera are a corroborated happening with a contradicted place"
