"""CAMEO codes kept in step with PLOVER types and modes.

The mapping is data/cameo_plover.tsv (CAMEO2PLOVER-2021, CC BY-SA 4.0; built by
benchmarks/compile_cameo.py). A (CAMEO, PLOVER type, mode) triple agrees when the type is the
code's type and the mode is the code's mode, or, where the mapping leaves the code's mode open,
no mode or a mode the mapping gives that type elsewhere ("third-party" for a mediation, 045).

When the coder recodes an event by modality ("will attack" is a THREATEN, "refused to meet" a
REJECT) its CAMEO code follows: ``settle`` picks the code of the new type that stands for the
old deed (an intended meeting 036, a threatened attack 138) and the mode that code carries.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

MAPPING_FILE = Path(__file__).parent / "data" / "cameo_plover.tsv"

# New PLOVER type -> the CAMEO code for the deed it was recoded from, by the longest matching
# prefix of the old code ("" is the type's default). CAMEO orders intents (03), demands (10),
# refusals (12) and threats (13) in parallel with the deeds (04 meet .. 08 yield, 14-20 force).
RECODED: dict[str, dict[str, str]] = {
    "AGREE": {"": "030", "04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313",
              "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
              "08": "035", "081": "0351", "084": "0353", "085": "0354", "086": "0355", "087": "0356"},
    "REQUEST": {"": "100", "04": "106", "045": "108", "05": "102", "06": "101", "07": "103", "072": "1032",
                "073": "1033", "08": "105", "081": "1051", "084": "1053", "085": "1054", "086": "1055",
                "087": "1056"},
    "REJECT": {"": "120", "04": "125", "045": "126", "06": "121", "07": "122", "08": "124", "084": "1243",
               "085": "1244", "086": "1245", "087": "1246"},
    "THREATEN": {"": "130", "14": "133", "15": "138", "16": "131", "161": "1313", "162": "1311", "163": "1312",
                 "164": "134", "165": "135", "166": "136", "17": "137", "172": "132", "1722": "1322",
                 "1723": "1323", "1724": "1324", "191": "1381", "192": "1382", "18": "1383", "19": "1384",
                 "20": "1383", "204": "1385"},
}


@cache
def cameo_plover() -> dict[str, tuple[str, str | None]]:
    """Return CAMEO code -> (PLOVER type, mode or None) from the mapping file."""
    table = {}
    for line in MAPPING_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "cameo\t")):
            continue
        code, plover, mode, *_ = line.split("\t")
        table[code] = (plover, mode or None)
    return table


@cache
def _modes_of(plover: str) -> frozenset[str]:
    return frozenset(m for p, m in cameo_plover().values() if p == plover and m)


def agrees(cameo: str, plover: str, mode: str | None) -> bool:
    """Return whether a CAMEO code agrees with a PLOVER type and mode (see the module doc)."""
    reference = cameo_plover().get(cameo)
    if reference is None or reference[0] != plover:
        return False
    if reference[1] is not None:
        return mode == reference[1]
    return mode is None or mode in _modes_of(plover)


def _by_prefix(table: dict[str, str], code: str) -> str:
    prefix = max((p for p in table if code.startswith(p)), key=len)
    return table[prefix]


def settle(cameo: str, plover: str, mode: str | None) -> tuple[str, str | None]:
    """Return (CAMEO code, mode) that agree with ``plover``: the code unchanged when it agrees;
    else the code of that type for the same deed, with the given mode where it agrees, and
    the code's own mode where it does not."""
    if agrees(cameo, plover, mode):
        return cameo, mode
    table = cameo_plover()
    if table.get(cameo, ("",))[0] != plover and plover in RECODED:
        cameo = _by_prefix(RECODED[plover], cameo)
    if table.get(cameo, ("",))[0] == plover:
        # The same type with another mode: the code of that mode nearest the deed ("phone": 041).
        same_mode = [c for c, (p, m) in table.items() if p == plover and m == mode and mode]
        if same_mode:
            cameo = max(same_mode, key=lambda c: (len(_common(c, cameo)), -len(c)))
        return (cameo, mode) if agrees(cameo, plover, mode) else (cameo, table[cameo][1])
    default = next((c for c, (p, _) in sorted(table.items()) if p == plover), cameo)
    return default, table.get(default, (plover, None))[1]


def _common(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
