"""Export records of one kind to CSV, XLSX or JSON, with the headers the importer reads back.

- CSV: UTF-8 with BOM (Excel opens it with accents intact), semicolon-separated (the list
  separator of French Excel), amounts and decimals with a decimal comma, ISO dates.
- XLSX: typed cells (dates as dates, amounts as numbers) with fr_CA display formats.
- JSON: canonical values (amounts in cents, region codes, ISO dates) for programs.

Files are written to a temporary file beside the target and renamed at the end, so a failed or
interrupted export never leaves a truncated file under the user's chosen name. Personal fields of
participants (names, birth date, who gave consent) are left out unless asked for (Law 25).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from coordinator_app.domain.columns import ID, Column, export_columns, kind_name
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.regions import region_name
from coordinator_app.domain.schema import FieldSpec, FieldType
from coordinator_app.store import Store, lookup, privacy

FORMATS = ("csv", "xlsx", "json")
Progress = Callable[[int, int], None]
T = FieldType
MONEY_FORMAT = '#,##0.00 "$"'
XLSX_FORMATS = {
    T.DATE: "yyyy-mm-dd",
    T.DATETIME: "yyyy-mm-dd hh:mm",
    T.MONEY: MONEY_FORMAT,
    T.INT: "#,##0",
    T.DECIMAL: "#,##0.##########",
}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int
    format: str


def format_for(path: Path, requested: str | None) -> str:
    """The format asked for, else the one the file name's extension says."""
    fmt = (requested or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise UserError(
            f"Format d'exportation inconnu : « {fmt or path.name} ». Formats : csv, xlsx, json."
        )
    return fmt


def _decimal_comma(number: float | Decimal) -> str:
    text = format(Decimal(str(number)).normalize(), "f")
    return text.replace(".", ",")


def text_value(spec: FieldSpec, value: Any) -> str:
    """A canonical value as text in a CSV cell, in the form the importer reads back."""
    if value is None or value == []:
        return ""
    match spec.type:
        case T.MONEY:
            return f"{Decimal(value) / 100:.2f}".replace(".", ",")
        case T.DECIMAL:
            return _decimal_comma(value)
        case T.REGION:
            return region_name(value)
        case T.ENUM:
            return spec.choice_label(value)
        case T.BOOL:
            return "oui" if value else "non"
        case T.DATETIME:
            return str(value).replace("T", " ")
        case T.JSON:
            return json.dumps(value, ensure_ascii=False)
        case T.REFS | T.LIST | T.DATES:
            return "; ".join(str(item) for item in value)
    return str(value)


def xlsx_value(spec: FieldSpec, value: Any) -> Any:
    """A canonical value as a typed XLSX cell value (dates as dates, amounts as numbers)."""
    if value is None or value == []:
        return None
    match spec.type:
        case T.DATE:
            return dt.date.fromisoformat(value)
        case T.DATETIME:
            return dt.datetime.fromisoformat(value)
        case T.MONEY:
            return Decimal(value) / 100
        case T.INT | T.DECIMAL:
            return value
    return text_value(spec, value)


def _specs(kind: str, columns: list[Column]) -> list[FieldSpec | None]:
    entity = ENTITIES[kind]
    return [None if c.field == ID else entity.field(c.field) for c in columns]


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` that replaces it only when the block succeeds."""
    folder = target.parent
    if not folder.is_dir():
        raise UserError(f"Le dossier {folder} n'existe pas : choisissez un autre emplacement.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise UserError(
            f"Impossible d'écrire dans le dossier {folder} : {error.strerror or error}."
        ) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        try:
            os.replace(temporary, target)
        except PermissionError:
            raise UserError(
                f"Impossible de remplacer {target} : le fichier est peut-être ouvert dans Excel. "
                "Fermez-le, puis exportez de nouveau."
            ) from None
    finally:
        temporary.unlink(missing_ok=True)


def _write_csv(path: Path, columns, specs, records, tick) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow([c.header for c in columns])
        for record in records:
            writer.writerow(
                [
                    record[ID] if s is None else text_value(s, record[c.field])
                    for c, s in zip(columns, specs, strict=True)
                ]
            )
            tick()


def _write_xlsx(path: Path, kind: str, columns, specs, records, tick) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(ENTITIES[kind].label_plural[:31])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        width = 38 if column.field == ID else min(max(len(column.header) + 4, 14), 50)
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    for record in records:
        row: list[Any] = []
        for column, spec in zip(columns, specs, strict=True):
            value = record[ID] if spec is None else xlsx_value(spec, record[column.field])
            if value is None:
                row.append(None)  # no element at all for an empty cell
                continue
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                if "\n" not in value and not value.startswith(("=", "#")):
                    row.append(value)  # plain text: openpyxl reuses one cell object
                    continue
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text starting with "=" or "#" stays text, never a formula
                if "\n" in value:
                    cell.alignment = wrap
            else:
                cell = WriteOnlyCell(sheet, value=value)
                if spec is not None and spec.type in XLSX_FORMATS:
                    fmt = "0" if spec.name == "season_year" else XLSX_FORMATS[spec.type]
                    cell.number_format = fmt
            row.append(cell)
        sheet.append(row)
        tick()
    workbook.save(path)


def _write_json(path: Path, kind: str, columns, records, tick) -> None:
    names = [c.field for c in columns]
    with path.open("w", encoding="utf-8") as stream:
        stream.write(
            '{"format": "carnet-coop-export", "version": 1, '
            f'"kind": {json.dumps(kind)}, "amounts": "cents", "records": [\n'
        )
        for index, record in enumerate(records):
            item = {name: record[name] for name in names}
            stream.write((",\n" if index else "") + json.dumps(item, ensure_ascii=False))
            tick()
        stream.write("\n]}\n")


def export_records(
    store: Store,
    kind: str,
    path: Path | str,
    fmt: str | None = None,
    *,
    include_personal: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write every live record of ``kind`` to ``path``; returns how many were written."""
    kind_name(kind)  # KeyError for kinds that are not exported (attachments)
    target = Path(path)
    fmt = format_for(target, fmt)
    columns = export_columns(kind, include_personal=include_personal)
    specs = _specs(kind, columns)
    total = lookup.live_count(store, kind)
    done = [0]

    def tick() -> None:
        done[0] += 1
        if progress is not None and done[0] % 500 == 0:
            progress(done[0], total)

    records = lookup.iter_records(store, kind)
    with atomic_path(target) as temporary:
        if fmt == "csv":
            _write_csv(temporary, columns, specs, records, tick)
        elif fmt == "xlsx":
            _write_xlsx(temporary, kind, columns, specs, records, tick)
        else:
            _write_json(temporary, kind, columns, records, tick)
        if include_personal:  # Law 25: names leaving the app go to the register
            privacy.log_names_export(store, kind, fmt, target.name)
    if progress is not None:
        progress(done[0], done[0])
    return ExportResult(target, done[0], fmt)
