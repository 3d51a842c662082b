"""A server log with entries no laptop of this version can apply in full, written straight into
the real server's database through its own layer (the server refuses such values at push now)."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from coordinator_app.server import db
from tests.sync.conftest import SyncServer

POISON = 2**63  # one more than SQLite's largest integer
#: Why a laptop refuses ``POISON`` as an amount: SQLite's range, or first the domain's own bound
#: on money where the domain has one (issue 13 bounds every number the domain accepts).
TOO_LARGE = ("nombre trop grand pour être enregistré sur cet ordinateur", "montant hors limites")


def says_too_large(text: str) -> bool:
    return any(reason in text for reason in TOO_LARGE)


def poison_log(server: SyncServer, entries: list[dict[str, Any]]) -> list[str]:
    """Append ``entries`` to the server's change log as its own writer would: each a copy of the
    log's last entry with the given columns replaced, under the next seqs. Returns the change ids."""
    change_ids = []
    with db.writing(server.engine, serialised=True) as conn:
        last = conn.execute(sa.select(db.changes).order_by(db.changes.c.seq.desc()).limit(1)).one()
        seq = last.seq
        for entry in entries:
            seq += 1
            change_id = entry.pop("change_id", str(uuid.uuid4()))
            row = {**last._asdict(), "seq": seq, "change_id": change_id, **entry}
            conn.execute(db.changes.insert().values(**row))
            change_ids.append(change_id)
    return change_ids


def log_top(server: SyncServer) -> int:
    with db.reading(server.engine) as conn:
        return int(conn.execute(sa.select(sa.func.max(db.changes.c.seq))).scalar_one())


def make_region_03_data(alice: Any) -> dict[str, Any]:
    store = alice.store
    project = store.create(
        "project", {"name": "Coop des Chutes", "program": "FERME_COOP", "region_code": "03"}
    )
    contract = store.create(
        "contract",
        {
            "project_id": project["id"],
            "client_type": "residentiel",
            "service": "Entretien paysager",
            "amount": 120000,
        },
    )
    visit = store.create(
        "visit",
        {"project_id": project["id"], "visited_at": "2026-05-04T14:30", "mode": "sur_place"},
    )
    alice.sync()
    return {"project": project, "contract": contract, "visit": visit}


def poison(server: SyncServer, records: dict[str, Any]) -> dict[str, str]:
    """Five entries no laptop of this version can apply in full, in region 03's log."""
    project_id, contract_id = records["project"]["id"], records["contract"]["id"]
    common = {"region_code": "03", "project_id": project_id, "full": False, "deleted": False}
    ids = poison_log(
        server,
        [
            # the attack: an amount SQLite cannot store
            {**common, "kind": "contract", "record_id": contract_id, "op": "update",
             "values": {"amount": POISON}},
            # a value the domain refuses (no negative amounts), beside a good one
            {**common, "kind": "contract", "record_id": contract_id, "op": "update",
             "values": {"amount": -500, "service": "Déneigement"}},
            # a field this version does not know, beside a good one
            {**common, "kind": "project", "record_id": project_id, "op": "update",
             "project_id": None, "values": {"couleur": "bleu", "notes": "Comité le 3 juin"}},
            # a kind this version does not know
            {**common, "kind": "sondage", "record_id": "sondage-1", "op": "create",
             "values": {"question": "Satisfait ?"}},
            # an entry that does not parse at all here (an op this version does not know)
            {**common, "kind": "visit", "record_id": records["visit"]["id"], "op": "archive",
             "values": {}},
        ],
    )  # fmt: skip
    return dict(
        zip(
            ["too_large", "refused", "unknown_field", "unknown_kind", "unreadable"],
            ids,
            strict=True,
        )
    )
