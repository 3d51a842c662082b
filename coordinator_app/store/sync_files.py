"""Attachment files around sync: which to upload before their records, which to download, and
keeping a downloaded file (checked against its hash, encrypted like every attachment)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coordinator_app.store.sync_cursor import acknowledge, pending_to_push

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store


def attachment_shas_to_upload(store: Store) -> list[str]:
    """SHA-256 of files referenced by unsent attachment changes, so files go up before records."""
    shas: list[str] = []
    for entry in pending_to_push(store, 100000, kind="attachment"):
        if "sha256" in entry.fields:
            sha = entry.fields["sha256"][1]
            if sha and sha not in shas:
                shas.append(sha)
    return shas


def refuse_attachment(store: Store, sha256: str, reason: str) -> int:
    """Keep the unsent changes that reference a file the server cannot take, with the reason."""
    reasons = {
        e.change_id: reason
        for e in pending_to_push(store, 100000, kind="attachment")
        if e.fields.get("sha256", [None, None])[1] == sha256
    }
    return acknowledge(store, {}, reasons)


def read_attachment(store: Store, sha256: str) -> bytes | None:
    """The clear content of a stored attachment file, or None when this laptop lacks it."""
    from coordinator_app.store.attachments import file_path, read_file

    if not file_path(store.data_dir, sha256).exists():
        return None
    return read_file(store, sha256)


def write_attachment(store: Store, sha256: str, data: bytes) -> None:
    """Keep a downloaded file, checked against its hash first (a bad download is never kept),
    encrypted like every attachment of the profile."""
    import hashlib

    from coordinator_app.store import filecrypt
    from coordinator_app.store.attachments import file_path

    if hashlib.sha256(data).hexdigest() != sha256:
        raise ValueError(f"downloaded attachment does not match {sha256}")
    filecrypt.write_encrypted(
        file_path(store.data_dir, sha256), data, filecrypt.file_key(store.conn)
    )


def missing_attachment_files(store: Store) -> list[str]:
    """SHA-256 of live attachment records whose file is not on this laptop yet."""
    from coordinator_app.store.attachments import file_path

    with store.reading() as conn:
        shas = [
            r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM attachment WHERE deleted = 0")
        ]
    return [s for s in shas if s and not file_path(store.data_dir, s).exists()]
