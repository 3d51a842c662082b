"""Drafts: unsaved form input kept in the profile so it survives a crash or a dead battery.

A draft is what a form holds *as typed* (raw text, not validated), saved a moment after each edit.
There is at most one draft per form: per edited record (``kind`` + ``record_id``), or, for a new
record, per ``kind`` + ``scope`` (e.g. a new visit of one project). Drafts stay on this laptop:
they are not journaled and never sync.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store


@dataclass(frozen=True)
class Draft:
    """One kept draft; ``values`` is the form's raw input (JSON-friendly)."""

    kind: str
    record_id: str | None
    scope: str
    values: dict[str, Any]
    updated_at: str


def _key(kind: str, record_id: str | None, scope: str) -> str:
    return f"{kind}:{record_id}" if record_id else f"{kind}:new:{scope}"


def save_draft(
    store: Store,
    kind: str,
    record_id: str | None,
    values: dict[str, Any],
    *,
    scope: str = "",
) -> None:
    """Keep (or replace) the draft of one form."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
    payload = json.dumps(values, ensure_ascii=False, default=str)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO draft (key, kind, record_id, scope, json, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
            "json = excluded.json, updated_at = excluded.updated_at",
            (_key(kind, record_id, scope), kind, record_id, scope, payload, now),
        )


def _from_row(row: tuple) -> Draft:
    kind, record_id, scope, payload, updated_at = row
    return Draft(kind, record_id, scope, json.loads(payload), updated_at)


_COLUMNS = "kind, record_id, scope, json, updated_at"


def load_draft(store: Store, kind: str, record_id: str | None, *, scope: str = "") -> Draft | None:
    """The draft of one form, if one was kept."""
    with store.reading() as conn:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM draft WHERE key = ?", (_key(kind, record_id, scope),)
        ).fetchone()
    return _from_row(row) if row else None


def delete_draft(store: Store, kind: str, record_id: str | None, *, scope: str = "") -> None:
    """Forget a draft: its form was saved or deliberately cancelled."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM draft WHERE key = ?", (_key(kind, record_id, scope),))


def list_drafts(store: Store, *, new_only: bool = False) -> list[Draft]:
    """Kept drafts, most recent first (the window offers new-record drafts at start-up)."""
    where = " WHERE record_id IS NULL" if new_only else ""
    with store.reading() as conn:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM draft{where} ORDER BY updated_at DESC"
        ).fetchall()
    return [_from_row(row) for row in rows]
