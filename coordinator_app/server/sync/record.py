"""A server record as a push batch holds it in memory.

No database here: the merge (``merge``) reads and updates these, the unit of work (``unit``) loads
and writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Record:
    kind: str
    record_id: str
    data: dict[str, Any]
    stamps: dict[str, list]
    deleted: bool
    region_code: str | None
    project_id: str | None
    created_at: str
    exists: bool = True
    in_db: bool = True  # a row exists in the table (``exists`` may be true before the flush)

    @classmethod
    def new(
        cls,
        kind: str,
        record_id: str,
        created_at: str,
        data: dict[str, Any] | None = None,
        region_code: str | None = None,
        project_id: str | None = None,
    ) -> Record:
        """A record the server does not hold yet (written by the next flush)."""
        return cls(
            kind,
            record_id,
            {} if data is None else data,
            {},
            False,
            region_code,
            project_id,
            created_at,
            exists=False,
            in_db=False,
        )

    def copy(self) -> Record:
        """An independent copy: a change that fails half-way must not leak into the next one."""
        return Record(
            self.kind,
            self.record_id,
            dict(self.data),
            dict(self.stamps),
            self.deleted,
            self.region_code,
            self.project_id,
            self.created_at,
            self.exists,
            self.in_db,
        )
