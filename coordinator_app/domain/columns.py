"""Spreadsheet columns of each kind of record: French headers, accepted synonyms, natural keys.

Import and export share these so that an export can always be imported back, and so that the
headers people really write in Excel (« Nom du projet », « Région », « Date de la visite ») are
recognised whatever their case, accents or spacing (the words themselves are in
``domain.synonyms``). Pure data and functions: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.domain.schema import EntitySpec, FieldSpec, FieldType
from coordinator_app.domain.synonyms import REGION_ALIASES, SYNONYMS, VALUE_ALIASES
from coordinator_app.domain.text import fold

ID = "id"
ID_HEADER = "Identifiant"
_ID_SYNONYMS = ("Identifiant", "ID", "UUID", "Identifiant Carnet")

#: Command-line names of the kinds that move in bulk (plural, hyphenated) → entity kind.
#: Attachments are files, not rows: they are not imported or exported here.
KIND_NAMES: dict[str, str] = {
    "projects": "project",
    "participants": "participant",
    "visits": "visit",
    "action-items": "action_item",
    "organisations": "organisation",
    "funding": "funding",
    "workshops": "workshop",
    "schools": "school",
    "coordinators": "coordinator",
    "contracts": "contract",
    "municipalities": "municipality",
}
#: The order in which kinds must be imported into an empty profile (references point backwards).
IMPORT_ORDER: tuple[str, ...] = (
    "municipality",
    "organisation",
    "school",
    "coordinator",
    "workshop",
    "project",
    "participant",
    "contract",
    "funding",
    "visit",
    "action_item",
)


#: Fields that identify a record when the file has no ids (matched case- and accent-insensitively).
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "project": ("name", "region_code", "season_year"),
    "participant": ("first_name", "last_name", "birth_date", "project_id"),
    "visit": ("project_id", "visited_at"),
    "action_item": ("project_id", "text"),
    "organisation": ("name", "region_code"),
    "funding": ("project_id", "funder", "program"),
    "workshop": ("theme", "held_on"),
    "school": ("name", "municipality"),
    "coordinator": ("name",),
    "contract": ("project_id", "service", "contract_date"),
    "municipality": ("name", "region_code"),
}
#: Kinds that other records may name (instead of giving an id) in a reference column.
NAMED_REFERENCES: dict[str, str] = {
    "project": "name",
    "organisation": "name",
    "school": "name",
    "coordinator": "name",
    "municipality": "name",
}


def resolve_kind(name: str) -> str:
    """The entity kind from a command-line name (``action-items``) or an entity kind."""
    key = name.strip().lower()
    if key in KIND_NAMES:
        return KIND_NAMES[key]
    if key.replace("-", "_") in KIND_NAMES.values():
        return key.replace("-", "_")
    choices = ", ".join(KIND_NAMES)
    raise UserError(f"Type de données inconnu : « {name} ». Types possibles : {choices}.")


def kind_name(kind: str) -> str:
    """The command-line name of an entity kind (``action_item`` → ``action-items``)."""
    return {v: k for k, v in KIND_NAMES.items()}[kind]


def header_key(text: object) -> str:
    """The form headers are compared in: case, accents, dashes, stars and colons don't matter."""
    if text is None:
        return ""
    cleaned = re.sub(r"[*:()\[\]$%]|\ben\s*\$", " ", str(text))
    return fold(cleaned.replace("\n", " "))


@dataclass(frozen=True)
class Column:
    """One exported column: ``field`` is a field name or ``id``."""

    field: str
    header: str


def export_columns(kind: str, *, include_personal: bool = True) -> list[Column]:
    """The columns an export writes, in order; the import reads the same headers back."""
    spec = ENTITIES[kind]
    columns = [Column(f.name, f.label) for f in spec.fields if include_personal or not f.personal]
    return [*columns, Column(ID, ID_HEADER)]  # last: people read names, the app matches ids


def _accepted_headers(spec: EntitySpec) -> dict[str, str]:
    """Every accepted header key → field name. Labels win over synonyms of other fields."""
    accepted: dict[str, str] = {}
    names = set(spec.field_names)
    for source in (SYNONYMS.get("*", {}), SYNONYMS.get(spec.kind, {})):
        for name, synonyms in source.items():
            if name in names:
                accepted.update({header_key(s): name for s in synonyms})
    accepted.update({header_key(f.name): f.name for f in spec.fields})
    accepted.update({header_key(s): ID for s in _ID_SYNONYMS})
    accepted[ID] = ID
    accepted.update({header_key(f.label): f.name for f in spec.fields})
    return accepted


@dataclass
class HeaderMap:
    """How the columns of one file map to fields.

    ``columns`` maps a column index to a field name; ``headers`` maps a field name back to the
    header as the user wrote it (for the error report); ``duplicates`` lists columns that name a
    field already taken by an earlier column; ``ignored`` the headers that name no field.
    """

    kind: str
    columns: dict[int, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)

    def header_for(self, name: str) -> str:
        """The user's header of a field, or its label when the file has no such column."""
        if name in self.headers:
            return self.headers[name]
        return ID_HEADER if name == ID else ENTITIES[self.kind].field(name).label

    def missing_required(self) -> list[FieldSpec]:
        """Required fields (for every program) that no column provides."""
        return [f for f in ENTITIES[self.kind].fields if f.required and f.name not in self.headers]


def map_headers(kind: str, headers: Sequence[object]) -> HeaderMap:
    """Map a file's header cells to fields; the first column naming a field wins."""
    accepted = _accepted_headers(ENTITIES[kind])
    result = HeaderMap(kind)
    for index, cell in enumerate(headers):
        key = header_key(cell)
        if not key:
            continue
        name = accepted.get(key)
        if name is None:
            result.ignored.append(str(cell).strip())
        elif name in result.headers:
            result.duplicates.append((str(cell).strip(), result.headers[name]))
        else:
            result.columns[index] = name
            result.headers[name] = str(cell).strip()
    return result


def header_score(kind: str, cells: Iterable[object]) -> int:
    """How many cells of a row are headers of ``kind`` (to find the header row under titles)."""
    accepted = _accepted_headers(ENTITIES[kind])
    return sum(1 for cell in cells if header_key(cell) in accepted)


def find_header_row(kind: str, rows: Sequence[Sequence[object]]) -> int | None:
    """The index of the row that holds the headers among the first rows of a sheet.

    Title rows and merged group headers above the real headers score lower, so they are skipped.
    None when no row has a single recognised header.
    """
    best, best_score = None, 0
    for index, row in enumerate(rows):
        score = header_score(kind, row)
        if score > best_score:
            best, best_score = index, score
    return best


def fill_merged_headers(rows: Sequence[Sequence[object]], header_index: int) -> list[object]:
    """The header row with empty cells taken from the nearest non-empty cell above.

    A header merged vertically over two rows (« Région » spanning rows 1–2 above a row of
    sub-headers) keeps its text only in the top cell; this gives it back to its column.
    """
    header = list(rows[header_index])
    header += [None] * (max(len(row) for row in rows) - len(header))
    for column, cell in enumerate(header):
        if cell is None or str(cell).strip() == "":
            for above in range(header_index - 1, -1, -1):
                row = rows[above]
                if column < len(row) and row[column] is not None and str(row[column]).strip():
                    header[column] = row[column]
                    break
    return header


def describe_key(kind: str) -> str:
    """In French, what a natural-key match means: « même nom du projet, région et année »."""
    spec = ENTITIES[kind]
    labels = [spec.field(n).label.lower() for n in NATURAL_KEYS[kind]]
    listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " et " + labels[-1]
    return "même " + listed


def value_alias(kind: str, name: str, value: object) -> object:
    """The code a common spelling of a value stands for (« PSES » → FERME_COOP, « Gaspésie » → 11)."""
    if not isinstance(value, str):
        return value
    aliases = VALUE_ALIASES.get((kind, name))
    if aliases is None and ENTITIES[kind].field(name).type == FieldType.REGION:
        aliases = REGION_ALIASES
    return aliases.get(fold(value), value) if aliases else value


_TOTAL = re.compile(r"(sous )?(total|totaux|grand total)\b")


def is_total_row(kind: str, row: Mapping[str, object]) -> bool:
    """A « Total » line under a list: its first key field is empty and a cell says « Total »."""
    first = NATURAL_KEYS[kind][0]
    if row.get(first) not in (None, ""):
        return False
    return any(isinstance(v, str) and _TOTAL.match(fold(v)) for v in row.values())


def natural_key(kind: str, values: Mapping[str, Any]) -> tuple | None:
    """The natural key of canonical values, text folded; None when its first part is missing."""
    parts = []
    for name in NATURAL_KEYS[kind]:
        value = values.get(name)
        parts.append(fold(value) if isinstance(value, str) else value)
    if parts[0] in (None, ""):
        return None
    return tuple(parts)
