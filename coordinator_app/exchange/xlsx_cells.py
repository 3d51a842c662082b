"""The cells of an .xlsx or .ods sheet that calamine reads as empty but a person must hear about:
error values (#N/A, #REF!, #DIV/0!…) and formulas saved without a computed value (files written by
a program, never opened in Excel or LibreOffice). Also whether a sheet holds formulas at all.

One raw byte scan of the sheet's XML says whether there is anything to look for; only then is the
sheet streamed with ElementTree's C ``iterparse`` (rows cleared as read), keeping just the few bad
cells. Transitional and strict Open XML differ in namespaces only: tags are compared by local name.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from coordinator_app.exchange.table import BadCell

NO_RESULT = (
    "cette formule n'a pas de valeur calculée dans le fichier : ouvrez-le dans Excel ou "
    "LibreOffice, enregistrez-le, puis importez-le de nouveau"
)
EXCEL_ERROR = "la cellule contient une erreur Excel ; corrigez la formule"
CALC_ERROR = "la cellule contient une erreur de calcul ; corrigez la formule"
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ERROR_CELL = re.compile(rb"""\st=["']e["']""")
_CHUNK = 1 << 20


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def column_index(reference: str) -> int:
    """0-based column of a cell reference: « A7 » → 0, « AB12 » → 27."""
    number = 0
    for char in reference:
        if char.isdigit():
            break
        number = number * 26 + (ord(char.upper()) - 64)
    return number - 1


def _sheet_member(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding the worksheet named ``sheet_name`` (workbook.xml and its rels)."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return None
    rel_id = None
    for element in ET.fromstring(archive.read("xl/workbook.xml")).iter():
        if _local(element.tag) == "sheet" and element.get("name") == sheet_name:
            rel_id = next((val for key, val in element.attrib.items() if _local(key) == "id"), None)
            break
    for element in ET.fromstring(archive.read("xl/_rels/workbook.xml.rels")).iter():
        if _local(element.tag) == "Relationship" and element.get("Id") == rel_id:
            target = element.get("Target") or ""
            member = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            member = posixpath.normpath(member)
            return member if member in names else None
    return None


def scan_xlsx(path: Path, sheet_name: str) -> tuple[str | None, bool, bool]:
    """(sheet member, has formulas, has error cells) from one pass over the raw bytes."""
    if not zipfile.is_zipfile(path):
        return None, False, False
    with zipfile.ZipFile(path) as archive:
        member = _sheet_member(archive, sheet_name)
        if member is None:
            return None, False, False
        formulas = errors = False
        tail = b""
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                window = tail + chunk
                formulas = formulas or bool(_FORMULA_TAG.search(window))
                errors = errors or bool(_ERROR_CELL.search(window))
                tail = chunk[-16:]
    return member, formulas, errors


def scan_ods(path: Path) -> bool:
    """Whether an OpenDocument spreadsheet holds formulas (for the note)."""
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:
        if "content.xml" not in archive.namelist():
            return False
        tail = b""
        with archive.open("content.xml") as stream:
            while chunk := stream.read(_CHUNK):
                if b"table:formula=" in tail + chunk:
                    return True
                tail = chunk[-16:]
    return False


_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def ods_bad_cells(path: Path, sheet_name: str) -> dict[int, dict[int, BadCell]]:
    """line → column → ``BadCell`` of an .ods sheet: error results (#DIV/0!…) and formulas saved
    without a value, which calamine reads as empty. Repeated rows and columns are counted."""
    found: dict[int, dict[int, BadCell]] = {}
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        in_sheet, line, column = False, 0, 0
        for event, element in ET.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if tag == f"{{{_TABLE}}}table":
                if event == "start":
                    in_sheet, line = element.get(f"{{{_TABLE}}}name") == sheet_name, 0
                elif in_sheet:
                    break
                continue
            if not in_sheet or event != "end":
                continue
            if tag == f"{{{_TABLE}}}table-row":
                line += int(element.get(f"{{{_TABLE}}}number-rows-repeated") or 1)
                column = 0
                element.clear()
            elif tag in (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"):
                formula = element.get(f"{{{_TABLE}}}formula")
                kind = element.get(f"{{{_OFFICE}}}value-type")
                shown = "".join(element.itertext()).strip()
                if element.get(f"{{{_CALCEXT}}}value-type") == "error":
                    found.setdefault(line + 1, {})[column] = BadCell(shown or "#ERREUR", CALC_ERROR)
                elif formula and kind is None:
                    found.setdefault(line + 1, {})[column] = BadCell(
                        "=" + formula.split(":", 1)[-1].lstrip("="), NO_RESULT
                    )
                column += int(element.get(f"{{{_TABLE}}}number-columns-repeated") or 1)
    return found


def bad_cells(path: Path, member: str) -> dict[int, dict[int, BadCell]]:
    """line → column → ``BadCell`` for error cells and formulas without a saved value."""
    found: dict[int, dict[int, BadCell]] = {}
    with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
        line = 0
        for _event, element in ET.iterparse(stream, events=("end",)):
            if _local(element.tag) != "row":
                continue
            line = int(element.get("r") or line + 1)
            position = -1
            for cell in element:
                if _local(cell.tag) != "c":
                    continue
                reference = cell.get("r")
                position = column_index(reference) if reference else position + 1
                bad = _bad(cell)
                if bad is not None:
                    found.setdefault(line, {})[position] = bad
            element.clear()
    return found


def _bad(cell: ET.Element) -> BadCell | None:
    kind = cell.get("t", "n")
    value = formula = None
    has_formula = False
    for child in cell:
        name = _local(child.tag)
        if name == "v":
            value = child.text
        elif name == "f":
            has_formula, formula = True, child.text or ""
    if kind == "e" and value:
        return BadCell(value.strip(), EXCEL_ERROR)
    if has_formula and not value and kind not in ("str", "inlineStr"):
        return BadCell(f"={formula}" if formula else "=…", NO_RESULT)
    return None
