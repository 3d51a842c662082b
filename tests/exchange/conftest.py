"""Fixtures for import/export tests: real encrypted profiles in temporary folders, real files."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import openpyxl
import pytest

from coordinator_app.store import Store, open_store

FIXED_NOW = dt.datetime(2026, 11, 26, 15, 0, tzinfo=dt.UTC)


def fixed_clock() -> dt.datetime:
    return FIXED_NOW


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "profil", clock=fixed_clock)
    yield opened
    opened.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "profil-vide", clock=fixed_clock)
    yield opened
    opened.close()


def journal_count(store: Store) -> int:
    with store.reading() as conn:
        return conn.execute("SELECT count(*) FROM journal").fetchone()[0]


def write_csv(
    path: Path, lines: Sequence[str], *, encoding: str = "utf-8", newline: str = "\r\n"
) -> Path:
    """A CSV file as Excel writes it: CRLF line ends, in the given encoding."""
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, title: str = "Projets") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def set_cached_value(path: Path, formula: str, value: str) -> None:
    """Give a formula cell the value Excel would have saved with it (openpyxl cannot write one)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for name, data in members.items():
        if name.startswith("xl/worksheets/"):
            members[name] = data.replace(
                f"<f>{formula}</f><v /></c>".encode(),
                f"<f>{formula}</f><v>{value}</v></c>".encode(),
            )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def add_references(store: Store) -> dict[str, str]:
    """A coordinator, an organisation and a school that project rows may name."""
    coordinator = store.create("coordinator", {"name": "Julie Tremblay", "regions": ["01", "03"]})
    partner = store.create(
        "organisation",
        {"name": "Caisse Desjardins de Rimouski", "org_kind": "caisse", "region_code": "01"},
    )
    school = store.create(
        "school", {"name": "École Paul-Hubert", "municipality": "Rimouski", "region_code": "01"}
    )
    return {"coordinator": coordinator["id"], "organisation": partner["id"], "school": school["id"]}


def write_ods(path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> Path:
    """An OpenDocument spreadsheet as LibreOffice writes it, with typed cells (odfpy): text,
    float, date (``office:date-value``), boolean; each sheet a (name, rows) pair."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets:
        table = Table(name=name)
        for row in rows:
            table_row = TableRow()
            for value in row:
                table_row.addElement(_ods_cell(TableCell, P, value))
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def _ods_cell(cell_type, paragraph, value: object):
    if value is None or value == "":
        return cell_type()
    if isinstance(value, bool):
        cell = cell_type(valuetype="boolean", booleanvalue="true" if value else "false")
        text = "VRAI" if value else "FAUX"
    elif isinstance(value, dt.datetime):
        cell = cell_type(valuetype="date", datevalue=value.isoformat(timespec="seconds"))
        text = value.isoformat(sep=" ", timespec="minutes")
    elif isinstance(value, dt.date):
        cell = cell_type(valuetype="date", datevalue=value.isoformat())
        text = value.isoformat()
    elif isinstance(value, int | float):
        cell = cell_type(valuetype="float", value=repr(float(value)))
        text = str(value)
    else:
        cell = cell_type(valuetype="string")
        text = str(value)
    for line in text.split("\n"):
        cell.addElement(paragraph(text=line))
    return cell
