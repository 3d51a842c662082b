"""« Enregistrer la visite »: the visit, its follow-ups and its attachments in one transaction.

The editor hands over what is typed (``VisitDraft``); this module validates all of it before
anything is written, writes it in ONE store transaction (a refused value or a crash leaves the
whole visit or nothing) and returns the ids of the records it created. The editor sets those ids
on its rows only after the commit, so a rolled-back save leaves no row pointing at a record that
does not exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from coordinator_app.domain.errors import FieldProblem, ValidationFailed
from coordinator_app.domain.validation import clean_record
from coordinator_app.operations.changes import Changes, changed
from coordinator_app.operations.records import record_problems
from coordinator_app.store import Store, people

#: The follow-up values typed in the editor's table.
FOLLOW_UP_FIELDS = ("text", "owner", "due_date", "done")
#: The attachment values kept for a file chosen in the editor.
FILE_FIELDS = ("sha256", "filename", "media_type", "size")


@dataclass(frozen=True)
class FollowUp:
    """One follow-up row as typed: its place in the table and its record id once stored."""

    row: int
    values: dict[str, Any]
    id: str | None = None


@dataclass(frozen=True)
class VisitDraft:
    """Everything the editor shows of one visit; ``visit_id`` None for a new visit."""

    project_id: str
    visit_id: str | None
    values: dict[str, Any]
    follow_ups: tuple[FollowUp, ...] = ()
    removed_follow_ups: tuple[str, ...] = ()
    files: tuple[dict[str, Any], ...] = ()  # in the list's order; one without "id" is new
    removed_files: tuple[str, ...] = ()
    known_problems: tuple[FieldProblem, ...] = ()  # the form's names it could not resolve


@dataclass(frozen=True)
class VisitProblems:
    """The problems of the visit's fields and of each follow-up row (by row)."""

    visit: list[FieldProblem] = field(default_factory=list)
    rows: list[tuple[int, FieldProblem]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.visit or self.rows)


class VisitRefused(ValidationFailed):
    """Nothing was written: ``found`` says what to correct, field by field and row by row."""

    def __init__(self, found: VisitProblems) -> None:
        self.found = found
        super().__init__(found.visit + [p for _row, p in found.rows], "visit")


@dataclass(frozen=True)
class SavedVisit:
    """The stored visit; the ids given to new follow-ups (by row) and files (by position)."""

    record: dict[str, Any]
    follow_up_ids: dict[int, str]
    file_ids: dict[int, str]
    changes: Changes


def visit_problems(store: Store, draft: VisitDraft, visit_id: str = "") -> VisitProblems:
    """Every problem of the visit and of each follow-up row, before anything is written."""
    today = store.today()
    values = {**draft.values, "project_id": draft.project_id}
    found = VisitProblems(record_problems(store, "visit", values, list(draft.known_problems)))
    for follow_up in draft.follow_ups:
        item = {**follow_up.values, "project_id": draft.project_id, "visit_id": visit_id}
        try:
            clean_record("action_item", item, today=today)
        except ValidationFailed as failed:
            found.rows.extend((follow_up.row, p) for p in failed.problems)
    return found


def save_visit(store: Store, draft: VisitDraft) -> SavedVisit:
    """Validate, then write the visit, its follow-ups and attachments in one transaction.

    Raises ``VisitRefused`` (nothing written) when a field or a row has a problem."""
    visit_id = draft.visit_id or str(uuid.uuid4())
    found = visit_problems(store, draft, visit_id)
    if found:
        raise VisitRefused(found)
    values = {**draft.values, "project_id": draft.project_id}
    try:
        with store.transaction():
            if draft.visit_id:
                record = store.update("visit", visit_id, values)
            else:
                record = store.create("visit", values, record_id=visit_id)
            follow_up_ids = _write_follow_ups(store, draft, visit_id)
            file_ids = _write_files(store, draft, visit_id)
    except ValidationFailed as failed:  # refused by the store itself: the visit's fields
        raise VisitRefused(VisitProblems(failed.problems)) from failed
    return SavedVisit(
        record, follow_up_ids, file_ids, changed("visit", "action_item", "attachment")
    )


def _write_follow_ups(store: Store, draft: VisitDraft, visit_id: str) -> dict[int, str]:
    project = store.require("project", draft.project_id)
    created: dict[int, str] = {}
    for follow_up in draft.follow_ups:
        item = {n: follow_up.values[n] for n in FOLLOW_UP_FIELDS}
        # « Responsable »: a staff member's name gives their account (« Mes suivis »)
        item.update(people.owner_values(store, project, follow_up.values["owner"]))
        item.update(project_id=draft.project_id, visit_id=visit_id)
        if follow_up.id:
            store.update("action_item", follow_up.id, item)
        else:
            created[follow_up.row] = store.create("action_item", item)["id"]
    for removed in draft.removed_follow_ups:
        store.delete("action_item", removed)
    return created


def _write_files(store: Store, draft: VisitDraft, visit_id: str) -> dict[int, str]:
    created: dict[int, str] = {}
    for position, info in enumerate(draft.files):
        if not info.get("id"):
            values = {k: info[k] for k in FILE_FIELDS}
            record = store.create(
                "attachment", {**values, "project_id": draft.project_id, "visit_id": visit_id}
            )
            created[position] = record["id"]
    for removed in draft.removed_files:
        store.delete("attachment", removed)
    return created
