"""Writes of one record: a form's save, « Fait » on a follow-up, a value restored from history."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coordinator_app.domain.errors import FieldProblem, ValidationFailed
from coordinator_app.domain.validation import clean_record
from coordinator_app.operations.changes import Changes, changed
from coordinator_app.store import Store
from coordinator_app.store.journal_notes import restore_value


@dataclass(frozen=True)
class SavedRecord:
    """The record as stored, and what changed."""

    record: dict[str, Any]
    changes: Changes


def record_problems(
    store: Store,
    kind: str,
    values: Mapping[str, Any],
    known: list[FieldProblem] = (),  # type: ignore[assignment]
) -> list[FieldProblem]:
    """Every problem of ``values`` for ``kind``: ``known`` ones first (a form's unresolved
    references), then the domain's for the other fields; empty when it can be saved."""
    problems = list(known)
    try:
        clean_record(kind, dict(values), today=store.today())
    except ValidationFailed as failed:
        named = {p.field for p in problems}
        problems += [p for p in failed.problems if p.field not in named]
    return problems


def save_record(
    store: Store, kind: str, record_id: str | None, values: Mapping[str, Any]
) -> SavedRecord:
    """Create (``record_id`` None) or update one record; ``ValidationFailed`` names the fields."""
    record = store.update(kind, record_id, values) if record_id else store.create(kind, values)
    return SavedRecord(record, changed(kind))


def set_action_done(store: Store, action_id: str, done: bool) -> Changes:
    """« Fait » ticked or unticked on a follow-up (its undo is the same call with ``not done``)."""
    store.update("action_item", action_id, {"done": done})
    return changed("action_item")


def restore_field(store: Store, kind: str, record_id: str, name: str, old: Any) -> SavedRecord:
    """« Rétablir cette valeur »: the old value back, noted in the history as a restoration."""
    return SavedRecord(restore_value(store, kind, record_id, name, old), changed(kind))


def put_field_back(store: Store, kind: str, record_id: str, name: str, value: Any) -> Changes:
    """The undo of a restoration: the value it replaced, as an ordinary change."""
    store.update(kind, record_id, {name: value})
    return changed(kind)
