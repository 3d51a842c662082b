"""The places that name fields by hand agree with the entity specs (``domain/entities.py``).

Most of the app reads the specs (forms, validation, import and export headers, the server's
checks), but a few places list field names or labels by hand. A field added to a spec and
forgotten in one of them, or renamed in the spec and left under its old name there, fails here
with the file to edit. The others are checked next to their code: the tables
(``tests/store/test_migrations.py``), the import/export docs (``tests/exchange/test_round_trip.py``)
and the conflict fields the server sends (``tests/sync/test_conflict_fields.py``). The checklist is
in ``docs/architecture.md``, « Add a field end to end ».
"""

from __future__ import annotations

import json
from pathlib import Path

from coordinator_app.domain.columns import (
    IMPORT_ORDER,
    KIND_NAMES,
    NAMED_REFERENCES,
    NATURAL_KEYS,
)
from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.synonyms import SYNONYMS, VALUE_ALIASES

GLOSSARY = Path(__file__).resolve().parents[2] / "resources" / "translations" / "glossary_en.json"
#: Kinds that do not move through spreadsheets: files, and the log of disclosures.
NOT_EXCHANGED = {"attachment", "access_log"}


def test_every_label_choice_and_help_of_a_field_has_its_english() -> None:
    english = json.loads(GLOSSARY.read_text(encoding="utf-8"))
    missing = []
    for kind, spec in ENTITIES.items():
        texts = [(kind, spec.label), (kind, spec.label_plural)]
        for field in spec.fields:
            texts.append((f"{kind}.{field.name}", field.label))
            texts += [(f"{kind}.{field.name}", label) for _code, label in field.choices]
            if field.help:
                texts.append((f"{kind}.{field.name}", field.help))
        missing += [f"{where}: « {text} »" for where, text in texts if not english.get(text)]
    assert not missing, f"add their English to {GLOSSARY.name}: " + "; ".join(missing)


def test_spreadsheet_lists_name_only_fields_of_their_kind() -> None:
    def exists(kind: str, name: str) -> bool:
        if kind == "*":
            return any(spec.has_field(name) for spec in ENTITIES.values())
        return ENTITIES[kind].has_field(name)

    named = [(kind, name) for kind, names in SYNONYMS.items() for name in names]
    named += [(kind, name) for kind, names in NATURAL_KEYS.items() for name in names]
    named += list(NAMED_REFERENCES.items())
    named += list(VALUE_ALIASES)
    stale = [f"{kind}.{name}" for kind, name in named if not exists(kind, name)]
    assert not stale, "domain/columns.py names fields the specs do not have: " + ", ".join(stale)


def test_every_kind_but_files_and_the_disclosure_log_moves_through_spreadsheets() -> None:
    exchanged = set(ENTITIES) - NOT_EXCHANGED
    assert set(IMPORT_ORDER) == exchanged, "domain/columns.py: IMPORT_ORDER"
    assert set(KIND_NAMES.values()) == exchanged, "domain/columns.py: KIND_NAMES"
    assert set(NATURAL_KEYS) == exchanged, "domain/columns.py: NATURAL_KEYS"
