"""The language-neutral path (no lexicon): continental digits, scale words of many languages,
currency signs after the number, unit symbols (fictional sentences)."""

from __future__ import annotations

import pytest

from corroborator.claims.quantities import NumberMention, find_numbers


def neutral(text: str) -> list[NumberMention]:
    return find_numbers(text, 0, len(text), None, [])


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "head"),
    [
        ("Il progetto è costato 4,5 milioni di euro.", "money", 4.5e6, "EUR", None),
        ("Er wonen 12 miljoen inwoners in het land.", "quantity", 12e6, None, "inwoners"),
        ("Foram evacuadas 3 milhões de pessoas.", "quantity", 3e6, None, "pessoas"),
        ("Kosztowało to 1,2 mln zł.", "money", 1.2e6, "PLN", None),
        ("Il film ha incassato $2.8bn.", "money", 2.8e9, "USD", None),
        ("Il ponte è costato 2,5 miliardi di dollari.", "money", 2.5e9, "USD", None),
        ("Zapłacono 40 zł za bilet.", "money", 40, "PLN", None),
        ("Il biglietto costa 12 €.", "money", 12, "EUR", None),
        ("Il biglietto costa 12,5 €.", "money", 12.5, "EUR", None),
        ("Sono state evacuate 3.000 persone.", "quantity", 3000, None, "persone"),
        ("La temperatura era di 30 °C.", "quantity", 30, None, "celsius"),
        ("Hanno percorso 48 km a piedi.", "quantity", 48, None, "kilometre"),
        ("Il telefono ha 256GB di memoria.", "quantity", 256, None, "gigabyte"),
    ],
)
def test_neutral_forms(
    text: str, kind: str, value: float, unit: str | None, head: str | None
) -> None:
    (nm,) = neutral(text)
    assert nm.kind == kind
    assert nm.bounds.value == pytest.approx(value)
    assert (nm.unit, nm.head) == (unit, head)


@pytest.mark.parametrize(
    "text",
    [
        "Il costo è di 2,5 miliardi.",  # a scaled amount of nothing named
        "Il bambino di 12 ha detto la verità.",  # "ha" is a verb here, not hectares
        "Nel 2019 persone diverse lo dissero.",  # a year
        "Ha corso i 5k in venti minuti.",  # a glued scale without a currency
        "Ha scalato 600m di roccia.",
    ],
)
def test_neutral_non_quantities(text: str) -> None:
    assert [nm for nm in neutral(text) if nm.kind != "quantity" or nm.head != "metre"] == []
