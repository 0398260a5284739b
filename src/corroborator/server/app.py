"""The FastAPI app: HTTP API under /api, server-rendered pages elsewhere, CSS from the package.

`create_app(db)` builds the app over an existing corpus store (read-only unless
`allow_ingest`); `create_app(None)` serves only the compare page and API (no store).

Security, as the routes below rely on it:

* Sizes: `BodyLimit` refuses any request body over `max_body_bytes` with 413 and a message
  naming the limit, before a route sees it (the declared Content-Length is checked first; a
  chunked body is counted as it arrives).
* Errors: malformed JSON, bad parameters and bad form input answer 4xx with a one-line
  `detail`; unknown ids 404; any unexpected exception answers a generic 500 without
  traceback, paths or settings (it is logged on the server).
* Paths: ids are looked up as values (SQL parameters), never joined to file paths; static
  files come from a fixed whitelist.
* Scripts: pages carry none, and every response sends a Content-Security-Policy whose
  default is 'none' (no script source allowed), `nosniff` and `no-referrer`.
* Docs: FastAPI's /docs page loads Swagger from a CDN, so it is replaced by a page rendered
  here from the same OpenAPI schema (at /openapi.json).
* Hosts: `HostCheck` answers 400 to a request whose `Host` header names a host that is not
  allowed (DNS rebinding: a web page whose name resolves to 127.0.0.1 would otherwise read
  the local API). Allowed: localhost, 127.0.0.1, [::1], and the names given to `create_app`
  (`serve` adds the host it is bound to); the port is ignored, `*` allows any host and
  `*.example.org` any subdomain.
* Analyses: compares and stale stories are analysed in worker processes under a time budget
  (`corroborator.server.workers`): over budget, the request gets 504 and its worker is
  killed; no free worker in time, 503. Pages and other API calls never wait for an analysis.
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, MutableMapping
from contextlib import asynccontextmanager
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from corroborator import __version__
from corroborator.model import Report
from corroborator.report import to_json
from corroborator.server import pages
from corroborator.server.compare import (
    MAX_ARTICLES,
    ArticleIn,
    CompareInputError,
    CompareRequest,
    compare_job,
    compare_page_job,
    documents_from_request,
)
from corroborator.server.data import (
    SORTS,
    CorpusReader,
    ListQuery,
    NotFound,
    Sort,
    article_payload,
    open_reader,
    story_job,
)
from corroborator.server.workers import (
    DEFAULT_BUDGET,
    DEFAULT_WORKERS,
    AnalysisPool,
    PoolError,
)
from corroborator.store import StoreError

log = logging.getLogger("corroborator.server")

# 8 MiB: twenty long articles as JSON or uploads fit several times over; anything larger is a
# mistake or an attack, and is refused before it is parsed.
DEFAULT_MAX_BODY = 8 * 1024 * 1024
# Articles one `POST /api/ingest` may carry (ingest of real crawls goes through the CLI).
MAX_INGEST_ARTICLES = 1000

CSP = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


# Host names served whatever the configuration (the port of a Host header is ignored).
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
# How long a request may spend finding a free analysis worker and running in it is the
# pool's budget; how many compare requests may be in flight (waiting or running) at once:
COMPARE_THREADS = 32

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def host_name(value: str) -> str:
    """The host of a `Host` header or an allowed-host entry: lower case, without the port
    and a trailing dot; IPv6 addresses in brackets ("::1" and "[::1]:8000" give "[::1]")."""
    v = value.strip().lower()
    if v.startswith("["):
        end = v.find("]")
        return v[: end + 1] if end > 0 else v
    if v.count(":") >= 2:  # a bare IPv6 address (allowed-host entries, the bound host)
        return f"[{v}]"
    return v.split(":", 1)[0].rstrip(".")


def allowed_host_names(extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The loopback names plus `extra` (entries may hold several names split by commas)."""
    names = list(LOOPBACK_HOSTS)
    for entry in extra:
        for part in entry.split(","):
            name = host_name(part)
            if name and name not in names:
                names.append(name)
    return tuple(names)


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """Whether a request's `Host` header value names an allowed host."""
    name = host_name(host)
    if not name:
        return False
    for pattern in allowed:
        if pattern == "*" or pattern == name:
            return True
        if pattern.startswith("*.") and name.endswith(pattern[1:]):
            return True
    return False


async def _send_json(send: Send, status: int, detail: str) -> None:
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


class HostCheck:
    """ASGI middleware: 400 for a request whose `Host` is not allowed (see module docstring).

    Starlette's TrustedHostMiddleware is not used: it cuts the header at the first colon,
    so it cannot allow the IPv6 loopback "[::1]:8000", and it answers in plain text."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]):
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = ""
        for name, value in scope.get("headers", []):
            if name == b"host":
                host = value.decode("latin-1")
                break
        if host_allowed(host, self.allowed):
            await self.app(scope, receive, send)
            return
        shown = repr(host_name(host)[:100]) if host else "(none)"
        await _send_json(
            send,
            400,
            f"host {shown} is not allowed (a page on another site may be trying to reach "
            "this server; if the name is yours, start the server with --allowed-host NAME)",
        )


class BodyLimit:
    """ASGI middleware: 413 for bodies over `limit` bytes; adds the security headers."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    def _too_large(self, size: int | None) -> bytes:
        got = f"{size} bytes" if size is not None else "more"
        return json.dumps(
            {
                "detail": f"request body too large ({got}); the limit is {self.limit} bytes "
                "(start the server with a larger --max-body-mb to raise it)"
            }
        ).encode()

    async def _send_413(self, send: Send, size: int | None) -> None:
        body = self._too_large(size)
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > self.limit:
                    await self._send_413(send_with_headers, declared)
                    return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send_with_headers)
            return
        # Read the whole body (bounded) before the app sees it, so a chunked upload that
        # grows past the limit is refused with a clean 413 rather than cut mid-parse.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._send_413(send_with_headers, None)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)


@cache
def _stylesheet() -> tuple[str, str]:
    """The app's CSS: the report's stylesheet (claims, highlights, graph) then the app's."""
    report_css = resources.files("corroborator.report").joinpath("templates/report.css")
    app_css = resources.files("corroborator.server").joinpath("static/app.css")
    text = report_css.read_text("utf-8") + "\n" + app_css.read_text("utf-8")
    return text, hashlib.sha256(text.encode()).hexdigest()[:16]


def _parse_day(value: str | None, name: str) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(400, f"{name} must be a date like 2026-03-14, not {value!r}") from None


def _parse_int(value: str | None, name: str, default: int, low: int, high: int) -> int:
    if value is None or not value.strip():
        return default
    try:
        number = int(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be a whole number, not {value!r}") from None
    if not low <= number <= high:
        raise HTTPException(400, f"{name} must be between {low} and {high}, not {number}")
    return number


def list_query(
    q: str | None,
    since: str | None,
    until: str | None,
    language: str | None,
    min_sources: str | None,
    conflicts: str | None,
    sort: str | None,
    page: str | None,
    per_page: str | None,
) -> ListQuery:
    """The story-list query from raw parameters (blank form fields mean "no filter").

    Raises HTTPException(400) naming the bad parameter.
    """
    text = (q or "").strip()
    if len(text) > 200:
        raise HTTPException(400, "q must be at most 200 characters")
    lang = (language or "").strip().lower() or None
    if lang is not None and not (lang.replace("-", "").isalpha() and len(lang) <= 16):
        raise HTTPException(400, f"language must be a code like 'en', not {language!r}")
    chosen = (sort or "").strip() or "recency"
    if chosen not in SORTS:
        raise HTTPException(400, f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    flag = (conflicts or "").strip().lower()
    if flag not in ("", "0", "1", "true", "false", "on", "yes", "no"):
        raise HTTPException(400, f"conflicts must be 1 or 0, not {conflicts!r}")
    sort_value: Sort = chosen
    return ListQuery(
        q=text,
        since=_parse_day(since, "since"),
        until=_parse_day(until, "until"),
        language=lang,
        min_sources=_parse_int(min_sources, "min_sources", 1, 1, 1000),
        conflicts_only=flag in ("1", "true", "on", "yes"),
        sort=sort_value,
        page=_parse_int(page, "page", 1, 1, 1_000_000),
        per_page=_parse_int(per_page, "per_page", 25, 1, 100),
    )


class IngestRequest(BaseModel):
    """Body of `POST /api/ingest` (only with ingest enabled)."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST_ARTICLES)


def _validation_message(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    """One readable line plus the errors without echoing the (possibly huge) input."""
    errors = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "body"
        errors.append({"loc": loc, "msg": str(err.get("msg", "invalid"))})
    line = "; ".join(f"{e['loc']}: {e['msg']}" for e in errors[:5]) or "invalid request"
    return line, errors


def create_app(
    db: str | Path | None,
    *,
    allow_ingest: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    allowed_hosts: Iterable[str] = (),
    compare_timeout: float = DEFAULT_BUDGET,
    workers: int = DEFAULT_WORKERS,
) -> FastAPI:
    """The web app over the store at `db` (None: compare only). Raises StoreError when the
    store cannot be opened, with the store's one-line reason.

    `allowed_hosts` are served besides the loopback names (see `HostCheck`);
    `compare_timeout` is the seconds an analysis may take (and wait for one of the `workers`
    processes) before the request gets 504 (503). The pool is `app.state.pool`; it starts
    with the app (or at the first analysis) and its workers are killed when the app stops.
    """
    reader: CorpusReader | None = open_reader(db) if db is not None else None
    pool = AnalysisPool(workers=workers, budget=compare_timeout)
    ingest_lock = threading.Lock()
    limiter: list[anyio.CapacityLimiter] = []  # made in the event loop, at first use

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        pool.start()  # load the model in the workers before the first compare arrives
        if reader is not None:
            # Build the story-list index while the server starts listening: it reads every
            # story's summary row (a few tenths of a second on a 20,000-article store), which
            # the first visitor would otherwise wait for.
            threading.Thread(target=reader.index, name="story-index", daemon=True).start()
        try:
            yield
        finally:
            pool.close()
            if reader is not None:
                reader.close()

    app = FastAPI(
        lifespan=lifespan,
        title="corroborator",
        version=__version__,
        description="What several news reports of one event agree on: stories, independent "
        "sources, corroborated and conflicting claims, served from a local corpus store.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.pool = pool
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(HostCheck, allowed=allowed_host_names(allowed_hosts))

    async def analyse(fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` in the pool, waited for in a thread of a separate limiter, so requests
        waiting for an analysis never hold the threads that serve pages; a cancelled request
        (server shutdown) stops waiting at once."""
        if not limiter:
            limiter.append(anyio.CapacityLimiter(COMPARE_THREADS))
        return await anyio.to_thread.run_sync(
            pool.run, fn, *args, abandon_on_cancel=True, limiter=limiter[0]
        )

    def pool_http_error(exc: PoolError) -> HTTPException:
        headers = {"Retry-After": "10"} if exc.status == 503 else None
        return HTTPException(exc.status, str(exc), headers=headers)

    def need_reader() -> CorpusReader:
        if reader is None:
            raise HTTPException(404, "no corpus store is served (start with --db corpus.db)")
        return reader

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail)
        headers = getattr(exc, "headers", None)
        if is_api(request):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=headers)
        return HTMLResponse(
            pages.error_page(exc.status_code, detail), status_code=exc.status_code, headers=headers
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        line, errors = _validation_message(exc)
        if is_api(request):
            return JSONResponse({"detail": line, "errors": errors}, status_code=422)
        return HTMLResponse(pages.error_page(400, line), status_code=400)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        msg = "internal error; the server log has the details"
        if is_api(request):
            return JSONResponse({"detail": msg}, status_code=500)
        return HTMLResponse(pages.error_page(500, msg), status_code=500)

    def stored_story(story_id: str) -> Report:
        """A story's report; a stale one is analysed in the pool (runs in a server thread)."""
        r = need_reader()
        try:
            if r.needs_analysis(story_id):
                report: Report = pool.run(story_job, str(r.db), story_id)
                return report
            return r.story(story_id)
        except PoolError as exc:
            raise pool_http_error(exc) from None

    def story_report(story_id: str) -> Report:
        need_reader()
        if len(story_id) > 200:
            raise HTTPException(404, "no story with that id")
        try:
            return stored_story(story_id)
        except NotFound as exc:
            raise HTTPException(404, str(exc)) from None

    def article_with_report(article_id: str) -> Any:
        r = need_reader()
        if len(article_id) > 200:
            raise HTTPException(404, "no article with that id")
        try:
            return r.article(article_id, stored_story)
        except NotFound as exc:
            raise HTTPException(404, str(exc)) from None

    # -- API ----------------------------------------------------------------------------------

    @app.get("/api/health", tags=["api"])
    def health() -> dict[str, Any]:
        """Liveness and what is served: counts only (no paths, no settings).

        `analysis`: worker processes running (not counting those starting) and idle."""
        out: dict[str, Any] = {"status": "ok", "version": __version__, "ingest": allow_ingest}
        if reader is not None:
            counts = reader.counts()
            out["store"] = {
                "name": reader.name,
                "articles": counts.get("articles", 0),
                "stories": counts.get("stories", 0),
                "skipped": counts.get("skipped", 0),
            }
        else:
            out["store"] = None
        out["analysis"] = {"workers": pool.running, "idle": pool.idle}
        return out

    @app.get("/api/stories", tags=["api"])
    def api_stories(
        q: str | None = Query(None, description="Words that must all occur in the title."),
        since: str | None = Query(None, description="Stories with an article on/after (ISO)."),
        until: str | None = Query(None, description="Stories with an article on/before (ISO)."),
        language: str | None = Query(None, description="Stories with an article in xx."),
        min_sources: str | None = Query(None, description="At least N independent sources."),
        conflicts: str | None = Query(None, description="1: only stories with conflicts."),
        sort: str | None = Query(None, description="recency (default), sources or conflicts."),
        page: str | None = Query(None, description="Page number, from 1."),
        per_page: str | None = Query(None, description="Stories per page, 1-100 (25)."),
    ) -> dict[str, Any]:
        """`{"stories": [...], "total", "page", "per_page", "pages"}`; same filters as the page."""
        query = list_query(q, since, until, language, min_sources, conflicts, sort, page, per_page)
        return need_reader().list_stories(query).to_dict()

    @app.get("/api/stories/{story_id}", tags=["api"])
    def api_story(story_id: str) -> Response:
        """The report contract (schema_version 2) for one story: its articles and verdicts."""
        return Response(to_json(story_report(story_id)), media_type="application/json")

    @app.get("/api/articles/{article_id}", tags=["api"])
    def api_article(article_id: str) -> dict[str, Any]:
        """One article: clean text, removed lines, provenance, derivatives and its claims."""
        article, report = article_with_report(article_id)
        return article_payload(article, report)

    @app.post(
        "/api/compare",
        tags=["api"],
        responses={
            503: {"description": "No analysis worker free within the time budget."},
            504: {"description": "The analysis ran past the time budget and was stopped."},
        },
    )
    async def api_compare(body: CompareRequest) -> Response:
        """Compare 2-20 articles without a store; `format` json (default), html or md.

        The analysis runs in a worker process under the server's time budget
        (`--compare-timeout`): past it the answer is 504 and the work is stopped."""
        try:
            media_type, content = await analyse(
                compare_job, list(documents_from_request(body)), body.format
            )
        except CompareInputError as exc:
            raise HTTPException(422, str(exc)) from None
        except PoolError as exc:
            raise pool_http_error(exc) from None
        return Response(content, media_type=media_type)

    @app.post("/api/ingest", tags=["api"])
    def api_ingest(body: IngestRequest) -> dict[str, Any]:
        """Add articles to the store (403 unless the server was started with --allow-ingest)."""
        if not allow_ingest:
            raise HTTPException(
                403, "ingest through the API is disabled; start the server with --allow-ingest"
            )
        r = need_reader()
        from corroborator.corpus import ingest
        from corroborator.store import open_store

        with ingest_lock, tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "api.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                for a in body.articles:
                    fh.write(json.dumps(a.model_dump(exclude_none=True), ensure_ascii=False))
                    fh.write("\n")
            store = open_store(r.db, create=False)
            try:
                summary = ingest([path], store)
            finally:
                store.close()
        return summary.to_dict()

    # -- pages --------------------------------------------------------------------------------

    @app.get("/static/app.css", include_in_schema=False)
    def stylesheet(request: Request) -> Response:
        text, tag = _stylesheet()
        headers = {"ETag": f'"{tag}"', "Cache-Control": "public, max-age=3600"}
        if request.headers.get("if-none-match") == f'"{tag}"':
            return Response(status_code=304, headers=headers)
        return Response(text, media_type="text/css; charset=utf-8", headers=headers)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def list_page(
        q: str | None = None,
        since: str | None = None,
        until: str | None = None,
        language: str | None = None,
        min_sources: str | None = None,
        conflicts: str | None = None,
        sort: str | None = None,
        page: str | None = None,
        per_page: str | None = None,
    ) -> str:
        if reader is None:
            return pages.compare_form()
        query = list_query(q, since, until, language, min_sources, conflicts, sort, page, per_page)
        found = reader.list_stories(query)
        return pages.list_page(found, query, reader.languages(), reader.name)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> str:
        return pages.story_page(story_report(story_id))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> str:
        article, report = article_with_report(article_id)
        return pages.article_page(article, report)

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page() -> str:
        return pages.compare_form()

    @app.post("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare_submit(request: Request) -> Response:
        try:
            form = await request.form(
                max_files=MAX_ARTICLES, max_fields=10, max_part_size=max_body_bytes
            )
        except Exception as exc:  # multipart errors: malformed or over the part limits
            return HTMLResponse(pages.compare_form(f"cannot read the form: {exc}"), status_code=400)
        pasted = form.get("pasted")
        pasted_text = pasted if isinstance(pasted, str) else ""
        uploads: list[tuple[str | None, bytes]] = []
        for item in form.getlist("files"):
            if not isinstance(item, str):
                uploads.append((item.filename, await item.read()))
        try:
            page: str = await analyse(compare_page_job, pasted_text, uploads)
        except CompareInputError as exc:
            return HTMLResponse(pages.compare_form(str(exc), pasted_text), status_code=422)
        except PoolError as exc:
            return HTMLResponse(
                pages.compare_form(str(exc), pasted_text),
                status_code=exc.status,
                headers=pool_http_error(exc).headers,
            )
        return HTMLResponse(page)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page() -> str:
        return pages.api_docs(app.openapi())

    return app


__all__ = [
    "DEFAULT_MAX_BODY",
    "LOOPBACK_HOSTS",
    "StoreError",
    "allowed_host_names",
    "create_app",
    "host_allowed",
    "list_query",
]
