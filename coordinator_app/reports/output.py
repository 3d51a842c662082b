"""Writing a report file safely: a temporary file in the target folder, then an atomic rename.

A report that fails half-way (bad data, full disk, a bug) must leave no file, or the previous file
untouched, never a truncated PDF that a coordinator might print or send.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from coordinator_app.domain.errors import UserError


def check_output_path(path: Path, suffix: str = ".pdf") -> Path:
    """The absolute target path, or a French ``UserError`` naming why it cannot be written."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise UserError(f"Le chemin de sortie est un dossier, pas un fichier : {target}")
    if target.suffix.lower() != suffix:
        raise UserError(f"Le fichier de sortie doit se terminer par {suffix} : {target}")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"Le dossier de sortie n'existe pas : {folder}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"Impossible d'écrire dans le dossier {folder} : permission refusée.")
    return target.absolute()


def write_atomically(path: Path, build: Callable[[Path], None], suffix: str = ".pdf") -> Path:
    """Call ``build(temporary_path)`` then rename the temporary file onto ``path``.

    Any exception from ``build`` removes the temporary file and propagates; ``path`` is then
    either absent or still holds its previous content.
    """
    target = check_output_path(path, suffix)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=f"{suffix}.tmp", dir=target.parent
        )
    except OSError as error:
        raise UserError(
            f"Impossible d'écrire dans le dossier {target.parent} : {error.strerror or error}."
        ) from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        build(temp)
        os.replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise UserError(
            f"Impossible d'écrire le fichier {target} : {error.strerror or error}."
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return target
