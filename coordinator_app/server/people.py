"""The person behind each account: name, e-mail and title, and the staff directory.

An account's person authors everything pushed with it (``sync._Batch.log`` stamps the account
and its name), is returned at login so the laptop's profile knows who signs its visits, and is
listed in the directory of the staff who share a region (``GET /api/v1/staff``), from which a
laptop picks « Visite faite par » and a follow-up's « Responsable ».
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.domain.errors import UserError
from coordinator_app.domain.values import ValueProblem, parse_email
from coordinator_app.server import db
from coordinator_app.server.accounts import User, _user, require_user

MAX_NAME = 120


def person_values(
    *, name: str | None = None, email: str | None = None, title: str | None = None
) -> dict[str, str]:
    """The columns to write for the given person fields (None: leave as is); UserError in French."""
    values: dict[str, str] = {}
    if name is not None:
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            raise UserError(f"Le nom doit compter de 1 à {MAX_NAME} caractères (--name).")
        values["display_name"] = name
    if email is not None:
        try:
            parsed = parse_email(email)
        except ValueProblem as problem:
            raise UserError(f"Courriel non valide (--email) : {problem}.") from None
        values["email"] = parsed or ""
    if title is not None:
        title = " ".join(title.split())
        if len(title) > MAX_NAME:
            raise UserError(f"Le titre doit compter au plus {MAX_NAME} caractères (--title).")
        values["title"] = title
    return values


def set_person(
    engine: Engine,
    username: str,
    *,
    name: str | None = None,
    email: str | None = None,
    title: str | None = None,
) -> User:
    """Give an existing account its name, e-mail or title (what is not given stays)."""
    values = person_values(name=name, email=email, title=title)
    if not values:
        raise UserError("Rien à changer : indiquez --name, --email ou --title.")
    with db.writing(engine) as conn:
        user = require_user(conn, username)
        conn.execute(db.users.update().where(db.users.c.id == user.id).values(**values))
        return require_user(conn, username)


def staff_for(engine: Engine, user: User) -> list[User]:
    """The accounts ``user`` works with: every account for an administrator, else those that
    share one of their regions (and the administrators, who may visit anywhere)."""
    with db.reading(engine) as conn:
        return staff_in(conn, user)


def staff_in(conn: Connection, user: User) -> list[User]:
    """``staff_for`` inside a transaction the caller holds (a pull reads it with its page)."""
    rows = conn.execute(sa.select(db.users).order_by(db.users.c.username)).all()
    people = [_user(row) for row in rows]
    if user.is_admin:
        return people
    mine = set(user.regions)
    return [p for p in people if p.is_admin or p.id == user.id or mine & set(p.regions)]
