"""The JSON report: byte-stable serialisation, schema validation, and reading a report back.

`to_json` is the contract other tools consume, so the same `Report` must always give the same
bytes: key order comes from the `to_dict` methods (never sorted, so related fields stay
together), floats are rounded by one rule (`canonical_number`), non-ASCII text is kept as is.
`from_dict` reads a contract document back into a `Report`, so a saved report can be
re-rendered as Markdown or HTML without re-running the pipeline.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from numbers import Integral, Real
from typing import Any

import jsonschema

from corroborator.model import (
    REPORT_SCHEMA_VERSION,
    Article,
    Claim,
    Derivation,
    Mention,
    Omission,
    Report,
    Skip,
    Story,
    is_number,
)

# Six significant digits is plenty for scores and ratios; large non-integral values (money
# with cents) keep two decimals so the rounding never changes a figure a reader compares.
SIGNIFICANT_DIGITS = 6
MAX_DIGITS = 15  # beyond this a double carries no more information


def canonical_number(x: float) -> int | float | None:
    """Round a float for output: integral values as int, others to `SIGNIFICANT_DIGITS`.

    Non-finite values (NaN, infinity) have no JSON form; they become null, which the schema
    then rejects wherever a number is required, so the problem is reported, not hidden.
    """
    if not math.isfinite(x):
        return None
    if x.is_integer() and abs(x) < 1e15:
        return int(x)
    magnitude = math.floor(math.log10(abs(x))) + 1 if x != 0 else 0
    digits = min(MAX_DIGITS, max(SIGNIFICANT_DIGITS, magnitude + 2))
    rounded = float(f"{x:.{digits}g}")
    if rounded.is_integer() and abs(rounded) < 1e15:
        return int(rounded)
    return rounded


def canonical(obj: Any) -> Any:
    """A copy of `obj` with every float made canonical and tuples as lists; keys keep order."""
    if isinstance(obj, bool) or obj is None or isinstance(obj, str):
        return obj
    if isinstance(obj, Integral):
        return int(obj)
    if isinstance(obj, Real):
        return canonical_number(float(obj))
    if isinstance(obj, dict):
        return {str(k): canonical(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [canonical(v) for v in obj]
    return str(obj)


def to_json(report: Report) -> str:
    """The report as contract JSON (`REPORT_SCHEMA_VERSION`): indent 2, UTF-8 text, final
    newline."""
    data = canonical(report.to_dict())
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


@cache
def _schema_text() -> str:
    return resources.files("corroborator.report").joinpath("schema.json").read_text("utf-8")


def load_schema() -> dict[str, Any]:
    """The shipped JSON Schema (draft 2020-12) of the report contract, as a fresh dict."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator: jsonschema.protocols.Validator = jsonschema.Draft202012Validator(schema)
    return validator


def validate(data: dict[str, Any]) -> None:
    """Validate a contract document; raises `jsonschema.ValidationError` (the most relevant
    error, with its path) when it does not conform."""
    error = jsonschema.exceptions.best_match(_validator().iter_errors(data))
    if error is not None:
        raise error


def validation_errors(data: Any) -> list[str]:
    """Every schema violation as "path: message", sorted; empty when the document conforms."""
    out = []
    for err in _validator().iter_errors(data):
        path = "/".join(str(p) for p in err.absolute_path) or "(root)"
        out.append(f"{path}: {err.message}")
    return sorted(out)


class ReportFormatError(ValueError):
    """A document that is not a valid report; the message lists what is wrong."""


#: What a version-1 claim's explanation says after migration: version 1 aligned by keys.
MIGRATED_EXPLANATION = "aligned by corroborator report version 1 (same key); re-run for details"


def migrate_claim(claim: dict[str, Any]) -> dict[str, Any]:
    """A version-1 claim dict as version 2: `label` (the key) and `explanation` added, in
    contract key order. A version-2 claim is returned unchanged."""
    if "label" in claim and "explanation" in claim:
        return claim
    out: dict[str, Any] = {}
    for k, v in claim.items():
        out[k] = v
        if k == "key":
            out["label"] = claim.get("label") or v
        if k == "support":
            out["explanation"] = claim.get("explanation") or MIGRATED_EXPLANATION
    out.setdefault("label", str(claim.get("key") or ""))
    out.setdefault("explanation", MIGRATED_EXPLANATION)
    return out


def migrate_story(story: Any) -> Any:
    """A version-1 story dict (as in a report or a corpus store payload) as version 2; anything
    else (a stored failure record, a null payload) is returned as it is."""
    if not isinstance(story, dict) or not isinstance(story.get("claims"), list):
        return story
    return {
        **story,
        "claims": [migrate_claim(c) if isinstance(c, dict) else c for c in story["claims"]],
    }


def migrate(data: Any) -> Any:
    """A report document upgraded to `REPORT_SCHEMA_VERSION` (version 1 -> 2: see
    schema.json). Anything that is not a version-1 report is returned as it is."""
    if not isinstance(data, dict) or data.get("schema_version") != "1":
        return data
    out = dict(data)
    out["schema_version"] = REPORT_SCHEMA_VERSION
    if isinstance(out.get("stories"), list):
        out["stories"] = [migrate_story(s) if isinstance(s, dict) else s for s in out["stories"]]
    return out


def _opt_float(x: Any) -> float | None:
    return float(x) if is_number(x) else None


def _mention(d: dict[str, Any]) -> Mention:
    value = d.get("value")
    return Mention(
        article=d["article"],
        text=d["text"],
        sentence=d["sentence"],
        start=d["start"],
        end=d["end"],
        value=value,
        unit=d.get("unit"),
        approximate=d["approximate"],
        low=_opt_float(d.get("low")),
        high=_opt_float(d.get("high")),
    )


def _article(d: dict[str, Any]) -> Article:
    der = d.get("derived_from")
    return Article(
        id=d["id"],
        source=d["source"],
        title=d["title"],
        language=d["language"],
        published=d.get("published"),
        text=d["text"],
        removed=list(d.get("removed", [])),
        url=d.get("url"),
        outlet=d.get("outlet"),
        derived_from=Derivation(
            article=der["article"],
            relation=der["relation"],
            score=float(der["score"]),
            evidence=der["evidence"],
            direction=der.get("direction", "derived"),
            alignment=[list(p) for p in der.get("alignment", [])],
        )
        if der
        else None,
        machine_score=_opt_float(d.get("machine_score")),
        machine_evidence=[str(e) for e in d.get("machine_evidence", [])],
    )


def _story(d: dict[str, Any]) -> Story:
    return Story(
        id=d["id"],
        title=d["title"],
        articles=list(d["articles"]),
        independent_groups=[list(g) for g in d["independent_groups"]],
        claims=[
            Claim(
                id=c["id"],
                kind=c["kind"],
                key=c["key"],
                verdict=c["verdict"],
                support=c["support"],
                mentions=[_mention(m) for m in c["mentions"]],
                sides=[dict(s) for s in c.get("sides", [])],
                label=str(c.get("label") or ""),
                explanation=str(c.get("explanation") or ""),
            )
            for c in d["claims"]
        ],
        omissions=[Omission(o["claim"], list(o["articles"])) for o in d.get("omissions", [])],
    )


def from_dict(data: Any) -> Report:
    """Read a contract document back into a `Report`; the inverse of `Report.to_dict`.

    A version-1 document is migrated first (`migrate`). The document is validated first, so a bad file gives `ReportFormatError` listing every
    problem (at most 20) instead of a KeyError deep inside.
    """
    data = migrate(data)
    errors = validation_errors(data)
    if errors:
        shown = "; ".join(errors[:20])
        more = f" (and {len(errors) - 20} more)" if len(errors) > 20 else ""
        raise ReportFormatError(f"not a valid corroborator report: {shown}{more}")
    return Report(
        articles=[_article(a) for a in data["articles"]],
        stories=[_story(s) for s in data["stories"]],
        skipped=[Skip(s["source"], s["reason"]) for s in data["skipped"]],
        generator_version=data["generator"]["version"],
    )


def from_json(text: str) -> Report:
    """Parse contract JSON text into a `Report`; `ReportFormatError` on bad JSON or contract."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFormatError(f"not JSON: {exc}") from exc
    return from_dict(data)
