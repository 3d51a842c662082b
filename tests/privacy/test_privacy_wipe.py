"""``wipe_profile``: a lost laptop's profile is deleted whole, key included. (The wipe triggered by
``coordinator-server revoke-device --wipe`` over the real server is tested in tests/sync.)"""

from __future__ import annotations

import pytest

from coordinator_app.domain.errors import ProfileError
from coordinator_app.store import keys, open_store
from coordinator_app.store.attachments import import_file
from coordinator_app.store.connection import copy_database
from coordinator_app.store.paths import backups_dir
from coordinator_app.store.snapshots import take_snapshot
from coordinator_app.store.wipe import wipe_profile
from tests.privacy.support import NAMES, add_youth


def _fill(store, tmp_path) -> None:
    participant = add_youth(store)
    photo = tmp_path / "photo.txt"
    photo.write_text(f"photo de {NAMES[0]}")
    stored = import_file(store, photo)
    store.create("attachment", stored.record_values(participant["project_id"], None))
    take_snapshot(store)
    backups_dir(store.data_dir).mkdir(exist_ok=True)
    copy_database(store.conn, backups_dir(store.data_dir) / "carnet-avant-v9-test.db")
    (store.data_dir / "logs").mkdir(exist_ok=True)
    (store.data_dir / "logs" / "carnet.log").write_text("trace")


def test_wipe_deletes_data_files_and_the_keyring_key(tmp_path, memory_keyring):
    folder = tmp_path / "profil"
    store = open_store(folder)
    _fill(store, tmp_path)
    store.close()
    assert (keys.KEYRING_SERVICE, str(folder.resolve())) in memory_keyring.items

    report = wipe_profile(folder)

    assert list(folder.iterdir()) == []
    assert report.key_removed
    assert {p.name for p in report.deleted} >= {
        "carnet.db",
        "attachments",
        "snapshots",
        "backups",
        "logs",
    }
    assert (keys.KEYRING_SERVICE, str(folder.resolve())) not in memory_keyring.items
    assert "Profil effacé de cet ordinateur" in report.summary()
    fresh = open_store(folder)  # what the app finds next: an empty profile with a new key
    assert fresh.count("participant") == 0
    fresh.close()


def test_wipe_of_a_passphrase_profile_deletes_its_salt(tmp_path, profile_passphrase):
    folder = tmp_path / "profil"
    store = open_store(folder)
    _fill(store, tmp_path)
    key = store.conn.profile_key
    store.close()
    report = wipe_profile(folder)
    assert list(folder.iterdir()) == []
    assert report.key_removed
    assert keys.opened_key(folder) is None
    assert key.source == "passphrase"


def test_a_copy_taken_before_the_wipe_cannot_be_opened_once_the_key_is_gone(
    tmp_path, memory_keyring
):
    folder = tmp_path / "profil"
    store = open_store(folder)
    add_youth(store)
    store.close()
    stolen = tmp_path / "copie-volee"
    stolen.mkdir()
    (stolen / "carnet.db").write_bytes((folder / "carnet.db").read_bytes())
    wipe_profile(folder)
    with pytest.raises(ProfileError, match=r"clé du profil chiffré .* est introuvable"):
        open_store(stolen)
    assert NAMES[0].encode() not in (stolen / "carnet.db").read_bytes()
