"""The « Modifications reçues refusées » part of the Conflits screen.

A change pulled from the server that this laptop could not apply (a number too large to store,
a value the rules refuse, a field or a kind this version does not know) was kept aside by the sync
(``store.refused_incoming``) so the rest of the sync could go on. It stays listed here — record,
field, value, why, who and when — until the coordinator has seen it and removes it from the list;
removing it changes nothing on the server or in the records.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.operations import conflicts
from coordinator_app.store import Store, refused_incoming
from coordinator_app.ui.operations import run_operation

ROLE_ID = 256  # Qt.UserRole: the change id of the row


def _tr(text: str) -> str:
    return QCoreApplication.translate("RefusedIncoming", text)


def describe(store: Store, row: dict[str, Any]) -> tuple[str, str]:
    """(the list line, its tooltip) of one refused incoming change, in French."""
    from coordinator_app.sync import resolution  # the sync client loads on first use only

    line = " — ".join(
        [
            _tr("Modification reçue refusée"),
            resolution.incoming_title(store, row),
            " ; ".join(resolution.incoming_problems(row)),
        ]
    )
    origin = _tr("de {author}, le {at}").format(
        author=row.get("author") or "?", at=resolution.local_time(row.get("at"))
    )
    tip = _tr(
        "Cette modification vient du serveur, mais cet ordinateur ne peut pas l'enregistrer. "
        "Le reste de la synchronisation a été appliqué. Signalez-la à la personne qui administre "
        "le serveur, puis retirez-la de la liste."
    )
    return f"{line} ({origin})", tip


class RefusedIncomingBox(QWidget):
    """The list of refused incoming changes and « Retirer de la liste »."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.heading = QLabel(_tr("<b>Modifications reçues refusées</b>"))
        self.help = QLabel(
            _tr(
                "Reçues du serveur mais impossibles à enregistrer sur cet ordinateur ; le reste "
                "a été synchronisé."
            )
        )
        self.help.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("refused-incoming-list")
        self.list.setAccessibleName(_tr("Modifications reçues refusées"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.dismiss_button = QPushButton(_tr("Retirer de la liste"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.help)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for row in refused_incoming.listing(self.store):
            line, tip = describe(self.store, row)
            item = QListWidgetItem(line)
            item.setToolTip(tip)
            item.setData(ROLE_ID, row["change_id"])
            self.list.addItem(item)
        self.setVisible(self.list.count() > 0)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        self.dismiss_button.setEnabled(self.list.currentItem() is not None)

    def dismiss_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        dismiss = partial(conflicts.dismiss_refused_incoming, change_id=item.data(ROLE_ID))
        if run_operation(self, self.store, dismiss) is not None:
            self.reload()
            self.changed.emit()
