"""A story compared side against side, for the API: each claim's cell per side, and each side's
omissions, from the story the web layer already reads (``stories_view.get_story``)."""

from __future__ import annotations

from typing import Any

from newsprism.config import Settings
from newsprism.outlets import load_outlet_table
from newsprism.outlets.compare import omissions_by_side, side_strip
from newsprism.outlets.sides import assign_sides
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
