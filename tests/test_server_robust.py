"""The server stays responsive (issue 16): analyses run in worker processes under a time
budget, SIGTERM stops `corroborator serve` within seconds, unexpected `Host` headers are refused.

Slow work is slow by construction (`time.sleep` as a job, a tiny budget, a compare of long
articles), and the only bounds asserted are generous liveness bounds ("exits within 15 s"),
never speed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from corroborator.server import create_app
from corroborator.server.app import allowed_host_names, host_allowed, host_name
from corroborator.server.workers import AnalysisPool, Busy, OverBudget, WorkerDied
from test_server import A, B, build_store, local

EXE = Path(sys.executable).parent / "corroborator"
LIVENESS_S = 15  # a generous bound: the server must stop, not stop fast


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie (killed, not yet reaped by its parent) still answers signal 0.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


def _wait_gone(pids: list[int], limit: float = LIVENESS_S) -> list[int]:
    deadline = time.monotonic() + limit
    left = [p for p in pids if not _gone(p)]
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = [p for p in left if not _gone(p)]
    return left


def _wait_idle(pool: AnalysisPool, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while not pool.idle and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pool.idle, "no analysis worker became ready"


# -- the pool ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pool() -> Iterator[AnalysisPool]:
    p = AnalysisPool(workers=1, budget=60, max_waiting=0)
    yield p
    p.close()


def test_pool_runs_jobs_and_passes_their_errors_back(pool: AnalysisPool) -> None:
    pid = pool.run(os.getpid)
    assert pid != os.getpid() and pool.pids() == [pid]
    with pytest.raises(ValueError, match="invalid literal"):
        pool.run(int, "not a number")
    assert pool.run(os.getpid) == pid  # an error in a job does not cost the worker


def test_over_budget_job_is_killed_and_its_worker_replaced(pool: AnalysisPool) -> None:
    before = pool.run(os.getpid)
    pool.budget = 0.5
    try:
        with pytest.raises(OverBudget, match=r"budget of 0\.5 s") as err:
            pool.run(time.sleep, 600)
        assert err.value.status == 504
    finally:
        pool.budget = 60
    assert _wait_gone([before]) == [], "the over-budget worker is still running"
    after = pool.run(os.getpid)
    assert after != before  # a fresh worker took over


def test_a_worker_that_dies_is_replaced(pool: AnalysisPool) -> None:
    with pytest.raises(WorkerDied) as err:
        pool.run(os._exit, 3)
    assert err.value.status == 503
    assert isinstance(pool.run(os.getpid), int)


def test_requests_beyond_the_queue_are_refused_and_close_stops_a_job() -> None:
    pool = AnalysisPool(workers=1, budget=600, max_waiting=0)
    try:
        pool.run(os.getpid)  # started and warm
        outcome: list[BaseException] = []

        def long_job() -> None:
            try:
                pool.run(time.sleep, 600)
            except BaseException as exc:
                outcome.append(exc)

        runner = threading.Thread(target=long_job)
        runner.start()
        deadline = time.monotonic() + LIVENESS_S
        while pool.idle and time.monotonic() < deadline:
            time.sleep(0.01)
        assert pool.idle == 0
        with pytest.raises(Busy, match="busy") as err:  # no waiting allowed: refused at once
            pool.run(os.getpid)
        assert err.value.status == 503
        pids = pool.pids()
    finally:
        pool.close()
    runner.join(LIVENESS_S)
    assert not runner.is_alive(), "close() did not end the job in flight"
    assert len(outcome) == 1 and isinstance(outcome[0], Busy)
    assert _wait_gone(pids) == []
    with pytest.raises(Busy, match="shutting down"):
        pool.run(os.getpid)


def test_pool_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="worker"):
        AnalysisPool(workers=0)
    with pytest.raises(ValueError, match="budget"):
        AnalysisPool(budget=0)


# -- the app ----------------------------------------------------------------------------------


def test_compare_over_budget_is_504_and_the_server_goes_on() -> None:
    app = create_app(None, workers=1)
    client = local(app)
    body = {"articles": [{"text": A}, {"text": B}]}
    assert client.post("/api/compare", json=body).status_code == 200  # warm
    first = app.state.pool.pids()
    app.state.pool.budget = 0.001  # no analysis fits in a millisecond
    try:
        r = client.post("/api/compare", json=body)
        assert r.status_code == 504
        detail = r.json()["detail"]
        assert "budget" in detail and "--compare-timeout" in detail
        _wait_idle(app.state.pool)  # its replacement is ready
        page = client.post("/compare", data={"pasted": f"{A}\n---\n{B}"})
        assert page.status_code == 504 and "budget" in page.text
        assert client.get("/api/health").status_code == 200  # small requests still served
    finally:
        app.state.pool.budget = 60
    assert _wait_gone(first) == []
    again = client.post("/api/compare", json=body)
    assert again.status_code == 200 and again.json()["stories"]
    app.state.pool.close()


def test_busy_pool_is_503_with_retry_after() -> None:
    app = create_app(None, workers=1)
    pool = app.state.pool
    pool.close()  # a closed pool refuses every job, as during shutdown
    client = local(app)
    r = client.post("/api/compare", json={"articles": [{"text": A}, {"text": B}]})
    assert r.status_code == 503 and r.headers["retry-after"]
    assert "shutting down" in r.json()["detail"]
    page = client.post("/compare", data={"pasted": f"{A}\n---\n{B}"})
    assert page.status_code == 503 and "shutting down" in page.text


# -- Host header ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("localhost:8000", "localhost"),
        ("LocalHost.", "localhost"),
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]:8000", "[::1]"),
        ("::1", "[::1]"),
        ("news.example:443", "news.example"),
    ],
)
def test_host_name_drops_the_port(header: str, name: str) -> None:
    assert host_name(header) == name


def test_allowed_hosts_defaults_and_patterns() -> None:
    default = allowed_host_names()
    assert default == ("localhost", "127.0.0.1", "[::1]")
    for ok in ("localhost", "localhost:8000", "127.0.0.1:5", "[::1]:8000"):
        assert host_allowed(ok, default), ok
    for bad in ("", "evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "[::2]"):
        assert not host_allowed(bad, default), bad
    extra = allowed_host_names(["news.example,*.lan", "::1", "10.0.0.5:8000"])
    assert extra == ("localhost", "127.0.0.1", "[::1]", "news.example", "*.lan", "10.0.0.5")
    assert host_allowed("news.example:8000", extra) and host_allowed("box.lan", extra)
    assert not host_allowed("lan", extra) and not host_allowed("evil.example", extra)
    assert host_allowed("anything.example", allowed_host_names(["*"]))


def test_unexpected_host_header_is_refused(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = build_store(str(tmp_path_factory.getbasetemp() / "server-store"))
    client = local(create_app(db, allowed_hosts=["news.example"]))
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example"):
        for path in ("/api/health", "/api/stories", "/"):
            r = client.get(path, headers={"host": host})
            assert r.status_code == 400, (host, path)
            assert "not allowed" in r.json()["detail"] and "--allowed-host" in r.json()["detail"]
            assert r.headers["x-content-type-options"] == "nosniff"
    r = client.post("/api/compare", headers={"host": "evil.example"}, json={})
    assert r.status_code == 400
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "news.example"):
        assert client.get("/api/health", headers={"host": host}).status_code == 200, host


# -- `corroborator serve` in a child process ----------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(db: Path, *extra: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen(
        [str(EXE), "serve", "--db", str(db), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/api/health", timeout=5).status_code == 200:
                return proc, base
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("`corroborator serve` did not start within 60 s")
        time.sleep(0.2)


def _children(pid: int) -> list[int]:
    """Process ids whose parent is `pid` (Linux /proc; empty elsewhere)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


@pytest.fixture(scope="module")
def served_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(str(tmp_path_factory.getbasetemp() / "server-store"))


def _stop(proc: subprocess.Popen[bytes]) -> int | None:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=LIVENESS_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


def test_sigterm_stops_an_idle_server(served_db: Path) -> None:
    proc, base = _start(served_db, "--allowed-host", "news.example")
    assert httpx.get(f"{base}/", timeout=30).status_code == 200
    for host, status in (("news.example", 200), ("localhost:1", 200), ("evil.example", 400)):
        r = httpx.get(f"{base}/api/health", headers={"host": host}, timeout=30)
        assert r.status_code == status, host
    assert _stop(proc) is not None, f"serve did not exit within {LIVENESS_S} s of SIGTERM"


def _long_articles(n: int = 20, sentences: int = 200) -> list[dict[str, str]]:
    """Articles long enough that comparing them takes minutes (written here, not real news)."""
    nouns = ["council", "harbour", "bridge", "ferry", "school", "station", "hospital", "river"]
    out = []
    for i in range(n):
        lines = [
            f"The {nouns[(i + k) % 8]} board said on Monday that {k * 7 + i} {nouns[k % 8]} "
            f"workers would repair the {nouns[(i * k) % 8]} for {k + 3} million euros."
            for k in range(sentences)
        ]
        out.append({"title": f"Fernhill works, part {i}", "text": " ".join(lines)})
    return out


def test_sigterm_stops_the_server_while_a_compare_runs(served_db: Path) -> None:
    proc, base = _start(served_db, "--compare-timeout", "600", "--compare-workers", "1")
    workers = _children(proc.pid)
    answer: list[Any] = []

    def post() -> None:
        try:
            answer.append(
                httpx.post(
                    f"{base}/api/compare", json={"articles": _long_articles()}, timeout=120
                ).status_code
            )
        except httpx.HTTPError as exc:
            answer.append(exc)

    sender = threading.Thread(target=post, daemon=True)
    sender.start()
    time.sleep(2)  # let the compare reach the worker (not a timing assertion)
    assert sender.is_alive(), f"the compare was expected to run for minutes: {answer}"
    assert httpx.get(f"{base}/api/health", timeout=30).status_code == 200  # still answering
    code = _stop(proc)
    assert code is not None, f"serve did not exit within {LIVENESS_S} s of SIGTERM"
    sender.join(LIVENESS_S)
    assert not sender.is_alive()
    assert answer and answer[0] != 200  # cancelled: an error status or a dropped connection
    assert _wait_gone(workers) == [], "analysis workers outlived the server"


def test_stale_stories_are_analysed_in_the_pool(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import shutil
    import sqlite3

    from corroborator.report.json import validate

    db = build_store(str(tmp_path_factory.getbasetemp() / "server-store"))
    copy = tmp_path / "stale.db"
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as con:  # every story's verdicts are now out of date
        con.execute("UPDATE stories SET analysed = 0")
    app = create_app(copy, workers=1)
    client = local(app)
    (fire,) = client.get("/api/stories", params={"q": "warehouse fire"}).json()["stories"]
    r = client.get(f"/api/stories/{fire['id']}")
    assert r.status_code == 200
    report = r.json()
    validate(report)
    assert report["stories"][0]["id"] == fire["id"] and report["stories"][0]["claims"]
    assert client.get(f"/articles/{report['articles'][0]['id']}").status_code == 200
    assert client.get("/api/stories/s-unknown").status_code == 404
    app.state.pool.budget = 0.001
    try:
        r = client.get(f"/api/stories/{fire['id']}")
        assert r.status_code == 504 and "budget" in r.json()["detail"]
        _wait_idle(app.state.pool)
        page = client.get(f"/stories/{fire['id']}")
        assert page.status_code == 504 and "budget" in page.text
    finally:
        app.state.pool.close()
