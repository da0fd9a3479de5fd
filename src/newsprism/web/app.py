"""The FastAPI application behind `newsprism serve`: pages, API, static files, safety.

Safety by default: read-only unless an ingestion token is configured, no CORS unless origins
are configured, no stack trace in any response, CSP on every page, request bodies bounded.
The interactive API docs are off because Swagger UI loads from a CDN; the OpenAPI schema is
served at /openapi.json.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism import __version__
from newsprism.config import Settings
from newsprism.web import api, pages
from newsprism.web.render import STATIC_DIR, ServerLinks, environment
from newsprism.web.security import (
    BodyLimitMiddleware,
    IngestGuardMiddleware,
    RateLimiter,
    SecurityHeadersMiddleware,
    SnapshotCacheMiddleware,
)
from newsprism.web.snapshot import SnapshotReader, StoreBusy

log = logging.getLogger("newsprism.web")


@dataclass(frozen=True)
class ServerConfig:
    """How one server runs; see `newsprism serve --help`."""

    db_path: Path
    ingest_token: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 5_000_000
    ingest_per_minute: int = 30
    recheck_seconds: float = 2.0
    settings: Settings = field(default_factory=Settings)


def create_app(config: ServerConfig) -> FastAPI:
    """Return the app serving the store at ``config.db_path`` (raises if there is no store)."""
    snapshot = SnapshotReader(config.db_path, config.recheck_seconds)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        snapshot.close()

    app = FastAPI(
        title="newsprism",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="Events, actors, quotes, stories and claims reconstructed from news articles.",
    )
    app.state.config = config
    app.state.snapshot = snapshot
    app.state.templates = environment()
    app.state.rate_limiter = RateLimiter(config.ingest_per_minute)
    app.include_router(api.router)
    app.include_router(pages.router)
    # StaticFiles resolves every path inside STATIC_DIR and refuses anything outside it.
    app.mount("/static", StaticFiles(directory=STATIC_DIR, follow_symlink=False), name="static")

    # Added last runs first: headers wrap everything, then the body limit, the page cache, the ingest guard.
    app.add_middleware(
        IngestGuardMiddleware,
        path="/api/ingest",
        token=config.ingest_token,
        limiter=app.state.rate_limiter,
    )
    app.add_middleware(SnapshotCacheMiddleware, snapshot=snapshot)
    app.add_middleware(BodyLimitMiddleware, max_bytes=config.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)
    if config.cors_origins:
        # Outermost, so the allow-origin header is decided per request, never served from the cache.
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.cors_origins),
            allow_methods=["GET"],
            allow_headers=[],
            allow_credentials=False,
        )

    def error(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": message}, status_code=status)
        html = app.state.templates.get_template("error.html").render(
            links=ServerLinks(),
            snapshot=snapshot.state,
            inline_assets=None,
            status=status,
            message=message,
        )
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # Name the bad parameters and why, without echoing their (possibly hostile) values.
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
            for e in exc.errors()[:5]
        )
        return error(request, 422, f"invalid request: {problems}")

    @app.exception_handler(StoreBusy)
    async def store_busy(request: Request, exc: StoreBusy) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return error(request, 500, "internal error; the server log has the details")

    return app
