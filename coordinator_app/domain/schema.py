"""Declarative description of entities: one ``EntitySpec`` per kind of record.

The specs are the single source of truth for field names, French labels, types and rules. The store
derives its columns' meaning from them, import/export derive column headers, the window derives form
fields, and validation walks them. Values are kept in a *canonical* JSON-friendly form everywhere
(ISO dates as text, money as integer cents, lists as lists) so that the journal, the sync wire format
and the database all carry the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class FieldType(StrEnum):
    """How a field's value is parsed, stored and shown."""

    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # observations, notes: several lines
    INT = "int"
    DECIMAL = "decimal"  # hours, hectares: a float
    MONEY = "money"  # integer cents; shown as « 1 234,56 $ »
    DATE = "date"  # "YYYY-MM-DD"
    DATETIME = "datetime"  # "YYYY-MM-DDTHH:MM" (local time, minutes)
    BOOL = "bool"
    ENUM = "enum"  # one of ``choices``
    REGION = "region"  # "01".."17"
    EMAIL = "email"
    PHONE = "phone"
    POSTAL_CODE = "postal_code"
    REF = "ref"  # the id of a record of kind ``ref``
    REFS = "refs"  # a list of ids of kind ``ref``
    LIST = "list"  # a list of short texts
    DATES = "dates"  # a list of "YYYY-MM-DD"
    JSON = "json"  # structured data (a list of objects), validated by the entity's rules


#: Types whose canonical value is a list (stored as JSON text).
LIST_TYPES = frozenset({FieldType.REFS, FieldType.LIST, FieldType.DATES, FieldType.JSON})


@dataclass(frozen=True)
class FieldSpec:
    """One field of an entity.

    ``programs`` restricts a project field to some programs (empty: every program);
    ``required_for`` makes it required only for those programs.
    """

    name: str
    label: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, French label)
    ref: str = ""
    max_length: int = 200
    minimum: float | None = None
    maximum: float | None = None
    programs: tuple[str, ...] = ()
    required_for: tuple[str, ...] = ()
    personal: bool = False  # personal information about a person (Law 25)
    help: str = ""

    @property
    def is_list(self) -> bool:
        return self.type in LIST_TYPES

    def choice_label(self, value: object) -> str:
        """The French label of an enumeration value (the value itself when unknown)."""
        return dict(self.choices).get(str(value), "" if value is None else str(value))


@dataclass(frozen=True)
class EntitySpec:
    """One kind of record, e.g. ``project`` or ``visit``.

    ``region_field`` names the field that carries the record's region directly; ``parent_field``
    names the reference through which a child record takes its project's region. The server uses
    these to decide, from its own data, who may see and change a record.
    """

    kind: str
    label: str
    label_plural: str
    fields: tuple[FieldSpec, ...]
    title_field: str = "name"
    region_field: str = ""
    parent_field: str = ""
    parent_kind: str = ""
    searchable: tuple[str, ...] = ()
    reference: bool = False  # reference data every coordinator may read
    _by_name: dict[str, FieldSpec] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({f.name: f for f in self.fields})

    def field(self, name: str) -> FieldSpec:
        """The spec of one field; KeyError names the field if it does not exist."""
        return self._by_name[name]

    def has_field(self, name: str) -> bool:
        return name in self._by_name

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def fields_for_program(self, program: str | None) -> tuple[FieldSpec, ...]:
        """The fields that apply to a project of ``program`` (all fields for other kinds)."""
        return tuple(f for f in self.fields if not f.programs or program in f.programs)
