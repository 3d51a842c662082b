"""Matching, validating and writing the rows of an import, one at a time.

Each row is matched (by the app's own id, else by its natural key), its cells converted
(``row_values``), then validated by the domain and written a chunk at a time through
``Store.create_many`` / ``Store.update_many`` (each row journaled, so it syncs later). After the
first problem, following rows are only validated so the report lists every problem.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from coordinator_app.domain import fr_ca
from coordinator_app.domain.columns import ID, NATURAL_KEYS, HeaderMap, describe_key, natural_key
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import ValidationFailed
from coordinator_app.domain.schema import FieldSpec, FieldType
from coordinator_app.domain.text import fold
from coordinator_app.domain.validation import clean_record, parse_field
from coordinator_app.exchange import typed
from coordinator_app.exchange.report import ImportReport, Match, Problem, shown_value
from coordinator_app.exchange.row_values import RowValues, raw_safe, unreadable
from coordinator_app.exchange.table import BadCell, Table
from coordinator_app.store import Store, lookup

WRITE_CHUNK = 1000  # rows validated and written together (executemany)
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_ID_SPEC = FieldSpec(ID, "Identifiant", FieldType.REF)
_TOTAL_WORDS = re.compile(r"(sous )?total( general)?|totaux|grand total")
_TOTAL_LOOSE = re.compile(r"(sous )?(total|totaux|grand total)\b")
TOTAL_COLUMNS = 3  # a « Total » in one of the first columns marks a total line


def is_our_id(value: object) -> bool:
    """Whether a cell holds an identifier the app issues (a UUID)."""
    return isinstance(value, str) and bool(UUID.fullmatch(value.strip()))


def is_total_row(cells: list[object], key_column: int | None) -> bool:
    """A « Total » line: « Total » (or « Sous-total », « Grand total »…) alone in one of the
    first cells, or anywhere when the row's first key cell is empty."""
    for cell in cells[:TOTAL_COLUMNS]:
        if isinstance(cell, str) and _TOTAL_WORDS.fullmatch(fold(cell.rstrip(" :"))):
            return True
    key = cells[key_column] if key_column is not None and key_column < len(cells) else None
    if key not in (None, "") and not (isinstance(key, str) and not key.strip()):
        return False
    return any(isinstance(c, str) and _TOTAL_LOOSE.match(fold(c)) for c in cells)


@dataclass(frozen=True, eq=False)
class Pending:
    """A row matched and mapped, waiting to be validated and written with its chunk."""

    line: int
    record_id: str | None
    target: str | None
    how: str
    values: dict[str, Any]
    original: dict[str, object]


class RowImporter:
    """Matches, validates and writes one row at a time, collecting problems in the report."""

    def __init__(
        self, store: Store, kind: str, mapping: HeaderMap, table: Table, report: ImportReport
    ):
        self.store, self.kind, self.mapping, self.report = store, kind, mapping, report
        self.spec = ENTITIES[kind]
        self.values = RowValues(
            store, kind, mapping, canonical=table.canonical, csv=table.source == "CSV"
        )
        self.today = store.today()
        self._ids: dict[str, bool] | None = None
        self._keys: dict[tuple, list[str]] | None = None
        self.seen_ids: dict[str, int] = {}
        self.seen_keys: dict[tuple, int] = {}
        self.positions = {mapping.headers[name]: index for index, name in mapping.columns.items()}
        self.pending: list[Pending] = []
        self.total_lines: list[int] = []
        self.missing_columns: dict[str, list[int]] = defaultdict(list)
        first_key = NATURAL_KEYS[kind][0]
        self.key_column = next(
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

    # -- one row ---------------------------------------------------------------------------------
    def row(self, line: int, cells: list[object]) -> None:
        if is_total_row(cells, self.key_column):
            self.report.totals += 1
            self.total_lines.append(line)
            return
        problems: list[Problem] = []
        original: dict[str, object] = {}
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
        fields = {name: value for name, value in original.items() if name != ID}
        raw = self.values.convert(line, fields, problems)
        record_id = self._record_id(line, original.get(ID), problems)
        target, how = self._target(line, record_id, raw, problems)
        current = self._current(target) if self.kind == "project" else None
        self.values.for_program(line, raw, original, self.values.program_of(raw, current), problems)
        if self.spec.has_field("visit_id"):
            self.values.resolve_visit(line, raw, original, problems)
        self._write(line, record_id, (target, how), raw, original, problems)

    def _current(self, target: str | None) -> dict[str, Any] | None:
        return self.store.get(self.kind, target) if target else None

    def _record_id(self, line: int, value: object, problems: list[Problem]) -> str | None:
        if value is None:
            return None
        text = shown_value(value).strip()
        if not is_our_id(text) and not self.values.canonical:
            problems.append(
                self.values.problem(
                    line,
                    ID,
                    value,
                    "un identifiant de Carnet COOP est attendu (tel qu'exporté), ou laissez la "
                    "cellule vide",
                )
            )
            return None
        try:
            return parse_field(_ID_SPEC, text)
        except typed.VALUE_ERRORS as error:
            problems.append(self.values.problem(line, ID, value, unreadable(error)))
            return None

    def _target(
        self, line: int, record_id: str | None, raw: dict[str, Any], problems: list[Problem]
    ) -> tuple[str | None, str]:
        """The id of the existing record this row updates (None: a new record), and how."""
        label = self.spec.label.lower()
        if record_id is not None:
            if record_id in self.seen_ids:
                problems.append(
                    self.values.problem(
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
                    self.values.problem(
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
        first = NATURAL_KEYS[self.kind][0]
        if key in self.seen_keys:
            problems.append(
                self.values.problem(
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
            problems.append(
                self.values.problem(
                    line,
                    first,
                    raw.get(first),
                    f"{len(matches)} éléments existants correspondent ({describe_key(self.kind)}) : "
                    "ajoutez la colonne « Identifiant » d'une exportation",
                )
            )
            return None, ""
        return (matches[0], describe_key(self.kind)) if matches else (None, "")

    def _key(self, raw: dict[str, Any]) -> tuple | None:
        parsed = {}
        for name in NATURAL_KEYS[self.kind]:
            try:
                parsed[name] = parse_field(self.spec.field(name), raw.get(name))
            except typed.VALUE_ERRORS:
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
        validate it, so that the report lists every problem. A row with problems of its own
        first flushes the queue, so problems stay in line order. ``values`` are the file's
        columns only: a matched record's other fields keep their values."""
        target, how = match
        reported = {p.column for p in problems}
        if problems:
            self.flush()
        if not problems and not self.report.problems:
            self.pending.append(Pending(line, record_id, target, how, values, original))
            if len(self.pending) >= WRITE_CHUNK:
                self.flush()
            return
        if target is not None:
            current = self.store.get(self.kind, target) or {}
            values = {
                **{n: raw_safe(self.spec.field(n), current.get(n)) for n in self.spec.field_names},
                **values,
            }
        found = list(problems)
        try:
            clean_record(self.kind, values, today=self.today)
        except ValidationFailed as failed:
            found += self._failure_problems(line, failed, original, reported)
        except typed.VALUE_ERRORS as error:
            found.append(Problem(line, "", "", unreadable(error)))
        found.sort(key=lambda problem: self.positions.get(problem.column, len(self.positions)))
        self.report.problems += found

    def flush(self) -> None:
        """Validate and write the queued rows (see ``_write``); a matched row equal to its
        record is not written (re-importing a file changes nothing)."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        try:
            failures, changed, titles = self._store_chunk(pending)
        except typed.VALUE_ERRORS as error:  # a value the domain let through but SQLite refused
            self.report.problems.append(self._chunk_problem(pending, error))
            return
        report = self.report
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
            else:
                report.created += 1

    def _store_chunk(
        self, pending: list[Pending]
    ) -> tuple[dict[Pending, ValidationFailed], set[str], dict[str, dict[str, Any]]]:
        failures: dict[Pending, ValidationFailed] = {}
        creates = [p for p in pending if p.target is None]
        updates = [p for p in pending if p.target is not None]

        def failed(rows: list[Pending]) -> Callable[[int, ValidationFailed], None]:
            return lambda index, error: failures.__setitem__(rows[index], error)

        titles = self.store.get_many(self.kind, [p.target for p in updates]) if updates else {}
        self.store.create_many(
            self.kind, ((p.record_id, p.values) for p in creates), on_invalid=failed(creates)
        )
        changed = set(
            self.store.update_many(
                self.kind, ((p.target, p.values) for p in updates), on_invalid=failed(updates)
            )
        )
        return failures, changed, titles

    def _chunk_problem(self, pending: list[Pending], error: BaseException) -> Problem:
        """The row of a chunk whose value could not be stored, found by validating each alone."""
        for row in pending:
            try:
                clean_record(self.kind, row.values, today=self.today)
            except typed.VALUE_ERRORS as row_error:
                return Problem(row.line, "", "", unreadable(row_error))
            except ValidationFailed:
                continue
        first, last = pending[0].line, pending[-1].line
        return Problem(first, "", "", f"{unreadable(error)} (entre les lignes {first} et {last})")

    def _failure_problems(
        self, line: int, failed: ValidationFailed, original: dict[str, object], reported: set[str]
    ) -> list[Problem]:
        """The domain's problems with a row, named by the file's columns, in column order. A
        required column the file does not have is counted, and reported once at the end."""
        found = []
        for p in failed.problems:
            column = self.mapping.header_for(p.field) if self.spec.has_field(p.field) else p.label
            if column in reported:
                continue
            if p.field not in self.mapping.headers and p.message == "ce champ est obligatoire":
                self.missing_columns[column].append(line)
                continue
            shown = original.get(p.field) if p.field in original else p.value
            found.append(Problem(line, column, shown_value(shown), p.message))
        found.sort(key=lambda problem: self.positions.get(problem.column, len(self.positions)))
        return found

    def missing_column_problems(self, header_line: int) -> list[Problem]:
        """One line per required column the file lacks, however many rows needed it."""
        problems = []
        personal = {f.label for f in self.spec.fields if f.personal}
        for column, lines in self.missing_columns.items():
            shown = ", ".join(str(n) for n in lines[:5]) + (" …" if len(lines) > 5 else "")
            message = (
                f"colonne absente : {fr_ca.count(len(lines), 'ligne créerait', 'lignes créeraient')}"
                " un élément sans cette "
                f"valeur obligatoire (lignes {shown}). Ajoutez une colonne « {column} »"
            )
            if column in personal:
                message += (
                    " ; ce fichier semble être une exportation faite sans les noms (Loi 25) : "
                    "elle ne met à jour que des participants déjà présents dans ce profil. "
                    "Exportez de nouveau en cochant « Inclure les noms »"
                )
            problems.append(Problem(header_line or None, column, "", message + "."))
        return problems
