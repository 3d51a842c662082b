"""One row's cells turned into values the domain validates: typed checks, lists, names resolved
to ids, committee and board members, the stage and its history read with the row's program.

Every cell that cannot be read becomes a ``Problem`` naming the line, the column, the value and
what is expected; no exception escapes (``typed.VALUE_ERRORS`` are caught per cell).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from coordinator_app.domain import values as v
from coordinator_app.domain.columns import HeaderMap, value_alias
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.regions import parse_region
from coordinator_app.domain.schema import FieldSpec, FieldType
from coordinator_app.domain.stages import PROGRAM_SHORT_LABELS
from coordinator_app.domain.synonyms import REGION_ALIASES
from coordinator_app.domain.text import fold
from coordinator_app.domain.validation import parse_field
from coordinator_app.exchange import cells, typed
from coordinator_app.exchange.labels import Labels
from coordinator_app.exchange.report import Problem, shown_value
from coordinator_app.exchange.staff_labels import STAFF_COLUMNS, StaffLabels
from coordinator_app.store import Store

T = FieldType
LIST_FIELDS = (T.LIST, T.REFS, T.DATES)
MEMBER_FIELDS = {("project", "committee"), ("project", "board")}
REGION_LISTS = {("coordinator", "regions")}


def raw_safe(spec: FieldSpec, value: Any) -> Any:
    """A canonical value in a form validation parses back to itself (cents → dollars)."""
    if spec.type == T.MONEY and isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value) / 100
    return value


def unreadable(error: BaseException) -> str:
    """A French message for an exception a strange value raised (never the library's text)."""
    if isinstance(error, v.ValueProblem):
        return str(error)
    if isinstance(error, OverflowError | ArithmeticError):
        return "valeur trop grande ou trop petite pour être enregistrée"
    return "valeur illisible : vérifiez ce qui est écrit dans la cellule"


class RowValues:
    """Converts the mapped cells of a row; keeps the look-ups (names of records) it needs."""

    def __init__(
        self, store: Store, kind: str, mapping: HeaderMap, *, canonical: bool, csv: bool
    ) -> None:
        self.store, self.kind, self.mapping = store, kind, mapping
        self.spec = ENTITIES[kind]
        self.canonical, self.csv = canonical, csv
        self._labels: dict[str, Labels] = {}
        self._staff: StaffLabels | None = None
        self._references = [
            name
            for name in mapping.headers
            if self.spec.has_field(name)
            and self.spec.field(name).type in (T.REF, T.REFS)
            and self.spec.field(name).ref != "visit"
        ]

    def labels(self, kind: str) -> Labels:
        if kind not in self._labels:
            self._labels[kind] = Labels(self.store, kind)
        return self._labels[kind]

    def staff_account(self, text: object) -> str:
        """A staff member's name (or account id) as their account; ``ValueProblem`` names an
        ambiguous or unknown name."""
        if self._staff is None:
            self._staff = StaffLabels(self.store)
        return self._staff.resolve(text)

    def problem(self, line: int, name: str, value: object, message: str) -> Problem:
        return Problem(line, self.mapping.header_for(name), shown_value(value), message)

    # -- first pass: every field that does not depend on the program -------------------------
    def convert(
        self, line: int, original: dict[str, object], problems: list[Problem]
    ) -> dict[str, Any]:
        raw: dict[str, Any] = {}
        for name, value in original.items():
            spec = self.spec.field(name)
            try:
                raw[name] = self._one(spec, value)
            except typed.VALUE_ERRORS as error:
                problems.append(self.problem(line, name, value, unreadable(error)))
        self._resolve_references(line, raw, original, problems)
        return raw

    def _one(self, spec: FieldSpec, value: object) -> Any:
        if self.canonical:  # a JSON export: canonical values, still bounded
            value = raw_safe(spec, value)
            return value if isinstance(value, list | dict) else typed.check(spec, value)
        if self.csv and isinstance(value, str) and value.startswith("'"):
            value = cells.unneutralise(value)
        if spec.type == T.MONEY and isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)  # a whole number in a spreadsheet is dollars, not cents
        value = typed.check(spec, value)
        if spec.type in LIST_FIELDS and isinstance(value, str):
            items = cells.split_list(value)
            if spec.type == T.DATES:
                items = [typed.check(spec, item) for item in items]
                items = [i for item in items for i in (item if isinstance(item, list) else [item])]
            if (self.kind, spec.name) in REGION_LISTS:
                items = [_region_code(item) for item in items]
            if (self.kind, spec.name) in STAFF_COLUMNS:
                items = [self.staff_account(item) for item in items]
            return items
        if (self.kind, spec.name) in STAFF_COLUMNS and isinstance(value, str) and value.strip():
            return self.staff_account(value)
        if (self.kind, spec.name) in MEMBER_FIELDS and isinstance(value, str):
            return value  # read once references are known (organisation names)
        return value_alias(self.kind, spec.name, value)

    def _resolve_references(
        self, line: int, raw: dict[str, Any], original: dict[str, object], problems: list[Problem]
    ) -> None:
        for name in self._references:  # a visit is named among its project's: ``resolve_visit``
            value = raw.get(name)
            if value in (None, "", []):
                continue
            spec = self.spec.field(name)
            try:
                items = [value] if spec.type == T.REF else list(value)
                resolved = [self.labels(spec.ref).resolve(shown_value(item)) for item in items]
                raw[name] = resolved[0] if spec.type == T.REF else resolved
            except typed.VALUE_ERRORS as error:
                problems.append(self.problem(line, name, original.get(name), unreadable(error)))
                del raw[name]

    def resolve_visit(
        self, line: int, raw: dict[str, Any], original: dict[str, object], problems: list[Problem]
    ) -> None:
        """The visit of an action item, named by its date among its project's visits."""
        value = raw.get("visit_id")
        if value in (None, "") or "visit_id" not in raw:
            return
        try:
            raw["visit_id"] = self.labels("visit").resolve(
                shown_value(value), raw.get("project_id")
            )
        except typed.VALUE_ERRORS as error:
            problems.append(
                self.problem(line, "visit_id", original.get("visit_id"), unreadable(error))
            )
            del raw["visit_id"]

    # -- second pass: what the row's program decides -------------------------------------------
    def for_program(
        self,
        line: int,
        raw: dict[str, Any],
        original: dict[str, object],
        program: str | None,
        problems: list[Problem],
    ) -> None:
        """Stage and history read with the program's labels; members read; a field the program
        does not have, if filled, is a problem (never silently dropped)."""
        if self.kind != "project":
            return
        for name in list(raw):
            spec = self.spec.field(name)
            value = raw[name]
            try:
                if name == "stage" and isinstance(value, str) and not self.canonical:
                    raw[name] = cells.stage_code(value, program) or value
                elif name == "stage_history" and not self.canonical:
                    raw[name] = cells.parse_history(value, program)
                elif (self.kind, name) in MEMBER_FIELDS and not self.canonical:
                    raw[name] = cells.parse_members(value, self._organisation)
            except typed.VALUE_ERRORS as error:
                problems.append(self.problem(line, name, original.get(name), unreadable(error)))
                del raw[name]
                continue
            if spec.programs and program and program not in spec.programs and _filled(raw[name]):
                short = PROGRAM_SHORT_LABELS.get(program, program)
                problems.append(
                    self.problem(
                        line,
                        name,
                        original.get(name),
                        f"le champ « {self.mapping.header_for(name)} » ne s'applique pas aux "
                        f"projets {short} : videz cette cellule ou corrigez le programme",
                    )
                )
                del raw[name]

    def _organisation(self, text: str) -> str:
        return self.labels("organisation").resolve(text)

    def program_of(self, raw: dict[str, Any], current: dict[str, Any] | None) -> str | None:
        """The row's program (its own cell, else the matched record's), or None."""
        value = raw.get("program")
        if value not in (None, ""):
            try:
                return parse_field(self.spec.field("program"), value)
            except typed.VALUE_ERRORS:
                return None
        return (current or {}).get("program")


def _filled(value: object) -> bool:
    return value not in (None, "", [])


def _region_code(item: str) -> str:
    """A region list item (name, code or short name) as its code; unknown names stay for the
    problem below."""
    code = parse_region(item) or REGION_ALIASES.get(fold(item))
    if code is None:
        raise v.ValueProblem(
            f"« {item} » n'est pas une région du Québec ; écrivez son nom (Capitale-Nationale) "
            "ou son code (03)"
        )
    return code


Resolver = Callable[[str], str]
