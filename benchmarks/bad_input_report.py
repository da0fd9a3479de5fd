"""Feed newsprism every catalogued bad input and print what happened: cases, errors, crashes.

    .venv/bin/python benchmarks/bad_input_report.py [--examples N]

Three parts, each a table:
1. every case of tests/robustness/bad_input_catalogue.py read alone through read_file, plus
   the size limit (a 50 MB file refused, a 19 MB file read);
2. the same files as `newsprism analyze` batches against a store that already holds two
   articles: a batch of only bad files, then a mixed one;
3. the hypothesis property tests of tests/robustness, run with N examples each.

A crash is an exception escaping a reader or the CLI, or one caught only by read_file's
last-resort handler ("could not parse (...)"): that handler keeps the batch alive, but a
reader should have known what went wrong.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"  # not read here: every bad input is generated
sys.path.insert(0, str(REPO))

from newsprism.errors import UnreadableArticle, one_line
from newsprism.ingest.readers import read_file
from newsprism.records import RawArticle
from tests.robustness.bad_input_catalogue import (
    BODY,
    BadInput,
    grouped_cases,
    write_case,
    write_secret,
)

LIMIT = 20_000_000


def outcome(case: BadInput, path: Path) -> tuple[str, int, int]:
    """Return (correct | wrong | crash, articles, errors) for one case read alone."""
    try:
        items = list(read_file(path, LIMIT))
    except Exception:  # noqa: BLE001 - counting crashes is the point
        return "crash", 0, 0
    articles = [i for i in items if isinstance(i, RawArticle)]
    errors = [i for i in items if isinstance(i, UnreadableArticle)]
    if any(e.reason.startswith("could not parse") for e in errors):
        return "crash", len(articles), len(errors)
    one_line_naming = all("\n" not in str(e) and str(e).startswith(one_line(str(path))) and case.reason in e.reason
                          for e in errors)
    text_ok = all(a.text.strip() for a in articles) and (not case.contains or (articles and case.contains in articles[0].text))
    leaks = any(x in getattr(i, "text", "") or x in str(i) for i in items for x in case.excludes)
    right = (len(articles), len(errors)) == (case.articles, case.errors) and one_line_naming and text_ok and not leaks
    return ("correct" if right else "wrong"), len(articles), len(errors)


def size_cases(folder: Path) -> list[tuple[str, str, int, int]]:
    """Return (name, outcome, articles, errors) for the 50 MB refusal and a 19 MB file."""
    rows = []
    huge = folder / "fifty-megabytes.txt"
    with huge.open("wb") as out:
        out.write(b"Huge\n" + f"{BODY}\n".encode() * (50_000_000 // (len(BODY) + 1) + 1))
    items = list(read_file(huge, LIMIT))
    refused = len(items) == 1 and isinstance(items[0], UnreadableArticle) and "over the 20 MB limit" in items[0].reason
    rows.append(("50 MB text file (refused)", "correct" if refused else "wrong", 0, len(items)))
    large = folder / "nineteen-megabytes.txt"
    large.write_bytes(b"Large\n" + f"{BODY}\n".encode() * (19_000_000 // (len(BODY) + 1)))
    started = time.perf_counter()
    items = list(read_file(large, LIMIT))
    seconds = time.perf_counter() - started
    read = len(items) == 1 and isinstance(items[0], RawArticle) and len(items[0].text) > 18_000_000
    rows.append((f"19 MB text file (read in {seconds:.1f} s)", "correct" if read else "wrong", len(items), 0))
    huge.unlink()
    large.unlink()
    return rows


def print_table(title: str, header: list[str], rows: list[list[object]]) -> None:
    widths = [max(len(str(x)) for x in [h, *(r[i] for r in rows)]) for i, h in enumerate(header)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w) for i, (x, w) in enumerate(zip(row, widths))))


def per_file(root: Path) -> Counter:
    secret = write_secret(root)
    folder = root / "files"
    folder.mkdir()
    rows, totals, wrong = [], Counter(), []
    for group, cases in grouped_cases(secret).items():
        counts = Counter()
        for case in cases:
            result, articles, errors = outcome(case, write_case(folder, case))
            counts.update({"cases": 1, result: 1, "articles": articles, "errors": errors})
            if result != "correct":
                wrong.append(f"{group}: {case.name} ({result})")
        rows.append([group, counts["cases"], counts["correct"], counts["articles"], counts["errors"], counts["wrong"], counts["crash"]])
        totals.update(counts)
    for name, result, articles, errors in size_cases(folder):
        totals.update({"cases": 1, result: 1, "articles": articles, "errors": errors})
        rows.append([name, 1, int(result == "correct"), articles, errors, int(result == "wrong"), 0])
    rows.append(["total", totals["cases"], totals["correct"], totals["articles"], totals["errors"], totals["wrong"], totals["crash"]])
    print_table("1. Each bad input read alone (read_file)",
                ["kind", "cases", "correct", "articles", "one-line errors", "wrong", "crashes"], rows)
    for line in wrong:
        print(f"   not as expected: {line}")
    return totals


def snapshot(db: Path, article_ids: list[str] | None = None) -> dict[str, tuple]:
    """Return (row count, hash of rows) per table but failures; only rows of ``article_ids`` if given."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        result = {}
        for (table,) in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall():
            columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
            key = "id" if table == "articles" else "article_id" if "article_id" in columns else None
            if table == "failures" or (article_ids is not None and key is None):
                continue
            where = f" WHERE {key} IN (SELECT unnest(?))" if article_ids is not None else ""
            result[table] = con.execute(f"SELECT count(*), md5(coalesce(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR), '')) "
                                        f"FROM {table} x{where}", [article_ids] if where else []).fetchone()
        return result
    finally:
        con.close()


def stored_ids(db: Path) -> list[str]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
    finally:
        con.close()


def batches(root: Path) -> int:
    from typer.testing import CliRunner

    from newsprism.cli import app

    runner = CliRunner()
    secret = root / "secret.txt"
    existing = root / "existing"
    existing.mkdir()
    (existing / "bridge.txt").write_text("Bridge closed\nThe city closed the Danube bridge on Monday after engineers found cracks.\n")
    (existing / "strike.txt").write_text("Dockers strike\nDock workers in Rotterdam walked out on Tuesday over pay, the union said.\n")
    db = root / "store.duckdb"
    runner.invoke(app, ["analyze", str(existing), "--db", str(db), "-q"])
    cases = [c for cs in grouped_cases(secret).values() for c in cs if c.in_batch]
    rows, crashes = [], 0
    for label, chosen in (("only bad files", [c for c in cases if not c.articles]), ("mixed batch + 1 good file", cases)):
        folder = root / label.replace(" ", "-").replace("+", "and")
        for case in chosen:
            write_case(folder, case)
        if chosen is cases:
            (folder / "good.txt").write_text(f"Ceasefire holds\n{BODY} The ceasefire held overnight.\n")
        # A bad-only batch may change nothing at all; a mixed one nothing about the stored articles.
        old_ids = None if label == "only bad files" else stored_ids(db)
        before = snapshot(db, old_ids)
        started = time.perf_counter()
        result = runner.invoke(app, ["analyze", str(folder), "--db", str(db), "-q"])
        seconds = time.perf_counter() - started
        unchanged = snapshot(db, old_ids) == before
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit) or "Traceback" in result.output
        crashes += crashed or not unchanged
        summary = " ".join(result.output.split())
        stored = re.search(r"(\d+) new article\(s\) stored", summary)
        lines = [line for line in result.output.splitlines() if line.startswith("skipped ")]
        rows.append([label, sum(1 for p in folder.rglob("*") if p.is_file()), stored.group(1) if stored else "?", len(lines),
                     result.exit_code, "yes" if crashed else "no", "yes" if unchanged else "NO",
                     f"{seconds:.1f}"])
    print_table("2. Batches through `newsprism analyze` (store already holding 2 articles)",
                ["batch", "files", "stored", "one-line errors", "exit code", "crash", "stored rows intact", "seconds"], rows)
    return crashes


def properties(examples: int) -> int:
    env = {**os.environ, "NEWSPRISM_PROPERTY_EXAMPLES": str(examples)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:warnings", "-p", "no:logging", "-p", "no:cacheprovider",
                           str(REPO / "tests" / "robustness" / "test_bad_input_properties.py"), "--hypothesis-show-statistics"],
                          cwd=REPO, env=env, capture_output=True, text=True, check=False)
    rows, failing = [], 0
    for name, block in re.findall(r"::(test_\w+):\n(.*?)(?=\n\S|\Z)", done.stdout, re.DOTALL):
        counts = re.findall(r"(\d+) passing, (\d+) failing", block)
        passing = sum(int(p) for p, _ in counts)
        failed = sum(int(f) for _, f in counts)
        failing += failed
        rows.append([name, passing + failed, failed])
    rows.append(["total", sum(r[1] for r in rows), failing])
    print_table(f"3. Property tests (hypothesis, up to {examples} examples each)", ["property", "examples", "failing"], rows)
    if done.returncode:
        print(done.stdout[-3000:])
    return failing + (1 if done.returncode else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200, help="hypothesis examples per property")
    args = parser.parse_args()
    import logging

    logging.disable(logging.WARNING)  # trafilatura logs every page it discards
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        totals = per_file(root)
        batch_crashes = batches(root)
    property_failures = properties(args.examples)
    crashes = totals["crash"] + batch_crashes + property_failures
    print(f"\ncases tried: {totals['cases']} files + 2 batches + property examples above; "
          f"one-line errors: {totals['errors']}; not as expected: {totals['wrong']}; crashes: {crashes}")
    sys.exit(1 if crashes or totals["wrong"] else 0)


if __name__ == "__main__":
    main()
