"""JSON contract: schema validation, byte stability, key order, round trip."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from corroborator.model import Article, Claim, Mention, Report, Skip, Story
from corroborator.report import (
    FORMATS,
    ReportFormatError,
    from_dict,
    from_json,
    load_schema,
    render,
    to_json,
    validate,
    validation_errors,
)
from corroborator.report.json import canonical_number

SAMPLE = Path(__file__).parent / "data" / "report" / "sample_report.json"


def sample() -> Report:
    return from_json(SAMPLE.read_text(encoding="utf-8"))


def sample_dict() -> dict:
    return json.loads(to_json(sample()))


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "additive" in schema["description"]


def test_sample_validates_and_round_trips() -> None:
    report = sample()
    text = to_json(report)
    validate(json.loads(text))
    assert to_json(from_json(text)) == text


def test_to_json_is_byte_stable_and_formatted() -> None:
    a, b = to_json(sample()), to_json(sample())
    assert a == b
    assert a.endswith("}\n")
    assert "\n  " in a  # indent 2
    assert "Наводнение" in a and "\\u" not in a  # ensure_ascii=False


def test_key_order_follows_contract() -> None:
    data = sample_dict()
    assert list(data) == ["schema_version", "generator", "articles", "stories", "skipped"]
    assert list(data["articles"][0])[:3] == ["id", "source", "title"]
    claim = data["stories"][0]["claims"][0]
    assert list(claim) == [
        "id",
        "kind",
        "key",
        "label",
        "verdict",
        "support",
        "explanation",
        "sides",
        "mentions",
    ]
    assert list(claim["mentions"][0])[:5] == ["article", "text", "sentence", "start", "end"]


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d["stories"][0]["claims"][0].__setitem__("verdict", "probably"), "verdict"),
        (lambda d: d["stories"][0]["claims"][0].__setitem__("kind", "rumour"), "kind"),
        (lambda d: d["stories"][0]["claims"][0]["mentions"][0].pop("start"), "start"),
        (lambda d: d["articles"][0].pop("text"), "text"),
        (lambda d: d.__setitem__("schema_version", "3"), "schema_version"),
        (lambda d: d["stories"][0]["claims"][0].pop("label"), "label"),
        (lambda d: d.__setitem__("extra", 1), "extra"),
        (lambda d: d["articles"][2]["derived_from"].__setitem__("relation", "clone"), "relation"),
        (lambda d: d["stories"][0]["claims"][0]["mentions"][0].__setitem__("value", [1]), "value"),
        (lambda d: d["stories"][0]["claims"][0]["sides"][0].pop("articles"), "articles"),
        (lambda d: d["stories"][0].__setitem__("independent_sources", "3"), "sources"),
    ],
)
def test_schema_rejects_bad_documents(mutate: Callable[[dict], Any], where: str) -> None:
    data = sample_dict()
    bad = copy.deepcopy(data)
    mutate(bad)
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)
    assert validation_errors(bad), where
    with pytest.raises(ReportFormatError, match="not a valid corroborator report"):
        from_dict(bad)


def test_from_json_rejects_non_json() -> None:
    with pytest.raises(ReportFormatError, match="not JSON"):
        from_json("{nope")


def test_canonical_numbers() -> None:
    assert canonical_number(2700.0) == 2700 and isinstance(canonical_number(2700.0), int)
    assert canonical_number(0.1 + 0.2) == 0.3
    assert canonical_number(0.9812345678) == 0.981235
    assert canonical_number(1234567.891) == 1234567.89  # cents survive on large amounts
    assert canonical_number(float("nan")) is None


def _tiny(score: float = 0.5, value: float = 1.0) -> Report:
    text = "Value 1 here."
    art = Article("a1", "x.txt", "T", "en", None, text)
    m = Mention("a1", "1", text, 6, 7, value, None, False)
    claim = Claim("c1", "quantity", "things", "single_source", 1, [m])
    return Report([art], [Story("s1", "T", ["a1"], [["a1"]], [claim])], [Skip("y", "empty")], "0")


def test_float_noise_is_rounded_in_output() -> None:
    out = json.loads(to_json(_tiny(value=0.1 + 0.2)))
    assert out["stories"][0]["claims"][0]["mentions"][0]["value"] == 0.3
    validate(out)


def test_non_finite_numbers_never_crash_and_are_reported() -> None:
    text = to_json(_tiny(value=float("inf")))
    assert "Infinity" not in text
    validate(json.loads(text))  # value may be null
    report = sample()
    assert report.articles[2].derived_from is not None
    report.articles[2].derived_from.score = float("nan")
    errors = validation_errors(json.loads(to_json(report)))
    assert any("score" in e for e in errors)


def test_render_dispatch_and_unknown_format() -> None:
    report = sample()
    assert FORMATS == ("json", "md", "html", "text")
    assert render(report, "json") == to_json(report)
    for fmt in FORMATS:
        assert render(report, fmt)
    with pytest.raises(ValueError, match="choose one of: json, md, html, text"):
        render(report, "pdf")


def test_a_version_1_document_is_migrated_on_read() -> None:
    from corroborator.report.json import MIGRATED_EXPLANATION, from_dict, migrate, validate

    data = sample_dict()
    v1 = json.loads(json.dumps(data))
    v1["schema_version"] = "1"
    for story in v1["stories"]:
        for claim in story["claims"]:
            del claim["label"], claim["explanation"]
    up = migrate(v1)
    validate(up)
    claim = up["stories"][0]["claims"][0]
    assert up["schema_version"] == "2"
    assert claim["label"] == claim["key"] and claim["explanation"] == MIGRATED_EXPLANATION
    assert list(claim) == list(data["stories"][0]["claims"][0])
    report = from_dict(v1)
    assert report.stories[0].claims[0].label == claim["key"]
    assert migrate(data) is data  # a current document is left alone
