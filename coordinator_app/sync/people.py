"""The profile's person and staff directory from the server's answers (login, each pull).

At login the server names the account's person (name, e-mail, role, title, regions): it becomes
the profile's person, who authors every change from then on. Each pull carries the directory of
the staff sharing a region; it is kept for « Visite faite par » and « Responsable », and the
person's own entry there brings name or title changes made by the administrator.
"""

from __future__ import annotations

from collections.abc import Iterable

from coordinator_app.domain.people import Person
from coordinator_app.protocol import LoginResponse, StaffMember
from coordinator_app.store import Store, people


def person_of(answer: LoginResponse) -> Person:
    return Person(
        name=answer.name or answer.username,
        account=answer.username,
        email=answer.email,
        role=answer.role,
        title=answer.title,
        regions=tuple(sorted(answer.regions)),
    )


def adopt(store: Store, answer: LoginResponse) -> Person:
    """The logged-in account's person becomes the profile's person; what they recorded before,
    under this laptop's local account, becomes their account's."""
    before = store.person
    who = person_of(answer)
    people.set_person(store, who)
    if before is not None and (before.account or "").startswith(people.LOCAL_PREFIX):
        people.claim_local(store, before.account or "", who.account or "")
    return who


def _person(member: StaffMember) -> Person:
    return Person(
        name=member.name or member.account,
        account=member.account,
        email=member.email,
        role=member.role,
        title=member.title,
        regions=tuple(sorted(member.regions)),
    )


def remember_staff(store: Store, members: Iterable[StaffMember]) -> None:
    """Keep the directory (written only when it changed) and refresh the person from it."""
    directory = [_person(m) for m in members]
    if not directory:
        return
    if [p.to_json() for p in directory] != [p.to_json() for p in people.stored_staff(store)]:
        people.set_staff(store, directory)
    own = store.person
    if own is not None and own.account:
        fresh = next((p for p in directory if p.account == own.account), None)
        if fresh is not None and fresh != own:
            people.set_person(store, fresh)
