"""Value forms of real news that were misread (issue 13, part 2, third round): ordinals as
places in a series, time elapsed in a bout, batting averages, "a mother of 13", names that
look like quantities ("zero-day", "64-bit", "8 Block gang", "Patch Tuesday") and "from X to
Y" that runs downwards. Every sentence is made up for the test."""

from __future__ import annotations

import pytest

from corroborator.claims import extract_claims
from corroborator.claims.lang import get_lexicon
from corroborator.claims.quantities import NumberMention, find_numbers, neutral_masks
from corroborator.text.sentences import split_sentences
from test_quantities_news_forms import run, values

EN = get_lexicon("en")


def numbers(text: str) -> list[NumberMention]:
    return find_numbers(text, 0, len(text), EN, neutral_masks(text, 0, len(text)))


# ------------------------------------------------------------------ ordinals


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("The champion scored a 10th-round stoppage of the challenger.", 10.0, "round number"),
        ("Olsen took a ninth-round split decision over Brandt.", 9.0, "round number"),
        ("The referee waved it off in the 3rd round.", 3.0, "round number"),
        ("It was her sixth defence of the belt.", 6.0, "defence number"),
        (
            "The Hawks won their 10th straight game in the twenty-first inning.",
            21.0,
            "inning number",
        ),
    ],
)
def test_an_ordinal_is_a_place_in_a_series(text: str, value: float, key: str) -> None:
    assert (value, key) in values(text, "quantity")


def test_an_ordinal_round_never_meets_a_count_of_rounds() -> None:
    keys = {
        k for _v, k in values("The 12-round bout ended with a 10th-round stoppage.", "quantity")
    }
    assert keys == {"round", "round number"}


def test_for_the_nth_time_counts_how_often() -> None:
    (nm,) = numbers("Velasco retained his title for the fifth time on Saturday.")
    assert (nm.raw_value, nm.head, nm.verb, nm.ordinal) == (5.0, "time", "retained", True)


@pytest.mark.parametrize(
    "text",
    ["Sales fell in the fourth quarter.", "The fourth person to arrive was hurt."],
)
def test_other_ordinals_count_nothing(text: str) -> None:
    assert [nm for nm in numbers(text) if nm.kind == "quantity"] == []


# ------------------------------------------------------------------ time elapsed in a bout


@pytest.mark.parametrize(
    ("text", "secs"),
    [
        ("The referee stopped the fight at the 1:48 mark.", 108.0),
        ("Olsen was down 1:45 into the third round.", 105.0),
        ("The bout was stopped at 2:59 of the sixth round.", 179.0),
    ],
)
def test_a_mark_in_a_round_is_time_elapsed(text: str, secs: float) -> None:
    assert [e.value for e in run(text) if e.kind == "duration"] == [secs]
    assert [e for e in run(text) if e.kind == "time"] == []


def test_a_clock_time_after_at_stays_a_time() -> None:
    assert [e.value for e in run("The ferry left at 2:15 pm.") if e.kind == "time"] == ["14:15"]


# ------------------------------------------------------------------ batting averages


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Marsh hit .311 with 17 homers in 61 games.", 0.311),
        ("The shortstop is batting .312 this season.", 0.312),
    ],
)
def test_a_batting_average(text: str, value: float) -> None:
    assert (value, "batting average") in values(text, "quantity")


# ------------------------------------------------------------------ "a mother of 13"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A mother of 13 was among the passengers.", 13.0),
        ("The mother-of-three was found safe.", 3.0),
        ("A father of two was hurt in the crash.", 2.0),
    ],
)
def test_a_parent_of_n_counts_children(text: str, value: float) -> None:
    found = values(text, "quantity")
    assert (value, "child") in found
    assert not [k for v, k in found if v == value and k != "child"]  # not "two hurt"


def test_a_parent_of_n_nouns_counts_the_noun() -> None:
    assert (4.0, "son") in values("She is a grandmother of 4 sons.", "quantity")


# ------------------------------------------------------------------ names, not quantities


@pytest.mark.parametrize(
    "text",
    [
        "Hackers used a zero-day flaw in the reader.",
        "The 64-bit version of the app was patched.",
        "Police arrested 8 Block gang members on the estate.",
        "Users of IE6 and Windows 7 were told to update.",
    ],
)
def test_names_are_no_quantities(text: str) -> None:
    assert [e for e in run(text) if e.kind in ("quantity", "duration")] == []


def test_a_two_day_visit_is_still_a_duration() -> None:
    assert [e.value for e in run("The two-day visit ended.") if e.kind == "duration"] == [172800.0]


@pytest.mark.parametrize(
    "text",
    [
        "The update arrives on Patch Tuesday.",
        "Shops opened early before Black Friday.",
        "The fix is due next Patch Tuesday.",
    ],
)
def test_a_weekday_ending_a_name_is_no_date(text: str) -> None:
    assert values(text, "date") == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The fire started on Tuesday.", "2025-04-01"),
        ("Last Tuesday, Mayor Rudd met the press.", "2025-04-01"),
        ("Mayor Rudd on Tuesday met the press.", "2025-04-01"),
    ],
)
def test_weekdays_still_resolve(text: str, iso: str) -> None:
    assert [v for v, _k in values(text, "date")] == [iso]


# ------------------------------------------------------------------ from X to Y


def test_from_x_down_to_y_is_two_amounts() -> None:
    found = [
        (nm.raw_value, nm.unit) for nm in numbers("Her pay was cut from $3.8 million to $150,000.")
    ]
    assert found == [(3.8e6, "USD"), (150000.0, "USD")]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("Between 10 and 12 people were hurt.", (10.0, 12.0)),
        ("Tickets cost from $20 to $35.", (20.0, 35.0)),
        ("Prices range from $2 to $3 million.", (2e6, 3e6)),
    ],
)
def test_upward_ranges_stay_ranges(text: str, raw: tuple[float, float]) -> None:
    assert [nm.raw_value for nm in numbers(text)] == [raw]


# ------------------------------------------------------------------ headlines glued to a kicker


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("LATEST NEWS-3 DEAD after blast at depot.", 3.0, "person killed"),
        ("Depot Blast Update-2 Dead, 3 Hurt, Driver Held", 2.0, "person killed"),
        ("Breaking News-Four People Shot at Depot", 4.0, "person shot"),
        ("2 DEAD after blast at depot.", 2.0, "person killed"),
    ],
)
def test_headline_counts_glued_to_a_kicker(text: str, value: float, key: str) -> None:
    assert (value, key) in values(text, "quantity")


@pytest.mark.parametrize("text", ["The F-16 Fighter crashed.", "Tests on COVID-19 Patients began."])
def test_hyphenated_names_stay_names(text: str) -> None:
    assert values(text, "quantity") == []


# ------------------------------------------------------------------ heads and names


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("The Vell 300 index rose 1.2% on Monday.", "percentage", "index percentage"),
        ("The fund lost $2 million in March.", "money", "fund amount"),
    ],
)
def test_a_weekday_or_a_month_after_the_value_is_no_head(text: str, kind: str, key: str) -> None:
    assert [k for _v, k in values(text, kind)] == [key]


def test_a_digit_and_a_capitalised_number_word_are_a_name() -> None:
    assert values("The 7-Eleven store on Dock Road was robbed.", "quantity") == []


def test_year_on_year_is_no_head() -> None:
    assert values("Prices rose 2.1% year-on-year in May.", "percentage") == [
        (2.1, "price percentage")
    ]


# ------------------------------------------------------------------ heights and weights


@pytest.mark.parametrize(
    ("text", "feet"),
    [
        ("The 6-foot-5 centre signed on Monday.", 6 + 5 / 12),
        ("He stands 6 feet 5 inches tall.", 6 + 5 / 12),
        ("She is 5ft 6in tall.", 5 + 6 / 12),
        ("The wall is 6 feet high.", 6.0),
    ],
)
def test_a_height_in_feet_takes_its_inches(text: str, feet: float) -> None:
    (nm,) = numbers(text)
    assert nm.head == "foot"
    assert nm.raw_value == pytest.approx(feet)


@pytest.mark.parametrize(
    "text",
    ["The challenger weighed 245 pounds.", "The crate, weighing about 90 pounds, was found."],
)
def test_pounds_after_weigh_are_a_mass(text: str) -> None:
    (e,) = [e for e in run(text) if e.kind in ("quantity", "money")]
    assert (e.kind, e.unit) == ("quantity", "kg")


def test_pounds_paid_stay_sterling() -> None:
    assert [(e.kind, e.unit) for e in run("The club paid 245 pounds for the ticket.")] == [
        ("money", "GBP")
    ]


# ------------------------------------------------------------------ cents, changes and levels


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("The fare rose by 20 cents.", 0.2, "fare amount"),
        ("Stamps cost 55 cents each.", 0.55, "stamp amount"),
    ],
)
def test_cents_are_money(text: str, value: float, key: str) -> None:
    assert values(text, "money") == [(pytest.approx(value), key)]
    assert values(text, "quantity") == []


@pytest.mark.parametrize(
    ("text", "change", "level"),
    [
        ("Shares of Vell fell $1.20 to $8.10.", 1.2, 8.1),
        ("Shares of Vell fell 45 cents to $8.10.", 0.45, 8.1),
        ("The stock rose $2 to close at $40.", 2.0, 40.0),
    ],
)
def test_a_change_and_its_level_are_two_facts(text: str, change: float, level: float) -> None:
    (a, b) = [e for e in run(text) if e.kind == "money"]
    assert (a.value, b.value) == (pytest.approx(change), pytest.approx(level))
    assert a.key == f"{b.head} change amount"


def test_the_old_level_of_a_fall_is_keyed_apart() -> None:
    keys = [k for _v, k in values("Her pay was cut from $3.8 million to $150,000.", "money")]
    assert keys == ["former pay amount", "pay amount"]


def test_a_price_range_stays_a_range() -> None:
    assert [nm.raw_value for nm in numbers("Tickets cost $20 to $35.")] == [(20.0, 35.0)]


def test_a_contract_length_before_its_sum_names_the_contract() -> None:
    text = "The Hawks offered a six-year, $97 million deal."
    assert [k for _v, k in values(text, "duration")] == ["deal duration"]
    assert [k for _v, k in values(text, "money")] == ["deal amount"]


@pytest.mark.parametrize(
    ("text", "kind", "keys"),
    [
        (
            "Turnout was 62.3 per cent, up from 58 per cent in 2019.",
            "percentage",
            ["turnout percentage", "former turnout percentage"],
        ),
        (
            "Sales reached $4.2 billion, up from $3.9 billion a year earlier.",
            "money",
            ["sale amount", "former sale amount"],
        ),
    ],
)
def test_up_from_is_the_earlier_level(text: str, kind: str, keys: list[str]) -> None:
    assert [k for _v, k in values(text, kind)] == keys


# ------------------------------------------------------------------ other languages


def run_in(text: str, lang: str) -> list[tuple[float | str | None, str]]:
    return [
        (e.value, e.key)
        for e in extract_claims(text, split_sentences(text, lang), lang, "2025-04-02")
        if e.kind == "quantity"
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Un séisme de magnitude 6,1 a frappé la vallée.", "fr"),
        ("Ein Erdbeben der Stärke 6,1 hat das Tal erschüttert.", "de"),
        ("Un sismo de magnitud 6,1 sacudió el valle.", "es"),
        ("Il terremoto di magnitudo 6,1 ha colpito la valle.", "it"),
        ("Een aardbeving met een kracht van 6,1 trof de vallei.", "nl"),
    ],
)
def test_a_quake_magnitude_in_any_language(text: str, lang: str) -> None:
    assert run_in(text, lang) == [(6.1, "magnitude")]


def test_strength_of_a_force_is_no_magnitude() -> None:
    assert [k for _v, k in run_in("Die Truppe hat eine Stärke von 5.000 Soldaten.", "de")] == [
        "soldier"
    ]


def test_a_weekday_after_the_count_is_no_head() -> None:
    assert (12.0, "person killed") in run_in("Le séisme a fait 12 morts mercredi.", "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Die Polizei nahm am Montag 12 Personen fest.",
        "Die Polizei nahm am 3. März 12 Personen fest.",
    ],
)
def test_a_count_after_a_date_in_german(text: str) -> None:
    assert (12.0, "person") in run_in(text, "de")


def test_a_fall_with_one_scale_for_both_is_no_range_in_french() -> None:
    text = "Le chiffre d'affaires est passé de 2,1 à 1,8 milliard d'euros."
    found = [
        (e.value, e.unit) for e in extract_claims(text, split_sentences(text, "fr"), "fr", None)
    ]
    assert (1.8e9, "EUR") in found
    assert not [
        e for e in extract_claims(text, split_sentences(text, "fr"), "fr", None) if e.low == 2.1
    ]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("The firm raised $2 to $3 million.", (2e6, 3e6)),
        ("Bids ranged from $300 to $5 million.", (300.0, 5e6)),
    ],
)
def test_one_scale_ranges(text: str, raw: tuple[float, float]) -> None:
    assert [nm.raw_value for nm in numbers(text)] == [raw]


def test_a_number_word_the_lexicon_reads_as_zero_is_no_value() -> None:
    text = "Der Schaden wird auf mehrere hunderttausend Euro geschätzt."
    found = extract_claims(text, split_sentences(text, "de"), "de", None)
    assert [e for e in found if e.kind == "money" and e.value == 0] == []


@pytest.mark.parametrize(
    ("text", "lang", "value", "key"),
    [
        ("La cifra de muertos subió a 45.", "es", 45.0, "person killed"),
        ("La cifra de heridos asciende a 120.", "es", 120.0, "person injured"),
        ("Die Zahl der Toten stieg auf 45.", "de", 45.0, "person killed"),
        ("Le bilan provisoire s'est alourdi à 12.", "fr", 12.0, "person killed"),
    ],
)
def test_a_toll_level_in_other_languages(text: str, lang: str, value: float, key: str) -> None:
    assert (value, key) in run_in(text, lang)


def test_a_financial_balance_is_no_toll() -> None:
    assert run_in("Le bilan financier est de 12 pour la saison.", "fr") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Las acciones cayeron 26 centavos, a 8 dólares.", "es"),
        ("Le azioni sono scese di 26 centesimi, a 8 dollari.", "it"),
        ("Het aandeel daalde 26 cent tot 8 dollar.", "nl"),
    ],
)
def test_cents_are_money_in_other_languages(text: str, lang: str) -> None:
    found = extract_claims(text, split_sentences(text, lang), lang, None)
    assert next((e.value, e.unit) for e in found if e.kind == "money") == (0.26, "USD")
    assert [e for e in found if e.kind == "quantity"] == []


def test_for_the_first_time_is_no_count() -> None:
    assert values("The airline sold the jet for the first time.", "quantity") == []
