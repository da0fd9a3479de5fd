"""Valid text our own stages once mishandled: every article is stored, and the run goes on."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from newsprism.actors.gazetteer import base_gazetteer, tokenize
from newsprism.actors.titles import title_at
from newsprism.cli import app

runner = CliRunner()


def write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_hyphenated_name_at_the_end_of_a_sentence_no_longer_stops_the_run(tmp_path):
    # spaCy splits "IBA-Karachi." into three tokens where the gazetteer keeps one word: the
    # demonym check once looked one token past the end of the gazetteer's list.
    source = tmp_path / "repro.jsonl"
    write_jsonl(source, [{"title": "x", "outlet": "Test", "text": "He studied at IBA-Karachi."},
                         {"title": "y", "outlet": "Test", "text": "Officials in Moscow met on Monday."}])
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["analyze", str(source), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "2 new article(s) stored" in result.output
    assert duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


@pytest.mark.parametrize("text", ["He studied at IBA-Karachi.", "They trained in Rostov-on-Don",
                                  "She joined the U.S.-led coalition.", "Pakistani"])
def test_hyphenated_and_dotted_names_at_the_end_of_an_article(analyze_text, text):
    analyzed = analyze_text(text)
    assert analyzed.sentences


def test_lookups_past_either_end_of_the_words_find_nothing():
    words = tokenize("talks in Moscow")
    gaz = base_gazetteer()
    assert gaz.match_at(words, 2) is not None
    for outside in (len(words), len(words) + 3, -1):
        assert gaz.match_at(words, outside) is None
        assert title_at(words, outside) is None
    assert gaz.match_at([], 0) is None and title_at([], 0) is None


def test_a_feed_link_too_long_for_a_file_name_is_no_local_page(tmp_path):
    from newsprism.ingest.readers import read_file

    link = "The minister said " * 40       # prose in a <link>: far over the 255-byte name limit
    feed = tmp_path / "feed.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    f"<item><title>Talks</title><link>{link}</link><description>Talks resumed in Geneva on Monday.</description>"
                    "</item></channel></rss>", encoding="utf-8")
    items = list(read_file(feed, 10**7, {}))
    assert len(items) == 1 and "Geneva" in getattr(items[0], "text", "")
