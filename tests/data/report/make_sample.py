"""Regenerate sample_report.json (a fictional event written for these tests).

Offsets are computed with str.find so the fixture is always consistent with the texts:
    .venv/bin/python tests/data/report/make_sample.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

A1 = (
    "Officials evacuated 300 residents from the riverside district on Tuesday.\n\n"
    "The emergency council meeting lasted about 45 minutes. "
    'Mayor Ana Kowal said: "We will rebuild the bridge by spring." '
    "Damage was estimated at $1.2 million.\n\n"
    "One reader posted <script>alert(1)</script> under the story | 50% of *cars* were "
    "_moved_ # [see](x) & more at https://gazette.example/more."
)
A2 = (
    "300 people were evacuated on Tuesday after the river rose.\n\n"
    "The mayor chaired a two-hour meeting. Damage was put at $1.2 million by insurers. "
    "Rain totals reached 120 mm."
)
A4 = "Власти эвакуировали 300 жителей. Совещание длилось два часа."
A5 = "フェリーの運航は4月2日に再開された。"
A6 = "Ferry service resumed on 2 April 2025, the operator said."

TEXTS = {"a1": A1, "a2": A2, "a3": A1, "a4": A4, "a5": A5, "a6": A6}


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the previous '. '/newline to the next one."""
    lo = max(
        text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
        text.rfind("\n", 0, start) + 1,
    )
    lo = max(lo, text.rfind("。", 0, start) + 1)
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    jp = text.find("。", end)
    if jp >= 0:
        hi = min(hi, jp + 1)
    return text[lo:hi].strip()


def mention(
    article: str, span: str, value: Any, unit: str | None, approx: bool = False, occurrence: int = 0
) -> dict[str, Any]:
    text = TEXTS[article]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(span, start + 1)
    end = start + len(span)
    return {
        "article": article,
        "text": span,
        "sentence": sentence_of(text, start, end),
        "start": start,
        "end": end,
        "value": value,
        "unit": unit,
        "approximate": approx,
        "low": None,
        "high": None,
    }


def article(
    aid: str,
    title: str,
    lang: str,
    outlet: str,
    derived: dict | None = None,
    url: str | None = None,
    removed: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "id": aid,
        "source": f"inputs/{aid}.txt",
        "title": title,
        "language": lang,
        "published": "2025-04-01",
        "url": url,
        "outlet": outlet,
        "text": TEXTS[aid],
        "removed": removed or [],
        "derived_from": derived,
    }


QUOTE = '"We will rebuild the bridge by spring."'
ATTR = 'Mayor Ana Kowal said: "We will rebuild the bridge by spring."'

report = {
    "schema_version": "1",
    "generator": {"name": "corroborator", "version": "0.1.0"},
    "articles": [
        article(
            "a1",
            "Flood forces evacuation in Riverton",
            "en",
            "Riverton Gazette",
            url="https://gazette.example/riverton-flood",
            removed=["Share on X", "Subscribe to our newsletter", "<b>Ad</b> | *promo*"],
        ),
        article("a2", "Riverton evacuates 300 as river rises", "en", "Valley Post"),
        article(
            "a3",
            "Flood forces evacuation in Riverton",
            "en",
            "Wire Copy",
            derived={
                "article": "a1",
                "relation": "syndication",
                "score": 0.98,
                "evidence": "identical body text",
                "direction": "derived",
            },
        ),
        article("a4", "Наводнение в Ривертоне", "ru", "Северные вести"),
        article("a5", "フェリー運航再開", "ja", "湾岸新聞"),
        article("a6", "Ferry service back", "en", "Harbour Times"),
    ],
    "stories": [
        {
            "id": "s1",
            "title": "Flood forces evacuation in Riverton",
            "articles": ["a1", "a2", "a3", "a4"],
            "independent_groups": [["a1", "a3"], ["a2"], ["a4"]],
            "independent_sources": 3,
            "claims": [
                {
                    "id": "c1",
                    "kind": "duration",
                    "key": "meeting duration",
                    "verdict": "conflicting",
                    "support": 3,
                    "sides": [
                        {
                            "value": 2700,
                            "unit": "s",
                            "articles": ["a1", "a3"],
                            "text": "about 45 minutes",
                            "groups": [["a1", "a3"]],
                            "mentions": [0, 1],
                        },
                        {
                            "value": 7200,
                            "unit": "s",
                            "articles": ["a2", "a4"],
                            "text": "two-hour",
                            "groups": [["a2"], ["a4"]],
                            "mentions": [2, 3],
                        },
                    ],
                    "mentions": [
                        mention("a1", "about 45 minutes", 2700, "s", True),
                        mention("a3", "about 45 minutes", 2700, "s", True),
                        mention("a2", "two-hour", 7200, "s"),
                        mention("a4", "два часа", 7200, "s"),
                    ],
                },
                {
                    "id": "c2",
                    "kind": "quantity",
                    "key": "people evacuated",
                    "verdict": "corroborated",
                    "support": 3,
                    "sides": [],
                    "mentions": [
                        mention("a1", "300 residents", 300, None),
                        mention("a3", "300 residents", 300, None),
                        mention("a2", "300 people", 300, None),
                        mention("a4", "300 жителей", 300, None),
                    ],
                },
                {
                    "id": "c3",
                    "kind": "money",
                    "key": "damage",
                    "verdict": "corroborated",
                    "support": 2,
                    "sides": [],
                    "mentions": [
                        mention("a1", "$1.2 million", 1200000, "USD"),
                        mention("a2", "$1.2 million", 1200000, "USD"),
                    ],
                },
                {
                    "id": "c4",
                    "kind": "quote",
                    "key": "quote: Ana Kowal",
                    "verdict": "single_source",
                    "support": 1,
                    "sides": [],
                    "mentions": [mention("a1", QUOTE, QUOTE.strip('"'), None)],
                },
                {
                    "id": "c5",
                    "kind": "attribution",
                    "key": "attribution: mayor",
                    "verdict": "single_source",
                    "support": 1,
                    "sides": [],
                    "mentions": [mention("a1", ATTR, QUOTE.strip('"'), None)],
                },
                {
                    "id": "c6",
                    "kind": "quantity",
                    "key": "rainfall",
                    "verdict": "single_source",
                    "support": 1,
                    "sides": [],
                    "mentions": [mention("a2", "120 mm", 120, "mm")],
                },
                {
                    "id": "c7",
                    "kind": "percentage",
                    "key": "cars moved",
                    "verdict": "single_source",
                    "support": 1,
                    "sides": [],
                    "mentions": [mention("a1", "50%", 50, "%")],
                },
            ],
            "omissions": [
                {"claim": "c3", "articles": ["a4"]},
                {"claim": "c4", "articles": ["a2", "a4"]},
            ],
        },
        {
            "id": "s2",
            "title": "Ferry service resumes",
            "articles": ["a5", "a6"],
            "independent_groups": [["a5"], ["a6"]],
            "independent_sources": 2,
            "claims": [
                {
                    "id": "c1",
                    "kind": "date",
                    "key": "ferry service resumed",
                    "verdict": "corroborated",
                    "support": 2,
                    "sides": [],
                    "mentions": [
                        mention("a5", "4月2日", "2025-04-02", None),
                        mention("a6", "2 April 2025", "2025-04-02", None),
                    ],
                },
            ],
            "omissions": [],
        },
    ],
    "skipped": [
        {"source": "inputs/empty.txt", "reason": "empty file"},
        {"source": "inputs/photo.jpg", "reason": "unsupported format: image/jpeg"},
    ],
}

if __name__ == "__main__":
    out = Path(__file__).with_name("sample_report.json")
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
