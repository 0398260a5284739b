"""ingest step: `read(paths)` is the one entry point of the readers (see `walk`)."""

from corroborator.ingest.walk import read

__all__ = ["read"]
