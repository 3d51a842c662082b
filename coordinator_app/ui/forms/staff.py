"""« Visite faite par »: the CQCM staff who made a visit, checked in the staff directory.

The list holds the staff sharing a region with the profile's person (from the server), the
person first; an account stored on a visit but missing from the directory is still listed (by
the name the journal knows, else its id), so editing never drops it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from coordinator_app.domain.schema import FieldSpec
from coordinator_app.store import Store, people
from coordinator_app.ui.forms.fields import RefsEditor


class StaffEditor(RefsEditor):
    """Checkable staff accounts; ``raw()`` is the list of account ids."""

    def __init__(self, spec: FieldSpec, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(spec, store, parent)
        self.list.setAccessibleDescription(
            self.tr("Les personnes du CQCM qui ont fait la visite (vous par défaut)")
        )

    def choices(self) -> list[tuple[str, str]]:
        own = self.store.author_id
        staff = [p for p in people.staff(self.store) if p.account]
        staff.sort(key=lambda p: (p.account != own, p.name.casefold()))
        return [(self._title(p.name, p.title, p.account == own), p.account) for p in staff]

    def _title(self, name: str, title: str, mine: bool) -> str:
        """« Marie Tremblay (Conseillère jeunesse) — vous »: the title when the server has one."""
        text = f"{name} ({title})" if title else name
        return self.tr("{0} — vous").format(text) if mine else text

    def set_raw(self, raw: object) -> None:
        accounts = [str(a) for a in raw or []] if isinstance(raw, list) else []
        role = Qt.ItemDataRole.UserRole
        known = {self.list.item(row).data(role) for row in range(self.list.count())}
        for account, name in zip(accounts, people.names(self.store, accounts), strict=True):
            if account not in known:
                self._add(name, account)
        super().set_raw(accounts)
