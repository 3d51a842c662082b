"""Parsing of single values into their canonical form, with French messages.

Each parser takes what a person may type or what a spreadsheet cell may hold (text, number, date)
and returns the canonical value, or raises ``ValueProblem`` with what is expected. Import, forms and
the server's validation all go through these.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from coordinator_app.domain.fr_ca import money_cents
from coordinator_app.domain.regions import parse_region

EXCEL_EPOCH = dt.date(1899, 12, 30)

# Bounds of every value the domain accepts: a value outside them is a typing error or an attack
# (one ``2**63`` once stopped a whole region's sync), so it is refused where it is read, with a
# French message, by the forms, the importer and the server alike.
#: Largest amount of money, in cents (10 000 000,00 $); the smallest is its negative.
MAX_MONEY_CENTS = 1_000_000_000
#: Largest whole number of any integer field without a tighter maximum (counts, sizes).
MAX_INT = 10**12
#: Largest magnitude of a decimal field (hours, hectares) without a tighter maximum.
MAX_DECIMAL = 10**9
#: Dates and years the domain accepts.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
MIN_YEAR, MAX_YEAR = MIN_DATE.year, MAX_DATE.year
# The fast paths below test a year instead of a date: true only while the bounds are whole years.
assert (dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31)) == (MIN_DATE, MAX_DATE)


class ValueProblem(ValueError):
    """A value cannot be read; the message says what is expected, in French."""


def parse_text(value: object, max_length: int) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if len(text) > max_length:
        raise ValueProblem(f"au plus {max_length} caractères (reçu {len(text)})")
    return text


def parse_int(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueProblem("un nombre entier est attendu")
    if isinstance(value, int):
        return _int_bounded(value)
    if isinstance(value, float) and value.is_integer():
        return _int_bounded(int(value))
    text = re.sub(r"[\s\u00a0\u202f]", "", str(value))
    if re.fullmatch(r"[-+]?\d{1,30}", text):
        return _int_bounded(int(text))
    raise ValueProblem("un nombre entier est attendu, par exemple 12")


def _int_bounded(number: int) -> int:
    if abs(number) > MAX_INT:
        raise ValueProblem(f"nombre trop grand : au plus {_grouped(MAX_INT)} en valeur absolue")
    return number


def _grouped(number: int) -> str:
    """« 1 000 000 000 000 » (U+00A0 between groups, as fr_CA writes it)."""
    return f"{number:,}".replace(",", "\u00a0")


def _decimal(value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueProblem("un nombre est attendu")
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = re.sub(r"[\s\u00a0\u202f$]", "", str(value))
    if "," in text and "." in text:
        text = (
            text.replace(",", "")
            if text.rfind(".") > text.rfind(",")
            else text.replace(".", "").replace(",", ".")
        )
    else:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueProblem("un nombre est attendu, par exemple 1 234,56") from None
    if not number.is_finite():
        raise ValueProblem("un nombre est attendu, par exemple 1 234,56")
    return number


def parse_decimal(value: object) -> float | None:
    number = _decimal(value)
    if number is not None and abs(number) > MAX_DECIMAL:
        raise ValueProblem(f"nombre trop grand : au plus {_grouped(MAX_DECIMAL)} en valeur absolue")
    return None if number is None else float(number)


def parse_money(value: object) -> int | None:
    """Integer cents from « 1 234,56 $ », "1234.56" or 1234.56 (dollars), or an int (cents).

    An ``int`` is the canonical form (cents), so a stored or synced value parses back to itself;
    whoever reads dollars as a whole number (a spreadsheet cell) hands it over as text or Decimal.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return _money_bounded(value)
    try:
        number = _decimal(value)
    except ValueProblem:
        raise ValueProblem("un montant est attendu, par exemple 1 234,56 $") from None
    if number is None:
        return None
    if abs(number) > MAX_MONEY_CENTS:  # dollars: refuse before scaling a huge exponent
        return _money_bounded(MAX_MONEY_CENTS + 1)
    cents = number * 100
    if cents != cents.to_integral_value():
        raise ValueProblem("un montant a au plus deux décimales")
    return _money_bounded(int(cents))


def _money_bounded(cents: int) -> int:
    if abs(cents) > MAX_MONEY_CENTS:
        raise ValueProblem(f"montant hors limites : au plus {money_cents(MAX_MONEY_CENTS)}")
    return cents


def _date_bounded(day: dt.date) -> str:
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValueProblem(
            f"date hors limites ({day.isoformat()}) : une date entre "
            f"{MIN_DATE.isoformat()} et {MAX_DATE.isoformat()} est attendue"
        )
    return day.isoformat()


def _canonical_date(text: str) -> bool:
    """Whether ``text`` is already what ``parse_date`` returns for it: a synced or stored date
    (« 2026-11-26 », within bounds). Checked by a round trip through C (``fromisoformat``), so
    nothing the full parse would read differently (« 2026-W48-4 », « 20261126 ») passes."""
    if text in _CANONICAL_DATES:
        return True
    try:
        day = _date_fromiso(text)
    except ValueError:
        return False
    return (
        MIN_YEAR <= day.year <= MAX_YEAR
        and day.isoformat() == text
        and _seen(_CANONICAL_DATES, text)
    )


def _canonical_datetime(text: str) -> bool:
    """Whether ``text`` is already what ``parse_datetime`` returns for it (« 2026-11-26T14:30 »,
    within bounds): the usual value of a pulled or pushed change, checked by a round trip."""
    if text in _CANONICAL_DATETIMES:
        return True
    try:
        moment = _datetime_fromiso(text)
    except ValueError:
        return False
    canonical = MIN_YEAR <= moment.year <= MAX_YEAR and moment.isoformat("T", "minutes") == text
    return canonical and _seen(_CANONICAL_DATETIMES, text)


_date_fromiso = dt.date.fromisoformat
_datetime_fromiso = dt.datetime.fromisoformat
#: Texts already found canonical (the check is pure): the server parses a pushed value twice
#: (the change, then the record), and a pulled page repeats dates. Emptied when full.
_CANONICAL_DATES: set[str] = set()
_CANONICAL_DATETIMES: set[str] = set()
_SEEN_MAX = 8192


def _seen(seen: set[str], text: str) -> bool:
    """Remember a canonical ``text``; True, for use at the end of a check."""
    if len(seen) >= _SEEN_MAX:
        seen.clear()
    seen.add(text)
    return True


def parse_date(value: object) -> str | None:
    """ISO date text from 2026-11-26, 26/11/2026, a date, or an Excel serial number."""
    if type(value) is str and len(value) == 10 and value[4] == "-" and _canonical_date(value):
        return value  # already canonical: the usual case of a sync (one parse was a tenth of it)
    return _parse_date(value)


def _parse_date(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return _date_bounded(value.date())
    if isinstance(value, dt.date):
        return _date_bounded(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return _date_bounded(EXCEL_EPOCH + dt.timedelta(days=int(value)))
        raise ValueProblem("une date est attendue (AAAA-MM-JJ)")
    text = str(value).strip()
    if re.fullmatch(r"\d{4,6}(\.0)?", text) and 1 <= float(text) < 2958466:
        return _date_bounded(EXCEL_EPOCH + dt.timedelta(days=int(float(text))))
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
        if not match:
            raise ValueProblem("une date est attendue au format AAAA-MM-JJ, par exemple 2026-11-26")
        day, month, year = (int(g) for g in match.groups())
    try:
        parsed = dt.date(year, month, day)
    except ValueError:
        raise ValueProblem(f"« {text} » n'est pas une date qui existe") from None
    return _date_bounded(parsed)


def parse_datetime(value: object) -> str | None:
    """ISO local date and time to the minute ("2026-11-26T14:30")."""
    if type(value) is str and len(value) == 16 and value[10] == "T" and _canonical_datetime(value):
        return value  # already canonical: what every synced visit carries
    return _parse_datetime(value)


def _parse_datetime(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        _date_bounded(value.date())
        return value.replace(second=0, microsecond=0, tzinfo=None).isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        _date_bounded(value)
        return dt.datetime.combine(value, dt.time()).isoformat(timespec="minutes")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2958466:  # also refuses NaN and infinities
            raise ValueProblem("une date et une heure sont attendues, par exemple 2026-11-26 14:30")
        moment = dt.datetime.combine(EXCEL_EPOCH, dt.time()) + dt.timedelta(days=float(value))
        _date_bounded(moment.date())
        return moment.replace(second=0, microsecond=0).isoformat(timespec="minutes")
    text = str(value).strip()
    match = re.fullmatch(r"(.+?)[T ](\d{1,2})(?::|\s?h\s?)(\d{2})(?::\d{2}(?:\.\d+)?)?", text)
    if match:
        day = _parse_date(match.group(1))
        hour, minute = int(match.group(2)), int(match.group(3))
        if hour > 23 or minute > 59:
            raise ValueProblem("une heure entre 00:00 et 23:59 est attendue")
        return f"{day}T{hour:02d}:{minute:02d}"
    try:
        day = _parse_date(text)
    except ValueProblem:
        raise ValueProblem(
            "une date et une heure sont attendues, par exemple 2026-11-26 14:30"
        ) from None
    return f"{day}T00:00"


_TRUE = {"1", "oui", "o", "vrai", "true", "yes", "x", "fait"}
_FALSE = {"0", "non", "n", "faux", "false", "no", ""}


def parse_bool(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueProblem("« oui » ou « non » est attendu")


def parse_enum(value: object, choices: tuple[tuple[str, str], ...]) -> str | None:
    """An enumeration value, given either as its code or its French label (any case or accents)."""
    from coordinator_app.domain.text import fold

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    code = _enum_index(choices).get(fold(str(value).strip()))
    if code is not None:
        return code
    expected = ", ".join(f"« {label} »" for _, label in choices[:10])
    raise ValueProblem(f"une de ces valeurs est attendue : {expected}")


def enum_parser(choices: tuple[tuple[str, str], ...]) -> Callable[[object], str | None]:
    """``parse_enum`` for one field's ``choices``, with the answer for each exact code and label
    worked out once: a synced value is a code, and folding it (plus hashing ``choices``) on each
    call was most of the work. Anything else goes through ``parse_enum`` itself."""
    known = {text: parse_enum(text, choices) for choice in choices for text in choice}
    known_get = known.get

    def parse(value: object) -> str | None:
        if type(value) is str:
            code = known_get(value)
            if code is not None:
                return code
        return parse_enum(value, choices)

    return parse


@functools.cache
def _enum_index(choices: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Folded code or label → code; the first choice wins, as a scan in order would."""
    from coordinator_app.domain.text import fold

    index: dict[str, str] = {}
    for code, label in choices:
        index.setdefault(fold(code), code)
        index.setdefault(fold(label), code)
    return index


def parse_region_code(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    code = parse_region(value)
    if code is None:
        raise ValueProblem(
            "une région du Québec est attendue, par son code (03) ou son nom (Capitale-Nationale)"
        )
    return code


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


def parse_email(value: object) -> str | None:
    text = parse_text(value, 254)
    if text is None:
        return None
    if not _EMAIL.fullmatch(text):
        raise ValueProblem("une adresse courriel est attendue, par exemple nom@exemple.qc.ca")
    return text.lower()


def parse_phone(value: object) -> str | None:
    text = parse_text(value, 40)
    if text is None:
        return None
    digits = re.sub(r"\D", "", text.split("poste")[0])
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10:
        raise ValueProblem(
            "un numéro de téléphone à 10 chiffres est attendu, par exemple 418 555-1234"
        )
    extension = re.findall(r"(?:poste|ext\.?|#)\s*(\d+)", text, flags=re.IGNORECASE)
    number = f"{digits[:3]} {digits[3:6]}-{digits[6:]}"
    return f"{number}, poste {extension[0]}" if extension else number


_POSTAL = re.compile(r"([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])\s?(\d[ABCEGHJ-NPRSTV-Z]\d)")


def parse_postal_code(value: object) -> str | None:
    text = parse_text(value, 10)
    if text is None:
        return None
    match = _POSTAL.fullmatch(text.upper())
    if not match:
        raise ValueProblem("un code postal canadien est attendu, par exemple G1R 4S9")
    return f"{match.group(1)} {match.group(2)}"


def split_list(value: object) -> list:
    """A list from a list, or from text separated by semicolons or line breaks."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    text = str(value).strip()
    if not text:
        return []
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]
