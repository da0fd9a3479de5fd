"""Story pages and the stories/claims API, over the seeds as the stories stage groups them."""

from __future__ import annotations

import re

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
    # One strip per claim and grouping, the per-outlet one shown: a column head per outlet.
    assert '<span class="head" title="TASS"><span>TASS</span></span>' in html
    outlet_strip = re.search(r'<div class="strip by-outlet" data-grouping="outlet">(.*?)</div>', html, re.DOTALL).group(1)
    assert 'data-outlet="TASS"' in outlet_strip and 'data-outlet="The Gulf Observer"' in outlet_strip


def _shown_strips(html: str) -> set[str]:
    """Return the groupings whose claim strips the page shows (the others are drawn hidden)."""
    return set(re.findall(r'<div class="strip[^"]*" data-grouping="(\w+)">', html))


def test_story_page_compares_by_side_with_a_query_parameter(seeds_client, seeds_story, monkeypatch):
    from newsprism.web import pages

    monkeypatch.setattr(pages, "CLAIMS_PER_PAGE", 5)
    url = f"/stories/{seeds_story['id']}"
    assert _shown_strips(seeds_client.get(url).text) == {"outlet"}
    html = seeds_client.get(url, params={"by": "side", "sides": "control"}).text
    assert _shown_strips(html) == {"control"}
    assert '<span class="head" title="state-controlled: TASS"><span>state-controlled</span></span>' in html
    # A side's cell counts the side's outlets that carry the claim, with the outlets on hover.
    assert re.search(r'data-side="state-controlled" title="state-controlled: 1 of 1 report \(TASS\)">1/1<', html)
    assert '<input type="hidden" name="by" value="side" class="keep-by">' in html   # the filters keep the switch
    assert 'href="?by=side&amp;sides=control&amp;offset=5">next</a>' in html           # and so does the pager
    country = seeds_client.get(url, params={"by": "side", "sides": "country"}).text
    assert _shown_strips(country) == {"country"} and 'title="RUS: TASS"' in country
    assert seeds_client.get(url, params={"by": "party"}).status_code == 422
    assert seeds_client.get(url, params={"sides": "planet"}).status_code == 422


def test_a_large_story_shows_its_claims_a_page_at_a_time(seeds_client, seeds_story, monkeypatch):
    from newsprism.web import pages

    monkeypatch.setattr(pages, "CLAIMS_PER_PAGE", 5)
    detail = seeds_client.get(f"/api/stories/{seeds_story['id']}").json()
    total = len(detail["claims"])
    assert total > 10 and detail["claims_total"] == total
    first = seeds_client.get(f"/stories/{seeds_story['id']}", params={"offset": 0}).text
    second = seeds_client.get(f"/stories/{seeds_story['id']}", params={"offset": 5}).text
    assert first.count('class="claim-row"') == second.count('class="claim-row"') == 5
    assert f"1–5 of {total}" in first and 'href="?offset=5">next</a>' in first
    assert f"6–10 of {total}" in second
    rows = lambda html: set(re.findall(r'data-claim="(\w+)" tabindex', html))   # noqa: E731
    assert not rows(first) & rows(second)
    # The timeline is the whole story's: an entry off this page links to the page that holds it.
    timeline = first.split('id="timeline"')[1]
    links = dict((c, href) for href, c in re.findall(r'href="([^"]*#c-(\w+))" class="timeline-claim"', timeline))
    assert set(links) == {t["claim_id"] for t in detail["timeline"]}
    assert any(not href.startswith("#") for href in links.values())   # the seeds date more than 5 happenings
    for claim_id, href in links.items():
        if claim_id in rows(first):
            assert href == f"#c-{claim_id}"
        else:
            page = int(re.match(r"\?offset=(\d+)#", href).group(1))
            assert claim_id in rows(seeds_client.get(f"/stories/{seeds_story['id']}", params={"offset": page}).text)


def test_story_claims_filter_by_status_and_kind(seeds_client, seeds_story):
    url = f"/api/stories/{seeds_story['id']}"
    facts = seeds_client.get(url, params={"kind": "facts"}).json()
    events = seeds_client.get(url, params={"kind": "events", "status": "single-source"}).json()
    assert facts["claims"] and all(c["plover_type"] == "FACT" for c in facts["claims"])
    assert events["claims"] and all(c["plover_type"] != "FACT" and c["status"] == "single-source" for c in events["claims"])
    assert events["timeline"] == facts["timeline"]          # filters narrow the claims, not the timeline
    page = seeds_client.get(f"/stories/{seeds_story['id']}", params={"kind": "facts"}).text
    assert page.count('class="claim-row"') == len(facts["claims"]) and '<option value="facts" selected>' in page
    assert seeds_client.get(url, params={"kind": "rumours"}).status_code == 422
    page_of_two = seeds_client.get(url, params={"claims_limit": 2, "claims_offset": 1}).json()
    assert len(page_of_two["claims"]) == 2 and page_of_two["claims_total"] > 2


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


def test_the_filter_form_left_on_all_shows_every_claim(seeds_client, seeds_story):
    # The form sends "" for "all": that is no filter, not a bad value.
    page = seeds_client.get(f"/stories/{seeds_story['id']}", params={"status": "", "kind": ""})
    api = seeds_client.get(f"/api/stories/{seeds_story['id']}", params={"kind": ""})
    assert page.status_code == 200 and api.status_code == 200
    assert page.text.count('class="claim-row"') == len(api.json()["claims"])
