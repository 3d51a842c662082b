"""Validation of whole records: every field parsed to its canonical form, then the rules that
involve several fields (dates in order, stage of the right program, consent of minors under 14).

``clean_record`` collects *every* problem before failing, so a form can mark all wrong fields at once
and an import can report every bad cell of a row.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

from coordinator_app.domain import values as v
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import FieldProblem, ValidationFailed
from coordinator_app.domain.people import OWNER_STAFF
from coordinator_app.domain.schema import EntitySpec, FieldSpec, FieldType
from coordinator_app.domain.stages import STAGES, stage_values

CONSENT_AGE = 14
_ID = re.compile(r"[A-Za-z0-9_\-]{1,64}")


def _parse_id(value: object) -> str | None:
    text = v.parse_text(value, 64)
    if text is not None and not _ID.fullmatch(text):
        raise v.ValueProblem("un identifiant (lettres, chiffres, tirets) est attendu")
    return text


def _parse_ids(value: object) -> list[str]:
    return [i for i in (_parse_id(item) for item in v.split_list(value)) if i]


def _parse_list(value: object) -> list[str]:
    return [t for t in (v.parse_text(item, 500) for item in v.split_list(value)) if t]


def _parse_dates(value: object) -> list[str]:
    return [d for d in (v.parse_date(item) for item in v.split_list(value)) if d]


def _parse_json(value: object) -> list[Any]:
    import json

    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            raise v.ValueProblem("une liste JSON est attendue") from None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise v.ValueProblem("une liste d'éléments est attendue")
    return value


@functools.cache
def _parser(spec: FieldSpec) -> Callable[[object], Any]:
    """The parser of one field, built once per field (imports validate hundreds of thousands)."""
    T = FieldType
    if spec.type == T.ENUM:
        return v.enum_parser(spec.choices)
    limit = spec.max_length
    table: dict[FieldType, Callable[[object], Any]] = {
        T.TEXT: lambda x: v.parse_text(x, limit),
        T.LONGTEXT: lambda x: v.parse_text(x, limit),
        T.INT: v.parse_int,
        T.DECIMAL: v.parse_decimal,
        T.MONEY: v.parse_money,
        T.DATE: v.parse_date,
        T.DATETIME: v.parse_datetime,
        T.BOOL: v.parse_bool,
        T.REGION: v.parse_region_code,
        T.EMAIL: v.parse_email,
        T.PHONE: v.parse_phone,
        T.POSTAL_CODE: v.parse_postal_code,
        T.REF: _parse_id,
        T.REFS: _parse_ids,
        T.LIST: _parse_list,
        T.DATES: _parse_dates,
        T.JSON: _parse_json,
    }
    return table[spec.type]


_NUMBERS = (FieldType.INT, FieldType.DECIMAL, FieldType.MONEY)


def parse_field(spec: FieldSpec, value: object) -> Any:
    """Parse one field's value, raising ``ValueProblem`` with a French message."""
    known = _BY_IDENTITY.get(id(spec))
    if known is None or known[0] is not spec:
        parser = _parser(spec)
        if spec.type in _NUMBERS:
            parser = functools.partial(_parsed_checked, spec, parser)
        known = _BY_IDENTITY[id(spec)] = (spec, parser, _empty(spec, _parser(spec)))
    if value is None and known[2] is not _PARSE:
        return [] if known[2] == [] else known[2]  # a fresh list for each call
    return known[1](value)


def _parsed_checked(spec: FieldSpec, parser: Callable[[object], Any], value: object) -> Any:
    return _checked(spec, parser(value))


#: ``id(spec)`` → (spec, parser, what it makes of None): a server push parses the old and new
#: value of every field of every change, and hashing the ``FieldSpec`` (a dataclass of a dozen
#: fields) to find its cached parser cost as much as the parse. The spec is kept, so its id cannot
#: be reused while the entry stands.
_BY_IDENTITY: dict[int, tuple[FieldSpec, Callable[[object], Any], Any]] = {}
_PARSE = object()  # ``_empty``: this field's parser must see None (it never does today)


def _empty(spec: FieldSpec, parser: Callable[[object], Any]) -> Any:
    """What a field's parser and bounds make of an absent value (None): parsers are pure, so it
    is worked out once per field; ``_PARSE`` when the parser refuses None (none does today)."""
    try:
        return _checked(spec, parser(None))
    except v.ValueProblem:
        return _PARSE


def _checked(spec: FieldSpec, parsed: Any) -> Any:
    """``parsed`` after the field's bounds check (numbers only)."""
    if spec.type in _NUMBERS and parsed is not None:
        shown = parsed / 100 if spec.type == FieldType.MONEY else parsed
        if spec.minimum is not None and shown < spec.minimum:
            raise v.ValueProblem(
                "un nombre positif ou nul est attendu"
                if spec.minimum == 0
                else f"au moins {_bound_text(spec, spec.minimum)}"
            )
        if spec.maximum is not None and shown > spec.maximum:
            raise v.ValueProblem(f"au plus {_bound_text(spec, spec.maximum)}")
    return parsed


def _bound_text(spec: FieldSpec, bound: float) -> str:
    """A bound as a person reads it: « 2 100 », « 10 000 000,00 $ » (never « 1e+07 »)."""
    from coordinator_app.domain import fr_ca

    if spec.type == FieldType.MONEY:
        return fr_ca.money_cents(round(bound * 100))
    if float(bound).is_integer():  # a year (« 1990 ») is not grouped; « 10 000 » is
        return str(int(bound)) if abs(bound) < 10_000 else fr_ca.number(int(bound))
    return fr_ca.number(bound, 2)


@functools.cache
def _field_parsers(kind: str) -> tuple[tuple[FieldSpec, Callable[[object], Any], bool], ...]:
    """Each field of ``kind`` with its parser and whether it has bounds, looked up once per kind
    (hashing a ``FieldSpec`` for every value was a tenth of ``clean_record``)."""
    return tuple((spec, _parser(spec), spec.type in _NUMBERS) for spec in ENTITIES[kind].fields)


def age_on(birth_date: str, day: dt.date) -> int:
    """Age in whole years on ``day``."""
    born = dt.date.fromisoformat(birth_date)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def needs_parental_consent(birth_date: str | None, today: dt.date) -> bool:
    """Law 25: personal information about a minor under 14 needs a parent's or tutor's consent."""
    return birth_date is not None and age_on(birth_date, today) < CONSENT_AGE


def consent_missing(participant: Mapping[str, Any], today: dt.date) -> bool:
    """True when a participant under 14 has no recorded consent (who, date and purposes)."""
    if participant.get("anonymised"):
        return False
    has_consent = all(
        participant.get(f) for f in ("consent_by", "consent_date", "consent_purposes")
    )
    return needs_parental_consent(participant.get("birth_date"), today) and not has_consent


def clean_record(kind: str, raw: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
    """Validate a whole record of ``kind`` and return its canonical values.

    Unknown keys are ignored (ids and metadata are the store's business); every known field gets a
    value (None or an empty list when absent). Raises ``ValidationFailed`` listing every problem.
    """
    spec = ENTITIES[kind]
    problems: list[FieldProblem] = []
    clean: dict[str, Any] = {}
    for field, parser, bounded, empty in _record_plan(kind):
        raw_value = raw.get(field.name)
        if raw_value is None and empty is not _PARSE:
            clean[field.name] = [] if empty == [] else empty  # a fresh list for each record
            continue
        try:
            parsed = parser(raw_value)
            clean[field.name] = _checked(field, parsed) if bounded else parsed
        except v.ValueProblem as problem:
            problems.append(FieldProblem(field.name, field.label, str(problem), raw_value))
            clean[field.name] = None
    problems += _required_problems(spec, clean, {p.field for p in problems})
    problems += _record_rules(spec, clean, today)
    if problems:
        raise ValidationFailed(problems, kind)
    return clean


@functools.cache
def _record_plan(kind: str) -> tuple[tuple[FieldSpec, Callable[[object], Any], bool, Any], ...]:
    """``_field_parsers`` plus what each parser makes of an absent value (None): most fields of a
    synced record are empty, and calling the parser for each was a third of ``clean_record``.
    Parsers are pure, so the answer is worked out once; a parser that refuses None keeps its call."""
    return tuple(
        (spec, parser, bounded, _empty(spec, parser))
        for spec, parser, bounded in _field_parsers(kind)
    )


@functools.cache
def _maybe_required(kind: str) -> tuple[FieldSpec, ...]:
    """The fields of ``kind`` that are, or may be (for some program), required."""
    return tuple(f for f in ENTITIES[kind].fields if f.required or f.required_for)


def _required_problems(
    spec: EntitySpec, clean: dict[str, Any], failed: set[str]
) -> list[FieldProblem]:
    program = clean.get("program")
    problems = []
    for field in _maybe_required(spec.kind):
        needed = field.required or (program in field.required_for)
        value = clean.get(field.name)
        if needed and field.name not in failed and (value is None or value == []):
            problems.append(FieldProblem(field.name, field.label, "ce champ est obligatoire"))
    return problems


def _dates_in_order(
    clean: dict[str, Any], first: str, last: str, spec: EntitySpec
) -> list[FieldProblem]:
    if clean.get(first) and clean.get(last) and clean[last] < clean[first]:
        label = spec.field(first).label.lower()
        return [
            FieldProblem(
                last,
                spec.field(last).label,
                f"doit suivre la {label} ({clean[first]})",
                clean[last],
            )
        ]
    return []


def _record_rules(spec: EntitySpec, clean: dict[str, Any], today: dt.date) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if spec.kind == "project":
        problems += _dates_in_order(clean, "start_date", "end_date", spec)
        problems += _dates_in_order(clean, "founding_date", "closure_date", spec)
        program, stage = clean.get("program"), clean.get("stage")
        if program in STAGES and stage and stage not in stage_values(program):
            expected = ", ".join(f"« {label} »" for _, label in STAGES[program])
            problems.append(
                FieldProblem(
                    "stage", "Étape", f"une étape du programme est attendue : {expected}", stage
                )
            )
        for field in spec.fields:
            if (
                field.programs
                and program
                and program not in field.programs
                and clean.get(field.name) not in (None, [])
            ):
                clean[field.name] = None if not field.is_list else []
    if spec.kind == "action_item":
        problems += _owner_problems(clean)
    if spec.kind == "participant":
        birth = clean.get("birth_date")
        if birth and birth > today.isoformat():
            problems.append(
                FieldProblem(
                    "birth_date", "Date de naissance", "ne peut pas être dans le futur", birth
                )
            )
        elif consent_missing(clean, today):
            # The message goes under the first consent field still empty: once « Consentement
            # donné par » is filled, it moves to « Date » or « Fins du consentement ».
            missing = next(
                name
                for name in ("consent_by", "consent_date", "consent_purposes")
                if not clean.get(name)
            )
            problems.append(
                FieldProblem(
                    missing,
                    spec.field(missing).label,
                    "un jeune de moins de 14 ans exige le consentement d'un parent ou tuteur "
                    "(par qui, date et fins du consentement)",
                )
            )
        consent = clean.get("consent_date")
        if consent and consent > today.isoformat():
            problems.append(
                FieldProblem(
                    "consent_date",
                    "Date du consentement",
                    "ne peut pas être dans le futur",
                    consent,
                )
            )
    return problems


def _owner_problems(clean: dict[str, Any]) -> list[FieldProblem]:
    """A follow-up owned by a staff account names the account; an account implies that kind."""
    if clean.get("owner_account") and not clean.get("owner_kind"):
        clean["owner_kind"] = OWNER_STAFF
    if clean.get("owner_kind") == OWNER_STAFF and not clean.get("owner_account"):
        return [
            FieldProblem(
                "owner_account",
                "Responsable",
                "choisissez la personne du CQCM responsable de ce suivi",
            )
        ]
    if clean.get("owner_kind") not in (None, OWNER_STAFF):
        clean["owner_account"] = None
    return []
