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


def restore_sqlite(db_url: str, backup_file: Path) -> None:
    target_path = _sqlite_path(db_url)
    if not backup_file.is_file():
        raise UserError(f"Copie de sauvegarde introuvable : {backup_file}")
    source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        if source.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise UserError(f"Copie de sauvegarde endommagée : {backup_file}")
        target_path.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(target_path)
        try:
            source.backup(dest)
        finally:
            dest.close()
    except sqlite3.DatabaseError as error:
        raise UserError(f"Copie de sauvegarde illisible : {backup_file} ({error})") from None
    finally:
        source.close()
