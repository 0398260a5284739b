"""English month and weekday names (lower case), in calendar order: the keys that the
per-language tables (`claims.lang.build`) and the story date keys (`stories.events`) map
their own words onto, and words that are never a person's name (`claims.records`); and
English ordinal words (`claims.quantities`, `claims.timex`); time zones written after a clock
time (`claims.times`, `text.sentences`); parts of a day (`claims.frames`, `compare.labels`)."""

from __future__ import annotations

MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

#: English ordinal words up to "twenty-first" -> their number.
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}

#: Zones written after a time ("9:30 p.m. ET"); a time's unit is its zone in upper case
#: (`claims.times`; "local" for local time).
ZONES = (
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "MEZ",
    "MESZ",
    "EET",
    "EEST",
    "EST",
    "EDT",
    "ET",
    "CST",
    "CDT",
    "CT",
    "MST",
    "MDT",
    "MT",
    "PST",
    "PDT",
    "PT",
    "HKT",
    "JST",
    "KST",
    "IST",
    "AEST",
    "AEDT",
    "WIB",
    "SGT",
)

#: English parts of a day said beside a date ("Saturday night", "that morning"): the date's,
#: never what it is the date of.
PARTS_OF_DAY: frozenset[str] = frozenset(
    ["morning", "afternoon", "evening", "night", "noon", "midnight"]
)
