"""The Jinja2 environment and the link scheme shared by the server and the static report.

One set of templates renders both: the server passes ``ServerLinks`` (URLs such as
``/articles/ID``), the report passes ``ReportLinks`` (files such as ``article-ID.html``), so
a page looks the same whether it came from `newsprism serve` or `newsprism report`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

# Colours for PLOVER types: cooperation in blues and greens, conflict in oranges and reds,
# so the network reads at a glance; the legend on the page names each.
PLOVER_COLOURS = {
    "AGREE": "#1f77b4",
    "CONSULT": "#4e9bd6",
    "SUPPORT": "#17becf",
    "CONCEDE": "#7fb3d5",
    "COOPERATE": "#2ca02c",
    "AID": "#98df8a",
    "RETREAT": "#8c9e5a",
    "REQUEST": "#bcbd22",
    "ACCUSE": "#ff7f0e",
    "REJECT": "#e5a03b",
    "THREATEN": "#d62728",
    "PROTEST": "#9467bd",
    "SANCTION": "#8c564b",
    "MOBILIZE": "#e377c2",
    "COERCE": "#c0392b",
    "ASSAULT": "#7f0000",
}


def plover_colour(plover_type: str | None) -> str:
    return PLOVER_COLOURS.get((plover_type or "").upper(), "#777777")


def web_url(url: str | None) -> str | None:
    """Return the URL if it is http(s), else None: a "javascript:" URL must never become a link."""
    if url and re.match(r"https?://", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def environment() -> Environment:
    """Return the template environment: autoescaping on for every template, undefined is an error."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["plover_colour"] = plover_colour
    env.filters["web_url"] = web_url
    from newsprism.web.event_map import event_map

    env.globals["event_map"] = event_map
    return env


def _q(value: str) -> str:
    return quote(str(value), safe="")


class ServerLinks:
    """URLs of the running server."""

    static_mode = False

    def home(self) -> str:
        return "/"

    def articles(self) -> str:
        return "/articles"

    def actors(self) -> str:
        return "/actors"

    def map(self) -> str:
        return "/map"

    def search(self, query: str | None = None) -> str | None:
        return "/search" + (f"?{urlencode({'q': query})}" if query else "")

    def story(self, story_id: str) -> str:
        return f"/stories/{_q(story_id)}"

    def claim(self, story_id: str, claim_id: str) -> str:
        return f"/stories/{_q(story_id)}/claims/{_q(claim_id)}"

    def article(self, article_id: str, anchor: str | None = None) -> str:
        return f"/articles/{_q(article_id)}" + (f"#{anchor}" if anchor else "")

    def actor(self, actor_id: str | None) -> str | None:
        return f"/actors/{_q(actor_id)}" if actor_id else None

    def event(self, event_id: str, article_id: str) -> str:
        return f"/events/{_q(event_id)}"

    def quote(self, quote_id: str, article_id: str) -> str:
        return f"/quotes/{_q(quote_id)}"

    def static(self, name: str) -> str:
        return f"/static/{name}"


def file_safe(identifier: str) -> str:
    """Return a file-name-safe form of an id (ids with odd characters are hashed)."""
    if re.fullmatch(r"[A-Za-z0-9_-]{1,80}", identifier):
        return identifier
    return hashlib.sha256(identifier.encode()).hexdigest()[:16]


class ReportLinks:
    """Relative file names of the static report; records without a page link into their article."""

    static_mode = True

    def __init__(self, actor_pages: set[str] | None = None) -> None:
        self.actor_pages = actor_pages or set()

    def home(self) -> str:
        return "index.html"

    def articles(self) -> str:
        return "articles.html"

    def actors(self) -> str:
        return "actors.html"

    def map(self) -> str:
        return "map.html"

    def search(self, query: str | None = None) -> str | None:
        return None

    def story(self, story_id: str) -> str:
        return f"story-{file_safe(story_id)}.html"

    def claim(self, story_id: str, claim_id: str) -> str:
        return f"story-{file_safe(story_id)}.html#c-{file_safe(claim_id)}"

    def article(self, article_id: str, anchor: str | None = None) -> str:
        return f"article-{file_safe(article_id)}.html" + (f"#{anchor}" if anchor else "")

    def actor(self, actor_id: str | None) -> str | None:
        if not actor_id or actor_id not in self.actor_pages:
            return None
        return f"actor-{file_safe(actor_id)}.html"

    def event(self, event_id: str, article_id: str) -> str:
        return self.article(article_id, f"e-{file_safe(event_id)}")

    def quote(self, quote_id: str, article_id: str) -> str:
        return self.article(article_id, f"q-{file_safe(quote_id)}")

    def static(self, name: str) -> str:
        return name
