"""Dates resolved against the publication date (2025-04-02 is a Wednesday)."""

from __future__ import annotations

from datetime import date

import pytest

from corroborator.claims import extract_claims
from corroborator.claims.dates import find_dates
from corroborator.claims.lang import get_lexicon
from corroborator.model import Sentence
from corroborator.text.sentences import split_sentences

PUB = "2025-04-02"


def dates(
    text: str, published: str | None = PUB, lang: str = "en"
) -> list[tuple[str, object, bool]]:
    out = extract_claims(text, [Sentence(0, len(text), text)], lang, published)
    return [(e.text, e.value, e.approximate) for e in out if e.kind == "date"]


@pytest.mark.parametrize(
    ("text", "span", "value", "approx"),
    [
        ("The fire started on Tuesday.", "Tuesday", "2025-04-01", False),
        ("They met last Tuesday.", "last Tuesday", "2025-04-01", False),
        ("They met on Wednesday.", "Wednesday", "2025-04-02", False),
        ("They will meet on Tuesday.", "Tuesday", "2025-04-08", False),
        ("It happened yesterday.", "yesterday", "2025-04-01", False),
        ("It happened today.", "today", "2025-04-02", False),
        ("It happened this morning.", "this morning", "2025-04-02", False),
        ("It happened last week.", "last week", "2025-03-24", True),
        ("It happened last month.", "last month", "2025-03", True),
        ("Elections are due next February.", "next February", "2026-02", True),
        ("The law passed in 2014.", "2014", "2014", True),
        ("It opened on March 3.", "March 3", "2025-03-03", False),
        ("It opened on 3 March 2024.", "3 March 2024", "2024-03-03", False),
        ("It opened on 2025-03-03.", "2025-03-03", "2025-03-03", False),
        ("It opened two days ago.", "two days ago", "2025-03-31", False),
        ("It closed in May 2020.", "May 2020", "2020-05", True),
    ],
)
def test_resolution(text: str, span: str, value: str, approx: bool) -> None:
    assert dates(text) == [(span, value, approx)]


def test_date_head() -> None:
    text = "The fire started on Tuesday."
    out = extract_claims(text, [Sentence(0, len(text), text)], "en", PUB)
    assert [e.key for e in out if e.kind == "date"] == ["fire start date"]


def test_relative_dates_need_a_publication_date() -> None:
    # "yesterday" cannot be read; "Tuesday" is the weekday alone, of an unknown week
    assert dates("It happened yesterday, on Tuesday.", published=None) == [
        ("Tuesday", "XXXX-WXX-2", False)
    ]
    assert dates("It happened last Tuesday.", published=None) == []
    assert dates("It opened on 3 March 2024.", published=None) == [
        ("3 March 2024", "2024-03-03", False)
    ]


def test_year_is_not_a_count() -> None:
    text = "In 2014 the mill closed."
    out = extract_claims(text, [Sentence(0, len(text), text)], "en", PUB)
    assert [e.kind for e in out] == ["date"]


def test_iso_dates_for_any_language() -> None:
    assert dates("Spotkanie 2025-03-03.", lang="pl") == [("2025-03-03", "2025-03-03", False)]


def test_may_the_verb_is_not_a_month() -> None:
    assert dates("Prices may rise.") == []


def test_until_and_would_point_forward() -> None:
    from corroborator.claims import extract_claims
    from corroborator.model import Sentence

    def dates(text: str, lang: str = "en") -> list[object]:
        found = extract_claims(text, [Sentence(0, len(text), text)], lang, "2026-03-04")
        return [e.value for e in found if e.kind == "date"]

    # 2026-03-04 is a Wednesday.
    assert dates("The operator said it would cancel all crossings until Thursday.") == [
        "2026-03-05"
    ]
    assert dates("Die Straße bleibt bis Donnerstag gesperrt.", "de") == ["2026-03-05"]
    assert dates("He was arrested on Thursday.") == ["2026-02-26"]


# --- quarters, halves, bare years and months, near-future days (published 1999-11-03) ---

BIZ = "1999-11-03"  # a Wednesday, in the fourth quarter


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mill posted a third-quarter net loss of $4 million.", "a third-quarter", "1999-Q3"),
        ("Net income in the third quarter rose 12%.", "the third quarter", "1999-Q3"),
        (
            "Sales should climb in the fourth quarter, analysts said.",
            "the fourth quarter",
            "1999-Q4",
        ),
        ("Revenue in the year-ago quarter was $9 million.", "the year-ago quarter", "1998-Q3"),
        ("In the latest quarter, revenue fell 3%.", "the latest quarter", "1999-Q3"),
        (
            "The bakery earned $2 million in the 1998 second quarter.",
            "the 1998 second quarter",
            "1998-Q2",
        ),
        (
            "Profit rose in the first half of 2000, the bakery's revenue figures show.",
            "the first half of 2000",
            "2000-H1",
        ),
    ],
)
def test_quarters_and_halves(text: str, span: str, value: str) -> None:
    assert dates(text, published=BIZ) == [(span, value, True)]


def test_a_year_ago_in_a_quarterly_report_is_that_quarter() -> None:
    text = "Third-quarter profit at the bakery rose 9% from a year ago."
    assert [v for _, v, _ in dates(text, published=BIZ)] == ["1999-Q3", "1998-Q3"]
    # Outside a quarterly report it is the year.
    assert dates("The bridge opened a year ago.", published=BIZ) == [("a year ago", "1998", True)]
    assert dates("The bridge opened a year earlier.", published=BIZ) == [
        ("a year earlier", "1998", True)
    ]


def test_quarters_need_a_business_context() -> None:
    # A basketball game's fourth quarter is not a date.
    text = "The Hornets scored 20 points in the fourth quarter."
    assert dates(text, published=BIZ) == []
    assert dates("A quarter of the bakery's sales were online.", published=BIZ) == []
    assert dates("The season began a month earlier than usual.", published=BIZ) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The mayor lost his 1994 campaign for re-election.", "1994", "1994"),
        ("The 2005 quake destroyed the old market.", "2005", "2005"),
        ("The firm began to break up in mid-1996.", "1996", "1996"),
        ("Rates stay fixed until early 2001.", "2001", "2001"),
        ("Cambodia's 1993 election was monitored.", "1993", "1993"),
    ],
)
def test_bare_years(text: str, span: str, value: str) -> None:
    assert dates(text, published=BIZ) == [(span, value, True)]


def test_bare_year_ranges_and_counts() -> None:
    text = "He sold the shares between 1983 and 1986."
    assert [v for _, v, _ in dates(text, published=BIZ)] == ["1983", "1986"]
    # A year-like number that counts something, or opens a sentence, is not a date.
    assert dates("More than 1996 people were evacuated.", published=BIZ) == []
    assert dates("Some 2000 soldiers were deployed.", published=BIZ) == []
    assert dates("The 1500 residents were moved.", published=BIZ) == []
    assert dates("The rent rose to 1990 francs.", published=BIZ) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The stake was cut in early September.", "September", "1999-09"),
        ("Outflows reached $9 million since March.", "March", "1999-03"),
        ("The market has been closed since December.", "December", "1998-12"),
        ("Repairs will be finished by August.", "August", "2000-08"),
        ("The program runs through January.", "January", "2000-01"),
        ("The ratification began in February this year.", "February this year", "1999-02"),
        ("The summit is in December.", "December", "1999-12"),
        ("The mayor will visit towns the flood had struck in March.", "March", "1999-03"),
        ("They signed a June agreement.", "June", "1999-06"),
    ],
)
def test_months_without_a_day(text: str, span: str, value: str) -> None:
    assert dates(text, published=BIZ) == [(span, value, True)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Up to about two months ahead, a day without a year is upcoming...
        ("The hearing is on Dec. 14.", "1999-12-14"),
        ("The bakery's offer was due to lapse Nov. 30.", "1999-11-30"),
        ("The dividend is payable Jan. 1.", "2000-01-01"),
        # ...further ahead it is last year's, and a past one before publication this year's.
        ("The plant opened on Jan. 20.", "1999-01-20"),
        ("The plant opened on March 30.", "1999-03-30"),
        ("The plant was opened on Jan. 2.", "1999-01-02"),
        # A future sentence looks up to half a year ahead.
        ("She will succeed him on Feb. 1.", "2000-02-01"),
    ],
)
def test_day_without_a_year(text: str, value: str) -> None:
    assert [v for _, v, _ in dates(text, published=BIZ)] == [value]


def test_future_day_early_next_year() -> None:
    # A future sentence in late December reads January as next year's; a past one does not.
    assert [v for _, v, _ in dates("The talks will resume on Jan. 5.", "1999-12-20")] == [
        "2000-01-05"
    ]
    assert [v for _, v, _ in dates("The talks had resumed on Jan. 5.", "1999-12-20")] == [
        "1999-01-05"
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The merger is scheduled to close Monday.", "1999-11-08"),
        ("Members had filed their reports by Tuesday.", "1999-11-02"),
        ("The road stays closed until Wednesday.", "1999-11-03"),
        ("The council will vote on Wednesday.", "1999-11-03"),
        ("The council will vote next Wednesday.", "1999-11-10"),
    ],
)
def test_weekday_direction(text: str, value: str) -> None:
    assert [v for _, v, _ in dates(text, published=BIZ)] == [value]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Prices peaked in the early 1980s.", "1980s", "198X"),
        ("The 1990's boom ended.", "1990's", "199X"),
        ("It rained hard last fall.", "last fall", "1998-FA"),
        ("The pool will reopen this summer.", "this summer", "1999-SU"),
        ("The river flooded in the summer of 1996.", "summer of 1996", "1996-SU"),
    ],
)
def test_decades_and_seasons(text: str, span: str, value: str) -> None:
    assert dates(text, published=BIZ) == [(span, value, True)]


def test_no_decade_or_season_without_a_year() -> None:
    assert dates("She is in her 40s.", published=BIZ) == []
    assert dates("Skies cleared in the spring.", published=BIZ) == []
    assert dates("Winter is coming.", published=BIZ) == []


def test_weekends() -> None:
    # 1999-11-03 is a Wednesday in ISO week 44.
    assert dates("Officials met over the weekend.", published=BIZ) == [
        ("the weekend", "1999-W43-WE", True)
    ]
    assert dates("The fair will open this weekend.", published=BIZ) == [
        ("this weekend", "1999-W44-WE", True)
    ]
    assert dates("It is a weekend job.", published=BIZ) == []


# ------------------------------------------------------------------ publication stamps

STAMPS = [
    "Harbour fire in Port Alder May 12, 2031, 1:05 pm BST A large fire broke out overnight.",
    "12 May 2031 Last updated at 09:42 GMT Harbour fire in Port Alder",
    "8:27 AM, MON 12 MAY 2031 Latest on the harbour fire in Port Alder",
    "Harbour fire guts warehouses Published: May 12, 2031 A fire gutted two warehouses.",
    "Harbour fire POSTED: 0915 GMT (1715 HKT), May 12, 2031 A fire gutted two warehouses.",
    "Fire at the harbour in Port Alder Monday, 12 May 2031 A FIRE has gutted two warehouses.",
    # a sentence-case headline ending in a lower-case word, then the stamp, then the lead
    "Crews fight a harbour fire in the old warehouses May 12, 2031 A fire gutted two sheds.",
]


def test_a_date_inside_the_first_sentence_is_no_stamp() -> None:
    """The headline rule stops at the first sentence's end and at a word that governs a date."""
    for text in (
        "Harbour fire. Crews arrived on May 12, 2031 Officials said the fire was out.",
        "Harbour fire. The port reopened May 12, 2031 After that, ships came back.",
        "Crews fought the fire that started on May 12, 2031 Officials said.",
    ):
        found = extract_claims(text, [Sentence(0, len(text), text)], "en", None)
        assert [e.value for e in found if e.kind == "date"] == ["2031-05-12"], text


@pytest.mark.parametrize("text", STAMPS)
def test_a_pages_publication_stamp_is_no_claim(text: str) -> None:
    found = extract_claims(text, [Sentence(0, len(text), text)], "en", None)
    assert not [e for e in found if e.kind in ("date", "time")]


def test_the_stamp_dates_the_article_when_metadata_does_not() -> None:
    text = (
        "Harbour fire Published: May 12, 2031 A fire broke out on Sunday night. "
        "The harbour reopened on May 15, 2031."
    )
    sents = [Sentence(0, 70, text[:70]), Sentence(71, len(text), text[71:])]
    dates = {e.text: e.value for e in extract_claims(text, sents, "en", None) if e.kind == "date"}
    # Sunday before Monday 12 May; the stamp itself is not a claim
    assert dates == {"Sunday": "2031-05-11", "May 15, 2031": "2031-05-15"}


_DECK = (
    "Harbour fire guts warehouses in Port Alder. Two warehouses burned through the night. "
    "Crews from three towns fought the flames for hours. Residents were told to stay inside. "
    "The harbour master said the port would reopen once the fire was out. Traders counted "
    "their losses on the quay as smoke drifted over the old town and the fish market. "
)


@pytest.mark.parametrize(
    "stamp",
    [
        "PUBLISHED: 03: 47 GMT, 12 May 2031 | UPDATED: 21: 08 GMT, 12 May 2031",
        "PUBLISHED: MONDAY, MAY 12, 2031, 9: 52 PM UPDATED: TUESDAY, MAY 13, 2031, 7: 48 AM",
    ],
)
def test_a_labelled_stamp_under_a_long_deck_is_no_claim(stamp: str) -> None:
    # headline, deck and bullet points may push the page's stamp past the first 300
    # characters; its label ("PUBLISHED:", "UPDATED:") still says what the date and time are
    text = _DECK + stamp + " A fire broke out on Sunday night."
    assert len(_DECK) > 300
    found = extract_claims(text, split_sentences(text, "en"), "en", None)
    assert [(e.text, e.value) for e in found if e.kind in ("date", "time")] == [
        ("Sunday", "2031-05-11")  # resolved against the stamp's day
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The quake struck on May 12, 2031, killing 12 people.",
        "On May 12, 2031 The Port Alder Ledger reported a fire.",
        "Elections were held on 3 March 2031. Turnout was 61 percent.",
    ],
)
def test_event_dates_near_the_top_stay_claims(text: str) -> None:
    found = extract_claims(text, [Sentence(0, len(text), text)], "en", None)
    assert [e for e in found if e.kind == "date"]


@pytest.mark.parametrize(
    "text",
    [
        "Tension in the district has grown this week.",
        "She made great strides this year, the letter read.",
        "Sales were slow this month, the shop said.",
    ],
)
def test_the_period_of_writing_is_no_date_claim(text: str) -> None:
    """ "this week", "this year": when the article is written, nothing to check (TimeML still
    annotates it: bench.tempeval_eval takes it from find_dates)."""
    assert dates(text) == []
    assert [
        d.current for d in find_dates(text, 0, len(text), get_lexicon("en"), date(2025, 4, 2))
    ] == [True]


def test_last_and_next_periods_stay_claims() -> None:
    assert dates("The club won the title last year.") == [("last year", "2024", True)]
    assert dates("The vote is set for next week.") == [("next week", "2025-04-07", True)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("USA Today reported the fire on Monday.", ["Monday"]),
        ("The interview aired on World News Tonight.", []),
        ("He said on CBS This Morning that he would run.", []),
        ("Today the council meets.", ["Today"]),
        ("Council Votes Today On Budget", ["Today"]),  # a capitalised headline
    ],
)
def test_a_paper_or_a_show_named_for_a_day_is_no_date(text: str, kept: list[str]) -> None:
    assert [span for span, _, _ in dates(text)] == kept


def test_a_relative_day_inside_a_quote_is_no_date_claim() -> None:
    """'"Tonight began as a quiet vigil," the mayor said': the speaker's day, told in a quote;
    a named day inside a quote and a relative day outside one stay claims."""
    assert dates('"Tonight began as a quiet vigil that turned into a riot," the mayor said.') == []
    assert [s for s, _, _ in dates('"We will meet again on Tuesday," the mayor said.')] == [
        "Tuesday"
    ]
    assert [s for s, _, _ in dates("The vigil began today at noon.")] == ["today"]
