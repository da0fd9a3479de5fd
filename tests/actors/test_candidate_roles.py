"""A candidate for an office not held campaigns as a party actor (PTY) on the article's date;
before running, a business owner is BUS, and an office held takes the office's sector."""

from __future__ import annotations

import pytest

from tests.events.helpers import coded_event


@pytest.mark.parametrize(("published", "sector"), [
    ("2011-04-01", "BUS"),     # a businessman
    ("2016-03-01", "PTY"),     # a candidate
    ("2018-03-01", "GOV"),     # the president
    ("2022-03-01", None),      # out of office, not yet running
])
def test_trump_on_the_articles_date(analyze_text, published, sector):
    event = coded_event(analyze_text("Donald Trump criticized the mayor of Springfield.", published=published),
                        "criticized")
    assert [(s.country, s.sector) for s in event.sources] == [("USA", sector)]


@pytest.mark.parametrize(("published", "sector"), [
    ("2005-03-01", "LEG"),     # a senator
    ("2011-03-01", "GOV"),     # the secretary of state
    ("2016-03-01", "PTY"),     # a candidate
])
def test_hillary_clinton_on_the_articles_date(analyze_text, published, sector):
    event = coded_event(analyze_text("The mayor of Springfield criticized Hillary Clinton.", published=published),
                        "criticized")
    assert [(t.country, t.sector) for t in event.targets] == [("USA", sector)]


def test_a_candidates_words_against_a_rival_stay_words(analyze_text):
    # The political arena decides that "attacked" is criticism: a dated candidate belongs to it.
    event = coded_event(analyze_text("Donald Trump attacked Hillary Clinton at a rally in Ohio.",
                                     published="2016-06-01"), "attacked")
    assert event.plover_type == "ACCUSE"
