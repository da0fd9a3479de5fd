"""How `newsprism serve` reads a store that `newsprism analyze` may be writing.

DuckDB lets one process write a file, and while it writes no other process may open it,
not even read-only. A server that held the store open would in turn lock `analyze` out. So
the server reads from a **snapshot**: a private copy of the store file (and its WAL) taken
while the server briefly holds a read-only connection, which guarantees no writer is
mid-transaction. Every few seconds a request checks whether the store file changed; if it
did and no writer holds it, a fresh snapshot replaces the old one. While a writer holds the
store, the last snapshot keeps being served and pages say so; if there is no snapshot yet
(the server started while `analyze` was running) requests get a clear 503 "store busy".
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from newsprism.config import DEFAULT_MEMORY_LIMIT
from newsprism.errors import NewsprismError, StoreLocked
from newsprism.store import Store


class StoreBusy(NewsprismError):
    """The store is being written by another process and no snapshot exists yet."""


@dataclass(frozen=True, slots=True)
class SnapshotState:
    taken_at: datetime | None
    busy: bool  # a writer held the store at the last check


def _signature(path: Path) -> tuple[int, int, int, int]:
    """Return (mtime, size) of the store file and of its WAL: a change means new data."""
    wal = path.with_name(path.name + ".wal")
    main = path.stat()
    wal_stat = wal.stat() if wal.exists() else None
    return (
        main.st_mtime_ns,
        main.st_size,
        wal_stat.st_mtime_ns if wal_stat else 0,
        wal_stat.st_size if wal_stat else 0,
    )


class SnapshotReader:
    """Serve read-only DuckDB cursors over a private, refreshed copy of one store file."""

    def __init__(self, db_path: Path, recheck_seconds: float = 2.0) -> None:
        self.db_path = Path(db_path)
        if not self.db_path.is_file():
            raise NewsprismError(
                f"{self.db_path}: no such store; run `newsprism analyze --db {self.db_path}` first"
            )
        self.recheck_seconds = recheck_seconds
        self._dir = Path(tempfile.mkdtemp(prefix="newsprism-serve-"))
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._signature: tuple[int, int, int, int] | None = None
        self._checked = 0.0
        self._generation = 0
        self._taken_at: datetime | None = None
        self._busy = False
        self.refresh(force=True)

    @property
    def generation(self) -> int:
        """Return a number that changes whenever a new snapshot is taken (a cache key)."""
        return self._generation

    @property
    def state(self) -> SnapshotState:
        return SnapshotState(self._taken_at, self._busy)

    def refresh(self, force: bool = False) -> None:
        """Take a new snapshot if the store changed and no writer holds it."""
        now = time.monotonic()
        if not force and now - self._checked < self.recheck_seconds:
            return
        with self._lock:
            if not force and now - self._checked < self.recheck_seconds:
                return
            self._checked = now
            try:
                signature = _signature(self.db_path)
            except OSError as exc:
                raise NewsprismError(
                    f"{self.db_path}: cannot read store ({exc.strerror})"
                ) from None
            if signature == self._signature and self._con is not None:
                return
            try:
                source = Store(self.db_path, read_only=True)
            except StoreLocked:
                self._busy = True
                if self._con is None:
                    raise StoreBusy(
                        f"{self.db_path}: store busy: another newsprism process is writing it; "
                        "pages appear when it finishes"
                    ) from None
                return
            # Holding the read-only connection keeps writers out while the files are copied.
            try:
                self._generation += 1
                target = self._dir / f"snapshot-{self._generation}.duckdb"
                shutil.copyfile(self.db_path, target)
                wal = self.db_path.with_name(self.db_path.name + ".wal")
                if wal.exists():
                    shutil.copyfile(wal, target.with_name(target.name + ".wal"))
                signature = _signature(self.db_path)
            finally:
                source.close()
            old = self._con
            # Bounded as every store connection is (Store checked the value on opening the source).
            limit = os.environ.get("NEWSPRISM_MEMORY_LIMIT") or DEFAULT_MEMORY_LIMIT
            self._con = duckdb.connect(str(target), read_only=True, config={"memory_limit": limit})
            self._signature = signature
            self._taken_at = datetime.now()
            self._busy = False
            if old is not None:
                old.close()
                self._remove_old(keep=target)

    def _remove_old(self, keep: Path) -> None:
        for path in self._dir.iterdir():
            if path.name != keep.name and not path.name.startswith(keep.name):
                path.unlink(missing_ok=True)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Yield a cursor of the current snapshot (one per request: cursors are per thread)."""
        self.refresh()
        with self._lock:
            if self._con is None:
                raise StoreBusy(f"{self.db_path}: store busy")
            cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None
        shutil.rmtree(self._dir, ignore_errors=True)
