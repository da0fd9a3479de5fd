"""What keeps the server safe on a hostile network: token check, rate limit, body limit, headers."""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from newsprism.errors import NewsprismError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Pages use only the server's own scripts and styles: no inline script, no other origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def token_matches(expected: str | None, given: str | None) -> bool:
    """Return True only if a token is configured and ``given`` equals it (constant time)."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


class RateLimiter:
    """A token bucket per client: ``per_minute`` requests, refilled continuously."""

    def __init__(self, per_minute: int) -> None:
        self.capacity = max(1, per_minute)
        self.rate = self.capacity / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.capacity), now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[client] = (tokens, now)
                return False
            self._buckets[client] = (tokens - 1, now)
            if len(self._buckets) > 10_000:  # forget idle clients so the table stays bounded
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 120}
            return True


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413, whether declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = True
            if too_big:
                await _plain_error(send, 413, f"request body over {self.max_bytes} bytes")
                return
        received = 0
        responded = False
        refused = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Answer 413 now and tell the app the client went away, so it stops reading.
                    refused = True
                    if not responded:
                        await tracking_send_error()
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send_error() -> None:
            nonlocal responded
            responded = True
            await _plain_error(send, 413, f"request body over {self.max_bytes} bytes")

        async def tracking_send(message: Message) -> None:
            nonlocal responded
            if refused:
                return  # the 413 has been sent; drop whatever the app answers to the disconnect
            if message["type"] == "http.response.start":
                responded = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except Exception:
            if not refused:
                raise


class IngestGuardMiddleware:
    """Check ingestion requests before their body is read: read-only (403), rate (429), token (401).

    Unauthenticated requests are refused without parsing a byte of their body, and every
    attempt counts against the rate, so the token cannot be guessed quickly.
    """

    def __init__(self, app: ASGIApp, path: str, token: str | None, limiter: RateLimiter) -> None:
        self.app = app
        self.path = path
        self.token = token
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope.get("path") != self.path
            or scope.get("method") != "POST"
        ):
            await self.app(scope, receive, send)
            return
        if not self.token:
            await _plain_error(
                send, 403, "server is read-only: start it with --ingest-token to accept articles"
            )
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        if not self.limiter.allow(client):
            await _plain_error(send, 429, "too many ingestion requests; slow down")
            return
        headers = {k.lower(): v for k, v in scope.get("headers") or []}
        given = headers.get(b"x-ingest-token", b"").decode("latin-1")
        authorization = headers.get(b"authorization", b"").decode("latin-1")
        if authorization.lower().startswith("bearer "):
            given = authorization[7:].strip()
        if not token_matches(self.token, given):
            await _plain_error(send, 401, "missing or wrong ingestion token")
            return
        await self.app(scope, receive, send)


class BodyTooLarge(Exception):
    pass


class SecurityHeadersMiddleware:
    """Add CSP and the other protective headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


async def _plain_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SnapshotCacheMiddleware:
    """Cache successful GET responses per snapshot: the data cannot change until the next one.

    The key holds the snapshot's generation and busy flag, so a new snapshot (or a writer
    starting) makes every cached page stale at once. Health and static files are not cached
    here (static files have their own validators). Bounded to ``max_entries`` responses.
    """

    def __init__(
        self, app: ASGIApp, snapshot: Any, max_entries: int = 256, max_body: int = 4_000_000
    ) -> None:
        from collections import OrderedDict

        self.app = app
        self.snapshot = snapshot
        self.max_entries = max_entries
        self.max_body = max_body
        self._cache: OrderedDict[tuple, tuple[Message, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or path.startswith("/static/")
            or path == "/api/health"
        ):
            await self.app(scope, receive, send)
            return
        try:
            self.snapshot.refresh()
        except NewsprismError:
            await self.app(scope, receive, send)  # let the app answer with its own error page
            return
        key = (
            self.snapshot.generation,
            self.snapshot.state.busy,
            path,
            scope.get("query_string", b""),
        )
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
        if hit is not None:
            start, body = hit
            # A copy: outer middleware may rewrite the message's headers in place.
            await send({**start, "headers": list(start.get("headers", []))})
            await send({"type": "http.response.body", "body": body})
            return
        start_message: Message | None = None
        chunks: list[bytes] = []
        cacheable = True

        async def capture(message: Message) -> None:
            nonlocal start_message, cacheable
            if message["type"] == "http.response.start":
                start_message = {**message, "headers": list(message.get("headers", []))}
                cacheable = message["status"] == 200
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if sum(len(c) for c in chunks) > self.max_body:
                    cacheable = False
                if not message.get("more_body", False) and cacheable and start_message is not None:
                    with self._lock:
                        self._cache[key] = (
                            {**start_message, "headers": list(start_message.get("headers", []))},
                            b"".join(chunks),
                        )
                        while len(self._cache) > self.max_entries:
                            self._cache.popitem(last=False)
            await send(message)

        await self.app(scope, receive, capture)
