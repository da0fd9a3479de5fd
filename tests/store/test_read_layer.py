"""The read layer owns the store's queries: one story reader, no SQL elsewhere, a CLI without web."""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import textwrap
import tokenize
from datetime import date
from pathlib import Path

from newsprism.store import Store
from newsprism.store.read import Reader
from newsprism.stories.queries import story_view
from newsprism.web import stories_view

SRC = Path(__file__).resolve().parents[2] / "src" / "newsprism"

# Modules that may hold SQL, each with why: the read layer, and the writers (each reads what it
# needs inside its own write), the schema, and the gazetteer's own index (not the store).
SQL_ALLOWED = {
    "store/read/": "the read layer",
    "store/duckdb_store.py": "the store's writer",
    "store/schema.py": "the schema and migrations",
    "pipeline.py": "rewrites copy links after de-duplication",
    "actors/merge.py": "the actor merge stage: updates actors and their mentions",
    "ingest/copy_index.py": "copy detection: writes and reads its minhash index",
    "stories/stage.py": "the stories stage: reads its input inside its write transaction",
    "stories/candidates.py": "the stories stage: candidate stories of new articles",
    "stories/analysis.py": "the stories stage: claims, framing and voices of a story",
    "stories/claim_increments.py": "the stories stage: claims of stories analysed before, updated by their new articles",
    "stories/touched_rows.py": "the stories stage: copies of the touched articles' rows, read for the run",
    "stories/facts.py": "the stories stage: fact claims",
    "stories/framing.py": "the stories stage: framing terms",
    "stories/voices.py": "the stories stage: voices",
    "stories/framing_increments.py": "the stories stage: framing and voices of stories analysed before, merged from their new articles",
    "places/gazetteer.py": "the gazetteer's own index file, not the store",
    "places/build_index.py": "builds the gazetteer's own index file",
}
SQL = re.compile(r"\bSELECT\b|\b(?:FROM|JOIN|INTO|UPDATE)\s+[a-z_]+\b")


def _sql_strings(path: Path) -> list[tuple[int, str]]:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return [(t.start[0], t.string) for t in tokens if t.type == tokenize.STRING and SQL.search(t.string)]


def test_no_sql_outside_the_read_layer_and_the_writers():
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if any(name == allowed or (allowed.endswith("/") and name.startswith(allowed)) for allowed in SQL_ALLOWED):
            continue
        found += [f"{name}:{line}: {text[:60]}" for line, text in _sql_strings(path)]
    assert not found, "SQL outside newsprism.store.read (move it there):\n" + "\n".join(found)


def test_the_sql_grep_sees_sql(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('rows = r.rows("SELECT id FROM actors WHERE name = ?", [n])\nlabel = "select a place from a list"\n')
    assert [line for line, _ in _sql_strings(sample)] == [1]


def test_cli_never_imports_web(tmp_path):
    """Reading, showing and exporting from the CLI load no web module; only serve and report may."""
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    script = textwrap.dedent(f"""
        import sys
        from typer.testing import CliRunner
        from newsprism.cli import app
        runner = CliRunner()
        for args in (["stories"], ["show"], ["show", "events"], ["show", "actors"], ["story", "x"],
                     ["export", "--format", "jsonl", "--out", {str(tmp_path / 'out')!r}]):
            runner.invoke(app, [*args, "--db", {str(db)!r}])
        print(sorted(m for m in sys.modules if m.startswith("newsprism.web")))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    tree = ast.parse((SRC / "cli.py").read_text(encoding="utf-8"))
    web_importers = {
        func.name for func in ast.walk(tree) if isinstance(func, ast.FunctionDef)
        for node in ast.walk(func) if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsprism.web")
    }
    top_level = [n for n in tree.body if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("newsprism.web")]
    assert not top_level and web_importers <= {"serve", "report"}


def _claim(claim_id: str, label: str, when: date | None, first: date | None, plover: str = "ASSAULT") -> dict:
    return {"id": claim_id, "story_id": "s1", "label": label, "plover_type": plover, "sources": [], "targets": [],
            "date": when, "status": "corroborated", "origin_count": 2, "outlet_count": 2, "article_count": 2,
            "first_reported": first}


def _story_of(store: Store, claims: list[dict], outlets_of: dict[str, list[str]]) -> None:
    """Store story s1 (Wire A and Daily B) with these claims, each reported by its outlets."""
    store.insert_rows("stories", [{"id": "s1", "title": "Strikes", "first_published": date(2024, 5, 2),
                                   "last_published": date(2024, 5, 3), "article_count": 0, "outlet_count": 2,
                                   "outlets": ["Wire A", "Daily B"]}])
    store.insert_rows("claims", claims)
    store.insert_rows("claim_outlets", [
        {"claim_id": c, "story_id": "s1", "outlet": o, "role": "reports", "stance": "asserts",
         "article_ids": [], "event_count": 1}
        for c, outlets in outlets_of.items() for o in outlets])


def test_cli_and_web_read_one_timeline(tmp_path):
    """Dated happenings only, by date, then by first report (not by label); the CLI and the web agree."""
    with Store(tmp_path / "s.duckdb") as store:
        _story_of(store, [
            _claim("early-label", "a strike reported late", date(2024, 5, 2), date(2024, 5, 3)),
            _claim("late-label", "z strike reported first", date(2024, 5, 2), date(2024, 5, 2)),
            _claim("next-day", "m talks", date(2024, 5, 3), date(2024, 5, 3)),
            _claim("undated", "b shelling", None, date(2024, 5, 2)),
            _claim("fact", "c a fact", date(2024, 5, 1), date(2024, 5, 1), plover="FACT"),
        ], {c: ["Wire A", "Daily B"] for c in ("early-label", "late-label", "next-day", "undated", "fact")})
        cli = [(t["claim_id"], t["outlets"]) for t in story_view(store, "s1").timeline]
        web = [(t.claim_id, t.outlets) for t in stories_view.get_story(Reader(store.con), "s1").timeline]
    expected = [(c, ["Daily B", "Wire A"]) for c in ("late-label", "early-label", "next-day")]
    assert cli == expected
    assert web == expected


def test_cli_and_web_list_one_story_alike(tmp_path):
    """The CLI's `story` and the story page read one story: the same claims, in the same order, carried by the same outlets."""
    with Store(tmp_path / "s.duckdb") as store:
        _story_of(store, [
            _claim("b", "same label", date(2024, 5, 2), date(2024, 5, 3)),
            _claim("a", "same label", date(2024, 5, 2), date(2024, 5, 3)),
            _claim("first", "z reported first", date(2024, 5, 2), date(2024, 5, 2)),
            _claim("undated", "m undated", None, None),
        ], {"a": ["Wire A"], "b": ["Daily B", "Wire A"], "first": ["Daily B"], "undated": ["Wire A"]})
        cli = [(c["id"], sorted(c["outlets"])) for c in story_view(store, "s1").claims]
        web = [(c.id, [o.outlet for o in c.outlets]) for c in stories_view.get_story(Reader(store.con), "s1").claims]
        only_wire = [c.id for c in stories_view.get_story(Reader(store.con), "s1", claims_limit=1, claims_offset=1).claims]
    # By date, then first report, then label, then id: ties of label no longer come in any order.
    assert cli == [("first", ["Daily B"]), ("a", ["Wire A"]), ("b", ["Daily B", "Wire A"]), ("undated", ["Wire A"])]
    assert web == cli
    assert only_wire == ["a"]
