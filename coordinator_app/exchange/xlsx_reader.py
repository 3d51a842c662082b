"""XLSX: the first visible sheet, streamed, values not formulas.

openpyxl (read-only) reads the workbook's structure; ``sheet_xml`` streams the chosen sheet's cells.
Formulas are read as the values Excel computed and saved with the file, and the user is told so; a
formula Excel never computed (a file written by a program, not saved by Excel) is reported rather
than imported as empty. Hidden sheets are skipped; titles and merged group
headers above the header row are skipped; empty rows (Excel often reports thousands) are ignored.
"""

from __future__ import annotations

import functools
import itertools
import re
import warnings
import zipfile
from pathlib import Path

from coordinator_app.domain.errors import UserError
from coordinator_app.exchange.sheet_xml import sheet_rows
from coordinator_app.exchange.table import Table, is_blank, split_header

_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _load(path: Path, *, data_only: bool):
    """The workbook's structure (sheets, visibility, shared strings, date styles), read by
    openpyxl without its sizing pass over each sheet (see ``_structure_reader``)."""
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():  # openpyxl's remarks on styles mean nothing to users
            warnings.simplefilter("ignore")
            reader = _structure_reader()(path, read_only=True, data_only=data_only)
            reader.read()
            return reader.wb
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise UserError(
            f"« {path.name} » n'est pas un classeur Excel lisible ({error}). Ouvrez-le dans Excel "
            "et enregistrez-le de nouveau en « Classeur Excel (*.xlsx) »."
        ) from None


@functools.cache
def _structure_reader() -> type:
    """openpyxl's read-only ``ExcelReader`` whose sheets do not size themselves.

    A read-only sheet of openpyxl parses the whole sheet XML on opening when the file has no
    ``<dimension>`` element (openpyxl's own exports, ours included): a full extra pass over a
    50 000-row sheet, about a sixth of an import. ``sheet_rows`` streams the cells and
    ``_scan`` counts the rows, so the size is not needed. Chart sheets are skipped (only
    worksheets are imported).
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class UnsizedSheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:
            pass

    class StructureReader(ExcelReader):
        def read_worksheets(self) -> None:
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files or "chartsheet" in rel.Type:
                    continue
                ws = UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

    return StructureReader


def _scan(path: Path, member: str) -> tuple[bool, int]:
    """Whether a sheet's XML holds any formula, and its number of ``<row>`` elements, from one
    pass over the raw bytes in chunks (no XML parsing: C-speed searches only)."""
    has_formulas, rows, tail = False, 0, b""
    with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            has_formulas = has_formulas or bool(_FORMULA_TAG.search(window))
            # a tag cut by the chunk's end is counted with the next chunk, never twice
            rows += len(_ROW_TAG.findall(window)) - len(_ROW_TAG.findall(tail))
            tail = chunk[-16:]
    return has_formulas, rows


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
    has_formulas, row_count = _scan(path, sheet._worksheet_path)
    rows = sheet_rows(
        path,
        sheet._worksheet_path,
        sheet._shared_strings,
        set(workbook._date_formats),
        workbook.epoch,
    )
    header, header_line, pending = split_header(kind, "XLSX", rows, path)
    header = [h.shown if hasattr(h, "shown") else h for h in header]
    data = (row for row in itertools.chain(pending, rows) if not is_blank(row[1]))
    total = max(row_count - header_line, 0)
    table = Table("XLSX", header, header_line, data, total, notes)
    if has_formulas:
        table.notes.append(
            "Le classeur contient des formules : ce sont les valeurs calculées et enregistrées "
            "par Excel qui sont importées, pas les formules."
        )
    return table
