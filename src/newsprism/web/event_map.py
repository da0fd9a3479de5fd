"""Return an SVG map of placed events: country outlines from the packaged file, one dot per event.

Server pages, the /map page and the static report embed the same SVG, so it needs no script,
no tile server and no CDN: each dot carries the event's sentence as its hover title and links
to the event (its evidence page on the server, its highlighted sentence in the report). Dots
are coloured by PLOVER type; dots at one place fan out around it so each stays hoverable.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from html import escape

from markupsafe import Markup

from newsprism.web.render import STATIC_DIR, plover_colour

WIDTH, HEIGHT = 360.0, 180.0    # the outline's frame: x = lon + 180, y = 90 - lat


@lru_cache(maxsize=1)
def world_outline() -> dict[str, str]:
    """Return ISO alpha-3 → SVG path of each country (built by build_world_outline.py)."""
    return json.loads((STATIC_DIR / "world_outline.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _land() -> tuple[tuple[str, tuple[float, float, float, float]], ...]:
    """Return each country's SVG path element and its bounding box (x0, y0, x1, y1): built once per process."""
    out = []
    for code, d in sorted(world_outline().items()):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
        xs, ys = numbers[0::2], numbers[1::2]
        out.append((f'<path d="{d}"><title>{escape(code)}</title></path>', (min(xs), min(ys), max(xs), max(ys))))
    return tuple(out)


def _land_paths(x: float, y: float, w: float, h: float) -> str:
    """Return the paths of the countries inside the view box: a map of one region leaves the
    rest of the world out of the page (the outline is most of a story page's weight)."""
    return "".join(path for path, (x0, y0, x1, y1) in _land()
                   if x0 <= x + w and x1 >= x and y0 <= y + h and y1 >= y)


def _frame(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    """Return the view box (x, y, w, h) around the points, at least 30° wide, 2:1, inside the world."""
    if not points:
        return 0.0, 0.0, WIDTH, HEIGHT
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    w = max(30.0, (max(xs) - min(xs)) * 1.3 + 10)
    h = max(15.0, (max(ys) - min(ys)) * 1.3 + 6)
    w, h = max(w, 2 * h), max(h, w / 2)
    w, h = min(w, WIDTH), min(h, HEIGHT)
    x = min(max(0.0, (max(xs) + min(xs)) / 2 - w / 2), WIDTH - w)
    y = min(max(0.0, (max(ys) + min(ys)) / 2 - h / 2), HEIGHT - h)
    return x, y, w, h


def event_map(events: Sequence, links, title: str = "Where the events happened") -> Markup:
    """Return the SVG (as safe markup) of the placed events among ``events`` (EventOut-like)."""
    placed = [e for e in events if getattr(e, "lat", None) is not None and getattr(e, "lon", None) is not None]
    at: dict[tuple[float, float], list] = defaultdict(list)
    for e in placed:
        at[(round(e.lon + 180, 3), round(90 - e.lat, 3))].append(e)
    x0, y0, w, h = _frame(list(at))
    radius = max(0.12, w / 180)
    parts = [(f'<svg class="event-map" viewBox="{x0:.2f} {y0:.2f} {w:.2f} {h:.2f}" role="img" '
             f'aria-label="{escape(title)}" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'),
             f"<title>{escape(title)}</title>",
             f'<rect class="sea" x="0" y="0" width="{WIDTH:g}" height="{HEIGHT:g}"/>',
             f'<g class="land" stroke-width="{w / 900:.3f}">']
    parts.append(_land_paths(x0, y0, w, h))
    parts.append("</g><g class=\"dots\">")
    for (x, y), group in at.items():
        for i, e in enumerate(group):
            # Fan the events of one place out on a small spiral: the first stays on the place.
            angle, step = i * 2.4, radius * 1.6 * math.sqrt(i)
            cx, cy = x + step * math.cos(angle), y + step * math.sin(angle)
            sentence = " ".join((getattr(e, "sentence", "") or "").split())
            label = (f"{e.plover_type} at {e.place_name or '?'} ({getattr(e, 'place_how', None) or '?'}): "
                     f"{sentence[:300]}")
            href = links.event(e.id, e.article_id)
            parts.append(f'<a href="{escape(href)}" class="dot" data-event="{escape(e.id)}">'
                         f'<circle cx="{cx:.3f}" cy="{cy:.3f}" r="{radius:.3f}" fill="{plover_colour(e.plover_type)}"'
                         f' stroke-width="{radius / 4:.3f}"><title>{escape(label)}</title></circle></a>')
    parts.append("</g></svg>")
    return Markup("".join(parts))
