"""The names people know records by, for reference columns: written by the export, read back by
the import.

A reference (the project of a visit, the coordinators of a project…) is exported as the record's
name when that name is unique in the profile, else as the name with just enough to tell it apart
(« CIEC de Rimouski (2026) », « Julie Tremblay (julie@cqcm.coop) »), and as the id only when even
that is ambiguous. The import accepts any of these forms (and ids), so an export always reads back
to the same records; a name shared by several records is a problem that lists them.
A visit is named by its date and time, among the visits of the row's project.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from coordinator_app.domain import fr_ca
from coordinator_app.domain import values as v
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.regions import region_name
from coordinator_app.domain.text import fold
from coordinator_app.store import Store, lookup

MAX_CANDIDATES_SHOWN = 5

#: Fields read to build each kind's labels (the first one is the name).
_LABEL_FIELDS: dict[str, tuple[str, ...]] = {
    "project": ("name", "season_year", "region_code"),
    "coordinator": ("name", "email"),
    "organisation": ("name", "region_code", "municipality"),
    "school": ("name", "municipality", "region_code"),
    "municipality": ("name", "region_code"),
    "visit": ("visited_at", "place", "project_id"),
}


def _candidates(kind: str, values: dict[str, Any]) -> list[str]:
    """Labels of one record, from the plainest to the most specific."""
    name = str(values.get("name") or "")
    if kind == "project":
        year, region = values.get("season_year"), region_name(values.get("region_code") or "")
        forms = [name, f"{name} ({region})"]
        if year:
            forms[1:1] = [f"{name} ({year})"]
            forms.append(f"{name} ({year}, {region})")
        return forms
    if kind == "coordinator":
        return [name, f"{name} ({values['email']})"] if values.get("email") else [name]
    if kind == "organisation":
        region = region_name(values.get("region_code") or "")
        town = values.get("municipality")
        return [name, f"{name} ({region})"] + ([f"{name} ({town}, {region})"] if town else [])
    if kind == "school":
        region = region_name(values.get("region_code") or "")
        return [name, f"{name} ({values.get('municipality')})", f"{name} ({region})"]
    if kind == "municipality":
        return [name, f"{name} ({region_name(values.get('region_code') or '')})"]
    if kind == "visit":
        when = str(values.get("visited_at") or "").replace("T", " ")
        place = values.get("place")
        return [when] + ([f"{when} — {place}"] if place else [])
    return [name]


class Labels:
    """Every live record of one kind with its labels: id → label and label → ids."""

    def __init__(self, store: Store, kind: str) -> None:
        self.kind = kind
        self.spec = ENTITIES[kind]
        self.states = lookup.id_states(store, kind)
        fields = _LABEL_FIELDS.get(kind, (self.spec.title_field,))
        self._forms: dict[str, list[str]] = {}
        self._scope: dict[str, str | None] = {}
        self._index: dict[tuple[str | None, str], list[str]] = defaultdict(list)
        for record_id, *values in lookup.field_rows(store, kind, list(fields)):
            named = dict(zip(fields, values, strict=True))
            if "name" not in named:
                named["name"] = named.get(self.spec.title_field)
            scope = named.get("project_id") if kind == "visit" else None
            forms = [f for f in _candidates(kind, named) if f.strip()]
            self._forms[record_id], self._scope[record_id] = forms, scope
            for form in dict.fromkeys(fold(f) for f in forms):
                self._index[(scope, form)].append(record_id)

    def label(self, record_id: str) -> str:
        """The plainest label that names only this record (the id when none does)."""
        scope = self._scope.get(record_id)
        for form in self._forms.get(record_id, ()):
            if self._index.get((scope, fold(form))) == [record_id]:
                return form
        return record_id

    def resolve(self, text: object, scope: str | None = None) -> str:
        """The id a cell names (an id or a label); ``ValueProblem`` names the ambiguity."""
        shown = str(text).strip()
        what = self.spec.label.lower()
        state = self.states.get(shown)
        if state is False:
            return shown
        if state:
            raise v.ValueProblem(f"cet élément ({what}) a été supprimé dans ce profil")
        matches = self._index.get((scope, fold(shown)), [])
        if len(matches) == 1:
            return matches[0]
        plural = self.spec.label_plural.lower()
        if matches:
            shown_candidates = [self._distinct(m) for m in matches[:MAX_CANDIDATES_SHOWN]]
            more = len(matches) - len(shown_candidates)
            listed = " ; ".join(f"« {c} »" for c in shown_candidates)
            listed += f" ; et {fr_ca.count(more, 'autre', 'autres')}" if more > 0 else ""
            return_hint = "écrivez plutôt l'un de ces libellés"
            raise v.ValueProblem(
                f"{len(matches)} {plural} portent le nom « {shown} » : {listed} ; {return_hint}"
            )
        where = " de ce projet" if self.kind == "visit" else ""
        raise v.ValueProblem(
            f"aucun élément ({what}){where} de ce profil ne s'appelle « {shown} » ; vérifiez "
            f"l'orthographe ou importez d'abord les {plural}"
        )

    def _distinct(self, record_id: str) -> str:
        """The label that tells ``record_id`` apart (its most specific one, or its id)."""
        label = self.label(record_id)
        return label if label != record_id else f"{self._forms[record_id][-1]} — {record_id}"
