"""The result of an import: every problem found, what matched, what would be or was written.

The command line prints it, the window shows it in a table; both read the same objects, so the
wording users see (« Ligne 12, colonne « Région », valeur « … » : … ») is defined once, here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from coordinator_app.domain import fr_ca
from coordinator_app.domain.entities import ENTITIES

MAX_VALUE_SHOWN = 60


def shown_value(value: object) -> str:
    """A cell's value as the user typed it (never a Python repr), shortened for the report."""
    if value is None:
        return ""
    shown = getattr(value, "shown", None)  # a cell the reader could not read (formula, error)
    if isinstance(shown, str):
        return shown
    if isinstance(value, bool):
        text = "VRAI" if value else "FAUX"
    elif isinstance(value, dt.datetime) and value.time() == dt.time():
        text = value.date().isoformat()  # a date cell of Excel comes as midnight
    elif isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ", timespec="minutes")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, dt.time):
        text = value.isoformat(timespec="seconds" if value.second else "minutes")
    elif isinstance(value, dt.timedelta):
        hours, rest = divmod(int(value.total_seconds()), 3600)
        text = f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, Decimal):
        text = format(value, "f") if abs(value.adjusted()) < 20 else str(value)
    elif isinstance(value, list | tuple):
        text = "; ".join(shown_value(item) for item in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k} : {shown_value(v)}" for k, v in value.items())
    else:
        text = str(value)
    text = text.replace("\r\n", "\n").replace("\n", " ⏎ ")
    return text if len(text) <= MAX_VALUE_SHOWN else text[: MAX_VALUE_SHOWN - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing to fix: where (line of the sheet, column header), the value, what is expected.

    ``line`` is the row number as the spreadsheet shows it (the header row included), or None for
    a problem with the whole file (a missing column).
    """

    line: int | None
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"Ligne {self.line}")
        if self.column:
            parts.append(f"colonne « {self.column} »")
        if self.value:
            parts.append(f"valeur « {self.value} »")
        where = ", ".join(parts) if parts else "Fichier"
        return f"{where[0].upper()}{where[1:]} : {self.message}"


@dataclass(frozen=True)
class Match:
    """A row that matched an existing record, and how (« identifiant » or the natural key)."""

    line: int
    record_id: str
    title: str
    how: str
    changed: bool

    def __str__(self) -> str:
        what = "mis à jour" if self.changed else "inchangé"
        return f"Ligne {self.line} : correspond à « {self.title} » ({self.how}) — {what}"


@dataclass
class ImportReport:
    """What an import found and did. ``written`` is True only when the changes were committed."""

    kind: str
    path: str
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    totals: int = 0
    written: bool = False
    cancelled: bool = False
    problems: list[Problem] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        """Rows that hold a record (blank and total lines left out)."""
        return self.rows - self.skipped - self.totals

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def summary(self) -> str:
        """One French sentence: what was (or would be) done, or why nothing was."""
        label = ENTITIES[self.kind].label_plural.lower()
        if self.cancelled:
            return "Importation annulée : rien n'a été enregistré."
        count, n = fr_ca.count, fr_ca.number  # real plurals (OQLF), never « ligne(s) »
        if self.problems:
            return (
                f"{count(len(self.problems), 'problème', 'problèmes')} dans "
                f"{count(self.records, 'ligne', 'lignes')} : rien n'a été importé. "
                "Corrigez le fichier puis importez-le de nouveau."
            )
        if self.dry_run:
            return (
                f"Essai : {count(self.records, 'ligne lue', 'lignes lues')} ({label}) — "
                f"{n(self.created)} à créer, {n(self.updated)} à mettre à jour, "
                f"{count(self.unchanged, 'inchangée', 'inchangées')}. Rien n'a été enregistré."
            )
        return (
            f"{count(self.records, 'ligne importée', 'lignes importées')} ({label}) : "
            f"{count(self.created, 'créée', 'créées')}, "
            f"{count(self.updated, 'mise à jour', 'mises à jour')}, "
            f"{count(self.unchanged, 'inchangée', 'inchangées')}."
        )
