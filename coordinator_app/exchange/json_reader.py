"""JSON as the exporter writes it: ``{"kind": ..., "records": [{field: canonical value}, ...]}``.

Values are canonical (amounts in cents, region codes, ISO dates), so the table is marked
``canonical`` and the importer converts amounts back before validation. A bare list of records is
accepted too. The file is parsed whole (the standard library has no streaming JSON parser); one
record at a time is then handed to the importer.
"""

from __future__ import annotations

import json
from pathlib import Path

from coordinator_app.domain.errors import UserError
from coordinator_app.exchange.table import Table


def open_json(path: Path, kind: str) -> Table:
    """Open a JSON export for import."""
    try:
        with path.open("r", encoding="utf-8-sig") as stream:
            document = json.load(stream)
    except UnicodeDecodeError:
        raise UserError(f"« {path.name} » n'est pas un fichier JSON en UTF-8.") from None
    except json.JSONDecodeError as error:
        if not error.doc.strip():
            raise UserError(
                f"Le fichier « {path.name} » est vide : aucune ligne à importer."
            ) from None
        raise UserError(
            f"« {path.name} » n'est pas un fichier JSON valide (ligne {error.lineno}, "
            f"colonne {error.colno} : {error.msg})."
        ) from None
    records = document.get("records") if isinstance(document, dict) else document
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise UserError(
            f"« {path.name} » n'a pas la forme attendue : une liste « records » d'objets."
        )
    if isinstance(document, dict) and document.get("kind") not in (None, kind):
        raise UserError(
            f"« {path.name} » contient des données de type « {document.get('kind')} », "
            f"pas « {kind} »."
        )
    if not records:
        raise UserError(f"Le fichier « {path.name} » ne contient aucun enregistrement.")
    header: list[object] = list(dict.fromkeys(key for record in records for key in record))
    rows = (
        (index, [record.get(str(key)) for key in header])
        for index, record in enumerate(records, start=1)
    )
    return Table("JSON", header, 0, rows, len(records), [], canonical=True)
