"""Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) through python-calamine (the Rust calamine reader).

calamine reads every format Excel, LibreOffice and Google Sheets write, strict Open XML included,
and turns date-styled numbers into dates. This module picks the sheet (the first visible worksheet
whose header row is recognised: an empty « Lisez-moi » or a hidden sheet is skipped with a note),
hands rows to the importer one at a time with the row numbers the spreadsheet shows, and turns
every failure of the library into a French sentence.

calamine gives the value Excel saved for a formula, but an empty cell for an Excel error (#N/A…)
and for a formula saved without a value; for .xlsx/.xlsm, ``xlsx_cells`` finds those cells (one
extra pass, only when the file has formulas or errors) so they are reported, not imported empty.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from coordinator_app.domain.errors import UserError
from coordinator_app.exchange.table import BadCell, Row, Table, is_blank, split_header
from coordinator_app.exchange.xlsx_cells import bad_cells, ods_bad_cells, scan_ods, scan_xlsx

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
RESAVE = (
    "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le de nouveau en « Classeur Excel "
    "(*.xlsx) » ou en « CSV UTF-8 », puis importez ce nouveau fichier."
)


def _library_error(path: Path, error: BaseException) -> UserError:
    """A French sentence for whatever calamine raised (its own text is English)."""
    import python_calamine as pc

    name = path.name
    text = str(error)
    if isinstance(error, pc.PasswordError) or "password" in text.lower():
        return UserError(
            f"« {name} » est protégé par un mot de passe : Carnet COOP ne peut pas le lire. "
            "Ouvrez-le, retirez le mot de passe (Fichier › Informations › Protéger le "
            "classeur › Chiffrer avec mot de passe, laissez le champ vide), enregistrez-le, "
            "puis importez-le de nouveau."
        )
    if "Cannot detect file format" in text:
        return UserError(
            f"« {name} » n'est pas un classeur que Carnet COOP sait lire (.xlsx, .xlsm, .xlsb, "
            ".xls ou .ods). " + RESAVE
        )
    if "limit" in text.lower():
        return UserError(
            f"« {name} » déclare une feuille démesurée (des milliards de cellules) : il est "
            "abîmé ou piégé, il n'est pas importé. " + RESAVE
        )
    return UserError(f"« {name} » est abîmé ou n'est pas un classeur lisible. " + RESAVE)


def _open(path: Path) -> Any:
    """The workbook, by its extension first, else by its content (a .xlsx that is really a
    .xls); a password or any other failure becomes a French ``UserError``."""
    import python_calamine as pc

    try:
        return pc.CalamineWorkbook.from_path(str(path))
    except Exception as error:  # any failure of the library is the file's
        first = error
    if isinstance(first, pc.PasswordError):
        raise _library_error(path, first) from None
    try:
        with path.open("rb") as stream:
            return pc.CalamineWorkbook.from_filelike(stream)
    except Exception as error:
        chosen = error if isinstance(error, pc.PasswordError) else first
        raise _library_error(path, chosen) from None


def _cell(value: object) -> object:
    """calamine's value in the importer's terms: empty text is no value, whole floats are ints."""
    if value == "" or value is None:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _rows(path: Path, sheet: Any, bad: dict[int, dict[int, BadCell]]) -> Iterator[Row]:
    """The sheet's rows as ``(line as shown, cells)``, with the cells calamine left empty for an
    error or a formula without a saved value put back as ``BadCell``."""
    start = sheet.start
    if start is None:
        return
    first_row, first_column = start
    try:
        for offset, values in enumerate(sheet.iter_rows()):
            line = first_row + offset + 1
            cells: list[object] = [_cell(v) for v in values]
            for column, cell in bad.get(line, {}).items():
                index = column - first_column
                if index >= 0:
                    cells.extend([None] * (index + 1 - len(cells)))
                    cells[index] = cell
            yield line, cells
    except UserError:
        raise
    except Exception as error:
        raise _library_error(path, error) from None


def open_workbook(path: Path, kind: str) -> Table:
    """Open the first visible worksheet of a workbook whose header row is recognised."""
    import python_calamine as pc

    with path.open("rb") as stream:
        head = stream.read(8)
    if not head.strip():
        raise UserError(f"Le fichier « {path.name} » est vide : aucune ligne à importer.")
    if not head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return _text_instead(path, kind)
    workbook = _open(path)
    try:
        metadata = list(workbook.sheets_metadata)
    except Exception as error:
        raise _library_error(path, error) from None
    skipped: list[str] = []
    refusal: UserError | None = None
    for index, meta in enumerate(metadata):
        if meta.visible != pc.SheetVisibleEnum.Visible:
            skipped.append(f"« {meta.name} » (masquée)")
            continue
        if meta.typ != pc.SheetTypeEnum.WorkSheet:
            skipped.append(f"« {meta.name} » (graphique ou macro)")
            continue
        try:
            sheet = workbook.get_sheet_by_index(index)
        except Exception as error:
            refusal = refusal or _library_error(path, error)
            skipped.append(f"« {meta.name} » (illisible)")
            continue
        bad, formulas = _formula_cells(path, meta.name)
        rows = _rows(path, sheet, bad)
        try:
            header, header_line, pending = split_header(kind, "classeur", rows, path)
        except UserError as error:
            empty = sheet.start is None or "est vide" in str(error)
            skipped.append(f"« {meta.name} » ({'vide' if empty else 'aucune colonne reconnue'})")
            if not empty and refusal is None:
                refusal = _in_sheet(path, meta.name, error)
            continue
        later = [m.name for m in metadata[index + 1 :] if m.visible == pc.SheetVisibleEnum.Visible]
        header = [h.shown if isinstance(h, BadCell) else _header_text(h) for h in header]
        data = (row for row in itertools.chain(pending, rows) if not is_blank(row[1]))
        total = max(sheet.height + (sheet.start or (0, 0))[0] - header_line, 0)
        notes = _sheet_notes(meta.name, skipped, later, formulas)
        return Table("classeur", header, header_line, data, total, notes)
    raise _no_sheet_read(path, skipped, refusal)


def _in_sheet(path: Path, sheet: str, error: UserError) -> UserError:
    """The header error of one sheet, naming the sheet after the file."""
    return UserError(
        str(error).replace(f"« {path.name} »", f"« {path.name} », feuille « {sheet} »", 1)
    )


def _sheet_notes(sheet: str, skipped: list[str], later: list[str], formulas: bool) -> list[str]:
    """What the import says about the workbook: the sheet read, the sheets left aside (before it,
    with why; after it, visible ones), and that formulas come as their saved values."""
    notes = [f"Feuille importée : « {sheet} »."]
    others = skipped + [f"« {name} »" for name in later]
    if others:
        notes.append("Feuilles ignorées : " + ", ".join(others) + ".")
    if formulas:
        notes.append(
            "Le classeur contient des formules : ce sont les valeurs calculées et enregistrées "
            "avec le fichier qui sont importées, pas les formules."
        )
    return notes


def _no_sheet_read(path: Path, skipped: list[str], refusal: UserError | None) -> UserError:
    """Why no sheet could be imported: the first sheet's own error, else no visible sheet, else
    an empty file."""
    if refusal is not None:
        return refusal
    if skipped and all("masquée" in s or "graphique" in s for s in skipped):
        return UserError(f"Le classeur « {path.name} » n'a aucune feuille visible à importer.")
    return UserError(f"Le fichier « {path.name} » est vide : aucune ligne à importer.")


def _text_instead(path: Path, kind: str) -> Table:
    """A « workbook » that is really text (a CSV, or an HTML or TSV page a web site named .xls):
    read as CSV, with a note; anything else is refused by the CSV reader's checks."""
    from coordinator_app.exchange.csv_reader import open_csv

    table = open_csv(path, kind)
    table.notes.insert(
        0, f"« {path.name} » n'est pas un classeur mais un fichier texte : il est lu comme un CSV."
    )
    return table


def _header_text(value: object) -> object:
    """A header cell as text (a date or a number typed as a header is shown as such)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def _formula_cells(path: Path, sheet_name: str) -> tuple[dict[int, dict[int, BadCell]], bool]:
    """Error cells and formulas without a saved value of one sheet (.xlsx/.xlsm), and whether
    the sheet holds formulas at all (for the note); nothing for other formats."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".ods":
            formulas = scan_ods(path)
            return (ods_bad_cells(path, sheet_name) if formulas else {}), formulas
        member, has_formulas, has_errors = scan_xlsx(path, sheet_name)
        if member and (has_formulas or has_errors):
            return bad_cells(path, member), has_formulas
        return {}, has_formulas
    except UserError:
        raise
    except Exception:  # a workbook calamine reads but whose XML we cannot: no notes, no problems
        return {}, False
