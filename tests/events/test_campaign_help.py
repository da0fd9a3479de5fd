"""Help in the campaign arena (events/verb_events.py, gold rule 7): money given to a candidate,
party or PAC is SUPPORT, other help to one is no aid, and a giving with no recipient and no object
is none; aid between states and to people in need stays AID. Our own sentences."""

from __future__ import annotations

import pytest


def _types(analyze_text, sentence):
    return [(e.plover_type, e.trigger) for e in analyze_text(sentence, published="2016-03-04").events]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Wealthy donors can donate in good conscience to a super PAC instead.", [("SUPPORT", "donate")]),
    ("Undecided voters are not likely to help one candidate more than another.", []),
    ("The opportunities this country provides are many.", []),
    ("Volunteers helped the flood victims.", [("AID", "helped")]),
    ("The United States will help Ukraine rebuild its power grid.", [("AID", "help")]),
])
def test_help_is_aid_only_outside_the_campaign_arena(analyze_text, sentence, expected):
    assert _types(analyze_text, sentence) == expected
