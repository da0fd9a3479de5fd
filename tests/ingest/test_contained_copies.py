"""Within a story, a trimmed or lightly edited wire copy is a copy even when Jaccard says no."""

from __future__ import annotations

from datetime import date

from newsprism.ingest.dedup import CopyCandidate, find_contained_copies

WIRE = (
    "Flood water closed the old bridge at Marrow Ford on Tuesday after the river rose two metres overnight. "
    "Engineers from the county council inspected the pillars at first light and found a crack in the eastern arch. "
    "Traffic is being sent through Hollin village, which adds about twenty minutes to the morning drive. "
    "The council expects the bridge to stay shut until at least the end of the month while divers check the footings. "
    "Three families living beside the ford were moved to the school hall as a precaution, the council added."
)


def item(name: str, text: str, day: int = 2, order: int = 0) -> CopyCandidate:
    return CopyCandidate(name, None, text, date(2024, 4, day), order)


def test_trimmed_copy_of_a_longer_story_is_a_copy():
    # The local paper keeps the first three sentences and adds one of its own: Jaccard is low,
    # but nearly all of the shorter text is inside the wire story.
    trimmed = " ".join(WIRE.split(". ")[:3]) + ". Our reporter saw queues on the Hollin road by eight."
    links = find_contained_copies([item("wire", WIRE, 2, 0), item("local", trimmed, 2, 1)])
    assert [(link.article_id, link.original_id, link.kind) for link in links] == [("local", "wire", "contained")]


def test_two_reports_sharing_a_quote_are_not_copies():
    quote = '"We will not reopen the bridge until every pillar has been checked by divers," the council engineer said.'
    first = "The Marrow Ford bridge stays closed after Tuesday's flood, with traffic sent through Hollin. " + quote
    second = "Drivers face long detours in the valley this week because the river damaged a crossing. " + quote
    assert find_contained_copies([item("a", first, 2, 0), item("b", second, 2, 1)]) == []


def test_chain_of_copies_counts_under_the_earliest_original():
    trimmed = " ".join(WIRE.split(". ")[:4]) + "."
    shorter = " ".join(WIRE.split(". ")[:3]) + "."
    links = find_contained_copies([item("copy2", shorter, 4, 0), item("copy1", trimmed, 3, 1), item("wire", WIRE, 2, 2)])
    assert sorted((link.article_id, link.original_id) for link in links) == [("copy1", "wire"), ("copy2", "wire")]
