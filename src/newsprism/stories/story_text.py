"""The CLI's story view as text: claim-centric, one line per claim, sized for a terminal.

``story_lines(view, ...)`` returns plain lines (no table that widens with the outlet count): each
claim shows its status, a short label, its number of origins and a strip of outlets or sides.
Every filter (status, kind, limit) applies to every section: contradictions, omissions and the
timeline keep the claims that match; wording and voices keep the outlets that carry them.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.outlets.compare import omissions_by_side, side_strip, stance_class, voices_by_side, wording_by_side
from newsprism.outlets.sides import Sides, by_outlet

SECTIONS = ("claims", "contradictions", "omissions", "timeline", "voices", "wording")
WIDTH = 100


def short(text: str, width: int) -> str:
    """Return text cut to ``width`` characters with an ellipsis (its indentation kept)."""
    text = re.sub(r"\s*[\r\n\t]+\s*", " ", str(text).rstrip())   # one line; padding kept
    return text if len(text) <= width else text[: width - 1] + "…"


def _outlet_strip(stances: dict[str, str], total: int, first: int = 3) -> str:
    reporting = sorted(o for o, s in stances.items() if stance_class(s) != "disputes")
    disputing = sorted(o for o, s in stances.items() if stance_class(s) != "reports")
    text = f"✓{len(reporting)}" + (f" ✗{len(disputing)}" if disputing else "") + f" of {total}"
    names = ", ".join(reporting[:first]) + (f", +{len(reporting) - first}" if len(reporting) > first else "")
    if disputing:
        names += (" | ✗ " if names else "✗ ") + ", ".join(disputing[:first]) + (f", +{len(disputing) - first}" if len(disputing) > first else "")
    return f"{text}: {names}"


def side_codes(sides: Sides) -> dict[str, str]:
    """Return a short code per side (its words' initials, or its name when short) for one-line strips."""
    codes: dict[str, str] = {}
    for side in sides.order:
        words = re.findall(r"[\w]+", side)
        code = side if len(side) <= 4 else "".join(w[0] for w in words)[:3].upper() or side[:3]
        while code in codes.values():
            code += "'"
        codes[side] = code
    return codes


def _side_strip(stances: dict[str, str], sides: Sides, codes: dict[str, str]) -> str:
    parts = []
    for cell in side_strip(stances, sides):
        if cell.status == "absent":
            parts.append(f"{codes[cell.side]} –")
        else:
            parts.append(f"{codes[cell.side]} ✓{len(cell.reporting)}" + (f"✗{len(cell.disputing)}" if cell.disputing else ""))
    return " ".join(parts)


def story_lines(view: Any, sides: Sides | None = None, sections: tuple[str, ...] = SECTIONS, status: str | None = None,
                kind: str | None = None, limit: int | None = None, fact_type: str = "FACT", width: int = WIDTH) -> list[str]:
    """Return the story as lines of at most ``width`` columns (``sides`` None: by outlet)."""
    per_side = sides is not None
    sides = sides or by_outlet(view.outlets)
    label_width = 40
    out = [short(f"{view.story['title'] or view.story['id']}  ({view.story['id'][:10]}, {len(view.articles)} articles, "
                 f"{len(view.outlets)} outlets)", width)]
    dates = sorted(str(a["published"]) for a in view.articles if a["published"])
    out.append(short(f"  published {dates[0] if dates else '?'} .. {dates[-1] if dates else '?'}; outlets: "
                     + ", ".join(view.outlets), width))
    codes = side_codes(sides)
    if per_side:
        out.append(short(f"  sides by {sides.grouping}: " + "; ".join(f"{codes[s]} = {s} ({len(sides.members(s))})" for s in sides.order), width))
    shown = [c for c in view.claims if (status is None or c["status"] == status)
             and (kind is None or (c["plover_type"] == fact_type) == (kind == "facts"))]
    matching = {c["id"] for c in shown}
    listed = shown if limit is None else shown[:limit]
    carrying = {o for c in shown for o in c["outlets"]}
    labels = {c["id"]: c["label"] for c in view.claims}
    if "claims" in sections:
        title = f"claims x {'sides' if per_side else 'outlets'} (✓ outlets reporting, ✗ denying, – none; then origins)"
        out += ["", title]
        for claim in listed:
            stances = {o: e["stance"] for o, e in claim["outlets"].items()}
            state = claim["status"] + (f"; happening {claim['happening']}" if claim.get("happening") and claim["happening"] != claim["status"] else "")
            head = f"  {short(state, 14):<14} {short(claim['label'], label_width):<{label_width}} {claim.get('origin_count', ''):>4}  "
            strip = _side_strip(stances, sides, codes) if per_side else _outlet_strip(stances, len(view.outlets))
            # One line per claim: the strip is cut to the width (--section claims --by side for more).
            out.append(short(head + strip, width))
        if limit is not None and len(shown) > limit:
            out.append(f"  {limit} of {len(shown)} claims shown (--limit)")
        if not shown:
            out.append("  no claims match")
    if "contradictions" in sections:
        found = [c for c in view.contradictions if c["claim_id"] in matching]
        if found:
            out += ["", "contradictions"]
            for c in found:
                out.append(short(f"  {short(labels.get(c['claim_id'], ''), 30)} ({c['kind']}): {c['outlet_a']} says {c['value_a']}; "
                                 f"{c['outlet_b']} says {c['value_b']}", width))
    if "omissions" in sections:
        carried = {c["id"]: list(c["outlets"]) for c in view.claims}
        out += ["", f"what each {'side' if per_side else 'outlet'} alone reports, and omits"]
        for entry in omissions_by_side(carried, sides):
            only = [c for c in entry.only_here if c in matching]
            out.append(short(f"  {entry.side}: {len(entry.only_here)} claim(s) only here, omits {len(entry.missing_here)} that others report", width))
            for claim_id in only[: limit or 3]:
                out.append(short(f"    only here: {labels.get(claim_id, claim_id)}", width))
            if len(only) > (limit or 3):
                out.append(f"    … and {len(only) - (limit or 3)} more")
    if "timeline" in sections:
        dated = [t for t in view.timeline if t["date"] and t["claim_id"] in matching]
        if dated:
            out += ["", "timeline"]
            for entry in dated[:limit] if limit else dated:
                out.append(short(f"  {entry['date']}  {entry['status']:<14} {entry['label']} ({len(entry['outlets'])} outlets)", width))
    keep = set(sides.side_of) & carrying if (status or kind) else set(sides.side_of)
    if "wording" in sections:
        terms = [(o, t["kind"], t["term"], t.get("refers_to")) for o, kinds in view.framing.items() if o in keep
                 for ts in kinds.values() for t in ts]
        wording = wording_by_side(terms, sides, per_kind=8)
        out += ["", f"wording per {'side' if per_side else 'outlet'} (names for the happening; for actors; distinctive)"]
        for side in sides.order:
            items = wording.get(side, [])
            if not items:
                continue
            events = ", ".join(t.term for t in items if t.kind == "event_name")
            actors = ", ".join(f"{t.term} ({t.refers_to})" for t in items if t.kind == "actor_name"
                               and t.term.lower() != (t.refers_to or "").lower())
            words = ", ".join(t.term for t in items if t.kind == "distinctive")
            out.append(short(f"  {side}: " + "; ".join(p for p in (events, actors, words) if p), width))
    if "voices" in sections:
        voices = [(o, v["speaker"], v["quote_count"], v.get("country"), v.get("sector"))
                  for o, vs in view.voices.items() if o in keep for v in vs]
        by_side = voices_by_side(voices, sides)
        out += ["", f"voices per {'side' if per_side else 'outlet'}"]
        for side in sides.order:
            if by_side.get(side):
                out.append(short(f"  {side}: " + ", ".join(
                    f"{v.speaker} ×{v.quotes}" + (f" ({' '.join(x for x in (v.country, v.sector) if x)})" if v.country or v.sector else "")
                    for v in by_side[side]), width))
    return out
