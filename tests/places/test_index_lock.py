"""Two processes that find no gazetteer index at once build it once, and both get a whole file."""

import multiprocessing
import time
from pathlib import Path

from newsprism.places.build_index import build_once


def _slow_builder(path: Path) -> None:
    # Stands in for the half-minute real build: writes a partial file, waits, renames it whole.
    log = path.with_name("builds.log")
    with open(log, "a") as handle:
        handle.write("built\n")
    partial = path.with_suffix(".part")
    partial.write_text("half")
    time.sleep(0.5)
    partial.write_text("whole index")
    partial.replace(path)


def _worker(path: str, results) -> None:
    results.put(build_once(Path(path), _slow_builder))


def test_two_processes_build_the_index_once(tmp_path):
    index = tmp_path / "cache" / "places.sqlite"
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    workers = [context.Process(target=_worker, args=(str(index), results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    built = sorted(results.get(timeout=5) for _ in workers)
    assert built == [False, True]
    assert (index.parent / "builds.log").read_text().splitlines() == ["built"]
    assert index.read_text() == "whole index"


def test_an_existing_index_is_not_rebuilt(tmp_path):
    index = tmp_path / "places.sqlite"
    index.write_text("already here")
    assert build_once(index, _slow_builder) is False
    assert index.read_text() == "already here"
