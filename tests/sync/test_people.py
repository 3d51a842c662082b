"""Who is who across laptops (issue 14): two staff members of region 03 each record a visit
offline; after sync both laptops say who made each visit, who made each change, and each visit
report is signed « Pour le CQCM » by the person who made it."""

from __future__ import annotations

import re
import ssl
from pathlib import Path

import httpx

from coordinator_app.domain.people import author_line
from coordinator_app.protocol import version_headers
from coordinator_app.reports import visite
from coordinator_app.reports.common import ReportOptions
from coordinator_app.store import people
from tests.reports.conftest import pdf_text

MARIE = {
    "name": "Marie Tremblay",
    "email": "marie.tremblay@cqcm.example",
    "title": "Conseillère jeunesse",
}
JEAN = {"name": "Jean Côté", "email": "jean.cote@cqcm.example"}


def _two_staff(server, laptops):
    server.add_user("mtremblay", regions=["03"], **MARIE)
    server.add_user("jcote", regions=["03"], **JEAN)
    return laptops("marie", "mtremblay"), laptops("jean", "jcote")


def _visit(store, project_id: str, when: str, observations: str) -> dict:
    return store.create(
        "visit",
        {
            "project_id": project_id,
            "visited_at": when,
            "mode": "sur_place",
            "made_by": [store.author_id],
            "observations": observations,
        },
    )


def _signed(pdf: Path) -> str:
    """The text of the « Pour le CQCM » column: what follows the block's title up to the other
    column's « Nom : » (the two columns are extracted line by line)."""
    text = re.sub(r"\s+", " ", pdf_text(pdf))
    block = text.split("Pour le CQCM", 1)[1]
    return block.split("Pour le groupe rencontré", 1)[1].split("Nom :", 1)[0].strip()


def test_login_gives_the_profile_its_person(server, laptops):
    marie, _jean = _two_staff(server, laptops)
    person = marie.store.person
    assert (person.name, person.account, person.email, person.role, person.regions) == (
        "Marie Tremblay", "mtremblay", "marie.tremblay@cqcm.example", "coordinator", ("03",),
    )  # fmt: skip
    assert person.title == "Conseillère jeunesse"
    # the directory of the staff of the region comes with the first sync
    marie.sync()
    assert [p.name for p in people.staff(marie.store)] == ["Jean Côté", "Marie Tremblay"]


def test_two_staff_visits_made_offline_say_who_made_them_on_both_laptops(server, laptops, tmp_path):
    marie, jean = _two_staff(server, laptops)
    project = marie.store.create(
        "project", {"name": "CIEC de Limoilou", "program": "CIEC", "region_code": "03",
                    "season_year": 2026},
    )  # fmt: skip
    marie.sync()
    jean.sync()
    # both offline: each records a visit of the same project
    by_marie = _visit(marie.store, project["id"], "2026-06-10T10:00", "Visite de Marie.")
    by_jean = _visit(jean.store, project["id"], "2026-06-12T14:05", "Visite de Jean.")
    jean.store.update("visit", by_jean["id"], {"decisions": "Former le CA."})
    for laptop in (marie, jean, marie):
        laptop.sync()

    for laptop in (marie, jean):
        store = laptop.store
        for visit, name, account in (
            (by_marie, "Marie Tremblay", "mtremblay"),
            (by_jean, "Jean Côté", "jcote"),
        ):
            record = store.require("visit", visit["id"])
            assert record["made_by"] == [account]
            assert people.names(store, record["made_by"]) == [name]
            history = store.history("visit", visit["id"])
            assert history and {(e.author, e.author_id) for e in history} == {(name, account)}
            assert author_line(history[0].author, history[0].at).startswith(f"{name} — le ")
            pdf = visite.generate(
                store, visit["id"], tmp_path / f"{laptop.name}-{account}.pdf", ReportOptions()
            )
            signed = _signed(pdf)
            assert signed.startswith(name), signed
            other = "Jean Côté" if name == "Marie Tremblay" else "Marie Tremblay"
            assert other not in signed
        assert "Conseillère jeunesse" in _signed(tmp_path / f"{laptop.name}-mtremblay.pdf")
    # the server's log says the same: the account and its name, whatever the laptop sent
    from coordinator_app.server import privacy

    logged = privacy.history(server.engine, "visit", by_jean["id"])
    assert {(e["author"], e["author_id"]) for e in logged} == {("Jean Côté", "jcote")}


def test_an_account_named_later_signs_with_its_new_name_after_the_next_sync(server, laptops):
    from coordinator_app.server import people as server_people

    server.add_user("lroy", regions=["03"])  # an existing account with no person yet
    laptop = laptops("louise", "lroy")
    assert laptop.store.person.name == "lroy"
    server_people.set_person(server.engine, "lroy", name="Louise Roy", email="louise@cqcm.example")
    laptop.sync()
    assert (laptop.store.person.name, laptop.store.author) == ("Louise Roy", "Louise Roy")


def test_a_schema_1_laptop_is_told_to_update(server, laptops):
    _two_staff(server, laptops)
    headers = {**version_headers(), "X-Carnet-Schema": "1"}
    with httpx.Client(
        base_url=server.url, verify=ssl.create_default_context(cafile=server.ca_path)
    ) as http:
        response = http.get("/api/v1/pull", headers=headers)
    assert response.status_code == 426
    assert "mettez à jour" in response.json()["message"].lower()


def test_visits_recorded_before_signing_in_become_the_accounts(server, laptops, tmp_path):
    from coordinator_app.store import open_store
    from coordinator_app.sync import account
    from tests.support.live_server import PASSWORD

    _marie_elsewhere, jean = _two_staff(server, laptops)
    store = open_store(tmp_path / "avant")
    people.set_local_name(store, "Marie T.")
    project = store.create(
        "project", {"name": "Coop des Chutes", "program": "FERME_COOP", "region_code": "03"}
    )
    early = _visit(store, project["id"], "2026-05-02T09:00", "Avant la connexion.")
    assert early["made_by"] == [people.local_account(store)]
    account.login(store, server.url, "mtremblay", PASSWORD, ca_file=server.ca_path)
    assert store.require("visit", early["id"])["made_by"] == ["mtremblay"]
    from coordinator_app.sync.engine import SyncEngine

    SyncEngine(store, snapshot=False).run()
    jean.sync()
    seen = jean.store.require("visit", early["id"])
    assert people.names(jean.store, seen["made_by"]) == ["Marie Tremblay"]
    store.close()
