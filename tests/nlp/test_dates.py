"""Date expressions resolved against the publication date, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.nlp.dates import find_dates
from newsprism.records import Article


def _article(text: str, published: date | None) -> Article:
    return Article(id="a", source="t", format="text", text=text, title=None, outlet=None, outlet_from=None,
                   published=published, published_from="metadata" if published else None,
                   published_month_day=(published.month, published.day) if published else None,
                   dateline=None, dateline_span=None, language="en", url=None, content_hash="h")


def _resolve(sentence: str, published: date | None):
    article = _article(sentence, published)
    return [(d.text, d.resolved, d.status, d.part_of_day) for d in find_dates(article, [(0, 0, len(sentence))])]


SATURDAY = date(2023, 6, 24)   # a Saturday
MONDAY = date(2023, 6, 26)


@pytest.mark.parametrize("sentence, published, text, expected, part", [
    ("Blinken held a call on Saturday morning with his counterparts.", SATURDAY, "on Saturday morning", date(2023, 6, 24), "morning"),
    ("Wagner forces appeared on Friday night in Rostov.", SATURDAY, "on Friday night", date(2023, 6, 23), "night"),
    ("On the evening of June 23, Prigozhin alleged that units were attacked.", MONDAY, "On the evening of June 23", date(2023, 6, 23), "evening"),
    ("Lavrov said on Monday that calls came in.", MONDAY, "on Monday", date(2023, 6, 26), None),
    ("The result was announced yesterday by the spokesman.", MONDAY, "yesterday", date(2023, 6, 25), None),
    ("The talks will resume on Thursday.", MONDAY, "on Thursday", date(2023, 6, 29), None),
    ("The ministry met on 12 March 2022 in Geneva.", MONDAY, "on 12 March 2022", date(2022, 3, 12), None),
    ("Strikes began on December 30.", date(2024, 1, 3), "on December 30", date(2023, 12, 30), None),
    ("The envoy visited last week.", MONDAY, "last week", date(2023, 6, 19), None),
])
def test_relative_and_absolute_dates_resolve(sentence, published, text, expected, part):
    found = {t: (r, s, p) for t, r, s, p in _resolve(sentence, published)}
    assert text in found
    resolved, status, part_of_day = found[text]
    assert resolved == expected and status == "resolved" and part_of_day == part


def test_without_publication_date_nothing_relative_is_guessed():
    found = _resolve("Blinken held a call on Saturday and another yesterday.", None)
    assert [(t, r, s) for t, r, s, _ in found] == [
        ("on Saturday", None, "no_publication_date"), ("yesterday", None, "no_publication_date")]


def test_month_day_without_year_is_marked_not_guessed():
    (found,) = _resolve("The events of June 24 shook Moscow.", None)
    assert found[1] is None and found[2] == "no_year"


def test_that_day_points_back_to_the_event_date_not_the_reporting_date():
    text = "Calls followed the events of June 24, Lavrov said on Monday. Putin received calls on that day."
    article = _article(text, MONDAY)
    split = text.index("Putin")
    dates = find_dates(article, [(0, 0, split - 1), (1, split, len(text))])
    that_day = next(d for d in dates if d.text == "on that day")
    assert that_day.resolved == date(2023, 6, 24) and that_day.status == "anaphoric"
