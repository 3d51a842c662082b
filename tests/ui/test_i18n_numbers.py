"""French whole numbers are written without Babel (its fr_CA data cost start-up ≈ 30 ms), and
exactly as ``domain.fr_ca`` (Babel) writes them: the window, the reports and the exports agree."""

from __future__ import annotations

import pytest

from coordinator_app.domain import fr_ca
from coordinator_app.ui import i18n

pytestmark = pytest.mark.gui

WHOLE = [*range(-2_000, 2_001), *range(-1_000_000, 1_000_001, 997), 10**9, -(10**12), 2**63]


def test_french_whole_numbers_and_percentages_match_babel(qapp) -> None:
    assert i18n.apply_language(i18n.FRENCH)
    assert [i18n.number(n) for n in WHOLE] == [fr_ca.number(n) for n in WHOLE]
    assert [i18n.percent(n) for n in WHOLE[:4001]] == [fr_ca.percent(n) for n in WHOLE[:4001]]
    assert i18n.number(100_000) == "100\u00a0000"
    assert i18n.percent(64) == "64\u00a0%"


def test_other_french_numbers_still_go_through_babel(qapp) -> None:
    assert i18n.apply_language(i18n.FRENCH)
    assert i18n.number(1234.5, 1) == fr_ca.number(1234.5, 1) == "1\u00a0234,5"
    assert i18n.number(1234, 2) == "1\u00a0234,00"
    assert i18n.percent(64.5) == fr_ca.percent(64.5)


def test_english_numbers_are_unchanged(qapp) -> None:
    assert i18n.apply_language(i18n.ENGLISH)
    try:
        assert i18n.number(100_000) == "100,000"
        assert i18n.percent(64) == "64%"
    finally:
        i18n.apply_language(i18n.FRENCH)
