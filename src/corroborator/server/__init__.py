"""The web app and HTTP API over a corpus store (`corroborator serve`).

`create_app(db)` returns the FastAPI app; `serve(db, host, port)` runs it with uvicorn on
localhost by default. Pages are rendered on the server from the package (no CDN, no script);
the API is described at /docs and /openapi.json.

On SIGTERM or Ctrl+C the server stops accepting connections, gives requests in flight
`SHUTDOWN_GRACE_S` seconds, then cancels them and kills the analysis workers: it exits within
seconds even while a long compare runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from corroborator.server.app import DEFAULT_MAX_BODY, create_app
from corroborator.server.workers import DEFAULT_BUDGET, DEFAULT_WORKERS

#: Seconds requests in flight get to finish after SIGTERM / Ctrl+C before they are cancelled.
SHUTDOWN_GRACE_S = 3


def serve(
    db: str | Path | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    allow_ingest: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    allowed_hosts: Iterable[str] = (),
    compare_timeout: float = DEFAULT_BUDGET,
    workers: int = DEFAULT_WORKERS,
    log_level: str = "info",
) -> None:
    """Run the app with uvicorn until interrupted (raises StoreError for an unusable db).

    Requests may name the loopback hosts, `host` itself and `allowed_hosts` in their `Host`
    header (see `corroborator.server.app.HostCheck`)."""
    import uvicorn

    app = create_app(
        db,
        allow_ingest=allow_ingest,
        max_body_bytes=max_body_bytes,
        allowed_hosts=[host, *allowed_hosts],
        compare_timeout=compare_timeout,
        workers=workers,
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        timeout_graceful_shutdown=SHUTDOWN_GRACE_S,
    )


__all__ = ["DEFAULT_BUDGET", "DEFAULT_MAX_BODY", "DEFAULT_WORKERS", "create_app", "serve"]
