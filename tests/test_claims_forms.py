"""Value forms real news uses: bad-HTML spacing, glued scales, vague plurals, zero counts,
datelines, relative weekdays across languages, and times of day (fictional sentences)."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.claims.lang import get_lexicon
from corroborator.claims.quantities import find_numbers, neutral_masks
from corroborator.claims.times import find_times
from corroborator.model import Extraction
from corroborator.text.sentences import split_sentences
from corroborator.units import PHYSICAL_UNITS

PUB = "2026-03-05"  # a Thursday


def run(text: str, lang: str = "en", published: str | None = PUB) -> list[Extraction]:
    """Extraction with the project's own sentence splitter, as the pipeline runs it."""
    return extract_claims(text, split_sentences(text, lang), lang, published)


def of_kind(text: str, kind: str, lang: str = "en") -> list[Extraction]:
    return [e for e in run(text, lang) if e.kind == kind]


def assert_unit_value(e: Extraction, value: float, unit_noun: str) -> None:
    """`e` states `value` `unit_noun`s, converted by claims.frames to the base unit and named
    by the measured property (corroborator.units)."""
    base, factor, prop = PHYSICAL_UNITS[unit_noun]
    assert (e.head, e.unit) == (prop, base)
    assert e.value == pytest.approx(value * factor)


def one(text: str, kind: str, lang: str = "en") -> Extraction:
    found = of_kind(text, kind, lang)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ bad-HTML spacing


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("Dunmore was hit by a 5. 7-magnitude quake on Monday.", 5.7, "magnitude"),
        ("Officials said a magnitude-5. 9 tremor shook the valley.", 5.9, "magnitude"),
        ("The tremor had a magnitude of 4. 8, the institute said.", 4.8, "magnitude"),
        ("About 30, 000 people fled the coastal town.", 30000, "person"),
        ("The island, home to 45, 000 residents, lost power.", 45000, "population"),
        ("The climbers fell 1, 500 metres.", 1500, "metre"),
    ],
)
def test_space_after_a_separator_is_one_number(text: str, value: float, head: str) -> None:
    if head in PHYSICAL_UNITS:
        (e,) = of_kind(text, "quantity")
        assert_unit_value(e, value, head)
        return
    (e,) = [e for e in of_kind(text, "quantity") if e.head == head]
    assert e.value == pytest.approx(value)
    assert text[e.start] != "0"  # never the tail "000" alone


def test_a_number_split_over_two_sentences_is_read_once() -> None:
    text = "Dunmore was hit by a 5. 4-magnitude quake. Nobody was killed."
    assert len(split_sentences(text, "en")) >= 2  # the splitter cuts "5. | 4"
    qs = of_kind(text, "quantity")
    assert [(q.value, q.head) for q in qs if q.head == "magnitude"] == [(5.4, "magnitude")]
    assert not [q for q in qs if q.value == 4.0]


def test_loose_spacing_does_not_swallow_neighbouring_numbers() -> None:
    lex = get_lexicon("en")
    s = "In 2019, 300 people and 3, 4 or 5 dogs were seen."
    got = [n.raw_value for n in find_numbers(s, 0, len(s), lex, neutral_masks(s, 0, len(s)))]
    assert 300.0 in got
    assert not any(isinstance(v, float) and v > 1000 for v in got)


def test_a_date_mask_leaves_the_count_after_it() -> None:
    (q,) = [e for e in of_kind("On March 3, 300 people were evacuated.", "quantity")]
    assert q.value == 300


# ------------------------------------------------------------------ money scales


@pytest.mark.parametrize(
    "text",
    [
        "The new dam cost US $2.8-billion to build.",
        "The new dam cost $2.8bn to build.",
        "The new dam cost $2.8 billion to build.",
        "The new dam cost $2. 8 billion to build.",
    ],
)
def test_money_keeps_its_scale(text: str) -> None:
    e = one(text, "money")
    assert e.value == pytest.approx(2.8e9)
    assert e.unit == "USD"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Thieves made off with 3m euros in watches.", 3e6, "EUR"),
        ("The lender agreed a 30bn-euro package.", 3e10, "EUR"),
        ("Thieves took a two-million-euro haul.", 2e6, "EUR"),
    ],
)
def test_glued_scales_with_a_currency_after(text: str, value: float, unit: str) -> None:
    e = one(text, "money")
    assert e.value == pytest.approx(value)
    assert e.unit == unit


def test_a_glued_m_without_currency_is_not_money_or_millions() -> None:
    assert not [e for e in run("The climber fell 200m down a gully.") if e.value == 2e8]


# ------------------------------------------------------------------ dozens and friends


def test_a_dozen_is_twelve() -> None:
    e = one("Police arrested a dozen protesters.", "quantity")
    assert e.value == 12
    assert e.key == "protester arrested"


@pytest.mark.parametrize(
    ("text", "low", "high", "key"),
    [
        ("Dozens of people were injured in the crush.", 24, 119, "person injured"),
        ("Tens of thousands of people marched in Dunmore.", 20000, 99999, "person marched"),
        ("Hundreds of homes were destroyed by the flood.", 200, 999, "home destroyed"),
        ("Hundreds of thousands of residents lost power.", 200000, 999999, "resident lost"),
        ("Dozens were injured when the stand collapsed.", 24, 119, "person injured"),
    ],
)
def test_vague_plurals_are_intervals(text: str, low: float, high: float, key: str) -> None:
    e = one(text, "quantity")
    assert (e.low, e.high) == (low, high)
    assert e.approximate
    assert e.key == key


def test_vague_money() -> None:
    e = one("The repairs will cost tens of millions of dollars.", "money")
    assert (e.low, e.high, e.unit) == (2e7, 1e8 - 1, "USD")


def test_a_scale_after_a_number_is_not_vague() -> None:
    e = one("Der Schaden betrug 2 Millionen Euro.", "money", "de")
    assert e.value == pytest.approx(2e6)


def test_german_vague_plural() -> None:
    e = one("Hunderte Menschen wurden evakuiert.", "quantity", "de")
    assert (e.low, e.high, e.key) == (200, 999, "person evacuated")


# ------------------------------------------------------------------ other languages' separators


def test_spanish_decimal_comma_with_millions() -> None:
    e = one("El proyecto costó 1,5 millones de euros.", "money", "es")
    assert (e.value, e.unit) == (pytest.approx(1.5e6), "EUR")
    q = one("Unas 1,5 millones de personas fueron evacuadas.", "quantity", "es")
    assert q.value == pytest.approx(1.5e6)
    assert q.head == "person"


def test_german_thousands_dot() -> None:
    e = one("Rund 3.000 Menschen wurden evakuiert.", "quantity", "de")
    assert e.value == 3000
    assert e.key == "person evacuated"


# ------------------------------------------------------------------ zero as a value


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("No one was hurt in the blast.", "en"),
        ("Nobody was killed, the mayor said.", "en"),
        ("No injuries were reported.", "en"),
        ("No-one is thought to have been hurt.", "en"),
        ("Bei dem Brand gab es keine Verletzten.", "de"),
        ("Niemand wurde verletzt.", "de"),
        ("Verletzt wurde niemand.", "de"),
    ],
)
def test_zero_counts(text: str, lang: str) -> None:
    e = one(text, "quantity", lang)
    assert e.value == 0
    assert (e.low, e.high) == (0, 0)
    assert e.head == "person"
    assert e.key in ("person injured", "person killed")


def test_none_of_a_counted_group() -> None:
    (e,) = of_kind("None of the 40 passengers were injured.", "quantity")
    assert (e.value, e.key) == (0, "passenger injured")


def test_zero_has_the_key_of_the_count_it_contradicts() -> None:
    zero = one("No one was injured in the collision.", "quantity")
    nine = one("Nine people were injured in the collision.", "quantity")
    german = one("Bei dem Unfall wurde niemand verletzt.", "quantity", "de")
    assert zero.key == nine.key == german.key == "person injured"


@pytest.mark.parametrize(
    "text",
    [
        "No one knows why the fire started.",
        "There is no reason to panic.",
        "No charges were filed.",
        "None of them knew.",
    ],
)
def test_no_event_no_zero(text: str) -> None:
    assert of_kind(text, "quantity") == []


# ------------------------------------------------------------------ datelines


@pytest.mark.parametrize(
    ("text", "lang", "claim"),
    [
        ("LIMA, March 3 (Reuters) - A strong quake struck Peru on Wednesday.", "en", "Wednesday"),
        (
            "BERLIN, 3. März (dpa) - Ein Erdbeben erschütterte am Mittwoch die Stadt.",
            "de",
            "Mittwoch",
        ),
        ("DUNMORE, March 3 - A fire broke out on Wednesday.", "en", "Wednesday"),
    ],
)
def test_datelines_are_not_date_claims(text: str, lang: str, claim: str) -> None:
    dates = of_kind(text, "date", lang)
    assert [d.text for d in dates] == [claim]
    assert of_kind(text, "quantity", lang) == []  # nor is the day a count


def test_a_date_in_the_body_is_still_a_claim() -> None:
    (d,) = of_kind("The bridge reopened on March 3, officials said.", "date")
    assert d.value == "2026-03-03"


# ------------------------------------------------------------------ relative weekdays


@pytest.mark.parametrize("published", ["2026-03-02", "2026-03-04", "2026-03-05", "2026-03-08"])
@pytest.mark.parametrize(
    ("en", "de"),
    [
        ("The quake struck on Wednesday.", "Das Beben ereignete sich am Mittwoch."),
        ("The fire broke out on Wednesday night.", "Das Feuer brach am Mittwochabend aus."),
        (
            "Police said on Wednesday that the suspect would appear in court.",
            "Die Polizei teilte am Mittwoch mit, der Verdächtige werde vor Gericht erscheinen.",
        ),
        (
            "Officials said on Wednesday the road will reopen.",
            "Die Behörden sagten am Mittwoch, die Straße werde wieder geöffnet.",
        ),
        (
            "The minister will visit the town on Wednesday.",
            "Der Minister wird die Stadt am Mittwoch besuchen.",
        ),
        (
            "He said the minister will visit on Wednesday.",
            "Er sagte, der Minister werde am Mittwoch kommen.",
        ),
    ],
)
def test_weekdays_resolve_alike_in_english_and_german(en: str, de: str, published: str) -> None:
    (a,) = [e for e in run(en, "en", published) if e.kind == "date"]
    (b,) = [e for e in run(de, "de", published) if e.kind == "date"]
    assert a.value == b.value


def test_statement_day_is_past_even_with_a_future_in_it() -> None:
    (d,) = [e for e in run("Police said on Wednesday the road would reopen.") if e.kind == "date"]
    assert d.value == "2026-03-04"


# ------------------------------------------------------------------ times of day


@pytest.mark.parametrize(
    ("text", "lang", "value", "zone", "approx"),
    [
        ("The quake struck at 10:20 a.m. local time.", "en", "10:20", "local", False),
        ("The fire broke out at 3 pm on Sunday.", "en", "15:00", None, False),
        ("The quake struck shortly after 3 a.m. on Sunday.", "en", "03:00", None, True),
        ("Crews arrived at around 5: 15 a. m. local time.", "en", "05:15", "local", True),
        ("The alarm was raised at 7.36pm on Thursday.", "en", "19:36", None, False),
        ("The blaze started at about 1930 GMT on Thursday.", "en", "19:30", "GMT", True),
        ("The quake was registered at 14:52 hours local time.", "en", "14:52", "local", False),
        ("The tremor came at 12 a.m. sharp.", "en", "00:00", None, False),
        ("Das Beben ereignete sich um 6.10 Uhr.", "de", "06:10", None, False),
        ("Der Zug fuhr um 18 Uhr ab.", "de", "18:00", None, False),
        ("Die Feuerwehr kam gegen 23:15 Uhr Ortszeit.", "de", "23:15", "local", True),
    ],
)
def test_times(text: str, lang: str, value: str, zone: str | None, approx: bool) -> None:
    t = one(text, "time", lang)
    assert t.value == value
    assert t.unit == zone
    assert t.approximate is approx
    assert t.key.endswith(" time")
    assert text[t.start : t.end] == t.text


def test_a_time_with_its_gmt_equivalent() -> None:
    times = of_kind("The quake struck shortly after 3 a.m. (0200 GMT) on Sunday.", "time")
    assert [(t.value, t.unit, t.approximate) for t in times] == [
        ("03:00", None, True),
        ("02:00", "GMT", False),
    ]


def test_time_key_uses_the_date_head() -> None:
    t = one("The quake struck at 10:20 a.m. local time.", "time")
    d = one("The quake struck on Tuesday.", "date")
    assert t.key == d.key.replace(" date", " time")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Das Beben ereignete sich um 6.10 Uhr.", "de"),
        ("Der Zug fuhr um 18 Uhr ab.", "de"),
        ("The fire broke out at 3 pm on Sunday.", "en"),
        ("Crews arrived at about 6 p. m. on Thursday.", "en"),
        ("Officials met at 1353 (1023 GMT) in the town hall.", "en"),
    ],
)
def test_a_clock_time_is_never_a_count(text: str, lang: str) -> None:
    assert of_kind(text, "quantity", lang) == []
    assert of_kind(text, "duration", lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "The meeting lasted 10 hours.",
        "He won the round at the 1:48 mark.",
        "Shares rose 2.45 percent.",
        "The climbers walked 1500 metres.",
        "The law dates from 1999.",
    ],
)
def test_not_times(text: str) -> None:
    lex = get_lexicon("en")
    assert find_times(text, 0, len(text), lex) == []


def test_a_time_split_by_the_sentence_splitter() -> None:
    text = "The raid began at around 4. 30am on Monday. Police arrived later."
    (t,) = of_kind(text, "time")
    assert t.value == "04:30"
    assert t.approximate


# ------------------------------------------------------------------ more forms news uses


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Anna Novak, 38, of Dunmore was arrested.", 38),
        ("Police named the driver as Tom Reyes Jr., 51.", 51),
        ("The suspect, Karl Weber, aged 24, was charged.", 24),
    ],
)
def test_ages_in_apposition(text: str, value: float) -> None:
    (e,) = [e for e in of_kind(text, "quantity") if e.head == "age"]
    assert e.value == value


def test_a_number_after_a_place_is_not_an_age() -> None:
    (e,) = of_kind("In Dunmore, 38 people were hurt.", "quantity")
    assert e.head == "person"


@pytest.mark.parametrize(
    ("text", "value", "head"),
    [
        ("The climber fell about 150ft from a ledge.", 150, "foot"),
        ("Deputies chased him for 48km before he stopped.", 48, "kilometre"),
        ("They were within 60m of the hut.", 60, "metre"),
        ("The road runs 1,500 kilometers south.", 1500, "kilometre"),
    ],
)
def test_glued_units(text: str, value: float, head: str) -> None:
    (e,) = of_kind(text, "quantity")
    assert_unit_value(e, value, head)


@pytest.mark.parametrize(
    "text", ["The firm sold 2m phones.", "The film made 4.3M digital sales.", "2m people voted."]
)
def test_a_glued_m_before_a_noun_is_not_metres(text: str) -> None:
    assert not [e for e in of_kind(text, "quantity") if e.unit == "m"]


def test_a_glued_m_before_a_clause_is_metres() -> None:
    (e,) = of_kind("He fell about 450m while climbing.", "quantity")
    assert_unit_value(e, 450, "metre")
    assert e.approximate


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Gunman kills 2, wounds 3 at an office in Dunmore.", [2, 3]),
        ("The quake destroyed homes, killing 10 and injuring 80.", [10, 80]),
        ("Three Killed In Dunmore Bank Fire", [3]),
        ("Bus Crash Leaves One Dead And 2 Hurt", [1, 2]),
    ],
)
def test_counts_named_by_the_verb(text: str, values: list[float]) -> None:
    got = [e for e in of_kind(text, "quantity") if e.head == "person"]
    assert [e.value for e in got] == values
    assert all(e.key in ("person killed", "person injured") for e in got)


def test_a_dash_range_shares_its_scale_and_currency() -> None:
    e = one("The club offered $76-84 million over five years.", "money")
    assert (e.low, e.high, e.unit) == (7.6e7, 8.4e7, "USD")


def test_a_record_is_not_a_range() -> None:
    assert not [e for e in run("Klemens improved his record to 38-4.") if e.low == 4]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A tremor measuring 4.9 on the Richter scale shook the coast.", 4.9),
        ("A 5.9 magnitude earthquake hit the coast.", 5.9),
        ("The town has a population of more than 80, 000.", 80000),
    ],
)
def test_measures_named_around_the_number(text: str, value: float) -> None:
    (e,) = [e for e in of_kind(text, "quantity") if e.value == pytest.approx(value)]
    assert e.head in ("magnitude", "population")


def test_minus_and_spelled_hundreds() -> None:
    lex = get_lexicon("en")
    s = "The gas is cooled to minus-160 degrees for 4 hundred customers."
    got = [n.raw_value for n in find_numbers(s, 0, len(s), lex, neutral_masks(s, 0, len(s)))]
    assert got == [-160.0, 400.0]


def test_a_name_glued_to_a_number_is_not_a_count() -> None:
    assert of_kind("The last-32 tie and COVID-19 cases were discussed.", "quantity") == []
