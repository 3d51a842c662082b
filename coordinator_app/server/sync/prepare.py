"""What a push computes before the write lock: CPU work other pushes need not wait for.

Hashes, parsed values and (for creates) validation; none of it reads the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.domain.validation import clean_record, parse_field
from coordinator_app.domain.values import ValueProblem
from coordinator_app.protocol.kinds import CONFLICT_KIND, WIRE_KINDS
from coordinator_app.protocol.models import Change, utc_iso
from coordinator_app.server.sync.checks import EntryProblem

#: A change's parsed ``[old, new]`` values, the problem found parsing them, or None (not parsed).
Parsed = dict[str, tuple[Any, Any]] | EntryProblem | None
#: What validation does to a record: the (field, value) it sets, or why it refuses the record
Cleaned = list[tuple[str, Any]] | ValidationFailed
#: (kind, record_id) → (values, ``cleaned(values)``)
Precleaned = dict[tuple[str, str], tuple[dict[str, Any], Cleaned]]


def content_hash(change: Change) -> str:
    """Hash of what a change says, to tell an exact replay from a reused change id.

    ``base_seq`` is left out: it is a hint about the client's view, which a client may recompute
    (or drop) when it re-sends after a server restore, and the change stays the same change.

    The payload is what ``model_dump(mode="json")`` gave without ``change_id`` and ``base_seq``,
    built by hand (a third of the hash's cost): ``fields`` holds only JSON values
    (``Change._encodable``), which JSON mode dumped unchanged, and ``_HASHED`` makes a new field
    of ``Change`` fail at import until it is placed here or left out on purpose."""
    payload = {
        "kind": change.kind,
        "record_id": change.record_id,
        "op": change.op,
        "fields": change.fields,
        "at": utc_iso(change.at),
        "author": change.author,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_HASHED = {"kind", "record_id", "op", "fields", "at", "author"}
assert set(Change.model_fields) == _HASHED | {"change_id", "base_seq"}, "content_hash: new field"


def parse_fields(change: Change) -> dict[str, tuple[Any, Any]]:
    """The change's ``[old, new]`` values parsed; needs no database, so it runs before the
    write lock is taken."""
    spec = ENTITIES[change.kind]
    problems: list[tuple[str | None, str]] = []
    parsed: dict[str, tuple[Any, Any]] = {}
    for name, (old, new) in change.fields.items():
        if not spec.has_field(name):
            problems.append((name, f"champ inconnu pour « {spec.label} » : {name}"))
            continue
        field_spec = spec.field(name)
        try:
            new_value = parse_field(field_spec, new)
        except ValueProblem as problem:
            problems.append((name, f"{field_spec.label} : {problem}"))
            continue
        try:
            old_value = parse_field(field_spec, old)
        except ValueProblem:
            old_value = old
        parsed[name] = (old_value, new_value)
    if problems:
        raise EntryProblem("invalid", problems)
    return parsed


def parses(change: Change) -> bool:
    """Whether the change carries fields of a record kind (a conflict's are checked apart)."""
    return change.kind in ENTITIES and change.kind != CONFLICT_KIND


def prepare(changes: list[Change], today: dt.date) -> tuple[list[tuple[str, Parsed]], Precleaned]:
    """Hash, parse and (for creates) validate every change before the write lock. A parse
    problem is kept and raised when its change's turn comes, as before. A create's validation is
    reused under the lock only if the merged record holds exactly the values validated here (a
    new record: the usual case); ``clean_record`` is pure."""
    prepared: list[tuple[str, Parsed]] = []
    precleaned: Precleaned = {}
    for change in changes:
        parsed: Parsed = None
        if parses(change):
            try:
                parsed = parse_fields(change)
            except EntryProblem as problem:
                parsed = problem
        if change.op == "create" and isinstance(parsed, dict):
            values = {name: new for name, (_old, new) in parsed.items() if new is not None}
            outcome = cleaned(change.kind, values, today, copy=True)
            precleaned[(change.kind, change.record_id)] = (values, outcome)
        prepared.append((content_hash(change), parsed))
    return prepared, precleaned


def cleaned(kind: str, data: dict[str, Any], today: dt.date, *, copy: bool = False) -> Cleaned:
    """What ``clean_record`` changes in ``data``: the values it canonicalises and the fields it
    adds (an empty default is not added), in its order; or its ValidationFailed. Pure, so it runs
    before the lock for a create; the same assignments apply to any record whose values are
    equal to ``data`` (JSON values: equality is transitive, so each comparison comes out the
    same)."""
    try:
        outcome = clean_record(kind, dict(data) if copy else data, today=today)
    except ValidationFailed as failed:
        return failed
    return [
        (name, value)
        for name, value in outcome.items()
        if data.get(name) != value and not (value in (None, []) and name not in data)
    ]


def keys_to_prefetch(changes: list[Change]) -> set[tuple[str, str]]:
    """Records the batch will read: its own records and the projects its children name."""
    keys: set[tuple[str, str]] = set()
    for change in changes:
        if change.kind not in WIRE_KINDS:
            continue
        keys.add((change.kind, change.record_id))
        project = change.fields.get("project_id")
        if project and isinstance(project[1], str) and project[1]:
            keys.add(("project", project[1]))
    return keys
