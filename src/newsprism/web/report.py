"""`newsprism report`: the web pages as static HTML files that open from disk, no server.

The same templates as the server render every story, article and actor page; links become
relative file names and the stylesheet and script are inlined into each page, so the
folder can be zipped, mailed or opened from a USB stick, and any single file still works.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsprism.config import Settings
from newsprism.store import Store
from newsprism.store.read import named_actor_ids
from newsprism.web import models as m
from newsprism.web import queries as q
from newsprism.web import sides_view, stories_view, views
from newsprism.web.render import STATIC_DIR, ReportLinks, environment, file_safe


@dataclass(frozen=True, slots=True)
class ReportSummary:
    index: Path
    stories: int
    articles: int
    actors: int


def write_report(db_path: Path, out_dir: Path) -> ReportSummary:
    """Write the report of every story in the store to ``out_dir``; return where its index is."""
    out_dir.mkdir(parents=True, exist_ok=True)
    assets = {
        "css": (STATIC_DIR / "app.css").read_text(encoding="utf-8"),
        "js": (STATIC_DIR / "app.js").read_text(encoding="utf-8"),
    }
    env = environment()
    with Store(db_path, read_only=True) as store:
        r = q.Reader(store.con)
        actor_ids = named_actor_ids(r)
        links = ReportLinks(set(actor_ids))

        def write(name: str, template: str, **context: object) -> Path:
            html = env.get_template(template).render(
                links=links, snapshot=None, inline_assets=assets, **context
            )
            path = out_dir / name
            path.write_text(html, encoding="utf-8")
            return path

        stories = stories_view.list_stories(r)
        all_articles = q.list_articles(r, q.Filters(), limit=500)
        articles = list(all_articles.items)
        while len(articles) < all_articles.total:
            articles.extend(q.list_articles(r, q.Filters(), limit=500, offset=len(articles)).items)
        full_page = m.Page[m.ArticleSummary](
            items=articles, total=len(articles), limit=max(1, len(articles)), offset=0
        )
        index = write(
            "index.html",
            "stories.html",
            stories=stories,
            has_stories=stories_view.has_stories(r),
            recent=full_page,
        )
        write("articles.html", "articles.html", page=full_page, outlet=None)
        actors_page = q.list_actors(r, q.Filters(), limit=500)
        write("actors.html", "actors.html", page=actors_page)
        write("map.html", "map.html", **views.map_context(r, q.Filters()))
        for summary in stories:
            story = stories_view.get_story(r, summary.id)
            if story is None:
                continue
            events = q.list_events(
                r, q.Filters(article_ids=[a.id for a in story.article_list]), limit=500
            ).items
            context = views.story_context(story, events)
            context.update(sides_view.page_sides(story, "outlet", None, Settings()))
            write(links.story(story.id), "story.html", **context)
        for article in articles:
            detail = q.get_article(r, article.id)
            if detail is not None:
                write(
                    f"article-{file_safe(article.id)}.html",
                    "article.html",
                    **views.article_context(r, detail, links),
                )
        for actor_id in actor_ids:
            actor = q.get_actor(r, actor_id)
            if actor is not None:
                write(
                    f"actor-{file_safe(actor_id)}.html", "actor.html", **views.actor_context(actor)
                )
    return ReportSummary(
        index=index, stories=len(stories), articles=len(articles), actors=len(actor_ids)
    )
