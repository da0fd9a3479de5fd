"""Build a 30-outlet test corpus from the bundled example crisis, and optionally analyse it.

Each of 30 fictional outlets (five sides: Veldoran state media, Veldoran independents, Karst
state media, international wires, foreign independents) retells one of the eight example
articles (examples/ is our own writing): its name replaces the original outlet in the manifest
and in the dateline, and a light edit varies the wording ("said" -> "stated" for some). Also
writes the outlets' profiles (outlets.tsv) and a sides file (sides.tsv) for them.

    python benchmarks/thirty_outlets.py OUT_DIR [--analyze]   # OUT_DIR/corpus, OUT_DIR/thirty.duckdb
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "crisis"
ORIGINAL_OUTLETS = ("VESTA", "Continental Wire", "Drovna Courier", "Talvera Free Voice", "The Atlantic Ledger")
# name, country (fictional codes), kind, control, side
OUTLETS = [
    *[(f"Veldora State {n}", "VLD", "state-owned", "state", "Veldora state") for n in ("Radio", "TV", "Herald", "Agency", "Online", "Gazette")],
    *[(f"Talvera {n}", "VLD", "private", "independent", "Veldora independent") for n in ("Post", "Daily", "Echo", "Times", "Review", "Observer")],
    *[(f"Karst {n}", "KRS", "state-owned", "state", "Karst state") for n in ("Herald", "Broadcast", "News Agency", "Today", "Voice", "Tribune")],
    *[(f"{n} Wire", "ATL", "wire agency", "independent", "wires") for n in ("Meridian", "Northstar", "Harbour", "Compass", "Beacon", "Summit")],
    *[(f"{n} Ledger", "ATL", "private", "independent", "foreign independent") for n in ("Oakport", "Riverside", "Lakeshore", "Hillcrest", "Seaview", "Westbrook")],
]


def build(out: Path) -> Path:
    """Write the corpus, outlets.tsv and sides.tsv under ``out``; return the corpus folder."""
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    entries = [json.loads(line) for line in (EXAMPLES / "manifest.jsonl").read_text().splitlines() if line.strip()]
    manifest = []
    for number, (name, *_rest) in enumerate(OUTLETS):
        entry = entries[number % len(entries)]
        text = (EXAMPLES / entry["file"]).read_text(encoding="utf-8")
        for original in ORIGINAL_OUTLETS:
            text = text.replace(f"/{original}/", f"/{name}/").replace(original, name)
        if number % 3 == 1:
            text = text.replace(" said.", " stated.")
        file = f"{number:02d}-{entry['file']}"
        (corpus / file).write_text(text, encoding="utf-8")
        manifest.append({**entry, "file": file, "outlet": name,
                         "url": entry["url"].replace("example/", f"example/{number:02d}/")})
    (corpus / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in manifest), encoding="utf-8")
    (out / "outlets.tsv").write_text(
        "name\tcountry\tkind\tcontrol\tlanguage\tvariants\tdomains\n"
        + "".join(f"{n}\t{c}\t{k}\t{ctl}\ten\t\t\n" for n, c, k, ctl, _ in OUTLETS), encoding="utf-8")
    sides: dict[str, list[str]] = {}
    for name, *_, side in OUTLETS:
        sides.setdefault(side, []).append(name)
    (out / "sides.tsv").write_text("".join(f"{s}\t{'; '.join(ns)}\n" for s, ns in sides.items()), encoding="utf-8")
    return corpus


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("thirty")
    corpus = build(out)
    print(f"wrote {len(OUTLETS)} articles to {corpus}")
    if "--analyze" in argv:
        from newsprism.config import Settings
        from newsprism.pipeline import run_analysis
        from newsprism.store import Store

        path = out / "thirty.duckdb"
        path.unlink(missing_ok=True)
        with Store(path) as store:
            report = run_analysis([str(corpus)], Settings(db_path=path), store)
        print(f"analysed into {path}: {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
