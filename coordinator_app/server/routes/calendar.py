"""The subscribed calendar: managing an account's private address (device token, version
headers) and the public, read-only ``/calendar/<secret>.ics`` that calendar apps fetch.

The rules (secrets, what the feed holds) are in ``server.calendar_feed``.
"""

# no ``from __future__ import annotations``: FastAPI reads the routes' annotations at run time

from fastapi import APIRouter, Request, Response

from coordinator_app.protocol.errors import ErrorBody, ErrorCode
from coordinator_app.server import calendar_feed as feeds
from coordinator_app.server.calendar_feed import FeedAnswer
from coordinator_app.server.errors import ApiError
from coordinator_app.server.routes.deps import CurrentDevice, ServerDep

#: under the sync API (``create_app`` adds the prefix, the version check and the error answers)
router = APIRouter(prefix="/calendar", tags=["calendar"])
#: the address calendar apps subscribe to: no token, no version headers
public = APIRouter(tags=["calendar"])

_UNKNOWN = "Calendrier inconnu ou révoqué : créez une nouvelle adresse dans Carnet COOP."
_ICS = {
    200: {"content": {"text/calendar": {}}, "description": "iCalendar (RFC 5545)"},
    404: {"model": ErrorBody, "description": "Calendrier inconnu ou révoqué"},
}


# one route for the three methods, so a 405 lists them all in its Allow header
@router.api_route("/feed", methods=["GET", "POST", "DELETE"], response_model=FeedAnswer)
def feed(request: Request, device: CurrentDevice, server: ServerDep) -> FeedAnswer:
    """GET: is there a feed; POST: a new private address (the previous one stops working);
    DELETE: revoke the address."""
    if request.method == "POST":
        secret, created_at = feeds.create(server.engine, device.user)
        url = str(request.url_for("calendar_feed", secret=secret))
        return FeedAnswer(active=True, created_at=created_at, url=url)
    if request.method == "DELETE":
        return FeedAnswer(active=False, revoked=feeds.revoke(server.engine, device.user))
    return feeds.status(server.engine, device.user)


@public.get("/calendar/{secret}.ics", name="calendar_feed", response_class=Response, responses=_ICS)
def calendar_feed(secret: str, server: ServerDep) -> Response:
    """The account's calendar, read-only; refused (404) for an unknown or revoked address."""
    user = feeds.user_for_secret(server.engine, secret)
    if user is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, _UNKNOWN)
    return Response(
        feeds.feed_bytes(server.engine, user),
        media_type="text/calendar; charset=utf-8",
        headers={
            "Cache-Control": "private, no-store",
            "Content-Disposition": 'inline; filename="carnet-coop.ics"',
        },
    )
