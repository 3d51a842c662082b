"""Push and pull: the HTTP side of ``server.sync``."""

import datetime as dt
import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.engine import Connection

from coordinator_app.protocol import held as held_cursor
from coordinator_app.protocol import models as m
from coordinator_app.protocol import own_echo
from coordinator_app.protocol.errors import ErrorCode
from coordinator_app.protocol.retention import RETENTION_DEFAULTS
from coordinator_app.server import compression, people, retention, sync
from coordinator_app.server.errors import ApiError
from coordinator_app.server.routes.deps import CurrentDevice, ServerDep, staff_list

router = APIRouter()


def _say_own_echo(response: Response) -> None:
    """Push answers say this server leaves a laptop's own changes out of its pull on request
    (``protocol.own_echo``): the pull that follows a push may then name them."""
    response.headers[own_echo.OWN_HEADER] = "1"


@router.post(
    "/push", response_model=m.PushResponse, tags=["sync"], dependencies=[Depends(_say_own_echo)]
)
def push(body: m.PushRequest, device: CurrentDevice, server: ServerDep) -> m.PushResponse:
    if body.device_id != device.id:
        raise ApiError(
            403,
            ErrorCode.FORBIDDEN,
            "L'appareil indiqué ne correspond pas au jeton : connectez-vous de nouveau.",
        )
    if len(body.changes) > server.settings.max_batch:
        raise ApiError(
            413,
            ErrorCode.TOO_LARGE,
            f"Lot trop grand : {len(body.changes)} modifications (au plus "
            f"{server.settings.max_batch} par envoi).",
        )
    results = sync.push(server.engine, device.user, device, body.changes, dt.date.today())
    return m.PushResponse(results=results, server_generation=server.generation())


@router.get("/pull", response_model=m.PullResponse, tags=["sync"])
def pull(
    request: Request,
    device: CurrentDevice,
    server: ServerDep,
    since: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=m.MAX_PULL_LIMIT)] = m.DEFAULT_PULL_LIMIT,
    own: Annotated[
        str | None,
        Query(
            max_length=own_echo.MAX_OWN_CHARS,
            description="runs of seqs of this device's changes the laptop holds as "
            "acknowledged (`a-b,c`): those stored exactly as sent are left out",
        ),
    ] = None,
    held: Annotated[
        int | None,
        Query(
            ge=0,
            le=2**62,
            description="the cursor the laptop holds, when it pulls ahead of it: the device is "
            "recorded as holding the smaller of it and `since` (`protocol.held`)",
        ),
    ] = None,
) -> Response:
    user = device.user
    try:
        held_runs = own_echo.parse_runs(own) if own else []
    except ValueError:
        raise ApiError(
            400, ErrorCode.BAD_REQUEST, "Paramètre « own » illisible : mettez à jour l'application."
        ) from None

    def retention_and_staff(conn: Connection) -> tuple[dict[str, int], list[dict]]:
        return retention.read(conn), staff_list(people.staff_in(conn, user))

    page = sync.pull(
        server.engine, user, since, limit, device_id=device.id, also=retention_and_staff,
        own=held_runs, seen=held,
    )  # fmt: skip
    kept, staff = page.also
    # Serialised in one json.dumps: the entries come straight from the log (written by the
    # push, with PullEntry's fields); a pydantic model per entry, validated twice by the
    # response model, cost more than the query (benchmarks/README.md). The response model
    # stays declared for the OpenAPI description; tests check bodies against it.
    body = {
        "changes": page.entries,
        "next_since": page.next_since,
        "has_more": page.has_more,
        "server_generation": page.generation,
        "scope": {"role": user.role, "regions": list(user.regions)},
        "retention": {**RETENTION_DEFAULTS, **kept},
        "staff": staff,
    }
    encoded = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed, coding = compression.packed_json(encoded, request.headers.get("accept-encoding", ""))
    return Response(
        packed,
        media_type="application/json",
        headers={own_echo.OWN_HEADER: "1", held_cursor.HELD_HEADER: "1", **coding},
    )
