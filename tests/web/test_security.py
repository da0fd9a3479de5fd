"""The hardened server: escaping, parameterised filters, static files, CORS, errors, ingestion."""

from __future__ import annotations

import inspect
import json

import pytest
from fastapi.testclient import TestClient

from newsprism.web import queries
from newsprism.web.app import ServerConfig, create_app
from tests.web.conftest import EVIL_TITLE, EVIL_URL

INJECTIONS = [
    "' OR 1=1 --",
    "'; DROP TABLE articles; --",
    '" OR ""="',
    "1) UNION SELECT id, text, text, text FROM articles --",
    "%' OR '%'='",
    "\\'; SELECT 1; --",
    "x' AND (SELECT count(*) FROM articles) > 0 AND 'a'='a",
]
FILTERS = ["story", "article", "outlet", "actor", "country", "plover_type"]


def test_script_in_title_and_body_is_escaped_on_every_page(evil_client):
    article = evil_client.get("/api/articles").json()["items"][0]
    assert article["title"] == EVIL_TITLE
    pages = [
        evil_client.get(url).text
        for url in (
            "/",
            "/articles",
            f"/articles/{article['id']}",
            "/search?q=script",
            "/search?q=<script>alert(1)</script>",
        )
    ]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<b>Evil</b>" not in html
    detail = pages[2]
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in detail
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in detail
    assert EVIL_URL not in detail  # a javascript: URL never becomes a link
    # The only scripts are the app's own file: no inline script for an injection to ride on.
    assert detail.count("<script") == detail.count('<script src="/static/app.js"></script>')


def test_pages_carry_a_strict_content_security_policy(evil_client):
    response = evil_client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "endpoint", ["/api/articles", "/api/events", "/api/quotes", "/api/actors", "/api/claims"]
)
@pytest.mark.parametrize("name", FILTERS)
def test_injection_strings_in_every_filter_match_nothing(seeds_client, endpoint, name):
    for value in INJECTIONS:
        response = seeds_client.get(endpoint, params={name: value})
        if name == "story":
            assert response.status_code == 404  # no story has that id: refused, not run
            continue
        if response.status_code == 422:
            assert (
                "at most" in response.json()["detail"]
            )  # longer than the parameter allows: refused
            continue
        assert response.status_code == 200, (name, value, response.text)
        assert response.json()["total"] == 0
    assert seeds_client.get("/api/articles").json()["total"] == 2  # nothing was dropped


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_in_search_and_claims(seeds_client, value):
    assert seeds_client.get("/api/search", params={"q": value}).status_code == 200
    assert seeds_client.get("/search", params={"q": value}).status_code == 200
    claims = seeds_client.get("/api/claims", params={"status": value[:40], "outlet": value})
    assert claims.status_code == 200 and claims.json()["total"] == 0
    assert seeds_client.get("/api/articles").json()["total"] == 2


def test_user_values_reach_duckdb_only_as_bound_parameters(seeds_client, monkeypatch):
    """Record every SQL text the API runs: a marker sent in every filter never appears in one."""
    marker = "zz'marker\"value"
    statements: list[str] = []
    original = queries.Reader.rows

    def recording_rows(self, sql, params=()):
        statements.append(sql)
        return original(self, sql, params)

    monkeypatch.setattr(queries.Reader, "rows", recording_rows)
    monkeypatch.setattr(queries.Reader, "query", recording_rows)
    for endpoint in ("/api/articles", "/api/events", "/api/quotes", "/api/actors"):
        for name in FILTERS[1:]:
            seeds_client.get(endpoint, params={name: marker[:10]})
    seeds_client.get("/api/search", params={"q": marker})
    seeds_client.get("/search", params={"q": marker})
    assert statements
    assert not [sql for sql in statements if "marker" in sql or "zz'" in sql]


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/static/....//app.py",
        "/static//etc/passwd",
        "/static/%2Fetc%2Fpasswd",
        "/static/..\\app.py",
    ],
)
def test_static_files_cannot_escape_their_folder(seeds_client, path):
    response = seeds_client.get(path)
    assert response.status_code == 404
    assert "create_app" not in response.text and "root:" not in response.text


def test_static_files_are_served(seeds_client):
    assert seeds_client.get("/static/app.js").status_code == 200
    assert "text/css" in seeds_client.get("/static/app.css").headers["content-type"]


def test_cors_is_off_unless_configured(seeds_store):
    origin = {"Origin": "https://elsewhere.example"}
    with TestClient(create_app(ServerConfig(seeds_store))) as client:
        assert (
            "access-control-allow-origin" not in client.get("/api/articles", headers=origin).headers
        )
    config = ServerConfig(seeds_store, cors_origins=("https://elsewhere.example",))
    with TestClient(create_app(config)) as client:
        allowed = client.get("/api/articles", headers=origin).headers
        assert allowed["access-control-allow-origin"] == "https://elsewhere.example"
        other = client.get("/api/articles", headers={"Origin": "https://evil.example"}).headers
        assert "access-control-allow-origin" not in other


def test_errors_never_leak_stack_traces(seeds_store, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret detail /work/main/src/newsprism/web/queries.py line 42")

    monkeypatch.setattr(queries, "list_articles", broken)
    with TestClient(create_app(ServerConfig(seeds_store)), raise_server_exceptions=False) as client:
        for url in ("/api/articles", "/articles"):
            response = client.get(url)
            assert response.status_code == 500
            assert "Traceback" not in response.text and "secret detail" not in response.text
            assert "queries.py" not in response.text
            assert "internal error" in response.text


def test_bad_parameters_are_named_without_echoing_them(seeds_client):
    response = seeds_client.get(
        "/api/events", params={"date_from": "<script>x</script>", "limit": "lots"}
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "date_from" in detail and "limit" in detail and "<script>" not in detail


def test_server_binds_loopback_by_default():
    from newsprism import cli

    assert inspect.signature(cli.serve).parameters["host"].default.default == "127.0.0.1"


# -- ingestion --------------------------------------------------------------------------------

ARTICLE = {
    "articles": [
        {
            "title": "Envoy meets minister",
            "outlet": "Test Wire",
            "published": "2024-05-07",
            "text": "The UN envoy met the foreign minister of Austria in Vienna on Monday to discuss the ceasefire.",
        }
    ]
}
TOKEN = "correct-horse-battery-staple-42"


@pytest.fixture()
def ingest_store(tmp_path, evil_store):
    path = tmp_path / "ingest.duckdb"
    path.write_bytes(evil_store.read_bytes())
    return path


def test_server_is_read_only_without_a_token(ingest_store):
    with TestClient(create_app(ServerConfig(ingest_store))) as client:
        response = client.post(
            "/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert response.status_code == 403
        assert "read-only" in response.json()["detail"]


def test_ingestion_needs_the_right_token(ingest_store):
    with TestClient(create_app(ServerConfig(ingest_store, ingest_token=TOKEN))) as client:
        assert client.post("/api/ingest", json=ARTICLE).status_code == 401
        assert (
            client.post(
                "/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer wrong"}
            ).status_code
            == 401
        )
        assert (
            client.post(
                "/api/ingest", json=ARTICLE, headers={"X-Ingest-Token": TOKEN[:-1]}
            ).status_code
            == 401
        )
        assert client.get("/api/articles").json()["total"] == 1


def test_ingested_article_is_analysed_and_served(ingest_store):
    with TestClient(create_app(ServerConfig(ingest_store, ingest_token=TOKEN))) as client:
        response = client.post(
            "/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert response.status_code == 201, response.text
        assert response.json() == {"stored": 1, "already_stored": 0, "failures": []}
        titles = [a["title"] for a in client.get("/api/articles").json()["items"]]
        assert "Envoy meets minister" in titles
        again = client.post("/api/ingest", json=ARTICLE, headers={"X-Ingest-Token": TOKEN}).json()
        assert again["stored"] == 0 and again["already_stored"] == 1


def test_ingestion_limits_request_size(ingest_store):
    config = ServerConfig(ingest_store, ingest_token=TOKEN, max_body_bytes=2_000)
    with TestClient(create_app(config)) as client:
        big = {"articles": [{"text": "word " * 1_000}]}
        response = client.post("/api/ingest", json=big, headers={"X-Ingest-Token": TOKEN})
        assert response.status_code == 413

        def chunks():
            for _ in range(10):
                yield b"x" * 500

        streamed = client.post(
            "/api/ingest",
            content=chunks(),
            headers={"X-Ingest-Token": TOKEN, "Content-Type": "application/json"},
        )
        assert streamed.status_code == 413
        assert client.get("/api/articles").json()["total"] == 1


def test_ingestion_is_rate_limited(ingest_store):
    config = ServerConfig(ingest_store, ingest_token=TOKEN, ingest_per_minute=3)
    with TestClient(create_app(config)) as client:
        codes = [
            client.post(
                "/api/ingest", json={"articles": []}, headers={"X-Ingest-Token": TOKEN}
            ).status_code
            for _ in range(3)
        ]
        codes += [
            client.post(
                "/api/ingest", json=ARTICLE, headers={"X-Ingest-Token": "guess"}
            ).status_code
            for _ in range(2)
        ]
        # Empty lists are refused (422) while the bucket lasts; then every attempt, guesses included, is 429.
        assert codes == [422, 422, 422, 429, 429]
        assert client.get("/api/articles").status_code == 200  # reading is not rate-limited


def test_ingestion_rejects_malformed_payloads(ingest_store):
    with TestClient(create_app(ServerConfig(ingest_store, ingest_token=TOKEN))) as client:
        headers = {"X-Ingest-Token": TOKEN, "Content-Type": "application/json"}
        for body in (
            "not json",
            json.dumps({"articles": [{"text": ""}]}),
            json.dumps({"articles": [{"text": 5}]}),
            json.dumps([1, 2, 3]),
        ):
            response = client.post("/api/ingest", content=body, headers=headers)
            assert response.status_code == 422
            assert "Traceback" not in response.text


def test_serve_refuses_a_short_token_and_a_missing_store(tmp_path, seeds_store):
    from typer.testing import CliRunner

    from newsprism.cli import app

    runner = CliRunner()
    short = runner.invoke(app, ["serve", "--db", str(seeds_store), "--ingest-token", "abc"])
    assert short.exit_code == 2 and "at least 16 characters" in short.output
    missing = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no such store" in missing.output
    not_a_store = tmp_path / "other.duckdb"
    import duckdb

    duckdb.connect(str(not_a_store)).close()
    other = runner.invoke(app, ["serve", "--db", str(not_a_store)])
    assert other.exit_code == 2 and "not a newsprism store" in other.output
