"""Web app and HTTP API over a corpus store, through FastAPI's test client.

The store is built once per session by `corroborator ingest` over the demo corpus
(examples/fire: a warehouse fire with two conflicting claims, a tram-budget story) and
tests/data/server (a bridge closure in three articles whose title, outlet, URL and text carry
`<script>`/`onerror` payloads).
"""

from __future__ import annotations

import json
import sqlite3
import time
import warnings
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from corroborator.corpus import IngestOptions, ingest, list_stories
from corroborator.report.json import validate
from corroborator.store import StoryFilter, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx vs httpx2
    from fastapi.testclient import TestClient

from corroborator.server import create_app
from corroborator.server.compare import safe_upload_name, split_pasted

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = [ROOT / "examples" / "fire", ROOT / "tests" / "data" / "server"]
HOSTILE_MARKERS = ("<script", "<img", "<b>bold")  # as raw tags; escaped text is fine


@cache
def build_store(folder: str) -> Path:
    """The test corpus database in `folder` (built once per process; shared by the browser
    tests, which import this)."""
    db = Path(folder) / "corpus.db"
    store = open_store(db)
    try:
        # One article per batch: stories are then re-analysed as they grow (the incremental
        # path), and derivations found for an article inserted in an earlier batch are kept
        # (see test_ingest_keeps_derivations_of_new_articles for the same-batch case).
        ingest(FIXTURES, store, options=IngestOptions(analysis="full", batch_size=1))
    finally:
        store.close()
    return db


def local(app: Any, raise_server_exceptions: bool = False) -> TestClient:
    """A test client whose requests name 127.0.0.1 as their host (the app refuses others)."""
    return TestClient(
        app, base_url="http://127.0.0.1", raise_server_exceptions=raise_server_exceptions
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(str(tmp_path_factory.getbasetemp() / "server-store"))


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return local(create_app(db))


def _fire(client: TestClient) -> dict[str, Any]:
    found = client.get("/api/stories", params={"q": "warehouse fire"}).json()["stories"]
    assert len(found) == 1
    return found[0]


def _bridge(client: TestClient) -> dict[str, Any]:
    found = client.get("/api/stories", params={"q": "bridge"}).json()["stories"]
    assert len(found) == 1
    return found[0]


def assert_no_live_markup(page: str) -> None:
    for marker in HOSTILE_MARKERS:
        assert marker not in page, marker


# -- API ----------------------------------------------------------------------------------------


def test_health_counts_without_paths(client: TestClient, db: Path) -> None:
    r = client.get("/api/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["store"] == {"name": "corpus.db", "articles": 8, "stories": 3, "skipped": 0}
    assert str(db.parent) not in r.text  # no filesystem paths


def test_stories_listing_filters_sort_and_pages(client: TestClient) -> None:
    everything = client.get("/api/stories").json()
    assert everything["total"] == 3 and len(everything["stories"]) == 3
    assert {"stories", "total", "page", "per_page", "pages"} <= set(everything)
    # Most recent first by default: the bridge (April) before the fire (March).
    assert "bridge" in everything["stories"][0]["title"]

    conflicts = client.get("/api/stories", params={"conflicts": "1"}).json()["stories"]
    assert [s["title"][:14] for s in conflicts] == ["Warehouse fire"]
    assert conflicts[0]["conflicts"] >= 1
    by_conflicts = client.get("/api/stories", params={"sort": "conflicts"}).json()["stories"]
    assert by_conflicts[0]["conflicts"] == max(s["conflicts"] for s in everything["stories"])
    by_sources = client.get("/api/stories", params={"sort": "sources"}).json()["stories"]
    counts = [s["independent_sources"] for s in by_sources]
    assert counts == sorted(counts, reverse=True)

    two = client.get("/api/stories", params={"min_sources": 2}).json()["stories"]
    assert all(s["independent_sources"] >= 2 for s in two) and len(two) == 1
    french = client.get("/api/stories", params={"language": "fr"}).json()["stories"]
    assert len(french) == 1 and "fr" in french[0]["languages"]
    german = client.get("/api/stories", params={"language": "DE"}).json()["stories"]
    assert len(german) == 1 and "de" in german[0]["languages"]

    april = client.get("/api/stories", params={"since": "2026-04-01"}).json()["stories"]
    assert len(april) == 1 and april[0]["first_published"] >= "2026-04-01"
    march = client.get("/api/stories", params={"until": "2026-03-31"}).json()["stories"]
    assert len(march) == 2
    assert client.get("/api/stories", params={"q": "no such words"}).json()["total"] == 0

    p1 = client.get("/api/stories", params={"per_page": 2}).json()
    p2 = client.get("/api/stories", params={"per_page": 2, "page": 2}).json()
    assert p1["pages"] == 2 and len(p1["stories"]) == 2 and len(p2["stories"]) == 1
    ids = [s["id"] for s in p1["stories"] + p2["stories"]]
    assert sorted(ids) == sorted(s["id"] for s in everything["stories"])
    beyond = client.get("/api/stories", params={"page": 9}).json()
    assert beyond["stories"] == [] and beyond["total"] == 3


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday"},
        {"until": "2026-13-01"},
        {"page": "0"},
        {"page": "x"},
        {"per_page": "1000"},
        {"min_sources": "-1"},
        {"sort": "random"},
        {"language": "<script>"},
        {"conflicts": "maybe"},
        {"q": "x" * 201},
    ],
)
def test_bad_list_parameters_are_400_with_a_message(
    client: TestClient, params: dict[str, str]
) -> None:
    r = client.get("/api/stories", params=params)
    assert r.status_code == 400
    name = next(iter(params))
    assert name in r.json()["detail"]


def test_story_is_the_report_contract(client: TestClient) -> None:
    fire = _fire(client)
    r = client.get(f"/api/stories/{fire['id']}")
    assert r.status_code == 200
    report = r.json()
    validate(report)
    (story,) = report["stories"]
    assert story["id"] == fire["id"]
    assert sorted(a["id"] for a in report["articles"]) == sorted(story["articles"])
    conflicting = [c for c in story["claims"] if c["verdict"] == "conflicting"]
    assert len(conflicting) == fire["conflicts"] >= 1


def test_article_has_provenance_derivatives_and_claims(client: TestClient) -> None:
    fire = _fire(client)
    report = client.get(f"/api/stories/{fire['id']}").json()
    derived = [a for a in report["articles"] if a["derived_from"]]
    assert derived, "the demo corpus has a syndicated copy"
    copy = derived[0]
    original_id = copy["derived_from"]["article"]
    original = client.get(f"/api/articles/{original_id}").json()
    assert copy["id"] in [d["article"] for d in original["derivatives"]]
    assert original["story"]["id"] == fire["id"]
    assert original["claims"], "the original reports claims"
    for claim in original["claims"]:
        for m in claim["mentions"]:
            assert m["article"] == original_id
            assert original["text"][m["start"] : m["end"]] == m["text"]
    mine = client.get(f"/api/articles/{copy['id']}").json()
    assert mine["derived_from"]["article"] == original_id


@pytest.mark.parametrize(
    "path",
    [
        "/api/stories/s-unknown",
        "/api/articles/a-unknown",
        "/api/stories/..%2F..%2Fetc%2Fpasswd",
        "/api/articles/%2e%2e%2f%2e%2e%2fcorpus.db",
        "/stories/nope",
        "/articles/nope",
        "/static/..%2F..%2Fserver%2Fapp.py",
        "/static/report.css",
        "/etc/passwd",
        "/api/stories/" + "x" * 300,
    ],
)
def test_unknown_ids_and_traversal_are_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "Traceback" not in r.text and "root:" not in r.text
    if path.startswith("/api/"):
        assert "detail" in r.json()


def test_security_headers_forbid_scripts(client: TestClient) -> None:
    for path in ("/", "/api/health", "/compare"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_hostile_article_is_escaped_everywhere(client: TestClient) -> None:
    bridge = _bridge(client)
    report = client.get(f"/api/stories/{bridge['id']}").json()
    hostile = next(a for a in report["articles"] if "<script>" in a["text"])
    pages = [
        client.get("/").text,
        client.get("/", params={"q": "<script>alert(1)</script>"}).text,
        client.get(f"/stories/{bridge['id']}").text,
        client.get(f"/articles/{hostile['id']}").text,
    ]
    for page in pages:
        assert_no_live_markup(page)
    story_page = pages[2]
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in story_page
    assert "Valley Courier" in story_page


def test_list_page_filters_and_pagination_links(client: TestClient) -> None:
    page = client.get("/", params={"per_page": 1, "sort": "sources"}).text
    assert "Page 1 of 3" in page
    assert 'rel="next" href="/?sort=sources&amp;page=2&amp;per_page=1"' in page
    assert "Warehouse fire" in page
    only = client.get("/", params={"conflicts": "1"}).text
    assert "Warehouse fire" in only and "Lakeside" not in only
    blank = client.get("/", params={"since": "", "until": "", "language": "", "q": ""})
    assert blank.status_code == 200  # empty form fields mean "no filter"
    bad = client.get("/", params={"since": "soon"})
    assert bad.status_code == 400 and "since must be a date" in bad.text


def test_story_page_shows_conflict_sides_groups_and_graph(client: TestClient) -> None:
    fire = _fire(client)
    page = client.get(f"/stories/{fire['id']}").text
    assert "Conflicts (" in page and 'class="card"' in page
    assert page.count('class="side"') >= 2
    assert '<mark class="v-conflicting">' in page
    assert "<svg" in page and "Provenance" in page
    assert "Group 1" in page and "Group 3" in page
    assert "Single source" in page or "Corroborated" in page
    assert "Article texts" in page
    report = client.get(f"/api/stories/{fire['id']}").json()
    for a in report["articles"]:
        assert f'href="/articles/{a["id"]}"' in page


def test_article_page_text_removed_and_links(client: TestClient) -> None:
    fire = _fire(client)
    report = client.get(f"/api/stories/{fire['id']}").json()
    copy = next(a for a in report["articles"] if a["derived_from"])
    original = copy["derived_from"]["article"]
    page = client.get(f"/articles/{original}").text
    assert f'href="/articles/{copy["id"]}"' in page  # derivative linked
    assert "<mark class=" in page
    assert f'href="/stories/{fire["id"]}' in page
    with_removed = next((a for a in report["articles"] if a["removed"]), None)
    if with_removed is not None:
        text = client.get(f"/articles/{with_removed['id']}").text
        assert "<details><summary>Removed during cleaning" in text
    back = client.get(f"/articles/{copy['id']}").text
    assert f'href="/articles/{original}"' in back


# -- compare ----------------------------------------------------------------------------------

A = (
    "Storm closes Fernhill harbour\n\nThe Fernhill harbour was closed on Monday after a storm. "
    "Harbour master Ines Palo said 40 boats were damaged. The storm lasted about six hours."
)
B = (
    "Fernhill harbour shut by storm\n\nA storm forced Fernhill to shut its harbour on Monday. "
    "According to harbour master Ines Palo, 25 boats were damaged during the two-hour storm."
)


def test_api_compare_json_html_md(client: TestClient) -> None:
    body = {
        "articles": [
            {"title": "Storm closes Fernhill harbour", "text": A, "outlet": "Coast <i>News</i>"},
            {"title": "Fernhill harbour shut", "html": f"<html><body><p>{B}</p></body></html>"},
        ]
    }
    r = client.post("/api/compare", json=body)
    assert r.status_code == 200, r.text
    report = r.json()
    validate(report)
    assert len(report["articles"]) == 2
    r = client.post("/api/compare", json={**body, "format": "html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Coast &lt;i&gt;News&lt;/i&gt;" in r.text and "<i>News" not in r.text
    r = client.post("/api/compare", json={**body, "format": "md"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/markdown")


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b"{not json", "JSON"),
        (b"[]", "body"),
        (b'{"articles": "two"}', "articles"),
        (b'{"articles": [{"text": "only one"}]}', "at least 2"),
        (json.dumps({"articles": [{"text": "x"}] * 21}).encode(), "at most 20"),
        (b'{"articles": [{"title": "no body"}, {"text": "b"}]}', "exactly one of"),
        (b'{"articles": [{"text": "a", "html": "<p>b</p>"}, {"text": "b"}]}', "exactly one of"),
        (b'{"articles": [{"text": "a"}, {"text": "b"}], "format": "pdf"}', "format"),
        (b'{"articles": [{"text": "a", "secret": 1}, {"text": "b"}]}', "secret"),
    ],
)
def test_malformed_compare_bodies_are_422(client: TestClient, body: bytes, needle: str) -> None:
    r = client.post("/api/compare", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert needle.lower() in r.json()["detail"].lower()


def test_compare_of_unusable_articles_is_422(client: TestClient) -> None:
    body = {"articles": [{"html": "<html><body></body></html>"}, {"html": "<p></p>"}]}
    r = client.post("/api/compare", json=body)
    assert r.status_code == 422
    assert r.json()["detail"]


def test_oversized_bodies_get_413(db: Path) -> None:
    small = local(create_app(db, max_body_bytes=2000))
    big = {"articles": [{"text": "word " * 400}, {"text": "word " * 400}]}
    r = small.post("/api/compare", json=big)
    assert r.status_code == 413
    assert "the limit is 2000 bytes" in r.json()["detail"]

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"x" * 500

    r = small.post("/api/compare", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413  # chunked (no Content-Length) is counted too
    r = small.post("/compare", files={"files": ("a.txt", b"y" * 5000, "text/plain")})
    assert r.status_code == 413


def test_compare_form_paste_and_upload(client: TestClient) -> None:
    r = client.post("/compare", data={"pasted": f"{A}\n---\n{B}"})
    assert r.status_code == 200, r.text
    assert "2 articles" in r.text and "Sources:" in r.text
    up = client.post(
        "/compare",
        data={"pasted": A},
        files=[("files", ("../../etc/evil<b>.txt", B.encode(), "text/plain"))],
    )
    assert up.status_code == 200
    assert "evil<b>" not in up.text and "../" not in up.text
    one = client.post("/compare", data={"pasted": A})
    assert one.status_code == 422 and "at least 2 articles" in one.text
    assert "Fernhill" in one.text  # the pasted text is kept in the form
    junk = client.post(
        "/compare", content=b"--xx\r\nbroken", headers={"content-type": "multipart/form-data"}
    )
    assert junk.status_code in (400, 422)


def test_split_pasted_and_upload_names() -> None:
    docs = split_pasted("one\ntext\n---\n\n ----- \ntwo\ntext\n---\n")
    assert [d.text for d in docs] == ["one\ntext", "two\ntext"]
    assert safe_upload_name("../../etc/passwd", 1) == "passwd"
    assert safe_upload_name("C:\\x\\a b<c>.html", 2) == "a_b_c_.html"
    assert safe_upload_name("..", 3) == "upload-3"


# -- read-only and ingest ---------------------------------------------------------------------


def _fingerprint(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        return (
            con.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
            con.execute("SELECT COUNT(*) FROM batches").fetchone()[0],
        )
    finally:
        con.close()


def test_store_is_read_only_unless_enabled(client: TestClient, db: Path) -> None:
    before = _fingerprint(db)
    r = client.post("/api/ingest", json={"articles": [{"text": "A new article."}]})
    assert r.status_code == 403 and "--allow-ingest" in r.json()["detail"]
    client.get("/")
    assert _fingerprint(db) == before


def test_ingest_through_api_when_enabled(tmp_path: Path, db: Path) -> None:
    copy = tmp_path / "copy.db"
    src = sqlite3.connect(db)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    app = local(create_app(copy, allow_ingest=True), raise_server_exceptions=True)
    body = {
        "articles": [
            {"title": "Orchard fair opens in Brindle", "text": A.replace("Fernhill", "Brindle")}
        ]
    }
    r = app.post("/api/ingest", json=body)
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 1
    assert app.get("/api/health").json()["store"]["articles"] == 9


def test_ingest_keeps_derivations_of_new_articles(tmp_path: Path) -> None:
    store = open_store(tmp_path / "one-batch.db")
    try:
        ingest([FIXTURES[0]], store, options=IngestOptions(analysis="full"))
        rows = [r for s in store.stories(StoryFilter()) for r in store.story_articles(s.id)]
    finally:
        store.close()
    assert any(r.derived_from for r in rows)  # the wire copy of the Northshore article


def test_unusable_database_is_a_clear_error(tmp_path: Path) -> None:
    from corroborator.store import StoreError

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        create_app(junk)
    with pytest.raises(StoreError, match="ingest"):
        create_app(tmp_path / "missing.db")


def test_compare_only_app_without_store() -> None:
    app = local(create_app(None), raise_server_exceptions=True)
    assert app.get("/").status_code == 200
    assert app.get("/api/stories").status_code == 404
    assert app.get("/api/health").json()["store"] is None


def test_docs_page_and_openapi_are_local(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}"):
        assert path in schema["paths"]
    assert "/api/compare" in schema["paths"] and "/api/health" in schema["paths"]
    page = client.get("/docs").text
    assert "GET /api/stories" in page and "POST /api/compare" in page
    assert "cdn" not in page.lower() and "<script" not in page


def test_serve_command_fails_clearly_without_database(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from corroborator.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no database" in result.output and "Traceback" not in result.output


def test_concurrent_first_requests_share_one_index_build(db: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from corroborator.server.data import open_reader

    reader = open_reader(db)
    builds: list[int] = []
    build = reader._build

    def slow_build(stamp: dict[str, int]) -> Any:
        builds.append(1)
        time.sleep(0.2)  # the start-up build is still running when the requests come
        return build(stamp)

    reader._build = slow_build  # type: ignore[method-assign]
    try:
        with ThreadPoolExecutor(4) as pool:
            indexes = list(pool.map(lambda _: reader.index(), range(4)))
    finally:
        reader.close()
    assert len(builds) == 1 and all(i is indexes[0] for i in indexes)
    store = open_store(db, create=False)
    try:
        assert [e.summary for e in indexes[0].entries] == list_stories(store)
    finally:
        store.close()
