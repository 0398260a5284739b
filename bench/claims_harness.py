"""A regression harness for claim changes on real news with no answer key: run `compare` on
every ECB+ subtopic of the shared folder (66 events, 772 articles, train and dev), then list
the non-single claims that differ between two runs, to be read by hand.

The dev gold (`bench.claims_dev`) covers 11 events; a change that leaves it unchanged can
still make false conflicts elsewhere. Session 10 caught two that way (page stamps and an
"as of 4 p.m." turnout time set against other times). Run it on the tree before a change and
after it, and read every line of the diff.

Data: ../shared/data/ecbplus/ecbplus_docs.jsonl (override with CORROBORATOR_DATA); skips
cleanly when absent. BASIL events are not run by default: blind probes draw their events
from BASIL, and an event read here is no longer blind (`--basil N` adds the first N BASIL
events by id; name them in the closing note if you use it).

Usage:
  python -m bench.claims_harness run OUT_DIR [--src PATH/TO/src] [--basil N]
  python -m bench.claims_harness diff OUT_A OUT_B
`--src` runs another tree's code (a `git archive` of an older commit, extracted), with this
virtualenv's packages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.claims_dev import shared_dir


def _events(basil: int) -> dict[str, list[dict[str, Any]]]:
    """Event name -> the compare input records (url, title, text, outlet, published)."""
    base = shared_dir() / "data"
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    ecb = base / "ecbplus" / "ecbplus_docs.jsonl"
    if ecb.exists():
        with ecb.open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                n = len(out[d["subtopic"]]) + 1
                out[d["subtopic"]].append(
                    {
                        "url": "https://ecb.example/doc/" + d["id"],
                        "title": d.get("title") or "",
                        "text": d["text"],
                        "outlet": f"o-{n}",
                    }
                )
    path = base / "basil" / "basil.jsonl"
    if basil and path.exists():
        by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
        with path.open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                by_event[d["event_id"][:8]].append(d)
        for event in sorted(by_event)[:basil]:
            for d in sorted(by_event[event], key=lambda d: d["outlet"]):
                out["basil-" + event].append(
                    {
                        "url": f"https://basil.example/{event}/{d['outlet']}",
                        "title": d["title"],
                        "text": d["text"],
                        "outlet": d["outlet"],
                        "published": d["date"],
                    }
                )
    return dict(out)


def run(out_dir: Path, src: str | None, basil: int) -> int:
    events = _events(basil)
    if not events:
        print("claims_harness: skipped (no ECB+ data in the shared folder)")
        return 0
    out_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if src:
        path = [str(Path(src).resolve()), env.get("PYTHONPATH", "")]
        env["PYTHONPATH"] = os.pathsep.join(path).rstrip(os.pathsep)
    # the inputs are written by name under the output folder, and compare is run from there,
    # so that two runs' reports (which name their sources) compare byte for byte
    inputs = out_dir / "inputs"
    inputs.mkdir(exist_ok=True)
    for name in sorted(events):
        (inputs / f"{name}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in events[name]),
            encoding="utf-8",
        )
        cmd = [sys.executable, "-m", "corroborator", "compare", f"inputs/{name}.jsonl"]
        cmd += ["-f", "json", "-o", f"{name}.json"]
        done = subprocess.run(cmd, env=env, cwd=out_dir, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{name}: compare failed: {(done.stderr or '').strip()[-200:]}")
    print(f"claims_harness: {len(events)} events written to {out_dir}")
    return 0


def _claims(out_dir: Path) -> dict[tuple[Any, ...], str]:
    found: dict[tuple[Any, ...], str] = {}
    for path in sorted(out_dir.glob("*.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        for story in report.get("stories", []):
            for c in story.get("claims", []):
                if c["verdict"] == "single_source":
                    continue
                mentions = tuple(
                    sorted((m["article"], str(m.get("value")), m["text"]) for m in c["mentions"])
                )
                found[(path.stem, c["verdict"], c["kind"], mentions)] = c.get("label", "")
    return found


def diff(a_dir: Path, b_dir: Path) -> int:
    a, b = _claims(a_dir), _claims(b_dir)
    for sign, mine, other in (("-", a, b), ("+", b, a)):
        for key in sorted(set(mine) - set(other)):
            event, verdict, _kind, mentions = key
            shown = ", ".join(f"{art} {text!r}" for art, _v, text in mentions[:8])
            more = f" (+{len(mentions) - 8})" if len(mentions) > 8 else ""
            print(f"{sign} {event} {verdict} {mine[key]}: {shown}{more}")
    gone, new = len(set(a) - set(b)), len(set(b) - set(a))
    print(f"claims_harness: {gone} non-single claims gone, {new} new ({len(a)} -> {len(b)})")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) >= 3 and args[0] == "diff":
        return diff(Path(args[1]), Path(args[2]))
    if len(args) >= 2 and args[0] == "run":
        src = args[args.index("--src") + 1] if "--src" in args else None
        basil = int(args[args.index("--basil") + 1]) if "--basil" in args else 0
        return run(Path(args[1]), src, basil)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
