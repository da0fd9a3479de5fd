"""PolNeAR: the quote-attribution bars on a bounded subset of dev articles (the full run is the
benchmark, benchmarks/score_polnear_quotes.py)."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import REPO, SHARED

sys.path.insert(0, str(REPO / "benchmarks"))

pytestmark = pytest.mark.shared
DEV = SHARED / "corpus" / "polnear" / "dev"
SUBSET = 15


@pytest.fixture(scope="module")
def scores():
    from score_polnear_quotes import score

    if not (DEV / "text").is_dir():
        pytest.skip("PolNeAR dev is not under ../shared")
    return score(DEV, limit=SUBSET)


def test_subset_is_bounded(scores):
    assert scores.articles == SUBSET


# The bars, with the benchmark's overlap rule (shared letters >= 50% of the shorter span).
def test_direct_quote_content_f1_meets_the_bar(scores):
    assert scores.tally("overlap", "direct").f1 >= 0.90


def test_all_attributions_content_f1_meets_the_bar(scores):
    assert scores.tally("overlap", "all").f1 >= 0.70


def test_speaker_accuracy_meets_the_bar(scores):
    assert scores.tally("overlap", "all").speaker_accuracy >= 0.80
    assert scores.tally("overlap", "direct").speaker_accuracy >= 0.80


def test_gold_reading_keeps_split_quotes_as_one_attribution():
    from score_polnear_quotes import read_gold

    text = "“One,” said Caddell. “Two.”"
    annotation = "T1\tContent 0 6;21 27\t“One,” “Two.”\nT2\tSource 12 19\tCaddell\nE1\tAttribution:T3 Content:T1 Source:T2\n"
    (item,) = read_gold(text, annotation)
    assert item.direct and item.speaker_name == "Caddell"
    assert {text[i] for i in item.chars} == set("OneTwo")
