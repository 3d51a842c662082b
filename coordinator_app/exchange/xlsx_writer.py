"""XLSX exports written with XlsxWriter in constant-memory mode (one row in memory at a time).

What a head-office reader gets: real date and number cells with fr-CA-friendly formats, a bold
frozen header row with an auto-filter, columns as wide as their content (up to a limit), long text
wrapped, names rather than ids (``exporter._Texts``); the app's identifier is the last column.
Text cells are written as text, never as formulas, numbers or links.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from coordinator_app.domain.columns import ID, Column
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.schema import FieldSpec, FieldType

T = FieldType
MONEY_FORMAT = '#,##0.00 "$"'
NUMBER_FORMATS = {
    T.DATE: "yyyy-mm-dd",
    T.DATETIME: "yyyy-mm-dd hh:mm",
    T.MONEY: MONEY_FORMAT,
    T.INT: "#,##0",
    T.DECIMAL: "#,##0.##########",
}
EXCEL_CELL_LIMIT = 32_767
MIN_WIDTH, MAX_WIDTH, ID_WIDTH = 10, 60, 38
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_xlsx(
    path: Path,
    kind: str,
    columns: list[Column],
    specs: list[FieldSpec | None],
    records: Iterable[dict[str, Any]],
    typed_value: Callable[[FieldSpec, Any], Any],
    text: Callable[[FieldSpec, Any, dict[str, Any]], str],
    tick: Callable[[], None],
) -> None:
    """Write ``records`` to ``path``: one sheet, headers in row 1, one record per row."""
    workbook = _new_workbook(path)
    sheet = workbook.add_worksheet(ENTITIES[kind].label_plural[:31])
    header = workbook.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bottom": 1, "bg_color": "#E8EEF4"}
    )
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    identifier = workbook.add_format({"font_color": "#666666"})
    formats = _number_formats(workbook, specs)
    widths = [max(MIN_WIDTH, min(len(c.header) + 2, MAX_WIDTH)) for c in columns]
    sheet.freeze_panes(1, 0)
    for index, column in enumerate(columns):
        sheet.write_string(0, index, column.header, header)
    row = 0
    for record in records:
        row += 1
        for index, (column, spec) in enumerate(zip(columns, specs, strict=True)):
            if spec is None:
                sheet.write_string(row, index, str(record[ID]), identifier)
                continue
            value = record[column.field]
            if value is None or value == []:
                continue
            typed = typed_value(spec, value)
            if isinstance(typed, dt.date):
                sheet.write_datetime(row, index, typed, formats[index])
                widths[index] = max(widths[index], 12 if spec.type == T.DATE else 17)
            elif isinstance(typed, int | float | Decimal):
                sheet.write_number(row, index, float(typed), formats[index])
                widths[index] = max(widths[index], min(len(str(typed)) + 4, MAX_WIDTH))
            else:
                _write_text(sheet, row, index, text(spec, value, record), wrap, widths, column)
        tick()
    for index, width in enumerate(widths):
        sheet.set_column(index, index, ID_WIDTH if columns[index].field == ID else width)
    sheet.autofilter(0, 0, max(row, 1), len(columns) - 1)
    workbook.close()


def _new_workbook(path: Path) -> Any:
    """An xlsxwriter workbook that streams rows (constant memory) and writes every string as
    text: a value starting with « = » or looking like a number or a URL stays what was typed."""
    import xlsxwriter

    return xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )


def _number_formats(workbook: Any, specs: list[FieldSpec | None]) -> dict[int, Any]:
    """The cell format of each date, time and number column, by column index (a season year
    without a thousands separator)."""
    formats = {}
    for index, spec in enumerate(specs):
        if spec is not None and spec.type in NUMBER_FORMATS:
            fmt = "0" if spec.name == "season_year" else NUMBER_FORMATS[spec.type]
            formats[index] = workbook.add_format({"num_format": fmt})
    return formats


def _write_text(sheet, row: int, index: int, value: str, wrap, widths: list[int], column) -> None:
    value = _ILLEGAL.sub("", value)
    if len(value) > EXCEL_CELL_LIMIT:
        raise UserError(
            f"La colonne « {column.header} » de la ligne {row + 1} compte {len(value)} caractères : "
            f"une cellule Excel en accepte au plus {EXCEL_CELL_LIMIT}. Exportez plutôt en CSV ou "
            "en JSON, qui gardent tout le texte."
        )
    longest = max((len(part) for part in value.split("\n")), default=0)
    widths[index] = max(widths[index], min(longest + 2, MAX_WIDTH))
    if "\n" in value or len(value) > MAX_WIDTH:
        sheet.write_string(row, index, value, wrap)
    else:
        sheet.write_string(row, index, value)
