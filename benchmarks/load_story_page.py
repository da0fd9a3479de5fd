"""Load test of `newsprism serve` on loopback: requests/s on the story page, with zero errors.

Bounded in requests and in time. The server runs as its own process (`newsprism serve`), the
client is httpx with a few threads, so the figure is what one server process sustains on
this machine. Without --db it builds a store from the two seed articles in ../shared.

    .venv/bin/python benchmarks/load_story_page.py [--db FILE] [--requests 600] [--concurrency 8] [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def build_seeds_store(folder: Path) -> Path:
    from newsprism.config import Settings
    from newsprism.pipeline import run_analysis
    from newsprism.store import Store

    path = folder / "seeds.duckdb"
    with Store(path) as store:
        run_analysis([str(SHARED / "corpus" / "seeds")], Settings().with_(db_path=path), store)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0, help="stop sending after this long")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = args.db or build_seeds_store(Path(folder))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "newsprism"),
                "serve",
                "--db",
                str(db),
                "--port",
                str(port),
            ],
            stderr=subprocess.PIPE,
            env={**os.environ},
        )
        try:
            for _ in range(200):
                try:
                    httpx.get(f"{base}/api/health", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.05)
            stories = httpx.get(f"{base}/api/stories").json()["items"]
            if stories:
                page, path = "story page", f"/stories/{stories[0]['id']}"
            else:
                article = httpx.get(f"{base}/api/articles").json()["items"][0]["id"]
                page, path = "article page (store has no stories)", f"/articles/{article}"
            latencies: list[float] = []
            errors: list[str] = []
            sent = 0
            lock = threading.Lock()
            deadline = time.perf_counter() + args.seconds

            def worker() -> None:
                nonlocal sent
                with httpx.Client(base_url=base, timeout=10) as client:
                    while True:
                        with lock:
                            if sent >= args.requests or time.perf_counter() > deadline:
                                return
                            sent += 1
                        started = time.perf_counter()
                        try:
                            response = client.get(path)
                            ok = response.status_code == 200 and "</html>" in response.text
                            if not ok:
                                errors.append(f"HTTP {response.status_code}")
                        except httpx.HTTPError as exc:
                            errors.append(type(exc).__name__)
                        with lock:
                            latencies.append(time.perf_counter() - started)

            started = time.perf_counter()
            threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=10)

    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else 0.0
    print("| page | requests | errors | concurrency | seconds | requests/s | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {page} | {len(latencies)} | {len(errors)} | {args.concurrency} | {elapsed:.1f} | "
        f"{len(latencies) / elapsed:.1f} | {statistics.median(latencies) * 1000:.1f} | {p95 * 1000:.1f} |"
    )
    if errors:
        print(f"errors: {sorted(set(errors))[:5]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
