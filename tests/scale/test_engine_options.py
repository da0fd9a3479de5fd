"""`analyze --engine/--address` refuse bad combinations in one line; a missing Ray says how to get it."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import NewsprismError
from newsprism.scale.ray_engine import run_analysis_ray
from newsprism.store import Store
from tests.conftest import SEEDS


@pytest.mark.parametrize(("options", "message"), [
    (["--engine", "spark"], "--engine 'spark': choose local or ray"),
    (["--address", "10.0.0.1:6379"], "--address needs --engine ray"),
])
def test_bad_engine_options_fail_in_one_line(tmp_path, options, message):
    result = CliRunner().invoke(app, ["analyze", str(SEEDS), "--db", str(tmp_path / "s.duckdb"), *options])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {message}"
    assert not (tmp_path / "s.duckdb").exists()


@pytest.mark.shared
def test_ray_engine_without_ray_installed_says_how_to_install(tmp_path, settings, monkeypatch):
    for name in [m for m in sys.modules if m == "ray" or m.startswith("ray.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    db = tmp_path / "s.duckdb"
    with Store(db) as store, pytest.raises(NewsprismError, match=r"pip install 'newsprism\[ray\]'"):
        run_analysis_ray([str(SEEDS)], settings.with_(db_path=db), store)
