"""The fast paths of value parsing (issue 17: a synced value is already canonical, so it skips the
full parse) give exactly what the full parse gives: same value, or same refusal with the same
French message, over many generated inputs — canonical, borderline and invalid.

The references are the full parsers themselves (``values._parse_date``, ``values._parse_datetime``,
``values.parse_enum``) and, for whole records, a loop that calls every field's parser as
``clean_record`` did before its shortcuts."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator_app.domain import validation
from coordinator_app.domain import values as v
from coordinator_app.domain.demo import generate_demo
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import FieldProblem, ValidationFailed
from coordinator_app.domain.schema import FieldType

TODAY = dt.date(2026, 11, 26)


def outcome(parse: Any, value: object) -> tuple:
    """A parse's result, or its refusal and French message, as one comparable value."""
    try:
        return ("ok", type(parse(value)), parse(value))
    except v.ValueProblem as problem:
        return ("refused", str(problem))


def borderline_dates() -> list[str]:
    """Around the bounds, months and days that do not exist, and ISO forms that are not ours."""
    texts = []
    for year, month, day in itertools.product(
        ("1899", "1900", "1901", "2026", "2099", "2100", "2101", "0001", "9999"),
        ("00", "01", "02", "1", "12", "13"),
        ("00", "01", "1", "28", "29", "30", "31", "32"),
    ):
        texts.append(f"{year}-{month}-{day}")
    texts += ["2026-W48-4", "2026-330", "20261126", "2026-11-2６", "２０２６-11-26", "2026-11-26 "]
    texts += [" 2026-11-26", "2026/11/26", "26/11/2026", "2026-11-26T00:00", "44000", "44000.0"]
    texts += ["2026-11-26Z", "+2026-11-26", "2026-11-26\n", "2026_11_26", "2026-11-26T"]
    return texts


def borderline_datetimes() -> list[str]:
    texts = []
    for day, sep, time in itertools.product(
        ("2026-11-26", "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "2026-02-30"),
        ("T", " ", "t"),
        ("00:00", "14:30", "23:59", "24:00", "23:60", "9:30", "14:3", "14h30", "14:30:00", "1430"),
    ):
        texts.append(f"{day}{sep}{time}")
    texts += ["2026-11-26T14:30+00:00", "2026-11-26T14:30Z", "2026-W48-4T14:30", "2026-11-26T14"]
    texts += ["2026-11-26T14:30:59.5", "2026-11-26T1４:30", "20261126T1430", "2026-11-26T14:30 "]
    return texts


def mutations(text: str, rng: random.Random, count: int) -> list[str]:
    """``count`` copies of ``text`` with one character replaced, inserted or removed."""
    alphabet = "0123456789-T :/.+Zh\u0660\uff10"
    out = []
    for _ in range(count):
        i = rng.randrange(len(text))
        choice = rng.choice(alphabet)
        out.append(
            rng.choice((text[:i] + choice + text[i + 1 :], text[:i] + choice + text[i:]))
            if rng.random() < 0.8
            else text[:i] + text[i + 1 :]
        )
    return out


def test_parse_date_fast_path_equals_full_parse():
    rng = random.Random(17)
    days = [dt.date(1890, 1, 1) + dt.timedelta(days=rng.randrange(80_000)) for _ in range(3000)]
    texts = [d.isoformat() for d in days] + borderline_dates()
    texts += [m for t in texts[:500] for m in mutations(t, rng, 4)]
    odd = [None, "", "  ", 44000, 44000.0, dt.date(2026, 11, 26), dt.datetime(2026, 11, 26, 9)]
    fast_taken = 0
    for text in (texts + odd) * 2:  # the second time, canonical texts are remembered ones
        assert outcome(v.parse_date, text) == outcome(v._parse_date, text), repr(text)
        fast_taken += isinstance(text, str) and len(text) == 10 and v._canonical_date(text)
    assert fast_taken > 4000  # the comparison covered the fast path, not only the fallback
    assert 0 < len(v._CANONICAL_DATES) <= v._SEEN_MAX


def test_parse_datetime_fast_path_equals_full_parse():
    rng = random.Random(18)
    start = dt.datetime(1890, 1, 1)
    moments = [start + dt.timedelta(minutes=rng.randrange(80_000 * 1440)) for _ in range(3000)]
    texts = [m.isoformat(timespec="minutes") for m in moments] + borderline_datetimes()
    texts += [m for t in texts[:500] for m in mutations(t, rng, 4)]
    odd = [None, "", 44000.5, dt.date(2026, 11, 26), dt.datetime(2026, 11, 26, 9, 5, 7)]
    fast_taken = 0
    for text in (texts + odd) * 2:
        assert outcome(v.parse_datetime, text) == outcome(v._parse_datetime, text), repr(text)
        fast_taken += isinstance(text, str) and len(text) == 16 and v._canonical_datetime(text)
    assert fast_taken > 4000


def test_remembered_canonical_texts_stay_bounded():
    start = dt.datetime(2000, 1, 1)
    for minutes in range(v._SEEN_MAX * 2 + 5):
        text = (start + dt.timedelta(minutes=minutes)).isoformat(timespec="minutes")
        assert v.parse_datetime(text) == text
    assert 0 < len(v._CANONICAL_DATETIMES) <= v._SEEN_MAX
    assert v.parse_datetime("2000-01-01T00:00") == "2000-01-01T00:00"  # forgotten, still right


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789-T: /.", min_size=8, max_size=18))
def test_any_date_like_text_parses_the_same_both_ways(text):
    assert outcome(v.parse_date, text) == outcome(v._parse_date, text)
    assert outcome(v.parse_datetime, text) == outcome(v._parse_datetime, text)


def enum_inputs(choices: tuple[tuple[str, str], ...]) -> list[object]:
    """Each code and label as is, in other cases, with spaces, accents removed, and near misses."""
    out: list[object] = [None, "", " ", 3, True, "inconnu"]
    for code, label in choices:
        for text in (code, label):
            out += [text, text.upper(), text.lower(), f" {text} ", text[:-1], text + "x"]
            out.append(text.replace("é", "e").replace("É", "E"))
    return out


def test_enum_fast_path_equals_parse_enum_for_every_enum_field():
    fields = [f for e in ENTITIES.values() for f in e.fields if f.type == FieldType.ENUM]
    assert fields
    # a code equal to an earlier label once folded: the first choice must still win
    tricky = (("a", "B"), ("b", "A"), ("É", "e"), ("e", "x"))
    for choices in [f.choices for f in fields] + [tricky]:
        fast = v.enum_parser(choices)
        for value in enum_inputs(choices):
            assert outcome(fast, value) == outcome(lambda x, c=choices: v.parse_enum(x, c), value)
    assert v.enum_parser(tricky)("b") == "a"


def reference_parse(spec: Any, value: object) -> Any:
    """A field's value through the full parsers only, and its bounds, as before issue 17's work."""
    full = {
        FieldType.DATE: v._parse_date,
        FieldType.DATETIME: v._parse_datetime,
        FieldType.ENUM: lambda x: v.parse_enum(x, spec.choices),
    }.get(spec.type)
    if full is None:
        return validation._checked(spec, validation._parser(spec)(value))
    return validation._checked(spec, full(value))


def reference_clean(kind: str, raw: dict[str, Any]) -> tuple:
    """``clean_record`` without its shortcuts: every field parsed, every field checked."""
    entity = ENTITIES[kind]
    problems: list[FieldProblem] = []
    clean: dict[str, Any] = {}
    for field in entity.fields:
        try:
            clean[field.name] = reference_parse(field, raw.get(field.name))
        except v.ValueProblem as problem:
            problems.append(
                FieldProblem(field.name, field.label, str(problem), raw.get(field.name))
            )
            clean[field.name] = None
    failed = {p.field for p in problems}
    program = clean.get("program")
    for field in entity.fields:
        needed = field.required or program in field.required_for
        if needed and field.name not in failed and clean[field.name] in (None, []):
            problems.append(FieldProblem(field.name, field.label, "ce champ est obligatoire"))
    problems += validation._record_rules(entity, clean, TODAY)
    return ("refused", problems) if problems else ("ok", clean)


def actual_clean(kind: str, raw: dict[str, Any]) -> tuple:
    try:
        return ("ok", validation.clean_record(kind, raw, today=TODAY))
    except ValidationFailed as failed:
        return ("refused", list(failed.problems))


def spoiled(values: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A record with some fields emptied, dropped, or given a borderline or wrong value."""
    out = dict(values)
    odd = [None, "", "2026-02-30", "2026-11-26T24:00", "2101-01-01", "oui", -1, 10**13, "x" * 600]
    for name in rng.sample(sorted(out), k=min(3, len(out))):
        roll = rng.random()
        if roll < 0.3:
            del out[name]
        else:
            out[name] = rng.choice(odd)
    return out


def test_clean_record_and_parse_field_equal_the_full_parse_on_demo_records():
    rng = random.Random(19)
    records = list(generate_demo(3, TODAY))
    assert {r.kind for r in records} >= {"project", "visit", "participant", "action_item"}
    refused = 0
    for record in records:
        for raw in (record.values, spoiled(record.values, rng)):
            expected = reference_clean(record.kind, raw)
            assert actual_clean(record.kind, raw) == expected, (record.kind, raw)
            refused += expected[0] == "refused"
            for field in ENTITIES[record.kind].fields:
                value = raw.get(field.name)
                assert outcome(lambda x, f=field: validation.parse_field(f, x), value) == outcome(
                    lambda x, f=field: reference_parse(f, x), value
                ), (field.name, value)
    assert refused > 100  # refusals were compared too, not only accepted records


def test_empty_list_values_are_fresh_for_each_record():
    first = validation.clean_record("visit", {"project_id": "p", "visited_at": "2026-11-26T10:00",
                                              "mode": "sur_place"}, today=TODAY)  # fmt: skip
    first["made_by"].append("alice")
    second = validation.clean_record("visit", {"project_id": "p", "visited_at": "2026-11-26T10:00",
                                               "mode": "sur_place"}, today=TODAY)  # fmt: skip
    assert second["made_by"] == []
    spec = ENTITIES["visit"].field("made_by")
    validation.parse_field(spec, None).append("bob")
    assert validation.parse_field(spec, None) == []
