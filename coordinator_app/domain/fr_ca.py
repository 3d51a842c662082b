"""fr_CA formats for numbers, money, percentages, dates and times (Babel's CLDR data).

One place so the window, the reports and the exports write « 2 576 », « 1 234,56 $ », « 64 % » and
« le 26 novembre 2026 » the same way. fr_CA uses U+00A0 as the group separator, which every font
we ship renders (fr_FR's U+202F is not in Helvetica). Babel is imported where it is used: the
window starts without it (≈ 10 ms, issue 17).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

LOCALE = "fr_CA"


def number(value: float | int | None, digits: int = 0) -> str:
    if value is None:
        return ""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def plural(n: float | int, singular: str, plural: str) -> str:
    """The French form for ``n``: singular for 0 and 1 (« 0 jeune déclaré », « 1 région »),
    plural from 2 (OQLF). Reports use it; the window uses Qt's %n plural forms."""
    return singular if abs(n) < 2 else plural


def count(n: int, singular: str, plural_form: str) -> str:
    """« 1 coopérative agricole constituée », « 2 576 jeunes » (the number written fr_CA)."""
    return f"{number(n)} {plural(n, singular, plural_form)}"


def money_cents(cents: int | None) -> str:
    """« 1 234,56 $ » from integer cents."""
    if cents is None:
        return ""
    from babel.numbers import format_currency

    return format_currency(Decimal(cents) / 100, "CAD", locale=LOCALE)


def percent(value: float | int | None) -> str:
    """« 64 % » from 64 (a percentage, not a fraction)."""
    if value is None:
        return "—"
    from babel.numbers import format_percent

    return format_percent(value / 100, locale=LOCALE)


def long_date(day: str | dt.date | None) -> str:
    """« le 26 novembre 2026 »."""
    if not day:
        return ""
    from babel.dates import format_date

    value = dt.date.fromisoformat(day[:10]) if isinstance(day, str) else day
    text = format_date(value, format="d MMMM y", locale=LOCALE)
    return f"le {'1er' + text[1:] if text.startswith('1 ') else text}"


def time_text(moment: str | dt.datetime | dt.time | None) -> str:
    """« 14 h 30 » (« 9 h » on the hour)."""
    if moment is None:
        return ""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)
    return f"{moment.hour} h" if moment.minute == 0 else f"{moment.hour} h {moment.minute:02d}"
