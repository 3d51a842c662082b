"""What every reader returns: the header row and a lazy stream of data rows.

Readers differ (CSV, XLSX, JSON) but the importer sees one shape: ``Table.header`` (cells as the
user wrote them), ``Table.rows`` yielding ``(line, cells)`` one at a time so a large file is never
held in memory, and notes to show the user (encoding detected, formulas read as values…).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coordinator_app.domain.columns import fill_merged_headers, find_header_row
from coordinator_app.domain.errors import UserError

HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class BadCell:
    """A cell a reader could not turn into a value (an Excel error, a formula without a value)."""

    shown: str
    message: str


Row = tuple[int, list[object]]


@dataclass
class Table:
    """A sheet ready to import. ``line`` numbers are those the spreadsheet shows (1-based).

    ``canonical`` is True for JSON exports, whose values are already in the app's canonical form
    (amounts in cents), so the importer must not parse them as typed text.
    """

    source: str
    header: list[object]
    header_line: int
    rows: Iterator[Row]
    total: int = 0
    notes: list[str] = field(default_factory=list)
    canonical: bool = False


def is_blank(cells: Sequence[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def split_header(
    kind: str, source: str, rows: Iterator[Row], path: Path
) -> tuple[list[object], int, list[Row]]:
    """Find the header among the first rows; return it, its line, and the data rows read past it.

    Titles and merged group headers above the real header row are skipped (see
    ``columns.find_header_row``); vertically merged header cells get their text back.
    """
    head: list[Row] = []
    for row in rows:
        if not is_blank(row[1]):
            head.append(row)
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    if not head:
        raise UserError(f"Le fichier « {path.name} » est vide : aucune ligne à importer.")
    index = find_header_row(kind, [cells for _, cells in head])
    if index is None:
        from coordinator_app.exchange.report import shown_value

        first = ", ".join(f"« {shown_value(c)} »" for c in head[0][1] if c not in (None, ""))
        first = first if len(first) <= 300 else first[:299] + "…"
        raise UserError(
            f"Aucune colonne reconnue dans « {path.name} » ({source}) : la première ligne contient "
            f"{first}. Vérifiez le type de données choisi ; les en-têtes attendus sont ceux d'une "
            "exportation (par exemple « Nom du projet », « Région », « Année »)."
        )
    header = fill_merged_headers([cells for _, cells in head], index)
    return header, head[index][0], head[index + 1 :]
