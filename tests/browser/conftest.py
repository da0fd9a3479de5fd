"""Browser fixtures: live servers over a 30-outlet story and the seeds, and one headless Chromium tab.

Playwright never downloads a browser here: it launches Debian's /usr/bin/chromium, and every
test in this folder skips, with the reason, when that or the playwright package is missing.
Screenshots go to test-output/screenshots/ (gitignored), or to $NEWSPRISM_SCREENSHOTS
(docs/screenshots/ when refreshing the ones the docs show).
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

from newsprism.pipeline import run_analysis
from newsprism.store import Store
from newsprism.web.app import ServerConfig, create_app

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("NEWSPRISM_SCREENSHOTS") or REPO / "test-output" / "screenshots")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# The example articles of the dam crisis's main story; the other two open stories of their own.
MAIN_STORY_FILES = ("continental-wire-2025-03-11.txt", "vesta-2025-03-11.txt", "drovna-courier-2025-03-11.txt",
                    "atlantic-ledger-2025-03-12.txt", "drovna-courier-2025-03-12.txt",
                    "continental-wire-2025-03-13.txt")


def pytest_collection_modifyitems(config, items):
    skip = None
    if not CHROMIUM.exists():
        skip = "Debian chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)"
    elif importlib.util.find_spec("playwright") is None:
        skip = "the playwright package is not installed (pip install playwright; no browser download needed)"
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            if skip:
                item.add_marker(pytest.mark.skip(reason=skip))


def _thirty_outlets_module():
    spec = importlib.util.spec_from_file_location("thirty_outlets", REPO / "benchmarks" / "thirty_outlets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def thirty_outlet_store(tmp_path_factory, settings):
    """Return (store, settings) of one story told by 30 outlets of five sides (benchmarks/thirty_outlets.py).

    The benchmark's outlets retell the example crisis; here each retells one article of its main
    story, so the story page has all 30 outlets. Settings carry their profiles and sides file.
    """
    thirty = _thirty_outlets_module()
    folder = tmp_path_factory.mktemp("thirty")
    thirty.build(folder)                       # outlets.tsv and sides.tsv for the 30 outlets
    corpus = folder / "one-story"
    corpus.mkdir()
    entries = {e["file"]: e for e in map(json.loads, (thirty.EXAMPLES / "manifest.jsonl").read_text().splitlines())}
    manifest = []
    for number, (name, *_rest) in enumerate(thirty.OUTLETS):
        entry = entries[MAIN_STORY_FILES[number % len(MAIN_STORY_FILES)]]
        text = (thirty.EXAMPLES / entry["file"]).read_text(encoding="utf-8")
        for original in thirty.ORIGINAL_OUTLETS:
            text = text.replace(original, name)
        file = f"{number:02d}-{entry['file']}"
        (corpus / file).write_text(text, encoding="utf-8")
        manifest.append({**entry, "file": file, "outlet": name, "url": entry["url"].replace("example/", f"example/{number:02d}/")})
    (corpus / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in manifest), encoding="utf-8")
    path = folder / "thirty.duckdb"
    story_settings = settings.with_(db_path=path, outlet_profiles=folder / "outlets.tsv", sides_file=folder / "sides.tsv")
    with Store(path) as store:
        run_analysis([str(corpus)], story_settings, store)
    return path, story_settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(config: ServerConfig):
    """Yield the base URL of a live server (uvicorn in a thread) over ``config``."""
    import uvicorn

    port = _free_port()
    live = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(f"{base}/api/health", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.05)
    yield base
    live.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def thirty_server(thirty_outlet_store):
    path, story_settings = thirty_outlet_store
    yield from _serve(ServerConfig(path, settings=story_settings))


@pytest.fixture(scope="session")
def seeds_server(seeds_store):
    yield from _serve(ServerConfig(seeds_store))


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    playwright_api = pytest.importorskip("playwright.sync_api")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1366, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    """Return a fresh tab at 1366 x 900 that records script errors in ``tab.script_errors``."""
    tab = browser_context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.script_errors = errors  # type: ignore[attr-defined]
    yield tab
    tab.close()


def no_sideways_scroll(tab) -> bool:
    """Return whether the page fits its viewport's width (nothing to scroll to the right)."""
    return tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
