"""Attachment files (photos, documents) kept inside the profile, named by their content hash.

A file is copied to ``<data_dir>/attachments/<sha[:2]>/<sha256>`` (the hash of the *clear*
content): the same photo attached twice is stored once, a copy never depends on the USB stick or
camera it came from, and a half-written copy is never mistaken for a good one (``filecrypt`` writes
a temporary file, fsyncs it, then renames it). In an encrypted profile the copy is encrypted with
the profile's file key (AES-GCM), because a photo of a minor on a lost laptop is a confidentiality
incident under Law 25. Thumbnails of images are made once with Pillow and cached the same way under
``attachments/thumbnails/``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coordinator_app.domain.errors import ProfileError, UserError
from coordinator_app.store import filecrypt, paths

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store

THUMBNAIL_SIZE = 160
MAX_SIZE = 200 * 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    """A file copied into the profile: what an ``attachment`` record needs."""

    sha256: str
    filename: str
    media_type: str
    size: int

    def record_values(self, project_id: str, visit_id: str | None) -> dict[str, Any]:
        return {
            "project_id": project_id,
            "visit_id": visit_id,
            "sha256": self.sha256,
            "filename": self.filename,
            "media_type": self.media_type,
            "size": self.size,
        }


def file_path(data_dir: Path, sha256: str) -> Path:
    """Where the content with this hash is kept."""
    return paths.attachments_dir(data_dir) / sha256[:2] / sha256


def _thumbnail_path(data_dir: Path, sha256: str, size: int) -> Path:
    return paths.attachments_dir(data_dir) / "thumbnails" / f"{sha256}-{size}.png"


def import_file(store: Store, source: Path | str) -> StoredFile:
    """Copy ``source`` into the profile by content hash; UserError (French) when unreadable.

    Safe to call from a worker thread: it touches only files, and the key of the open profile.
    """
    source = Path(source)
    try:
        if source.stat().st_size > MAX_SIZE:
            raise UserError(
                f"Le fichier {source.name} dépasse 200 Mo : joignez une version plus légère."
            )
        data = source.read_bytes()
    except FileNotFoundError:
        raise UserError(f"Le fichier {source} est introuvable : il n'a pas été joint.") from None
    except PermissionError:
        raise UserError(
            f"Le fichier {source} ne peut pas être lu (accès refusé) : il n'a pas été joint."
        ) from None
    except IsADirectoryError:
        raise UserError(f"{source} est un dossier : choisissez des fichiers.") from None
    except OSError as error:
        raise UserError(
            f"Impossible de lire le fichier {source} : {error.strerror or error}."
        ) from None
    sha = hashlib.sha256(data).hexdigest()
    target = file_path(store.data_dir, sha)
    if not target.exists():
        try:
            filecrypt.write_encrypted(target, data, filecrypt.file_key(store.conn))
        except OSError as error:
            raise UserError(
                f"Impossible d'enregistrer la pièce jointe dans {target.parent} : "
                f"{error.strerror or error}."
            ) from None
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    return StoredFile(sha, source.name, media_type, len(data))


def read_file(store: Store, sha256: str) -> bytes:
    """The clear content of an attachment (ProfileError when missing or altered)."""
    path = file_path(store.data_dir, sha256)
    try:
        return filecrypt.read_encrypted(path, filecrypt.file_key(store.conn))
    except OSError:
        raise ProfileError(f"La pièce jointe {sha256[:12]}… est absente du profil.") from None


def is_image(media_type: str | None) -> bool:
    return bool(media_type) and str(media_type).startswith("image/")


def thumbnail(store: Store, sha256: str, size: int = THUMBNAIL_SIZE) -> bytes | None:
    """PNG bytes of a thumbnail of an image attachment, made once and cached; None if unreadable."""
    key = filecrypt.file_key(store.conn)
    cached = _thumbnail_path(store.data_dir, sha256, size)
    if cached.exists():
        try:
            return filecrypt.read_encrypted(cached, key)
        except ProfileError:
            pass
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        original = read_file(store, sha256)
        with Image.open(io.BytesIO(original)) as image:
            small = ImageOps.exif_transpose(image)
            small.thumbnail((size, size))
            if small.mode not in ("RGB", "RGBA"):
                small = small.convert("RGBA")
            out = io.BytesIO()
            small.save(out, format="PNG")
    except (UnidentifiedImageError, OSError, ValueError, ProfileError):
        return None
    png = out.getvalue()
    with contextlib.suppress(OSError):  # the cache is a convenience: the thumbnail is shown anyway
        filecrypt.write_encrypted(cached, png, key)
    return png


def attachments_of(store: Store, *, visit_id: str) -> list[dict[str, Any]]:
    """The attachment records of a visit, oldest first."""
    return store.find("attachment", equals={"visit_id": visit_id}, order_by="created_at")
