"""Online backup and restore of a SQLite server database (PostgreSQL: pg_dump / pg_restore).

The SQLite backup API copies a consistent snapshot while the server keeps running. Restoring
replaces the database content; the caller then gives the server a new generation so laptops
re-send what the backup did not have.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from coordinator_app.domain.errors import UserError


def _sqlite_path(db_url: str) -> Path:
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise UserError(
            "backup et restore ne servent qu'avec SQLite ; avec PostgreSQL utilisez pg_dump et "
            "pg_restore puis « coordinator-server new-generation » (voir docs/server.md)."
        )
    return Path(url.database)


def backup_sqlite(db_url: str, target: Path) -> Path:
    source_path = _sqlite_path(db_url)
    if not source_path.is_file():
        raise UserError(f"Base de données introuvable : {source_path}")
    if target.exists():
        raise UserError(f"Le fichier existe déjà : {target} (choisissez un autre nom).")
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(source_path)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()
    return target


#: Tables that are not data to roll back: who may log in, with which password, from which
#: devices (a device revoked or a password changed after the backup must stay so), and the
#: login throttle, and each account's subscribed-calendar addresses (a revoked address must stay
#: revoked). A restore keeps the live database's rows of these tables.
ACCOUNT_TABLES = (
    "carnet_users",
    "carnet_devices",
    "carnet_login_failures",
    "carnet_calendar_feeds",
)


def restore_sqlite(db_url: str, backup_file: Path) -> bool:
    """Replace the database with ``backup_file``, keeping the live accounts and devices.

    The backup is copied to a work file beside the database and brought to this server's schema;
    the live database's account tables replace the backup's there; then the work file is copied
    over the database in one backup-API step. Returns whether live accounts were kept (False
    when there is no readable live database, e.g. after a disk loss: the backup's are used)."""
    from coordinator_app.server import db

    target_path = _sqlite_path(db_url)
    if not backup_file.is_file():
        raise UserError(f"Copie de sauvegarde introuvable : {backup_file}")
    target_path.parent.mkdir(parents=True, exist_ok=True)
    work = target_path.with_name(target_path.name + ".restauration")
    work.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise UserError(f"Copie de sauvegarde endommagée : {backup_file}")
        staged = sqlite3.connect(work)
        try:
            source.backup(staged)
        finally:
            staged.close()
    except sqlite3.DatabaseError as error:
        work.unlink(missing_ok=True)
        raise UserError(f"Copie de sauvegarde illisible : {backup_file} ({error})") from None
    finally:
        source.close()
    try:
        engine = db.make_engine(f"sqlite:///{work}")
        try:
            db.migrate(engine)
        finally:
            engine.dispose()
        staged = sqlite3.connect(work, isolation_level=None)
        try:
            kept = _keep_live_accounts(staged, target_path)
            dest = sqlite3.connect(target_path)
            try:
                staged.backup(dest)
            finally:
                dest.close()
        finally:
            staged.close()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
    return kept


def _live_tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM live.sqlite_master WHERE type = 'table'").fetchall()
    return {row[0] for row in rows}


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]


def _keep_live_accounts(staged: sqlite3.Connection, live_path: Path) -> bool:
    """Copy the live database's account tables over the staged backup's, in one transaction."""
    if not live_path.is_file():
        return False
    try:
        staged.execute("ATTACH DATABASE ? AS live", (str(live_path),))
    except sqlite3.DatabaseError:
        return False
    try:
        try:
            present = _live_tables(staged)
        except sqlite3.DatabaseError:
            return False
        if not set(ACCOUNT_TABLES[:2]) <= present:
            return False
        staged.execute("BEGIN IMMEDIATE")
        try:
            for table in reversed(ACCOUNT_TABLES):
                staged.execute(f'DELETE FROM main."{table}"')
            for table in ACCOUNT_TABLES:
                if table not in present:
                    continue
                live_columns = set(_columns(staged, "live", table))
                columns = [c for c in _columns(staged, "main", table) if c in live_columns]
                names = ", ".join(f'"{c}"' for c in columns)
                staged.execute(
                    f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM live."{table}"'
                )
            _keep_change_owners(staged, present)
            staged.execute("COMMIT")
        except BaseException:
            staged.execute("ROLLBACK")
            raise
        return True
    finally:
        staged.execute("DETACH DATABASE live")


def _keep_change_owners(staged: sqlite3.Connection, present: set[str]) -> None:
    """Keep who sent each change id the backup lacks (``ownership``): after the restore, nobody
    else can claim those ids while their owners re-send them."""
    missing = "change_id NOT IN (SELECT change_id FROM main.carnet_changes)"
    if "carnet_changes" in present:
        staged.execute(
            "INSERT OR IGNORE INTO main.carnet_change_owners (change_id, username) "
            "SELECT change_id, CASE WHEN origin = 'client' THEN coalesce(username, '') ELSE '' "
            f"END FROM live.carnet_changes WHERE {missing}"
        )
    if "carnet_change_owners" in present:
        staged.execute(
            "INSERT OR IGNORE INTO main.carnet_change_owners (change_id, username) "
            f"SELECT change_id, username FROM live.carnet_change_owners WHERE {missing}"
        )
