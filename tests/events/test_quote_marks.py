"""Quotation marks: every style news copy uses, told apart from apostrophes, nested and unbalanced."""

from __future__ import annotations

import pytest

from newsprism.events.quote_marks import find_quoted_spans, paragraph_spans


def contents(text: str) -> list[str]:
    return [text[s.content_start:s.content_end] for s in find_quoted_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will win" today.', ["we will win"]),                       # straight double
    ("He said “we will win” today.", ["we will win"]),                       # curly double
    ("He said ‘we will win’ today.", ["we will win"]),                       # curly single
    ("He said 'we will win' today.", ["we will win"]),                      # straight single
    ("Il a dit «nous gagnerons» hier.", ["nous gagnerons"]),                 # guillemets
    ("He said ``we will win'' today.", ["we will win"]),                     # typewriter `` ''
    ("''Throughout the time,'' he said.", ["Throughout the time,"]),         # two single quotes as one double
])
def test_each_mark_style_delimits_its_quote(text, expected):
    assert contents(text) == expected


def test_apostrophes_are_not_quotation_marks():
    text = "‘America’s allies won’t wait,’ he said of the voters’ groups."
    assert contents(text) == ["America’s allies won’t wait,"]
    assert contents("Don't worry about the voters' groups or Russia's plans.") == []


def test_a_plural_possessive_inside_a_single_quote_does_not_close_it():
    text = "‘The farmers’ protest will go on,’ she said."
    assert contents(text) == ["The farmers’ protest will go on,"]


def test_nested_quotes_give_only_the_outer_passage():
    text = '"The health issue, “As you know?” is partisan," Caddell said.'
    assert contents(text) == ["The health issue, “As you know?” is partisan,"]
    assert contents("“He called it ‘a disgrace’ yesterday,” she said.") == ["He called it ‘a disgrace’ yesterday,"]


def test_a_nested_quote_left_open_closes_with_the_outer_one():
    text = 'Lavrov stressed that all "have been ‘to try to resolve it peacefully."'
    assert contents(text) == ["have been ‘to try to resolve it peacefully."]


def test_a_curly_opening_closed_by_a_straight_mark_is_one_quote():
    text = '“Immunity deals should not be a requirement," Chaffetz said.'
    assert contents(text) == ["Immunity deals should not be a requirement,"]


def test_a_closing_curly_mark_used_to_open_starts_a_quote():
    text = "”Mr. Trump embodies the legacy.” ― Sonya Herridge"
    assert contents(text) == ["Mr. Trump embodies the legacy."]


def test_a_quote_spanning_paragraphs_reopens_each_paragraph():
    text = "Lavrov said:\n\n“The calls came in all day.\n\n“Many asked us to keep them private.”\n\nThe talks ended."
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    assert spans[0].paragraphs == 2 and spans[0].closed
    assert text[spans[0].content_start:spans[0].content_end] == "The calls came in all day.\n\n“Many asked us to keep them private."


def test_an_unbalanced_opening_mark_runs_to_the_end_of_its_paragraph():
    text = "He said “we will never give up\n\nThe next paragraph is narration."
    spans = find_quoted_spans(text)
    assert len(spans) == 1 and not spans[0].closed
    assert text[spans[0].content_start:spans[0].content_end] == "we will never give up"


def test_a_trailing_name_after_a_dash_ends_a_quote_whose_closing_mark_was_lost():
    text = "“Donald Trump scares me. Hearing him makes me fearful.\ufffd ― Karen Bobadilla\n“Next quote.” ― Ana Ruiz"
    assert contents(text)[0].startswith("Donald Trump scares me.")
    assert "Karen" not in contents(text)[0]
    assert contents(text)[1] == "Next quote."


def test_stray_closing_marks_and_inch_signs_open_nothing():
    assert contents('A 5" screen and a closing” mark alone.') == []


def test_hard_wrapped_text_keeps_paragraphs_by_blank_lines():
    text = ("This is a hard wrapped text that goes on\nand on across lines which stop\n"
            "mid sentence because of the width limit\nof the terminal.\n\nA second paragraph, wrapped at the\n"
            "same width, so that its lines are short\nand unfinished most of the time here.\n")
    assert len(paragraph_spans(text)) == 2
    assert len(paragraph_spans("One paragraph.\nAnother paragraph.\n")) == 2


@pytest.mark.parametrize("text", ["", "\n\n", '"', "“", "’’’’", "'" * 1000, '"' * 999, "«»«", "x" * 10_000, "“" + "a" * 10_000])
def test_hostile_strings_never_crash(text):
    for span in find_quoted_spans(text):
        assert 0 <= span.start <= span.content_start <= span.content_end <= span.end <= len(text)
