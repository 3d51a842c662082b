"""The importer's own checks on a cell before the domain parses it: whatever a person can type or a
spreadsheet can hold becomes a French problem, never an exception.

Spreadsheet cells bring values forms never see: a time alone in a date column, a date typed as the
number 20260605, « 8E467 » in an amount, VRAI/FAUX in a number column, a date in 1752. These are
checked here, against bounds chosen for the data the app keeps (amounts up to 10 000 000,00 $,
dates 1900–2100), whatever the domain's own bounds; the value handed on is one the domain parses
without surprise.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation

from coordinator_app.domain import values as v
from coordinator_app.domain.schema import FieldSpec, FieldType

T = FieldType
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_MONEY = Decimal(10_000_000)  # dollars
MAX_NUMBER = Decimal(1_000_000_000)
#: Excel serial day numbers of 1900-01-01 and 2100-12-31.
FIRST_SERIAL, LAST_SERIAL = 2, 73415
DATE_TYPES = (T.DATE, T.DATETIME, T.DATES)
NUMBER_TYPES = (T.INT, T.DECIMAL, T.MONEY)
_CHECKED_TEXT = frozenset((*DATE_TYPES, *NUMBER_TYPES))
_YYYYMMDD = re.compile(r"(\d{4})(\d{2})(\d{2})")
#: Arithmetic and conversion failures a strange value can raise anywhere in parsing.
VALUE_ERRORS = (ValueError, OverflowError, ArithmeticError, TypeError, InvalidOperation)


def _bool_problem(value: bool) -> v.ValueProblem:
    shown = "VRAI" if value else "FAUX"
    return v.ValueProblem(f"la cellule contient la valeur logique {shown} d'Excel, pas une donnée")


def check(spec: FieldSpec, value: object) -> object:
    """``value`` ready for the domain's parser of ``spec``, or ``ValueProblem``."""
    if value is None:
        return None
    if isinstance(value, str) and spec.type not in _CHECKED_TEXT:
        return value  # plain text for a text, choice or reference column: the domain reads it
    if isinstance(value, bool):
        if spec.type == T.BOOL:
            return value
        raise _bool_problem(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise v.ValueProblem("un nombre fini est attendu")
    if isinstance(value, dt.timedelta):
        if spec.type == T.DECIMAL:
            return round(value.total_seconds() / 3600, 4)  # a duration in an hours column
        raise v.ValueProblem("la cellule contient une durée : " + _expected(spec))
    if isinstance(value, dt.time):
        if spec.type in (T.TEXT, T.LONGTEXT):
            return value.strftime("%H:%M")
        raise v.ValueProblem("la cellule contient une heure seule, sans date : " + _expected(spec))
    if spec.type in DATE_TYPES:
        return _date_value(spec, value)
    if isinstance(value, dt.date):
        if spec.type in (T.TEXT, T.LONGTEXT, T.LIST):
            return value.isoformat() if not isinstance(value, dt.datetime) else _moment(value)
        raise v.ValueProblem("la cellule contient une date : " + _expected(spec))
    if spec.type in NUMBER_TYPES:
        _check_number(spec, value)
    return value


def _moment(value: dt.datetime) -> str:
    if value.time() == dt.time():
        return value.date().isoformat()
    return value.isoformat(sep=" ", timespec="minutes")


def _expected(spec: FieldSpec) -> str:
    return {
        T.DATE: "une date est attendue, par exemple 2026-11-26",
        T.DATETIME: "une date et une heure sont attendues, par exemple 2026-11-26 14:30",
        T.DATES: "des dates sont attendues, par exemple 2026-11-26; 2027-01-15",
        T.MONEY: "un montant est attendu, par exemple 1 234,56 $",
        T.INT: "un nombre entier est attendu, par exemple 12",
        T.DECIMAL: "un nombre est attendu, par exemple 12,5",
    }.get(spec.type, "un texte est attendu")


def _year_bounds(day: dt.date) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise v.ValueProblem(f"une date entre {FIRST_YEAR} et {LAST_YEAR} est attendue")


def _date_value(spec: FieldSpec, value: object) -> object:
    """A date cell, serial number or text, checked to lie in 1900–2100."""
    if spec.type == T.DATES and isinstance(value, str):
        return [_date_value_one(T.DATE, item) for item in v.split_list(value)]
    return _date_value_one(spec.type if spec.type != T.DATES else T.DATE, value)


def _date_value_one(kind: FieldType, value: object) -> object:
    if isinstance(value, dt.date):
        _year_bounds(value)
        return value
    if isinstance(value, int | float | Decimal):
        number = float(value)
        digits = str(int(number)) if number.is_integer() else ""
        match = _YYYYMMDD.fullmatch(digits)
        if match:
            year, month, day = match.groups()
            raise v.ValueProblem(
                f"{digits} est un nombre, pas une date : écrivez {year}-{month}-{day}"
            )
        if not FIRST_SERIAL <= number <= LAST_SERIAL + 1:
            raise v.ValueProblem(
                f"{digits or value} est un nombre, pas une date entre {FIRST_YEAR} et "
                f"{LAST_YEAR} : écrivez la date, par exemple 2026-11-26"
            )
        return value
    text = str(value).strip()
    match = _YYYYMMDD.fullmatch(text)
    if match:
        year, month, day = match.groups()
        raise v.ValueProblem(f"« {text} » : écrivez la date avec des tirets, {year}-{month}-{day}")
    parsed = v.parse_datetime(text) if kind == T.DATETIME else v.parse_date(text)
    if parsed:
        _year_bounds(dt.date.fromisoformat(parsed[:10]))
    return parsed


def _check_number(spec: FieldSpec, value: object) -> None:
    """Huge or odd numbers (« 8E467 », 1E+20 $) refused before any conversion can overflow."""
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float | Decimal):
        number = Decimal(str(value))
    else:
        text = re.sub(r"[\s\u00a0\u202f$]", "", str(value))
        if "," in text and "." in text:  # as the domain reads it: the last mark is the decimal
            comma_last = text.rfind(",") > text.rfind(".")
            text = text.replace(".", "").replace(",", ".") if comma_last else text.replace(",", "")
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            return  # not a number: the domain's parser says what is expected
    limit = MAX_MONEY if spec.type == T.MONEY else MAX_NUMBER
    if not number.is_finite() or abs(number) > limit:
        raise v.ValueProblem(_too_large(spec))


def _too_large(spec: FieldSpec) -> str:
    if spec.type == T.MONEY:
        return "montant trop grand : au plus 10 000 000,00 $"
    return "nombre trop grand : au plus 1 000 000 000"
