"""The profile is encrypted at rest: a copy of the folder reveals no name, the key is never beside
the data, a wrong passphrase changes nothing, and clear profiles are encrypted with nothing lost."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess

import pytest

from coordinator_app.domain.errors import ProfileError
from coordinator_app.store import filecrypt, keys, open_store
from coordinator_app.store.connection import copy_database, is_clear_database, open_copy
from coordinator_app.store.migrations import MIGRATIONS, migrate
from coordinator_app.store.paths import attachments_dir, backups_dir, database_path
from tests.privacy.support import NAMES, add_youth, folder_bytes


def _strings(path) -> str:
    return subprocess.run(
        ["strings", "-n", "4", str(path)], capture_output=True, text=True, check=True
    ).stdout


def test_plain_sqlite_cannot_read_the_profile_and_no_name_shows_in_its_bytes(tmp_path):
    folder = tmp_path / "profil"
    store = open_store(folder, encrypted=True)
    participant = add_youth(store)
    store.update("participant", participant["id"], {"first_name": "Zoéline-Marie"})
    store.close()

    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(database_path(folder)).execute("SELECT * FROM participant").fetchall()
    assert not is_clear_database(database_path(folder))
    raw = folder_bytes(folder)
    for name in (*NAMES, "Zoéline-Marie", "Rimouski"):
        assert name.encode() not in raw
        assert name.encode("utf-16-le") not in raw
    printable = _strings(database_path(folder))
    assert "Tremblay" not in printable
    assert "CREATE TABLE" not in printable  # not even the schema


def test_the_key_is_not_written_beside_the_data(tmp_path, profile_passphrase):
    folder = tmp_path / "profil"
    store = open_store(folder, encrypted=True)
    raw_key = store.conn.profile_key.raw
    store.close()
    everything = folder_bytes(folder)
    assert raw_key not in everything
    assert raw_key.hex().encode() not in everything
    assert profile_passphrase.encode() not in everything
    salt = json.loads((folder / keys.SALT_FILE).read_text())
    assert set(salt) == {"kdf", "n", "r", "p", "salt"}


def test_a_wrong_passphrase_is_refused_and_changes_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "profil"
    store = open_store(folder, encrypted=True)
    add_youth(store)
    store.close()
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}

    monkeypatch.setenv("COORDINATOR_APP_PASSPHRASE", "mauvaise phrase")
    with pytest.raises(ProfileError, match="Phrase de passe incorrecte"):
        open_store(folder, encrypted=True)
    with pytest.raises(ProfileError, match="Phrase de passe incorrecte"):
        open_store(folder, encrypted=True, passphrase="une autre")

    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert after == before
    monkeypatch.undo()
    reopened = open_store(folder, encrypted=True)
    assert reopened.find("participant")[0]["last_name"] == NAMES[1]
    reopened.close()


def test_an_explicit_passphrase_wins_over_the_environment(tmp_path, monkeypatch):
    folder = tmp_path / "profil"
    open_store(folder, encrypted=True, passphrase="celle de la fenêtre").close()
    with pytest.raises(ProfileError, match="Phrase de passe incorrecte"):
        open_store(folder, encrypted=True)  # the environment's test passphrase
    open_store(folder, encrypted=True, passphrase="celle de la fenêtre").close()


def test_without_keyring_nor_passphrase_the_message_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv("COORDINATOR_APP_PASSPHRASE")
    with pytest.raises(ProfileError, match="COORDINATOR_APP_PASSPHRASE") as raised:
        open_store(tmp_path / "neuf", encrypted=True)
    assert "aucun trousseau" in str(raised.value)
    assert not database_path(tmp_path / "neuf").exists()


def test_with_a_keyring_the_coordinator_is_never_asked(tmp_path, memory_keyring):
    folder = tmp_path / "profil"
    assert keys.passphrase_needed(folder) is False
    store = open_store(folder, encrypted=True)
    add_youth(store)
    store.close()
    stored = memory_keyring.items[(keys.KEYRING_SERVICE, str(folder.resolve()))]
    assert len(bytes.fromhex(stored)) == 32
    assert not (folder / keys.SALT_FILE).exists()
    assert stored.encode() not in folder_bytes(folder)
    reopened = open_store(folder, encrypted=True)
    assert reopened.count("participant") == 1
    reopened.close()


def test_a_keyring_key_that_does_not_fit_is_a_clear_message(tmp_path, memory_keyring):
    folder = tmp_path / "profil"
    open_store(folder, encrypted=True).close()
    memory_keyring.items[(keys.KEYRING_SERVICE, str(folder.resolve()))] = "00" * 32
    with pytest.raises(ProfileError, match="trousseau du système ne déchiffre pas"):
        open_store(folder, encrypted=True)


def _journal(conn) -> list[tuple]:
    return conn.execute("SELECT * FROM journal ORDER BY seq").fetchall()


def test_a_clear_profile_is_encrypted_in_place_with_nothing_lost(tmp_path):
    folder = tmp_path / "profil"
    clear = open_store(folder, encrypted=False)
    participant = add_youth(clear)
    clear.update("participant", participant["id"], {"school_level": "cegep"})
    visit = clear.create(
        "visit",
        {
            "project_id": participant["project_id"],
            "visited_at": "2025-07-02T10:00",
            "mode": "sur_place",
            "people_present": [f"{NAMES[0]} {NAMES[1]}"],
            "observations": "Assemblée générale forestière",
        },
    )
    clear.delete("visit", visit["id"])
    clear.restore("visit", visit["id"])
    clear.set_meta("author", "Julie")
    records = {k: clear.find(k, include_deleted=True) for k in ("project", "participant", "visit")}
    journal_before = _journal(clear.conn)
    meta_before = clear.conn.execute("SELECT * FROM meta ORDER BY key").fetchall()
    backups_dir(folder).mkdir()
    copy_database(clear.conn, backups_dir(folder) / "carnet-avant-v2-ancien.db")
    clear.close()
    photo = attachments_dir(folder) / "ab" / "abcdef"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(f"photo de {NAMES[1]}".encode())
    assert is_clear_database(database_path(folder))

    store = open_store(folder, encrypted=True)
    assert {
        k: store.find(k, include_deleted=True) for k in ("project", "participant", "visit")
    } == records
    assert _journal(store.conn) == journal_before
    assert store.conn.execute("SELECT * FROM meta ORDER BY key").fetchall() == meta_before
    hits = store.conn.execute(
        "SELECT count(*) FROM visit_fts WHERE visit_fts MATCH 'forestiere'"
    ).fetchone()[0]
    assert hits == 1  # the FTS5 index came along and still ignores accents
    key = store.conn.profile_key
    store.close()

    assert not is_clear_database(database_path(folder))
    assert not is_clear_database(backups_dir(folder) / "carnet-avant-v2-ancien.db")
    assert filecrypt.is_encrypted(photo)
    assert filecrypt.read_encrypted(photo, key.subkey("attachments")) == (
        f"photo de {NAMES[1]}".encode()
    )
    assert not list(folder.rglob("*.encrypting"))
    raw = folder_bytes(folder)
    assert NAMES[1].encode() not in raw


def test_a_clear_profile_with_a_pending_wal_keeps_its_last_writes(tmp_path):
    folder = tmp_path / "profil"
    clear = open_store(folder, encrypted=False)
    add_youth(clear)
    # Copy the files while the connection is open: the last writes are still in the -wal file.
    copy = tmp_path / "copie"
    copy.mkdir()
    for path in folder.iterdir():
        if path.is_file():
            (copy / path.name).write_bytes(path.read_bytes())
    clear.close()
    assert (copy / "carnet.db-wal").exists()
    store = open_store(copy, encrypted=True)
    assert store.find("participant")[0]["first_name"] == NAMES[0]
    store.close()
    assert (
        not (copy / "carnet.db-wal").exists()
        or NAMES[0].encode() not in (copy / "carnet.db-wal").read_bytes()
    )


def test_migration_backups_are_encrypted(tmp_path):
    folder = tmp_path / "profil"
    folder.mkdir()
    from coordinator_app.store.connection import open_connection

    conn = open_connection(database_path(folder), encrypted=True)
    migrate(conn, backups_dir(folder), MIGRATIONS[:1])
    conn.close()
    store = open_store(folder, encrypted=True)
    (backup,) = backups_dir(folder).glob("carnet-avant-v2-*.db")
    assert not is_clear_database(backup)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(backup).execute("SELECT * FROM sqlite_master").fetchall()
    copy = open_copy(backup, store.conn)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    copy.close()
    store.close()


def test_standard_sqlite_errors_are_caught_on_an_encrypted_connection(store):
    store.set_meta("a", "1")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO meta (key, value) VALUES ('a', '2')")
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("SELECT * FROM no_such_table")


def test_attachment_files_are_encrypted_and_tampering_is_detected(tmp_path, store):
    key = filecrypt.file_key(store.conn)
    target = tmp_path / "pj" / "ab" / "abcd"
    filecrypt.write_encrypted(target, "Compte rendu : Zoéline".encode(), key)
    assert "Zoéline".encode() not in target.read_bytes()
    assert filecrypt.read_encrypted(target, key) == "Compte rendu : Zoéline".encode()
    assert [p.name for p in target.parent.iterdir()] == ["abcd"]  # no temporary file left
    with pytest.raises(ProfileError, match="vient d'un autre profil"):
        filecrypt.read_encrypted(target, bytes(32))
    damaged = bytearray(target.read_bytes())
    damaged[-1] ^= 1
    target.write_bytes(bytes(damaged))
    with pytest.raises(ProfileError, match="endommagé"):
        filecrypt.read_encrypted(target, key)


def test_large_files_are_encrypted_in_chunks_that_cannot_be_cut_or_reordered(tmp_path, store):
    key = filecrypt.file_key(store.conn)
    data = bytes(range(256)) * (filecrypt.CHUNK // 128) + b"fin"  # two chunks and a bit
    source = tmp_path / "video.bin"
    source.write_bytes(data)
    target = tmp_path / "pj" / "video"
    filecrypt.encrypt_file(source, target, key)
    assert filecrypt.read_encrypted(target, key) == data
    whole = target.read_bytes()
    header, block = len(filecrypt.MAGIC) + filecrypt.PREFIX_BYTES, filecrypt.CHUNK + 16
    target.write_bytes(whole[: header + 2 * block])  # the last chunk dropped
    with pytest.raises(ProfileError, match="endommagé"):
        filecrypt.read_encrypted(target, key)
    swapped = whole[:header] + whole[header + block : header + 2 * block]
    target.write_bytes(swapped + whole[header : header + block] + whole[header + 2 * block :])
    with pytest.raises(ProfileError, match="endommagé"):
        filecrypt.read_encrypted(target, key)
    filecrypt.write_encrypted(target, b"", key)
    assert filecrypt.read_encrypted(target, key) == b""


def test_files_of_a_clear_profile_stay_readable(tmp_path):
    legacy = tmp_path / "ancienne-photo.jpg"
    legacy.write_bytes(b"\xff\xd8 clear")
    assert filecrypt.read_encrypted(legacy, bytes(32)) == b"\xff\xd8 clear"
    filecrypt.write_encrypted(legacy, b"clear again", None)
    assert legacy.read_bytes() == b"clear again"


def test_the_folder_key_is_known_once_the_profile_is_opened(tmp_path, store):
    assert filecrypt.folder_key(store.data_dir) == filecrypt.file_key(store.conn)
    assert filecrypt.folder_key(tmp_path / "jamais-ouvert") is None


def test_profiles_are_encrypted_by_default(tmp_path):
    """Every profile the app opens (command line, window, tests) is encrypted."""
    store = open_store(tmp_path / "profil")
    add_youth(store)
    assert store.conn.profile_key is not None
    store.close()
    assert not is_clear_database(database_path(tmp_path / "profil"))
    assert NAMES[1].encode() not in folder_bytes(tmp_path / "profil")


def test_a_keyring_that_refuses_to_store_falls_back_to_the_passphrase(tmp_path, memory_keyring):
    import keyring.errors

    def locked(*_args):
        raise keyring.errors.KeyringLocked("trousseau verrouillé")

    memory_keyring.set_password = locked
    with pytest.raises(ProfileError, match="Déverrouillez le trousseau"):
        open_store(tmp_path / "sans", encrypted=True)
    store = open_store(tmp_path / "avec", encrypted=True, passphrase="phrase de secours")
    assert store.conn.profile_key.source == "passphrase"
    store.close()
    assert (tmp_path / "avec" / keys.SALT_FILE).exists()
