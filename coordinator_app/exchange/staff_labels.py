"""CQCM staff in exports: « Visite faite par » and a follow-up's staff owner by full name.

A visit's ``made_by`` and a follow-up's ``owner_account`` hold staff account ids (``domain.people``).
A spreadsheet shows the name a person knows, from the staff directory the laptop keeps
(``store.people.staff``): the plain name when it is unique there, « Nom (courriel) » for two
staff members who share a name, and the account id itself for an account the directory does not
hold (it is never dropped). The import reads any of these forms back to the same account; a name
shared by several staff members is a problem listing them, and a name with a space that names no
one is a problem (an account id never has a space, so it is kept as written).
"""

from __future__ import annotations

from collections import defaultdict

from coordinator_app.domain import values as v
from coordinator_app.domain.people import Person
from coordinator_app.domain.text import fold
from coordinator_app.store import Store, people

MAX_CANDIDATES_SHOWN = 5
#: Columns whose values are staff account ids: ``made_by`` a list, ``owner_account`` one.
STAFF_COLUMNS = frozenset({("visit", "made_by"), ("action_item", "owner_account")})


def _forms(member: Person) -> list[str]:
    forms = [member.name]
    if member.email:
        forms.append(f"{member.name} ({member.email})")
    return [f for f in forms if f.strip()]


class StaffLabels:
    """The staff directory as labels: account → label and label → accounts."""

    def __init__(self, store: Store) -> None:
        self._forms: dict[str, list[str]] = {}
        self._index: dict[str, list[str]] = defaultdict(list)
        for member in people.staff(store):
            if not member.account or member.account in self._forms:
                continue
            self._forms[member.account] = _forms(member)
            for form in dict.fromkeys(fold(f) for f in self._forms[member.account]):
                self._index[form].append(member.account)

    def label(self, account: str) -> str:
        """The plainest label that names only this account (the id when none does)."""
        for form in self._forms.get(account, ()):
            if self._index.get(fold(form)) == [account]:
                return form
        return account

    def resolve(self, text: object) -> str:
        """The account a cell names (a label or an account id); ``ValueProblem`` otherwise."""
        shown = " ".join(str(text).split())
        if shown in self._forms:
            return shown
        matches = self._index.get(fold(shown), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            listed = " ; ".join(f"« {self._forms[m][-1]} »" for m in matches[:MAX_CANDIDATES_SHOWN])
            raise v.ValueProblem(
                f"{len(matches)} personnes du CQCM portent le nom « {shown} » : {listed} ; "
                "écrivez plutôt l'un de ces libellés"
            )
        if " " in shown:
            raise v.ValueProblem(
                f"aucune personne du CQCM de l'annuaire de ce profil ne s'appelle « {shown} » ; "
                "vérifiez l'orthographe, ou synchronisez pour mettre l'annuaire à jour"
            )
        return shown  # an account id this laptop has not seen named: kept as is
