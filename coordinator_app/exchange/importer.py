"""Import a sheet of records: all rows or none, every problem reported, every write journaled.

One pass over the file inside one store transaction (``row_importer`` does each row). At the end,
any problem — or a dry run, or a cancel — rolls the whole transaction back. Rows stream from the
reader one at a time: a 50 000-row file is never held as Python objects.

Only a column of the app's own identifiers (UUIDs, as exported) matches records by id: a sheet's
own numbering headed « ID » or « No » is ignored with a note, so a second list numbered 1–4 can
never overwrite the first one's records.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.domain import fr_ca
from coordinator_app.domain.columns import ID, KIND_NAMES, HeaderMap, map_headers
from coordinator_app.domain.errors import UserError
from coordinator_app.exchange.csv_reader import open_csv
from coordinator_app.exchange.json_reader import open_json
from coordinator_app.exchange.report import ImportReport, Problem, shown_value
from coordinator_app.exchange.row_importer import WRITE_CHUNK, RowImporter, is_our_id
from coordinator_app.exchange.row_values import raw_safe
from coordinator_app.exchange.table import BadCell, Row, Table
from coordinator_app.exchange.workbook_reader import WORKBOOK_SUFFIXES, open_workbook
from coordinator_app.store import Store

__all__ = [
    "PROGRESS_EVERY",
    "WRITE_CHUNK",
    "import_file",
    "import_table",
    "preview_file",
    "raw_safe",
]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
PROGRESS_EVERY = 250
ID_LOOKAHEAD = 200  # rows read ahead to decide whether an « ID » column holds our identifiers
_READERS = {".csv": open_csv, ".txt": open_csv, ".tsv": open_csv, ".json": open_json}
_UNSUPPORTED = {
    ".numbers": "un document Numbers. Dans Numbers, choisissez Fichier › Exporter vers › "
    "Excel… (ou CSV…)",
    ".fods": "une feuille OpenDocument « à plat » (.fods). Dans LibreOffice, enregistrez-la "
    "en « Classeur ODF (.ods) » ou en « Classeur Excel (.xlsx) »",
    ".zip": "une archive compressée. Extrayez-en le classeur ou le fichier CSV",
    ".pdf": "un document PDF. Exportez les données du logiciel d'origine en .xlsx ou en CSV",
}


class _Rollback(Exception):
    """Raised inside the transaction to undo everything (problems found, dry run, cancel)."""


def open_table(path: Path | str, kind: str) -> Table:
    """Open ``path`` with the reader its extension names (its content decides for other names)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Fichier introuvable : {path}")
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED:
        raise UserError(
            f"« {path.name} » est {_UNSUPPORTED[suffix]}, puis importez ce nouveau fichier."
        )
    if suffix in WORKBOOK_SUFFIXES:
        return open_workbook(path, kind)
    reader = _READERS.get(suffix)
    if reader is None:
        with path.open("rb") as stream:
            head = stream.read(8).lstrip()
        is_workbook = head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))
        reader = (
            open_workbook if is_workbook else open_json if head[:1] in (b"{", b"[") else open_csv
        )
    return reader(path, kind)


def check_kind(kind: str) -> None:
    if kind not in KIND_NAMES.values():
        raise UserError(f"Ce type de données ne s'importe pas : {kind}")


def _id_column(mapping: HeaderMap, table: Table, notes: list[str]) -> None:
    """Keep the id column only when it holds the app's own identifiers; else drop it (a note).

    Decided from the first filled cell among the first ``ID_LOOKAHEAD`` rows (read ahead and put
    back in front of the stream)."""
    index = next((i for i, name in mapping.columns.items() if name == ID), None)
    if index is None or table.canonical:
        return
    ahead: list[Row] = list(itertools.islice(table.rows, ID_LOOKAHEAD))
    table.rows = itertools.chain(ahead, table.rows)
    first = next(
        (
            cells[index]
            for _line, cells in ahead
            if index < len(cells) and shown_value(cells[index]).strip()
        ),
        None,
    )
    if first is not None and is_our_id(shown_value(first)):
        return
    header = mapping.headers.pop(ID)
    del mapping.columns[index]
    example = f" (par exemple « {shown_value(first)} »)" if first is not None else " (vide)"
    notes.append(
        f"La colonne « {header} » ne contient pas des identifiants de Carnet COOP{example} : "
        "elle est ignorée, et les lignes sont reconnues par leur contenu."
    )


def _file_problems(mapping: HeaderMap, table: Table) -> list[Problem]:
    problems = [
        Problem(
            table.header_line,
            duplicate,
            "",
            f"cette colonne désigne le même champ que « {first} » : gardez-en une seule",
        )
        for duplicate, first in mapping.duplicates
    ]
    if not any(name != ID for name in mapping.headers):
        expected = ", ".join(f"« {f.label} »" for f in mapping.missing_required()[:6])
        problems.append(
            Problem(
                table.header_line or None,
                "",
                "",
                "aucune colonne de données reconnue (seulement un identifiant) : les colonnes "
                f"attendues sont notamment {expected}",
            )
        )
    elif ID not in mapping.headers:
        problems += [
            Problem(
                table.header_line or None,
                f.label,
                "",
                f"colonne obligatoire absente : ajoutez une colonne « {f.label} »",
            )
            for f in mapping.missing_required()
        ]
    return problems


def import_file(
    store: Store,
    path: Path | str,
    kind: str,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Import ``path`` as records of ``kind``; the report says what was (or would be) done.

    Nothing is written when the report has problems, when ``dry_run`` is set or when
    ``cancelled()`` turns true. Files that cannot be read at all raise ``UserError``.
    """
    check_kind(kind)
    table = open_table(path, kind)
    return import_table(
        store, table, kind, str(path), dry_run=dry_run, progress=progress, cancelled=cancelled
    )


def import_table(
    store: Store,
    table: Table,
    kind: str,
    source: str,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """``import_file`` for a table already opened (a reader's, or one built by a test)."""
    mapping = map_headers(kind, table.header)
    report = ImportReport(kind, source, dry_run, notes=list(table.notes))
    _id_column(mapping, table, report.notes)
    report.columns = list(mapping.headers.values())
    if mapping.ignored:
        report.notes.append(
            "Colonnes ignorées (non reconnues) : "
            + ", ".join(f"« {h} »" for h in mapping.ignored)
            + "."
        )
    report.problems += _file_problems(mapping, table)
    if report.problems:
        return report
    importer = RowImporter(store, kind, mapping, table, report)
    try:
        with store.bulk_transaction():
            for line, cells in table.rows:
                report.rows += 1
                importer.row(line, cells)
                if report.rows % PROGRESS_EVERY == 0:
                    if cancelled is not None and cancelled():
                        report.cancelled = True
                        raise _Rollback
                    if progress is not None:
                        progress(report.rows, max(table.total, report.rows))
            importer.flush()
            report.problems += importer.missing_column_problems(table.header_line)
            if report.problems or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    else:
        report.written = True
    _closing_notes(report, importer)
    if progress is not None:
        progress(report.rows, report.rows)
    return report


def _closing_notes(report: ImportReport, importer: RowImporter) -> None:
    if report.totals:
        lines = ", ".join(str(n) for n in importer.total_lines[:10])
        total = fr_ca.count(report.totals, "ligne de total ignorée", "lignes de total ignorées")
        where = fr_ca.plural(len(importer.total_lines), "ligne", "lignes")
        report.notes.append(f"{total} ({where} {lines}).")
    if report.skipped:
        report.notes.append(
            fr_ca.count(
                report.skipped,
                "ligne sans valeur dans les colonnes reconnues a été ignorée.",
                "lignes sans valeur dans les colonnes reconnues ont été ignorées.",
            )
        )
    if not report.rows:
        report.notes.append("Le fichier n'a aucune ligne de données sous ses en-têtes.")


@dataclass(frozen=True)
class Preview:
    """The first rows of a file as the importer will read them, for the window's preview."""

    kind: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    notes: list[str]
    recognised: list[str]
    ignored: list[str]


def preview_file(path: Path | str, kind: str, limit: int = 20) -> Preview:
    """The header and first ``limit`` data rows of ``path`` read as ``kind`` (nothing written)."""
    check_kind(kind)
    table = open_table(path, kind)
    mapping = map_headers(kind, table.header)
    notes = list(table.notes)
    _id_column(mapping, table, notes)
    rows = []
    for line, cells in table.rows:
        rows.append((line, [shown_value(c.shown if isinstance(c, BadCell) else c) for c in cells]))
        if len(rows) >= limit:
            break
    header = [shown_value(h) for h in table.header]
    recognised = list(mapping.headers.values())
    return Preview(kind, header, rows, notes, recognised, mapping.ignored)


def guess_kind(header: list[object]) -> str | None:
    """The kind whose headers a header row matches best (None when none or a tie)."""
    from coordinator_app.domain.columns import header_score

    ranked = sorted(((header_score(k, header), k) for k in KIND_NAMES.values()), reverse=True)
    (best_score, best), (second_score, _) = ranked[0], ranked[1]
    return best if best_score and best_score > second_score else None
