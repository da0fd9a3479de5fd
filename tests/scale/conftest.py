"""Fixtures for the scale tests: one local run over the seeds and the bundled examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.pipeline import run_analysis
from newsprism.store import Store
from tests.conftest import EXAMPLES, SEEDS

# The input of the local-versus-Ray and one-versus-two-workers comparisons.
COMPARISON_INPUTS = [str(SEEDS), str(EXAMPLES)]


@pytest.fixture(scope="session")
def local_store(tmp_path_factory, settings) -> Path:
    """Return the path of a store built by a local run (one worker) over seeds and examples."""
    path = tmp_path_factory.mktemp("local") / "local.duckdb"
    with Store(path) as store:
        run_analysis(COMPARISON_INPUTS, settings.with_(db_path=path, batch_size=4), store)
    return path
