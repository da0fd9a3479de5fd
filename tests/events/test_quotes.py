"""Quote attribution end to end: the seed articles' voices from the store, and hostile input."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from newsprism.events.quotes import extract_quotes, find_quotes


@pytest.fixture(scope="module")
def seed_quotes(seeds_store):
    con = duckdb.connect(str(seeds_store), read_only=True)
    try:
        columns = [d[0] for d in con.execute("SELECT * FROM quotes LIMIT 0").description]
        rows = con.execute("SELECT * FROM quotes ORDER BY article_id, start").fetchall()
        texts = dict(con.execute("SELECT id, text FROM articles").fetchall())
    finally:
        con.close()
    return [dict(zip(columns, row)) for row in rows], texts


def _find(quotes, words):
    found = [q for q in quotes if words in q["text"]]
    assert found, f"no quote holds {words!r}"
    return found[0]


@pytest.mark.shared
def test_blinken_on_twitter(seed_quotes):
    quote = _find(seed_quotes[0], "will stay in close coordination with Allies")
    assert (quote["speaker"], quote["direct"], quote["cue"], quote["channel"]) == ("Blinken", True, "wrote", "twitter")
    assert quote["speaker_actor_id"] is not None


@pytest.mark.shared
def test_miller_in_a_state_department_release(seed_quotes):
    quote = _find(seed_quotes[0], "Secretary Blinken reiterated that support")
    assert (quote["speaker"], quote["direct"], quote["channel"]) == ("Matthew Miller", True, "release")


@pytest.mark.shared
def test_artamonov_on_telegram(seed_quotes):
    quote = _find(seed_quotes[0], "The situation is under control")
    assert (quote["speaker"], quote["direct"], quote["channel"]) == ("Igor Artamonov", True, "telegram")
    assert quote["text"].startswith("are taking all necessary measures")


@pytest.mark.shared
def test_lavrov_in_an_interview_with_rt_television(seed_quotes):
    quote = _find(seed_quotes[0], "received numerous telephone calls on that day")
    direct = [q for q in seed_quotes[0] if q["direct"] and "received numerous telephone calls" in q["text"]]
    assert direct, "Lavrov's direct quote is missing"
    quote = direct[0]
    assert (quote["speaker"], quote["channel"], quote["channel_detail"]) == ("Lavrov", "interview", "RT television")


@pytest.mark.shared
def test_lavrov_stressed_that_is_reported_speech(seed_quotes):
    quote = next(q for q in seed_quotes[0] if q["cue"] == "stressed")
    assert quote["speaker"] == "Lavrov" and not quote["direct"]
    assert quote["text"].startswith("all assessments") and "Lukashenko" in quote["text"]


@pytest.mark.shared
def test_lavrov_said_on_monday_is_dated(seed_quotes):
    quote = _find(seed_quotes[0], "Many heads of foreign diplomatic missions called")
    assert quote["speaker"] == "Sergey Lavrov" and quote["date"] == date(2023, 6, 26)


@pytest.mark.shared
def test_nominal_speakers_of_the_seeds(seed_quotes):
    speakers = {(q["speaker"], q["channel"]) for q in seed_quotes[0]}
    assert ("A Kremlin statement", "statement") in speakers
    assert ("the State Department", None) in speakers
    assert ("Russian state media", None) in speakers


@pytest.mark.shared
def test_every_seed_quote_points_at_its_words(seed_quotes):
    quotes, texts = seed_quotes
    for quote in quotes:
        text = texts[quote["article_id"]]
        assert text[quote["start"]:quote["end"]] == quote["text"]
        if quote["speaker_start"] is not None:
            assert 0 <= quote["speaker_start"] < quote["speaker_end"] <= len(text)


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    "“",
    '"He said "she said "they said',
    "‘" * 500 + "’" * 3,
    "«" * 200,
    "x" * 10_000,
    "He said: “" + "y" * 10_000,
    "“" + "word " * 3000 + "” Lavrov said.",
    "— Lavrov",
    "PENCE:",
    ": : : — — —",
    "According to",
    "He said that.",
])
def test_hostile_text_never_crashes(analyze_text, text):
    analyzed = analyze_text(text)
    for quote in analyzed.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text


def test_the_stage_replaces_what_was_there(analyze_text, nlp):
    analyzed = analyze_text("“We will win,” Lavrov said.")
    doc = nlp(analyzed.article.text)
    before = list(analyzed.quotes)
    extract_quotes(analyzed, doc)
    assert analyzed.quotes == before == find_quotes(analyzed, doc)


def test_example_corpus_quotes_agree_with_its_gold(examples_store):
    import json

    from tests.conftest import EXAMPLES

    gold = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))["quotes"]
    con = duckdb.connect(str(examples_store), read_only=True)
    try:
        rows = con.execute("SELECT a.source, q.text, q.speaker, q.channel, q.direct FROM quotes q "
                           "JOIN articles a ON a.id = q.article_id").fetchall()
    finally:
        con.close()
    disagreements = []
    for item in gold:
        evidence = item["evidence"]
        found = [r for r in rows if r[0].endswith(item["article"]) and (evidence[:40] in r[1] or r[1][:40] in evidence)]
        speaker_words = {w.lower() for w in item["speaker"].split()}
        if not any(speaker_words & {w.lower() for w in (r[2] or "").split()} and r[3] == item["channel"]
                   and r[4] == item["direct"] for r in found):
            disagreements.append((item["article"], item["speaker"], item["channel"], evidence[:50], found[:1]))
    assert disagreements == []
