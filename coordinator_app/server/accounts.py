"""User accounts and device tokens: creation, login, revocation, lookup of a token.

Used by the HTTP API (login, authentication of every request) and by the command line (add-user,
set-regions, revoke, revoke-device), so both go through the same rules.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coordinator_app.domain.errors import NotFoundError, UserError
from coordinator_app.domain.regions import parse_region
from coordinator_app.protocol.kinds import ROLES
from coordinator_app.server import autocommit, db, login_throttle, security
from coordinator_app.server.clock import now_iso
from coordinator_app.server.settings import Settings


@dataclass(frozen=True)
class User:
    id: int
    username: str
    role: str
    regions: tuple[str, ...]
    name: str = ""  # the person's display name (``server.people``); empty for an old account
    email: str = ""
    title: str = ""

    @property
    def display_name(self) -> str:
        """The name that authors this account's changes: its person's name, else its user name."""
        return self.name or self.username

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class Device:
    id: str
    user: User
    name: str
    revoked: bool
    wipe: bool
    last_seen_at: str | None = None


def _user(row: sa.Row, user_id: int | None = None) -> User:
    return User(
        row.id if user_id is None else user_id,
        row.username,
        row.role,
        tuple(sorted(row.regions or [])),
        row.display_name or "",
        row.email or "",
        row.title or "",
    )


#: The same, for other modules (a device's sender, when the server applies a parked change).
user_from_row = _user


def normalise_regions(codes: list[str] | tuple[str, ...]) -> list[str]:
    """Region codes from « 3 », « 03 » or a region's name; UserError naming the bad one."""
    result = []
    for code in codes:
        region = parse_region(code)
        if region is None:
            raise UserError(
                f"Région inconnue : « {code} » (attendu : un code de 01 à 17, par exemple 03)."
            )
        result.append(region)
    return sorted(set(result))


def add_user(
    engine: Engine,
    username: str,
    password: str,
    role: str,
    regions: list[str],
    *,
    name: str | None = None,
    email: str | None = None,
    title: str | None = None,
) -> User:
    """A new account; ``name``, ``email`` and ``title`` are its person (``server.people``)."""
    from coordinator_app.server.people import person_values

    person = person_values(name=name, email=email, title=title)
    username = username.strip()
    if not username or len(username) > 80:
        raise UserError("Le nom d'utilisateur doit compter de 1 à 80 caractères.")
    if role not in ROLES:
        raise UserError(f"Rôle inconnu : « {role} » (attendu : coordinator ou admin).")
    if len(password) < 8:
        raise UserError("Le mot de passe doit compter au moins 8 caractères.")
    codes = normalise_regions(regions)
    if role == "coordinator" and not codes:
        raise UserError("Un coordonnateur doit avoir au moins une région (--region 03).")
    with db.writing(engine) as conn:
        if find_user(conn, username) is not None:
            raise UserError(f"L'utilisateur « {username} » existe déjà.")
        conn.execute(
            db.users.insert().values(
                username=username,
                password_hash=security.hash_password(password),
                role=role,
                regions=codes,
                created_at=now_iso(),
                **person,
            )
        )
        return find_user(conn, username)  # type: ignore[return-value]


def find_user(conn: Connection, username: str) -> User | None:
    row = conn.execute(sa.select(db.users).where(db.users.c.username == username)).first()
    return _user(row) if row else None


def require_user(conn: Connection, username: str) -> User:
    user = find_user(conn, username)
    if user is None:
        raise NotFoundError(f"Utilisateur introuvable : « {username} ».")
    return user


def set_regions(engine: Engine, username: str, regions: list[str]) -> User:
    codes = normalise_regions(regions)
    with db.writing(engine) as conn:
        user = require_user(conn, username)
        conn.execute(db.users.update().where(db.users.c.id == user.id).values(regions=codes))
        return require_user(conn, username)


def set_password(engine: Engine, username: str, password: str) -> None:
    if len(password) < 8:
        raise UserError("Le mot de passe doit compter au moins 8 caractères.")
    with db.writing(engine) as conn:
        user = require_user(conn, username)
        conn.execute(
            db.users.update()
            .where(db.users.c.id == user.id)
            .values(password_hash=security.hash_password(password))
        )


def list_users(engine: Engine) -> list[tuple[User, int]]:
    """Every user with their number of active devices."""
    with db.reading(engine) as conn:
        rows = conn.execute(sa.select(db.users).order_by(db.users.c.username)).all()
        result = []
        for row in rows:
            active = conn.execute(
                sa.select(sa.func.count())
                .select_from(db.devices)
                .where(db.devices.c.user_id == row.id, db.devices.c.revoked_at.is_(None))
            ).scalar_one()
            result.append((_user(row), active))
        return result


def list_devices(engine: Engine, username: str | None = None) -> list[dict]:
    with db.reading(engine) as conn:
        query = sa.select(db.devices, db.users.c.username).join(db.users)
        if username:
            query = query.where(db.users.c.username == username)
        rows = conn.execute(query.order_by(db.devices.c.created_at)).all()
        return [
            {
                "device_id": r.id,
                "username": r.username,
                "name": r.name,
                "created_at": r.created_at,
                "last_seen_at": r.last_seen_at,
                "revoked_at": r.revoked_at,
                "wipe": bool(r.wipe),
                "wiped_at": r.wiped_at,
            }
            for r in rows
        ]


def revoke_user(engine: Engine, username: str) -> int:
    """Revoke every token of a user at once; returns how many were active."""
    with db.writing(engine) as conn:
        user = require_user(conn, username)
        result = conn.execute(
            db.devices.update()
            .where(db.devices.c.user_id == user.id, db.devices.c.revoked_at.is_(None))
            .values(revoked_at=now_iso())
        )
        return result.rowcount


def revoke_device(engine: Engine, device_id: str, *, wipe: bool) -> dict:
    with db.writing(engine) as conn:
        row = conn.execute(sa.select(db.devices).where(db.devices.c.id == device_id)).first()
        if row is None:
            raise NotFoundError(f"Appareil introuvable : « {device_id} » (voir list-devices).")
        values: dict = {"wipe": bool(wipe or row.wipe)}
        if row.revoked_at is None:
            values["revoked_at"] = now_iso()
        conn.execute(db.devices.update().where(db.devices.c.id == device_id).values(**values))
    return next(d for d in list_devices(engine) if d["device_id"] == device_id)


# -- login and tokens ---------------------------------------------------------------------------
#: key of the per-account lock of the device cap (with the account's id as the second key)
DEVICE_LOCK_KEY = 0x444556  # "DEV"


class BadCredentials(Exception):
    pass


class TooManyDevices(Exception):
    def __init__(self, username: str, limit: int) -> None:
        super().__init__(username, limit)
        self.username = username
        self.limit = limit


@dataclass(frozen=True)
class LoginAttempt:
    """A reserved attempt (``login_throttle``) and the account it names, if any: the state kept
    between the three steps of a login, so the slow password check holds no connection, lock
    or transaction."""

    reservation: int
    account: sa.Row | None

    @property
    def password_hash(self) -> str | None:
        return self.account.password_hash if self.account is not None else None


def start_login(engine: Engine, settings: Settings, username: str, address: str) -> LoginAttempt:
    """Reserve the attempt (raises ``login_throttle.Throttled``) and read the account."""
    key = username.strip().lower()
    reservation = login_throttle.reserve_attempt(
        engine, settings, key, login_throttle.address_key(address)
    )
    with db.reading(engine) as conn:
        row = conn.execute(
            sa.select(db.users).where(sa.func.lower(db.users.c.username) == key)
        ).first()
    return LoginAttempt(reservation, row)


def check_password(attempt: LoginAttempt, password: str) -> None:
    """Argon2 (tens of milliseconds of one core, without the interpreter lock): raises
    ``BadCredentials``, and the reservation stays counted."""
    if not security.verify_password(attempt.password_hash, password):
        raise BadCredentials()


def finish_login(
    engine: Engine, settings: Settings, attempt: LoginAttempt, device_name: str
) -> tuple[User, str, str]:
    """The password was right: drop the reservation and register the device (capped per
    account); returns (user, device id, token)."""
    row = attempt.account
    assert row is not None  # check_password refuses an unknown account
    token = security.new_token()
    device_id = str(uuid.uuid4())
    with db.writing(engine) as conn:
        # the device cap is per account: only this account's logins wait for each other here
        # (the reservation's removal needs no lock: until it is gone it only counts against us)
        db.advisory_lock(conn, DEVICE_LOCK_KEY, row.id)
        conn.execute(
            db.login_failures.delete().where(db.login_failures.c.id == attempt.reservation)
        )
        active = conn.execute(
            sa.select(sa.func.count())
            .select_from(db.devices)
            .where(db.devices.c.user_id == row.id, db.devices.c.revoked_at.is_(None))
        ).scalar_one()
        if active < settings.max_devices_per_user:
            conn.execute(
                db.devices.insert().values(
                    id=device_id,
                    user_id=row.id,
                    name=device_name.strip(),
                    token_hash=security.token_hash(token),
                    created_at=now_iso(),
                    wipe=False,
                )
            )
    if active >= settings.max_devices_per_user:
        raise TooManyDevices(row.username, settings.max_devices_per_user)
    return _user(row), device_id, token


def login(
    engine: Engine, settings: Settings, username: str, password: str, device_name: str, address: str
) -> tuple[User, str, str]:
    """Check the password (throttled per account and per address); returns (user, device id,
    token). The attempt is reserved first and stays counted unless the password is right; a
    success does not wipe earlier failures (a burst that guessed right after the limit must not
    reset it), they leave the window with time."""
    attempt = start_login(engine, settings, username, address)
    check_password(attempt, password)
    return finish_login(engine, settings, attempt, device_name)


def device_for_token(engine: Engine, token: str) -> Device | None:
    """The device of a token (revoked or not), or None for an unknown token. Never cached, so a
    revocation takes effect on the very next request. One statement: on PostgreSQL it runs in
    autocommit, one round trip (``autocommit.single_read``)."""
    with autocommit.single_read(engine) as conn:
        row = conn.execute(
            sa.select(db.devices, db.users)
            .join(db.users, db.devices.c.user_id == db.users.c.id)
            .where(db.devices.c.token_hash == security.token_hash(token))
        ).first()
    if row is None:
        return None
    user = _user(row, row.user_id)
    return Device(
        row.id, user, row.name, row.revoked_at is not None, bool(row.wipe), row.last_seen_at
    )


def touch_device(engine: Engine, device_id: str, *, wiped: bool = False) -> None:
    """Record when a device was last seen (and when it was told to wipe itself)."""
    values = {"last_seen_at": now_iso()}
    if wiped:
        values["wiped_at"] = now_iso()
    with db.writing(engine) as conn:
        db.bookkeeping(conn)
        conn.execute(db.devices.update().where(db.devices.c.id == device_id).values(**values))
