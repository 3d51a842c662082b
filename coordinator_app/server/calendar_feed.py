"""The subscribed calendar: a private, read-only ``/calendar/<secret>.ics`` URL per account.

An account creates its feed from the app (``POST /api/v1/calendar/feed``) and pastes the URL in
Outlook (« Ajouter un calendrier › À partir d'Internet »), Google or Apple calendars; creating a
new one revokes the old one, and ``DELETE`` revokes it. The secret is 256 random bits shown once:
the server keeps only its SHA-256, like device tokens, so a copy of the database yields no feed.

The feed is computed at each request from the server's records, so it is as fresh as the last
sync: the account's own visits (planned and done) and the follow-ups due, reporting dates and
general assemblies of the projects of its regions, from 60 days back to a year ahead. Nothing from
another region, and no participant's name (``domain.agenda`` never puts one in an entry). The routes
are in ``server.routes.calendar``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection, Engine

from coordinator_app.domain import agenda
from coordinator_app.domain.ical import TIME_ZONE, calendar_bytes
from coordinator_app.server import db, security
from coordinator_app.server.accounts import User
from coordinator_app.server.clock import now, now_iso

PAST = dt.timedelta(days=60)
AHEAD = dt.timedelta(days=366)
_KINDS = ("project", "visit", "action_item", "funding")


class FeedAnswer(BaseModel):
    """The account's feed: after POST, ``url`` (shown once); after DELETE, ``revoked``."""

    active: bool
    created_at: str | None = None
    url: str | None = Field(default=None, description="the private address; only after POST")
    revoked: int | None = Field(default=None, description="live addresses revoked by DELETE")


def create(engine: Engine, user: User) -> tuple[str, str]:
    """A new secret for ``user`` (revoking the previous one); returns (secret, created_at)."""
    secret = security.new_token()
    stamp = now_iso()
    with db.writing(engine) as conn:
        _revoke(conn, user.id, stamp)
        conn.execute(
            db.calendar_feeds.insert().values(
                user_id=user.id, secret_hash=security.token_hash(secret), created_at=stamp
            )
        )
    return secret, stamp


def _revoke(conn: Connection, user_id: int, stamp: str) -> int:
    feeds = db.calendar_feeds
    return conn.execute(
        feeds.update()
        .where(feeds.c.user_id == user_id, feeds.c.revoked_at.is_(None))
        .values(revoked_at=stamp)
    ).rowcount


def revoke(engine: Engine, user: User) -> int:
    with db.writing(engine) as conn:
        return _revoke(conn, user.id, now_iso())


def status(engine: Engine, user: User) -> FeedAnswer:
    feeds = db.calendar_feeds
    with db.reading(engine) as conn:
        created = conn.execute(
            sa.select(feeds.c.created_at).where(
                feeds.c.user_id == user.id, feeds.c.revoked_at.is_(None)
            )
        ).scalar()
    return FeedAnswer(active=created is not None, created_at=created)


def user_for_secret(engine: Engine, secret: str) -> User | None:
    """The account of a live feed secret; None when unknown, revoked, or when every device of
    the account has been revoked (an account shut out of sync is shut out of its feed too)."""
    if not secret or len(secret) > 200:
        return None
    feeds, users, devices = db.calendar_feeds, db.users, db.devices
    with db.reading(engine) as conn:
        row = conn.execute(
            sa.select(users)
            .join(feeds, feeds.c.user_id == users.c.id)
            .where(
                feeds.c.secret_hash == security.token_hash(secret),
                feeds.c.revoked_at.is_(None),
            )
        ).first()
        if row is None:
            return None
        live_device = conn.execute(
            sa.select(devices.c.id).where(
                devices.c.user_id == row.id, devices.c.revoked_at.is_(None)
            )
        ).first()
    if live_device is None:
        return None
    return User(row.id, row.username, row.role, tuple(sorted(row.regions or [])))


def _load(conn: Connection, user: User, kind: str, extra: Sequence[Any] = ()) -> list[dict]:
    records = db.records
    query = sa.select(records.c.record_id, records.c.data).where(
        records.c.kind == kind, records.c.deleted.is_(False), *extra
    )
    if not user.is_admin:
        query = query.where(records.c.region_code.in_(list(user.regions)))
    return [{**row.data, "id": row.record_id} for row in conn.execute(query)]


def entries_for(engine: Engine, user: User, today: dt.date) -> list[agenda.Entry]:
    """What the account's calendar shows (see the module's docstring)."""
    start, end = today - PAST, today + AHEAD
    data = db.records.c.data
    with db.reading(engine) as conn:
        projects = {p["id"]: p for p in _load(conn, user, "project")}
        visits = _load(
            conn,
            user,
            "visit",
            [
                data["visited_at"].as_string() >= start.isoformat(),
                data["visited_at"].as_string() < (end + dt.timedelta(days=1)).isoformat(),
            ],
        )
        items = _load(
            conn,
            user,
            "action_item",
            [
                data["due_date"].as_string() >= start.isoformat(),
                data["due_date"].as_string() <= end.isoformat(),
            ],
        )
        fundings = _load(conn, user, "funding")
    mine = [v for v in visits if user.username in (v.get("made_by") or ())]
    found = agenda.entries_from(projects, mine, items, fundings, start=start, end=end, today=today)
    return _named(engine, found)


def _named(engine: Engine, found: list[agenda.Entry]) -> list[agenda.Entry]:
    """Staff by the name the server holds (``display_name``), else by account id."""
    accounts = sorted({a for e in found for a in e.staff})
    if not accounts:
        return found
    users = db.users
    with db.reading(engine) as conn:
        rows = conn.execute(
            sa.select(users.c.username, users.c.display_name).where(users.c.username.in_(accounts))
        ).all()
    names = {row.username: row.display_name or row.username for row in rows}
    return [replace(e, staff=tuple(names.get(a, a) for a in e.staff)) for e in found]


def feed_bytes(engine: Engine, user: User) -> bytes:
    today = now().astimezone(ZoneInfo(TIME_ZONE)).date()
    return calendar_bytes(entries_for(engine, user, today), name=f"Carnet COOP — {user.username}")
