"""Build the packaged world outline (``static/world_outline.json``) from countryinfo's country shapes.

Run once, when the package changes: ``python -m newsprism.web.build_world_outline``. The shapes
(simplified Natural Earth outlines, as countryinfo ships them) become one SVG path per country
in an equirectangular frame (x = lon + 180, y = 90 - lat, so the world is 360 × 180 units), with
points thinned to a tenth of a degree apart at least. Nothing is fetched at run time: the map on
the story page, the /map page and the static report all draw from this file.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent / "static" / "world_outline.json"
MIN_STEP = 0.25   # degrees between kept points: small enough for a page-wide map


def _ring_path(ring: list[list[float]]) -> str:
    kept: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = round(lon + 180, 1), round(90 - lat, 1)
        if kept and abs(x - kept[-1][0]) < MIN_STEP and abs(y - kept[-1][1]) < MIN_STEP:
            continue
        kept.append((x, y))
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in kept) + "Z"


def build() -> dict[str, str]:
    """Return ISO alpha-3 → SVG path data of the country's outline."""
    outlines: dict[str, str] = {}
    folder = resources.files("countryinfo").joinpath("data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        shape = info.get("geoJSON") or {}
        code = (info.get("ISO") or {}).get("alpha3")
        for feature in shape.get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates", [])
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            path = "".join(_ring_path(ring) for polygon in polygons for ring in polygon)
            if code and path:
                outlines[code] = outlines.get(code, "") + path
    return outlines


if __name__ == "__main__":
    outlines = build()
    OUT.write_text(json.dumps(outlines, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"wrote {OUT} ({len(outlines)} countries, {OUT.stat().st_size / 1000:.0f} kB)")
