"""Export records of one kind to CSV, XLSX or JSON, with the headers the importer reads back.

- CSV: UTF-8 with BOM (Excel opens it with accents intact), semicolon-separated (the list
  separator of French Excel), amounts and decimals with a decimal comma, ISO dates; a text cell
  that Excel would run as a formula (« = + - @ ») starts with an apostrophe (CSV injection).
- XLSX (``xlsx_writer``): typed cells, frozen header, auto-filter, column widths.
- JSON: canonical values (amounts in cents, region codes, ISO dates, ids) for programs.

CSV and XLSX are for people: every reference is the name a person knows (``labels``), lists are
« ; »-separated, committee and board members « Nom — rôle (Organisation) », the stage history
« Étape (date) → … » with the project's own program's labels. The app's identifier is the last
column, so a re-import matches records exactly.

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
from coordinator_app.domain.stages import stage_label
from coordinator_app.exchange import cells
from coordinator_app.exchange.labels import Labels
from coordinator_app.exchange.row_values import MEMBER_FIELDS, REGION_LISTS
from coordinator_app.exchange.staff_labels import STAFF_COLUMNS, StaffLabels
from coordinator_app.exchange.xlsx_writer import write_xlsx
from coordinator_app.store import Store, disclosures, lookup

FORMATS = ("csv", "xlsx", "json")
Progress = Callable[[int, int], None]
T = FieldType
#: Records read per query. Each page comes from the index of live records in creation order
#: (laptop migration 12): pages of 1 000 cost the same CPU as pages of 10 000 (about 4.4 s for
#: 50 000 visits; before the index each page sorted the table again: 22 s with 1 000) and hold
#: about 1 MB of records at a time.
EXPORT_BATCH = 1_000
#: Types written as numbers or dates: never mistaken for a formula, so never neutralised.
_NOT_TEXT = (T.MONEY, T.DECIMAL, T.INT, T.DATE, T.DATETIME, T.BOOL)


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


class _Texts:
    """Canonical values as the text a person reads in a cell (and the importer reads back):
    names instead of ids, « ; »-separated lists, members and stage histories as sentences."""

    def __init__(self, store: Store, kind: str) -> None:
        self.store, self.kind = store, kind
        self._labels: dict[str, Labels] = {}
        self._staff: StaffLabels | None = None

    def labels(self, kind: str) -> Labels:
        if kind not in self._labels:
            self._labels[kind] = Labels(self.store, kind)
        return self._labels[kind]

    def staff(self, value: Any) -> str:
        """Staff account ids as the names in the laptop's staff directory."""
        if self._staff is None:
            self._staff = StaffLabels(self.store)
        items = value if isinstance(value, list) else [value]
        return cells.join_list(self._staff.label(str(a)) for a in items)

    def text(self, spec: FieldSpec, value: Any, record: dict[str, Any]) -> str:
        if value is None or value == []:
            return ""
        program = record.get("program") if self.kind == "project" else None
        if (self.kind, spec.name) in STAFF_COLUMNS:
            return self.staff(value)
        match spec.type:
            case T.MONEY:
                return f"{Decimal(value) / 100:.2f}".replace(".", ",")
            case T.DECIMAL:
                return _decimal_comma(value)
            case T.REGION:
                return region_name(value)
            case T.ENUM if spec.name == "stage" and program:
                return stage_label(program, value)
            case T.ENUM:
                return spec.choice_label(value)
            case T.BOOL:
                return "oui" if value else "non"
            case T.DATETIME:
                return str(value).replace("T", " ")
            case T.REF:
                return self.labels(spec.ref).label(str(value))
            case T.REFS:
                return cells.join_list(self.labels(spec.ref).label(str(i)) for i in value)
            case T.JSON if spec.name == "stage_history":
                return cells.history_text(value, program)
            case T.JSON if (self.kind, spec.name) in MEMBER_FIELDS:
                return cells.members_text(value, self.labels("organisation").label)
            case T.JSON:
                return json.dumps(value, ensure_ascii=False)
            case T.LIST if (self.kind, spec.name) in REGION_LISTS:
                return cells.join_list(region_name(str(code)) for code in value)
            case T.LIST | T.DATES:
                return cells.join_list(value)
        return str(value)


def xlsx_value(spec: FieldSpec, value: Any) -> Any:
    """A canonical value as a typed XLSX cell value (dates as dates, amounts as numbers), or None
    when the cell holds text."""
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
    return None


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


def _write_csv(path: Path, columns, specs, records, texts: _Texts, tick) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow([c.header for c in columns])
        for record in records:
            row = []
            for column, spec in zip(columns, specs, strict=True):
                if spec is None:
                    row.append(record[ID])
                    continue
                text = texts.text(spec, record[column.field], record)
                row.append(cells.neutralise(text) if spec.type not in _NOT_TEXT else text)
            writer.writerow(row)
            tick()


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

    records = lookup.iter_records(store, kind, batch=EXPORT_BATCH)
    texts = _Texts(store, kind)
    with atomic_path(target) as temporary:
        if fmt == "csv":
            _write_csv(temporary, columns, specs, records, texts, tick)
        elif fmt == "xlsx":
            write_xlsx(temporary, kind, columns, specs, records, xlsx_value, texts.text, tick)
        else:
            _write_json(temporary, kind, columns, records, tick)
        if include_personal:  # Law 25: names leaving the app go to the register
            disclosures.log_names_export(store, kind, fmt, target.name)
    if progress is not None:
        progress(done[0], done[0])
    return ExportResult(target, done[0], fmt)
