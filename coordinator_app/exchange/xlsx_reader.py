"""XLSX through openpyxl in read-only (streaming) mode: the first visible sheet, values not formulas.

Formulas are read as the values Excel computed and saved with the file (``data_only=True``), and the
user is told so; a formula Excel never computed (a file written by a program, not saved by Excel)
is reported rather than imported as empty. Hidden sheets are skipped; titles and merged group
headers above the header row are skipped; empty rows (Excel often reports thousands) are ignored.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from coordinator_app.domain.errors import UserError
from coordinator_app.exchange.table import BadCell, Row, Table, is_blank, split_header

_EXCEL_ERRORS = frozenset({"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"})
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _load(path: Path, *, data_only: bool):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise UserError(
            f"« {path.name} » n'est pas un classeur Excel lisible ({error}). Ouvrez-le dans Excel "
            "et enregistrez-le de nouveau en « Classeur Excel (*.xlsx) »."
        ) from None


def _has_formulas(path: Path, member: str) -> bool:
    """Whether a sheet's XML holds any formula, scanned in chunks without parsing it."""
    with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as stream:
        tail = b""
        while chunk := stream.read(1 << 20):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _cell(value: object, formula: object) -> object:
    """A cell's value as the importer wants it: whole floats as ints, Excel errors flagged."""
    if isinstance(formula, str) and formula.startswith("=") and value is None:
        return BadCell(
            formula,
            "cette formule n'a pas de valeur calculée dans le fichier : ouvrez-le dans Excel, "
            "puis enregistrez-le, et importez-le de nouveau",
        )
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip() in _EXCEL_ERRORS:
        return BadCell(value, "la cellule contient une erreur Excel ; corrigez la formule")
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes")
    return value


def _rows(values: Iterator[tuple], formulas: Iterator[tuple] | None) -> Iterator[Row]:
    pairs = (
        zip(values, formulas, strict=False)
        if formulas is not None
        else ((row, ()) for row in values)
    )
    for line, (row, row_formulas) in enumerate(pairs, start=1):
        cells = []
        for index, value in enumerate(row):
            formula = row_formulas[index] if index < len(row_formulas) else None
            cells.append(_cell(value, formula))
        yield line, cells


def open_xlsx(path: Path, kind: str) -> Table:
    """Open the first visible sheet of a workbook for import."""
    with path.open("rb") as stream:
        head = stream.read(8)
    if not head:
        raise UserError(f"Le fichier « {path.name} » est vide : aucune ligne à importer.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(
            f"« {path.name} » est un ancien classeur Excel 97-2003 (.xls), que Carnet COOP ne lit "
            "pas. Dans Excel, enregistrez-le en « Classeur Excel (*.xlsx) »."
        )
    if not head.startswith(b"PK"):
        raise UserError(
            f"« {path.name} » n'est pas un classeur Excel (.xlsx). S'il s'agit d'un fichier CSV, "
            "donnez-lui l'extension .csv."
        )
    workbook = _load(path, data_only=True)
    visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
    if not visible:
        raise UserError(f"Le classeur « {path.name} » n'a aucune feuille visible à importer.")
    sheet = visible[0]
    notes = [f"Feuille importée : « {sheet.title} » (la première feuille visible)."]
    skipped = [ws.title for ws in workbook.worksheets if ws is not sheet]
    if skipped:
        notes.append("Feuilles ignorées : " + ", ".join(f"« {t} »" for t in skipped) + ".")
    formulas = None
    if _has_formulas(path, sheet._worksheet_path):
        formula_sheet = _load(path, data_only=False)[sheet.title]
        formulas = formula_sheet.iter_rows(values_only=True)
    rows = _rows(sheet.iter_rows(values_only=True), formulas)
    header, header_line, pending = split_header(kind, "XLSX", rows, path)
    header = [h.shown if hasattr(h, "shown") else h for h in header]
    data = (row for row in itertools.chain(pending, rows) if not is_blank(row[1]))
    total = max((sheet.max_row or 0) - header_line, 0)
    table = Table("XLSX", header, header_line, data, total, notes)
    if formulas is not None:
        table.notes.append(
            "Le classeur contient des formules : ce sont les valeurs calculées et enregistrées "
            "par Excel qui sont importées, pas les formules."
        )
    return table
