"""Readable identities: articles named by outlet (metadata, copyright or subscription line,
URL host, file name), unique names within a report, sources behind each conflict side, and
the claim filters of the HTML report and the web app."""

from __future__ import annotations

import pytest

from corroborator.pipeline import outlet_from_removed


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["© 2026 Northshore Ledger. All rights reserved."], "Northshore Ledger"),
        (
            ["Share this story", "Subscribe to The Metro Bulletin for €1 a week"],
            "The Metro Bulletin",
        ),
        (["Subscribe now to Harbour Times."], "Harbour Times"),
        (["Subscribe to our newsletter"], None),
        (["Subscribe to Our Newsletter"], None),
        (["Subscribe to The Newsletter"], None),
        (["Sign up for our morning newsletter"], None),
        (["Subscribe to The Bay Herald", "© Coast Wire"], "Coast Wire"),  # copyright first
    ],
)
def test_outlet_from_removed_furniture(lines: list[str], outlet: str | None) -> None:
    assert outlet_from_removed(lines) == outlet
