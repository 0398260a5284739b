"""English month and weekday names (lower case), in calendar order: the keys that the
per-language tables (`claims.lang.build`) and the story date keys (`stories.events`) map
their own words onto, and words that are never a person's name (`claims.records`)."""

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
