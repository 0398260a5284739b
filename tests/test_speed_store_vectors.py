"""Sentence vectors kept in the store are written in the transaction of the batch whose
analysis embedded them: a process killed (kill -9) before that commit leaves neither the
batch nor its vectors, and one killed after it leaves both (issue 15, resume)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np

from corroborator.model import Skip
from corroborator.store import SQLiteStore
from corroborator.store.base import BatchWrite

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    import numpy as np
    from corroborator.model import Skip
    from corroborator.store import SQLiteStore
    from corroborator.store.base import BatchWrite

    store = SQLiteStore(sys.argv[1])
    vectors = store.text_vectors()
    vectors.put_many("m", {b"k" * 20: np.ones(4, dtype=np.float32)})
    if sys.argv[2] == "after":
        store.write_batch(BatchWrite(skips=[Skip("doc-1", "a skip stands for the batch")]))
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def _run_killed(db: Path, when: str) -> None:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(db), when], check=False)
    assert proc.returncode == -signal.SIGKILL


def _state(db: Path) -> tuple[int, int]:
    store = SQLiteStore(db)
    try:
        found = store.text_vectors().get_many("m", 4, [b"k" * 20])
        return len(store.skips()), len(found)
    finally:
        store.close()


def test_killed_before_the_batch_commit_leaves_no_vector(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _run_killed(db, "before")
    assert _state(db) == (0, 0)


def test_killed_after_the_batch_commit_keeps_batch_and_vectors(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    _run_killed(db, "after")
    assert _state(db) == (1, 1)


def test_held_vectors_are_read_before_they_are_written(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.db")
    try:
        table = store.text_vectors()
        assert store.text_vectors() is table  # one holder per store
        vec = np.arange(4, dtype=np.float32)
        table.put_many("m", {b"a" * 20: vec})
        assert table.held == 1
        assert np.array_equal(table.get_many("m", 4, [b"a" * 20])[b"a" * 20], vec)
        assert table.get_many("m", 5, [b"a" * 20]) == {}  # another size is not this one
        store.write_batch(BatchWrite(skips=[Skip("x", "y")]))
        assert table.held == 0
        assert len(table) == 1
    finally:
        store.close()


def test_close_writes_what_is_held(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    store = SQLiteStore(db)
    store.text_vectors().put_many("m", {b"k" * 20: np.ones(4, dtype=np.float32)})
    store.close()
    assert _state(db) == (0, 1)
    assert os.path.exists(db)
