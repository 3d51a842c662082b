"""Attachment files (photos, documents) kept inside the profile, named by their content hash.

A file is copied to ``<data_dir>/attachments/<sha[:2]>/<sha256>``: the same photo attached twice is
stored once, a copy never depends on the USB stick or camera it came from, and a half-written copy
is never mistaken for a good one (written to a temporary file, then renamed). Thumbnails of images
are made once with Pillow and cached under ``attachments/thumbnails/``.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coordinator_app.domain.errors import UserError
from coordinator_app.store import paths

if TYPE_CHECKING:
    from coordinator_app.store.profile import Store

CHUNK = 1 << 20
THUMBNAIL_SIZE = 160
MAX_SIZE = 500 * 1024 * 1024


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


def _copy_hashing(source: Path, folder: Path) -> tuple[str, int, Path]:
    digest, size = hashlib.sha256(), 0
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return digest.hexdigest(), size, Path(temp_name)


def import_file(data_dir: Path, source: Path | str) -> StoredFile:
    """Copy ``source`` into the profile by content hash; UserError (French) when unreadable."""
    source = Path(source)
    try:
        if source.stat().st_size > MAX_SIZE:
            raise UserError(
                f"Le fichier {source.name} dépasse 500 Mo : joignez une version plus légère."
            )
        sha, size, temp = _copy_hashing(source, paths.attachments_dir(data_dir))
    except OSError as error:
        raise UserError(
            f"Impossible de joindre le fichier {source} : {error.strerror or error}."
        ) from None
    target = file_path(data_dir, sha)
    try:
        if target.exists():
            temp.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise UserError(
            f"Impossible d'enregistrer la pièce jointe dans {target.parent} : "
            f"{error.strerror or error}."
        ) from None
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    return StoredFile(sha, source.name, media_type, size)


def is_image(media_type: str | None) -> bool:
    return bool(media_type) and str(media_type).startswith("image/")


def thumbnail(data_dir: Path, sha256: str, size: int = THUMBNAIL_SIZE) -> Path | None:
    """A cached PNG thumbnail of an image attachment, made on first use; None if not an image."""
    target = paths.attachments_dir(data_dir) / "thumbnails" / f"{sha256}-{size}.png"
    if target.exists():
        return target
    original = file_path(data_dir, sha256)
    if not original.exists():
        return None
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(original) as image:
            small = ImageOps.exif_transpose(image)
            small.thumbnail((size, size))
            if small.mode not in ("RGB", "RGBA"):
                small = small.convert("RGBA")
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_suffix(".tmp")
            small.save(temp, format="PNG")
            os.replace(temp, target)
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    return target


def attachments_of(store: Store, *, visit_id: str) -> list[dict[str, Any]]:
    """The attachment records of a visit, oldest first."""
    return store.find("attachment", equals={"visit_id": visit_id}, order_by="created_at")
