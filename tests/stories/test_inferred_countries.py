"""A country guessed from the article codes an event but does not make two described people one.

``events.phrases.with_home_countries`` gives "a lawyer" in a story about Kenya the country Kenya,
so that the event's country is coded; the reference carries ``country_inferred``. Claim alignment
must not read two such guesses as a shared participant: two outlets' different people would
"agree" on the country alone and their deeds would join into one claim."""

from __future__ import annotations

from newsprism.store import Store
from newsprism.stories.analysis import story_events
from newsprism.stories.claims import align_events

SETTING = "Kenya was calm on Tuesday, officials in Kenya said. "


def _story(analyze_text, tmp_path, texts: list[str]):
    store = Store(tmp_path / "story.duckdb")
    articles = []
    for number, text in enumerate(texts):
        outlet = f"Outlet {number}"
        analyzed = analyze_text(SETTING + text, outlet=outlet)
        store.write_batch([analyzed])
        articles.append({"id": analyzed.article.id, "outlet": outlet, "origin": outlet, "copy_of": None,
                         "text": analyzed.article.text, "published": None, "relays": []})
    return store, articles


def _triggers(groups) -> list[list[str]]:
    return sorted(sorted(e.trigger for e in group) for group in groups)


def test_a_described_person_keeps_the_guessed_country_flagged_as_inferred(analyze_text, tmp_path):
    store, _ = _story(analyze_text, tmp_path, ["A student criticized the teacher."])
    try:
        rows = store.query("SELECT name, country, country_inferred FROM event_actors ORDER BY role")
    finally:
        store.close()
    guessed = [r for r in rows if r["country_inferred"]]
    assert guessed and all(r["country"] == "KEN" for r in guessed)


def test_two_described_people_in_two_outlets_do_not_align_on_the_guessed_country(analyze_text, tmp_path):
    store, articles = _story(analyze_text, tmp_path, ["A lawyer criticized the judge.",
                                                      "A student criticized the teacher."])
    try:
        events = story_events(store, articles)
    finally:
        store.close()
    assert _triggers(align_events(events)) == [["criticized"], ["criticized"]]


def test_the_same_described_people_in_two_outlets_still_align(analyze_text, tmp_path):
    store, articles = _story(analyze_text, tmp_path, ["A lawyer criticized the judge.",
                                                      "A lawyer criticized the judge on Tuesday."])
    try:
        events = story_events(store, articles)
    finally:
        store.close()
    assert _triggers(align_events(events)) == [["criticized", "criticized"]]
