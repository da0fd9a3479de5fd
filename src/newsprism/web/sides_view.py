"""A story compared side against side, for the API and the story page: each claim's cell per side,
and each side's omissions, from the story the web layer already reads (``stories_view.get_story``)."""

from __future__ import annotations

from typing import Any

from newsprism.config import Settings
from newsprism.outlets import load_outlet_table
from newsprism.outlets.compare import SideCell, omissions_by_side, side_strip, stance_class
from newsprism.outlets.profiles import UnreadableOutletFile
from newsprism.outlets.sides import FILE_GROUPING, GROUPINGS, Sides, assign_sides, by_outlet
from newsprism.web import models as m


def story_sides(story: m.StoryDetail, grouping: str, settings: Settings) -> dict[str, Any]:
    """Return {grouping, sides: {side: outlets}, claims: [{id, label, status, sides: [cell]}], omissions}."""
    sides = assign_sides(story.outlets, grouping, load_outlet_table(settings.outlet_profiles), settings.sides_file)
    claims = []
    for claim in story.claims:
        stances = {report.outlet: report.status for report in claim.outlets if report.status != "absent"}
        claims.append({
            "id": claim.id, "label": claim.label, "status": claim.status,
            "sides": [{"side": c.side, "status": c.status, "members": c.members, "reporting": list(c.reporting),
                       "disputing": list(c.disputing)} for c in side_strip(stances, sides)]})
    carried = {claim.id: [r.outlet for r in claim.outlets if r.status != "absent"] for claim in story.claims}
    return {
        "grouping": grouping,
        "sides": {side: list(sides.members(side)) for side in sides.order},
        "claims": claims,
        "omissions": [{"side": o.side, "only_here": list(o.only_here), "missing_here": list(o.missing_here)}
                      for o in omissions_by_side(carried, sides)],
    }


# The story page's side switch: "by outlet" or "by side" under one of the groupings.
PAGE_BY = ("outlet", "side")
GROUPING_LABELS = {"control": "state / independent", "country": "country", "kind": "kind of outlet",
                   FILE_GROUPING: "sides file"}


def _outlet_cells(stances: dict[str, str], outlets: tuple[str, ...]) -> list[SideCell]:
    """Return a claim's cells by outlet: every outlet is a side of one (``compare.side_strip`` would
    count each side's members again for every claim, which at 30 outlets is most of the page's time)."""
    cells = []
    for outlet in outlets:
        kind = stance_class(stances[outlet]) if outlet in stances else None
        cells.append(SideCell(outlet, 1, (outlet,) if kind in ("reports", "mixed") else (),
                              (outlet,) if kind in ("disputes", "mixed") else ()))
    return cells


def page_sides(story: m.StoryDetail, by: str | None, grouping: str | None, settings: Settings) -> dict[str, Any]:
    """Return the story page's claim strips: one cell per outlet, or one per side of a grouping.

    The server draws the strips of the view asked for (``?by=side&sides=country``; by outlet
    by default), so the page reads without script; ``side_data`` gives app.js every grouping's
    sides, from which it draws the other strips in the same form when the reader flips the
    switch, with no new request (and in the static report).
    """
    table = load_outlet_table(settings.outlet_profiles)
    groupings: dict[str, Sides] = {"outlet": by_outlet(story.outlets)}
    problem = None
    for name in GROUPINGS:
        if name == FILE_GROUPING and settings.sides_file is None:
            continue
        try:
            groupings[name] = assign_sides(story.outlets, name, table, settings.sides_file)
        except UnreadableOutletFile as exc:   # a broken sides file loses its grouping, not the page
            problem = str(exc)
    by = by if by in PAGE_BY else "outlet"
    grouping = grouping if grouping in groupings and grouping != "outlet" else "control"
    shown = "outlet" if by == "outlet" else grouping
    sides = groupings[shown]
    strips: dict[str, list[tuple[SideCell, m.ClaimReportOut | None]]] = {}
    for claim in story.claims:
        stances = {report.outlet: report.status for report in claim.outlets if report.status != "absent"}
        if shown == "outlet":
            reports = {report.outlet: report for report in claim.outlets}
            strips[claim.id] = [(cell, reports.get(cell.side)) for cell in _outlet_cells(stances, sides.order)]
        else:
            strips[claim.id] = [(cell, None) for cell in side_strip(stances, sides)]
    return {
        "side_view": {
            "by": by,
            "grouping": grouping,
            "shown": shown,
            "groupings": [(g, GROUPING_LABELS.get(g, g), len(s.order)) for g, s in groupings.items() if g != "outlet"],
            "columns": [(side, sides.members(side)) for side in sides.order],
            "strips": strips,
            "problem": problem,
        },
        "side_data": {name: {"order": list(s.order), "side_of": s.side_of} for name, s in groupings.items()},
    }
