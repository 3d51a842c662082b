"""Import a sheet of records: all rows or none, every problem reported, every write journaled.

One pass over the file inside one store transaction: each row is matched (by id, else by its
natural key), then validated by the domain and written a chunk at a time through
``Store.create_many`` / ``Store.update_many`` (so each row is journaled and syncs later). As soon as one row fails, the following rows are only
validated; at the end, any problem — or a dry run — rolls the whole transaction back. Rows stream
from the reader one at a time: a 50 000-row file is never held in memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from coordinator_app.domain import values as v
from coordinator_app.domain.columns import (
    ID,
    KIND_NAMES,
    NAMED_REFERENCES,
    NATURAL_KEYS,
    HeaderMap,
    describe_key,
    is_total_row,
    map_headers,
    natural_key,
    value_alias,
)
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError, ValidationFailed
from coordinator_app.domain.schema import FieldSpec, FieldType
from coordinator_app.domain.text import fold
from coordinator_app.domain.validation import clean_record, parse_field
from coordinator_app.exchange.csv_reader import open_csv
from coordinator_app.exchange.json_reader import open_json
from coordinator_app.exchange.report import ImportReport, Match, Problem, shown_value
from coordinator_app.exchange.table import BadCell, Table
from coordinator_app.exchange.xlsx_reader import open_xlsx
from coordinator_app.store import Store, lookup

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
PROGRESS_EVERY = 250
WRITE_CHUNK = 1000  # rows validated and written together (executemany)
_READERS = {
    ".csv": open_csv,
    ".txt": open_csv,
    ".tsv": open_csv,
    ".xlsx": open_xlsx,
    ".xlsm": open_xlsx,
    ".json": open_json,
}


_ID_SPEC = FieldSpec(ID, "Identifiant", FieldType.REF)


class _Rollback(Exception):
    """Raised inside the transaction to undo everything (problems found, dry run, cancel)."""


def open_table(path: Path | str, kind: str) -> Table:
    """Open ``path`` with the reader its extension names (content decides for other names)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Fichier introuvable : {path}")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise UserError(
            f"« {path.name} » est un ancien classeur Excel 97-2003 (.xls). Dans Excel, "
            "enregistrez-le en « Classeur Excel (*.xlsx) » ou en « CSV UTF-8 »."
        )
    reader = _READERS.get(suffix)
    if reader is None:
        with path.open("rb") as stream:
            head = stream.read(1).lstrip()
        reader = open_xlsx if head == b"P" else open_json if head in (b"{", b"[") else open_csv
    return reader(path, kind)


def check_kind(kind: str) -> None:
    if kind not in KIND_NAMES.values():
        raise UserError(f"Ce type de données ne s'importe pas : {kind}")


def raw_safe(spec: FieldSpec, value: Any) -> Any:
    """A canonical value in a form validation parses back to itself (cents → dollars)."""
    if spec.type == FieldType.MONEY and isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value) / 100
    return value


class _References:
    """Resolves a reference cell (an id, or the name of a project, school…) to an id."""

    def __init__(self, store: Store, kind: str) -> None:
        self.spec = ENTITIES[kind]
        self.ids = lookup.id_states(store, kind)
        self.by_name: dict[str, list[str]] = defaultdict(list)
        name_field = NAMED_REFERENCES.get(kind)
        if name_field:
            for record_id, name in lookup.field_rows(store, kind, [name_field]):
                if name:
                    self.by_name[fold(name)].append(record_id)

    def resolve(self, value: object) -> str:
        text = shown_value(value).strip()
        label = self.spec.label.lower()
        if self.ids.get(text) is False:
            return text
        if self.ids.get(text):
            raise v.ValueProblem(f"cet élément ({label}) a été supprimé dans ce profil")
        matches = self.by_name.get(fold(text), [])
        if len(matches) == 1:
            return matches[0]
        plural = self.spec.label_plural.lower()
        if matches:
            raise v.ValueProblem(
                f"{len(matches)} {plural} portent ce nom : indiquez plutôt l'identifiant"
            )
        raise v.ValueProblem(
            f"aucun élément ({label}) de ce profil n'a cet identifiant ou ce nom ; "
            f"importez d'abord les {plural}"
        )


class _RowImporter:
    """Matches, validates and writes one row at a time, collecting problems in the report."""

    def __init__(
        self, store: Store, kind: str, mapping: HeaderMap, table: Table, report: ImportReport
    ):
        self.store, self.kind, self.mapping, self.report = store, kind, mapping, report
        self.spec = ENTITIES[kind]
        self.canonical = table.canonical
        self.today = store.today()
        self._ids: dict[str, bool] | None = None
        self._keys: dict[tuple, list[str]] | None = None
        self._refs: dict[str, _References] = {}
        self.seen_ids: dict[str, int] = {}
        self.seen_keys: dict[tuple, int] = {}
        self.positions = {mapping.headers[name]: index for index, name in mapping.columns.items()}
        self.pending: list[_Pending] = []
        first_key = NATURAL_KEYS[kind][0]
        self.first_key_column = next(
            (index for index, name in mapping.columns.items() if name == first_key), None
        )

    # -- look-ups, loaded on first use -----------------------------------------------------------
    @property
    def ids(self) -> dict[str, bool]:
        if self._ids is None:
            self._ids = lookup.id_states(self.store, self.kind)
        return self._ids

    @property
    def keys(self) -> dict[tuple, list[str]]:
        if self._keys is None:
            names = NATURAL_KEYS[self.kind]
            self._keys = defaultdict(list)
            for record_id, *values in lookup.field_rows(self.store, self.kind, names):
                key = natural_key(self.kind, dict(zip(names, values, strict=True)))
                if key is not None:
                    self._keys[key].append(record_id)
        return self._keys

    def refs(self, kind: str) -> _References:
        if kind not in self._refs:
            self._refs[kind] = _References(self.store, kind)
        return self._refs[kind]

    # -- one row ---------------------------------------------------------------------------------
    def row(self, line: int, cells: list[object]) -> None:
        problems: list[Problem] = []
        original: dict[str, object] = {}
        if self._may_be_total(cells) and is_total_row(self.kind, self._cells_by_field(cells)):
            self.report.totals += 1
            return
        for index, name in self.mapping.columns.items():
            value = cells[index] if index < len(cells) else None
            if isinstance(value, str):
                value = value.replace("\r\n", "\n").strip() or None
            if isinstance(value, BadCell):
                problems.append(
                    Problem(line, self.mapping.header_for(name), value.shown, value.message)
                )
                continue
            original[name] = value
        if not problems and all(value is None for value in original.values()):
            self.report.skipped += 1
            return
        raw = {name: self._convert(name, value) for name, value in original.items() if name != ID}
        self._resolve_references(line, raw, original, problems)
        record_id = self._record_id(line, original.get(ID), problems)
        target, how = self._target(line, record_id, raw, problems)
        self._write(line, record_id, (target, how), raw, original, problems)

    def _may_be_total(self, cells: list[object]) -> bool:
        """Whether the row's first key field is empty: the first test of ``is_total_row``, made
        before building the dict it needs (every row of an import goes through it)."""
        index = self.first_key_column
        value = cells[index] if index is not None and index < len(cells) else None
        return value is None or (isinstance(value, str) and not value.strip())

    def _cells_by_field(self, cells: list[object]) -> dict[str, object]:
        """Every cell of the row (recognised columns by field name), for the total-row check."""
        named: dict[str, object] = {f"#{i}": c for i, c in enumerate(cells)}
        for index, name in self.mapping.columns.items():
            value = cells[index] if index < len(cells) else None
            named[name] = value.strip() if isinstance(value, str) else value
        return named

    def _convert(self, name: str, value: object) -> object:
        spec = self.spec.field(name)
        if self.canonical:
            return raw_safe(spec, value)
        if spec.type == FieldType.MONEY and isinstance(value, int) and not isinstance(value, bool):
            return Decimal(value)  # a whole number in a spreadsheet is dollars, not cents
        return value_alias(self.kind, name, value)

    def _problem(self, line: int, name: str, value: object, message: str) -> Problem:
        return Problem(line, self.mapping.header_for(name), shown_value(value), message)

    def _resolve_references(
        self, line: int, raw: dict[str, Any], original: dict[str, object], problems: list[Problem]
    ) -> None:
        for name, value in list(raw.items()):
            spec = self.spec.field(name)
            if spec.type not in (FieldType.REF, FieldType.REFS) or value in (None, "", []):
                continue
            try:
                items = [value] if spec.type == FieldType.REF else v.split_list(value)
                resolved = [self.refs(spec.ref).resolve(item) for item in items]
                raw[name] = resolved[0] if spec.type == FieldType.REF else resolved
            except v.ValueProblem as problem:
                problems.append(self._problem(line, name, original.get(name), str(problem)))
                del raw[name]

    def _record_id(self, line: int, value: object, problems: list[Problem]) -> str | None:
        if value is None:
            return None
        try:
            return parse_field(_ID_SPEC, shown_value(value))
        except v.ValueProblem as problem:
            problems.append(self._problem(line, ID, value, str(problem)))
            return None

    def _target(
        self, line: int, record_id: str | None, raw: dict[str, Any], problems: list[Problem]
    ) -> tuple[str | None, str]:
        """The id of the existing record this row updates (None: a new record), and how."""
        label = self.spec.label.lower()
        if record_id is not None:
            if record_id in self.seen_ids:
                problems.append(
                    self._problem(
                        line,
                        ID,
                        record_id,
                        f"cet identifiant figure déjà à la ligne {self.seen_ids[record_id]}",
                    )
                )
            self.seen_ids[record_id] = line
            state = self.ids.get(record_id)
            if state:
                problems.append(
                    self._problem(
                        line,
                        ID,
                        record_id,
                        f"cet élément ({label}) a été supprimé dans ce profil ; restaurez-le d'abord",
                    )
                )
            return (record_id if state is False else None), "même identifiant"
        key = self._key(raw)
        if key is None:
            return None, ""
        if key in self.seen_keys:
            first = NATURAL_KEYS[self.kind][0]
            problems.append(
                self._problem(
                    line,
                    first,
                    raw.get(first),
                    f"même {label} que la ligne {self.seen_keys[key]} ({describe_key(self.kind)})",
                )
            )
            return None, ""
        self.seen_keys[key] = line
        matches = self.keys.get(key, [])
        if len(matches) > 1:
            first = NATURAL_KEYS[self.kind][0]
            problems.append(
                self._problem(
                    line,
                    first,
                    raw.get(first),
                    f"{len(matches)} éléments existants correspondent ({describe_key(self.kind)}) : ajoutez la colonne « Identifiant »",
                )
            )
            return None, ""
        return (matches[0], describe_key(self.kind)) if matches else (None, "")

    def _key(self, raw: dict[str, Any]) -> tuple | None:
        parsed = {}
        for name in NATURAL_KEYS[self.kind]:
            try:
                parsed[name] = parse_field(self.spec.field(name), raw.get(name))
            except v.ValueProblem:
                return None
        return natural_key(self.kind, parsed)

    def _write(
        self,
        line: int,
        record_id: str | None,
        match: tuple[str | None, str],
        values: dict[str, Any],
        original: dict[str, object],
        problems: list[Problem],
    ) -> None:
        """Queue the row for writing while the whole file is still free of problems; else only
        validate it, so that the report lists every problem.

        Queued rows are validated and written ``WRITE_CHUNK`` at a time (``flush``). A row with
        problems of its own first flushes the queue, so problems stay in line order. ``values``
        are the file's columns only: a matched record's other fields keep their values.
        """
        target, how = match
        reported = {p.column for p in problems}
        if problems:
            self.flush()
        self.report.problems += problems
        if not self.report.problems:
            self.pending.append(_Pending(line, record_id, target, how, values, original))
            if len(self.pending) >= WRITE_CHUNK:
                self.flush()
            return
        if target is not None:
            current = self.store.get(self.kind, target) or {}
            values = {
                **{n: raw_safe(self.spec.field(n), current.get(n)) for n in self.spec.field_names},
                **values,
            }
        try:
            clean_record(self.kind, values, today=self.today)
        except ValidationFailed as failed:
            self.report.problems += self._failure_problems(line, failed, original, reported)

    def flush(self) -> None:
        """Validate and write the queued rows: new records with ``Store.create_many``, matched
        ones with ``Store.update_many`` (each journaled); their problems and matches go to the
        report in line order. A matched row equal to its record is not written (re-importing a
        file changes nothing)."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        failures: dict[_Pending, ValidationFailed] = {}
        creates = [p for p in pending if p.target is None]
        updates = [p for p in pending if p.target is not None]

        def failed(rows: list[_Pending]) -> Callable[[int, ValidationFailed], None]:
            return lambda index, error: failures.__setitem__(rows[index], error)

        titles = self.store.get_many(self.kind, [p.target for p in updates]) if updates else {}
        created = self.store.create_many(
            self.kind, ((p.record_id, p.values) for p in creates), on_invalid=failed(creates)
        )
        changed = set(
            self.store.update_many(
                self.kind, ((p.target, p.values) for p in updates), on_invalid=failed(updates)
            )
        )
        report = self.report
        report.created += len(created)
        for row in pending:
            error = failures.get(row)
            if error is not None:
                report.problems += self._failure_problems(row.line, error, row.original, set())
            elif row.target is not None:
                is_changed = row.target in changed
                report.updated += is_changed
                report.unchanged += not is_changed
                current = titles.get(row.target, {})
                title = str(current.get(self.spec.title_field) or row.target)
                report.matches.append(Match(row.line, row.target, title, row.how, is_changed))

    def _failure_problems(
        self, line: int, failed: ValidationFailed, original: dict[str, object], reported: set[str]
    ) -> list[Problem]:
        """The domain's problems with a row, named by the file's columns, in column order."""
        found = []
        for p in failed.problems:
            column = self.mapping.header_for(p.field) if self.spec.has_field(p.field) else p.label
            if column in reported:
                continue
            shown = original.get(p.field) if p.field in original else p.value
            message = p.message
            if p.field not in self.mapping.headers and p.message == "ce champ est obligatoire":
                message += f" : le fichier n'a pas de colonne « {column} »"
            found.append(Problem(line, column, shown_value(shown), message))
        found.sort(key=lambda problem: self.positions.get(problem.column, len(self.positions)))
        return found


@dataclass(frozen=True, eq=False)
class _Pending:
    """A row matched and mapped, waiting to be validated and written with its chunk."""

    line: int
    record_id: str | None
    target: str | None
    how: str
    values: dict[str, Any]
    original: dict[str, object]


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
    if ID not in mapping.headers:
        problems += [
            Problem(
                table.header_line,
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
    mapping = map_headers(kind, table.header)
    report = ImportReport(kind, str(path), dry_run, notes=list(table.notes))
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
    importer = _RowImporter(store, kind, mapping, table, report)
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
            if report.problems or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    else:
        report.written = True
    if report.totals:
        report.notes.append(f"{report.totals} ligne(s) de total ignorée(s).")
    if report.skipped:
        report.notes.append(
            f"{report.skipped} ligne(s) sans valeur dans les colonnes reconnues ont été ignorées "
            "(par exemple une ligne de total)."
        )
    if progress is not None:
        progress(report.rows, report.rows)
    return report


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
    rows = []
    for line, cells in table.rows:
        rows.append((line, [shown_value(getattr(c, "shown", c)) for c in cells]))
        if len(rows) >= limit:
            break
    header = [shown_value(h) for h in table.header]
    recognised = list(mapping.headers.values())
    return Preview(kind, header, rows, list(table.notes), recognised, mapping.ignored)


def guess_kind(header: list[object]) -> str | None:
    """The kind whose headers a header row matches best (None when none or a tie)."""
    from coordinator_app.domain.columns import header_score

    ranked = sorted(((header_score(k, header), k) for k in KIND_NAMES.values()), reverse=True)
    (best_score, best), (second_score, _) = ranked[0], ranked[1]
    return best if best_score and best_score > second_score else None
