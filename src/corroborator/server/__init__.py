"""The web app and HTTP API over a corpus store (`corroborator serve`).

`create_app(db)` returns the FastAPI app; `serve(db, host, port)` runs it with uvicorn on
localhost by default. Pages are rendered on the server from the package (no CDN, no script);
the API is described at /docs and /openapi.json.
"""

from __future__ import annotations

from pathlib import Path

from corroborator.server.app import DEFAULT_MAX_BODY, create_app


def serve(
    db: str | Path | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    allow_ingest: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    log_level: str = "info",
) -> None:
    """Run the app with uvicorn until interrupted (raises StoreError for an unusable db)."""
    import uvicorn

    app = create_app(db, allow_ingest=allow_ingest, max_body_bytes=max_body_bytes)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)


__all__ = ["DEFAULT_MAX_BODY", "create_app", "serve"]
