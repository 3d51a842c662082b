"""Where a record belongs: its region and project, from the server's own records, and the
children that follow a project moved to another region."""

from __future__ import annotations

import uuid
from typing import Any

from coordinator_app.protocol.kinds import CONFLICT_KIND
from coordinator_app.server import access
from coordinator_app.server.sync.checks import Refused
from coordinator_app.server.sync.merge import Stamp
from coordinator_app.server.sync.record import Record
from coordinator_app.server.sync.unit import UnitOfWork


def project_region(uow: UnitOfWork, project_id: str | None) -> str | None:
    if not project_id:
        return None
    project = uow.peek("project", project_id)
    return project.region_code if project else None


def region_after(uow: UnitOfWork, kind: str, data: dict[str, Any]) -> tuple[str | None, str | None]:
    """(region, project_id) of a record with ``data``, from the server's own records."""
    if access.is_child(kind):
        project_id = data.get("project_id")
        if uow.peek("project", project_id or "") is None:
            raise Refused("parent_unknown", waits_for=("project", project_id or ""))
        return project_region(uow, project_id), project_id
    if kind == "project":
        return data.get("region_code"), None
    if kind == CONFLICT_KIND:
        return data.get("region_code"), data.get("project_id")
    return access.direct_region(kind, data), None


def snapshot_children(uow: UnitOfWork, project: Record, stamp: Stamp) -> None:
    """A project changed region: its children (and conflicts) follow, each with a full copy
    in the log so users who gain them get all of them and users who lose them drop them."""
    for kind, record_id in uow.children_of(project.record_id):
        child = uow.load(kind, record_id)
        assert child is not None
        before = child.region_code
        child.region_code = project.region_code
        if kind == CONFLICT_KIND:
            child.data["region_code"] = project.region_code
        uow.save(child)
        uow.log(
            child,
            change_id=str(uuid.uuid4()),
            op="snapshot",
            values=dict(child.data),
            full=True,
            previous_region=before,
            at=stamp.at,
            origin="server",
        )
