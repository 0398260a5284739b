"""Dates in datelines and timestamps: month names per language and a small, fast parser.

`dateparser` is accurate but costs milliseconds per call and guesses freely; a dateline is a
narrow format, so a handful of compiled patterns is cheaper and more predictable. Only
complete dates (day, month and year) are returned: a dateline without a year ("3 March")
cannot be placed on a timeline and yields nothing.
"""

from __future__ import annotations

import datetime as dt
import re

# Month names (en, de, fr, es, pl, ru, it, nl), genitive and abbreviated forms included,
# lower-cased. Several languages share
# a spelling ("mar", "mai"); they agree on the month number, so one table serves all.
MONTHS: dict[str, int] = {}
_MONTH_TABLE: dict[int, str] = {
    1: "gennaio gen januari january jan januar jänner janvier janv enero ene stycznia "
    "styczeń styczen sty января январь янв",
    2: "febbraio februari february feb februar février fevrier févr fevr febrero lutego "
    "luty lut февраля февраль фев",
    3: "marzo maart mrt march mar märz maerz mär mars marca marzec марта март мар",
    4: "aprile april apr avril avr abril abr kwietnia kwiecień kwiecien kwi апреля апрель апр",
    5: "maggio mag mei may mai mayo maja maj мая май",
    6: "giugno giu juni june jun juin junio czerwca czerwiec cze июня июнь июн",
    7: "luglio lug juli july jul juillet juil julio lipca lipiec lip июля июль июл",
    8: "agosto augustus august aug août aout ago sierpnia sierpień sierpien sie августа август авг",
    9: "settembre set september sep sept septembre septiembre setiembre września "
    "wrzesień wrzesien wrz сентября сентябрь сен",
    10: "ottobre ott oktober october oct okt octobre octubre października październik "
    "pazdziernik paź октября октябрь окт",
    11: "novembre november nov noviembre listopada listopad lis ноября ноябрь ноя",
    12: "dicembre dic december dec dezember dez décembre decembre déc diciembre grudnia "
    "grudzień grudzien gru декабря декабрь дек",
}
for _num, _names in _MONTH_TABLE.items():
    for _name in _names.split():
        MONTHS[_name] = _num

_ORD = r"(?:st|nd|rd|th|er|\.|-?го)?"
# A month is any 3-12 letter word here; the MONTHS table decides afterwards. Matching a
# generic word and looking it up is much cheaper than an alternation of 150 month names.
_MONTH_WORD = r"[^\W\d_]{3,12}"

# "3 March 2025", "3. März 2025", "1er mars 2025", "3 de marzo de 2025", "3 marca 2025 r.".
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:de\s+)?(?P<m>{_MONTH_WORD})\.?,?\s+(?:de\s+|del\s+)?"
    rf"(?P<y>\d{{4}})\b"
)
# "March 3, 2025", "Mar. 3rd 2025".
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<m>{_MONTH_WORD})\.?\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b"
)
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_DOTTED = re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b")
_SLASHED = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b")
# Every full date contains a four-digit year; lines without one skip the date patterns.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

TIME_SPAN = re.compile(
    r"\b\d{1,2}(?:[:.h]\d{2})(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|uhr|h)?(?=\W|$)"
    r"|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)(?=\W|$)"
    r"|\b(?:utc|gmt|[ecmp][sd]t|bst|cest|cet|mesz|mez|мск)(?:[+-]\d{1,2})?\b",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> str | None:
    """ISO string for a real calendar date in a plausible news range, else None."""
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def date_spans(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """Every complete date in `text` as (start, end, ISO "YYYY-MM-DD"), sorted by start.

    `language` only settles the slashed form: "03/04/2025" is 4 March in US English usage and
    3 April elsewhere; when one part is above 12 the order is unambiguous anyway.
    """
    if not _YEAR.search(text):
        return []
    found: list[tuple[int, int, str]] = []
    for rx in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in rx.finditer(text):
            month = MONTHS.get(m.group("m").lower())
            iso = _valid(int(m.group("y")), month, int(m.group("d"))) if month else None
            if iso:
                found.append((m.start(), m.end(), iso))
    for rx in (_ISO, _DOTTED):
        for m in rx.finditer(text):
            iso = _valid(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if iso:
                found.append((m.start(), m.end(), iso))
    us_order = (language or "en").startswith("en")
    for m in _SLASHED.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        month_first = (us_order and a <= 12) or b > 12
        iso = _valid(y, a, b) if month_first else _valid(y, b, a)
        if iso:
            found.append((m.start(), m.end(), iso))
    return sorted(found)


def find_date(text: str, language: str | None = None) -> str | None:
    """First complete date in `text` as ISO "YYYY-MM-DD", or None (see `date_spans`)."""
    spans = date_spans(text, language)
    return spans[0][2] if spans else None
