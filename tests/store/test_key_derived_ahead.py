"""The window derives a passphrase profile's key in a thread while it imports (issue 17): the key
found afterwards is the profile's, a wrong passphrase still fails, and nothing starts without a
passphrase profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator_app.domain.errors import ProfileError
from coordinator_app.store import keys, open_store


def test_the_key_derived_ahead_opens_the_profile(tmp_path: Path) -> None:
    open_store(tmp_path).close()  # a new profile keyed by the test passphrase
    assert keys.uses_passphrase(tmp_path)
    keys._derived.clear()
    thread = keys.derive_ahead(tmp_path)
    assert thread is not None
    thread.join()
    assert len(keys._derived) == 1  # derived by the thread, not by the opening below
    store = open_store(tmp_path)
    assert store.get_meta("device_id")
    store.close()
    assert len(keys._derived) == 1


def test_a_wrong_passphrase_derived_ahead_still_fails(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    thread = keys.derive_ahead(tmp_path, "pas la bonne phrase")
    assert thread is not None
    thread.join()
    with pytest.raises(ProfileError):
        open_store(tmp_path, passphrase="pas la bonne phrase")


def test_nothing_is_derived_ahead_without_a_passphrase_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert keys.derive_ahead(tmp_path / "nouveau") is None  # no salt file: keyring or new profile
    open_store(tmp_path).close()
    (tmp_path / keys.SALT_FILE).write_text("illisible", encoding="utf-8")
    assert keys.derive_ahead(tmp_path) is None  # profile_key says what is wrong when opening
    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    assert keys.derive_ahead(tmp_path) is None
