"""The profile's person and the staff directory, kept in the profile's ``meta`` table.

The person (``domain.people.Person``) is who signs this profile's changes, visits and reports:
the account returned by the server at login, or, for a profile used without a server, the name
given once under « Votre nom ». The staff directory is the server's list of staff accounts that
share a region with the person (refreshed at login and at each sync): the window picks
« Visite faite par » and a follow-up's « Responsable » from it, and shows names for account ids.
An account missing from it is named from the journal (every pulled change carries its author's
account and name), else shown by its id: never dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from coordinator_app.domain.people import (
    OWNER_OTHER,
    OWNER_PROJECT,
    OWNER_STAFF,
    Person,
    clean_name,
)
from coordinator_app.store.profile import META_PERSON, Store

META_STAFF = "staff_directory"  # JSON list of ``Person`` mappings


def person(store: Store) -> Person | None:
    return store.person


def set_person(store: Store, who: Person) -> None:
    """Make ``who`` the profile's person: every change from now on is authored by them."""
    store.set_meta(META_PERSON, who.to_json())
    store.person = who


def set_local_name(store: Store, name: str) -> Person:
    """« Votre nom » for a profile used without a server (or to correct the name shown).

    A profile signed in keeps its account; only the name changes (the server's name comes back
    at the next login)."""
    current = store.person
    name = clean_name(name)
    who = (
        Person(name=name, account=local_account(store))
        if current is None or not current.account
        else Person(
            name, current.account, current.email, current.role, current.title, current.regions
        )
    )
    set_person(store, who)
    return who


LOCAL_PREFIX = "local:"


def local_account(store: Store) -> str:
    """The account id of a person who has no server account yet: « local: » and this laptop's
    id. It marks their visits (« Visite faite par ») and follow-ups (« Mes suivis ») until they
    sign in; ``claim_local`` then gives those to their server account."""
    return f"{LOCAL_PREFIX}{store.device_id}"


def claim_local(store: Store, local: str, account: str) -> int:
    """Visits made by, and follow-ups owned by, the laptop's local person become ``account``'s
    (ordinary journaled updates, so they sync). Returns how many records changed."""
    with store.reading() as conn:
        visits = conn.execute(
            "SELECT id, made_by FROM visit WHERE deleted = 0 AND EXISTS"
            " (SELECT 1 FROM json_each(visit.made_by) WHERE value = ?)",
            (local,),
        ).fetchall()
        items = conn.execute(
            "SELECT id FROM action_item WHERE deleted = 0 AND owner_account = ?", (local,)
        ).fetchall()
    with store.transaction():
        for visit_id, made_by in visits:
            accounts = [account if a == local else a for a in json.loads(made_by)]
            store.update("visit", visit_id, {"made_by": list(dict.fromkeys(accounts))})
        for (item_id,) in items:
            store.update("action_item", item_id, {"owner_account": account})
    return len(visits) + len(items)


def needs_name(store: Store) -> bool:
    """True when the profile has no person yet (the window then asks « Votre nom » once)."""
    return store.person is None or not store.person.name


def stored_staff(store: Store) -> list[Person]:
    """The directory as the server last sent it."""
    return [Person.from_mapping(p) for p in json.loads(store.get_meta(META_STAFF) or "[]")]


def staff(store: Store) -> list[Person]:
    """The staff directory, by name, with the profile's own person in it."""
    people = stored_staff(store)
    own = store.person
    if own is not None and own.account and all(p.account != own.account for p in people):
        people.append(own)
    return sorted(people, key=lambda p: (p.name.casefold(), p.account or ""))


def set_staff(store: Store, people: Iterable[Person]) -> None:
    data = [json.loads(p.to_json()) for p in people]
    store.set_meta(META_STAFF, json.dumps(data, ensure_ascii=False, sort_keys=True))


def names(store: Store, accounts: Iterable[str]) -> list[str]:
    """The names of staff accounts, in order: from the directory, else the journal, else the id
    itself (an account this laptop has never seen named is still shown, not dropped)."""
    known = {p.account: p.name for p in staff(store) if p.account}
    result = []
    for account in accounts:
        name = known.get(account)
        if name is None:
            with store.reading() as conn:
                row = conn.execute(
                    "SELECT author FROM journal WHERE author_id = ? AND author IS NOT NULL"
                    " ORDER BY seq DESC LIMIT 1",
                    (account,),
                ).fetchone()
            name = row[0] if row else account
            known[account] = name
        result.append(name)
    return result


def names_text(store: Store, accounts: Iterable[str], empty: str = "") -> str:
    """« Marie Tremblay, Jean Côté » (``empty`` when there is nobody)."""
    return ", ".join(names(store, accounts)) or empty


def project_people(store: Store, project: dict[str, Any]) -> list[str]:
    """Names of the project's own people a follow-up may be given to: its coordinators (a
    CIEC's hired coordinators), its teacher in charge, its board and committee members."""
    found: list[str] = []
    for coordinator_id in project.get("coordinator_ids") or []:
        record = store.get("coordinator", coordinator_id)
        if record and record.get("name"):
            found.append(record["name"])
    if project.get("teacher"):
        found.append(project["teacher"])
    for group in ("board", "committee"):
        for member in project.get(group) or []:
            if isinstance(member, dict) and member.get("name"):
                found.append(str(member["name"]))
    staff_names = {p.name.casefold() for p in staff(store)}
    unique = dict.fromkeys(n for n in found if n.casefold() not in staff_names)
    return list(unique)


def owner_values(store: Store, project: dict[str, Any], text: str) -> dict[str, Any]:
    """« Responsable » as typed, resolved: a staff member's name gives their account (« Mes
    suivis »), a name of the project's people marks it theirs, anything else is a partner's."""
    name = " ".join((text or "").split())
    folded = name.casefold()
    for member in staff(store):
        if member.account and member.name.casefold() == folded:
            return {
                "owner": member.name,
                "owner_kind": OWNER_STAFF,
                "owner_account": member.account,
            }
    if any(folded == other.casefold() for other in project_people(store, project)):
        return {"owner": name, "owner_kind": OWNER_PROJECT, "owner_account": None}
    return {"owner": name, "owner_kind": OWNER_OTHER, "owner_account": None}
