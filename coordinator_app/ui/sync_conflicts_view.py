"""The Conflits screen: open conflicts side by side, resolved by choosing a value per field."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.operations import Changes, conflicts
from coordinator_app.store import Store, sync_state
from coordinator_app.ui.operations import run_operation
from coordinator_app.ui.refused_incoming_view import RefusedIncomingBox
from coordinator_app.ui.sync_messages import (
    _local_time,
    _resolution,
    _show,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncActions", text)


# -- the Conflits screen ---------------------------------------------------------------------
class ConflictsWidget(QWidget):
    """Each open conflict with both values side by side; refused changes below, then the
    changes received from the server that this laptop refused (``RefusedIncomingBox``)."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.list = QListWidget()
        self.list.setObjectName("conflicts-list")
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.mine_box, self.mine_value, self.mine_who = self._side_box()
        self.other_box, self.other_value, self.other_who = self._side_box()
        self.keep_mine = QPushButton()
        self.keep_other = QPushButton()
        self.edit = QPushButton()
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_other.clicked.connect(lambda: self._resolve("other"))
        self.edit.clicked.connect(self._edit)
        self.refused_list = QListWidget()
        self.refused_list.setObjectName("refused-list")
        self.retry = QPushButton()
        self.abandon = QPushButton()
        self.retry.clicked.connect(self._retry)
        self.abandon.clicked.connect(self._abandon)
        self.empty = QLabel()
        self.conflicts_title = QLabel()
        self.refused_title = QLabel()
        self.incoming = RefusedIncomingBox(store)
        self.incoming.changed.connect(self.changed)
        self._build()
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """Texts in the window's language (again on each language switch)."""
        self.keep_mine.setText(_tr("Garder la mienne"))
        self.keep_other.setText(_tr("Garder l'autre"))
        self.edit.setText(_tr("Modifier…"))
        self.retry.setText(_tr("Renvoyer"))
        self.abandon.setText(_tr("Abandonner"))
        self.empty.setText(_tr("Aucun conflit à résoudre."))
        self.conflicts_title.setText(_tr("<b>Conflits</b>"))
        self.refused_title.setText(_tr("<b>Modifications refusées par le serveur</b>"))
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _side_box(self) -> tuple[QGroupBox, QLabel, QLabel]:
        box = QGroupBox()
        value, who = QLabel(), QLabel()
        value.setWordWrap(True)
        value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(box)
        layout.addWidget(value, 1)
        layout.addWidget(who)
        return box, value, who

    def _build(self) -> None:
        sides = QGridLayout()
        sides.addWidget(self.mine_box, 0, 0)
        sides.addWidget(self.other_box, 0, 1)
        buttons = QHBoxLayout()
        for button in (self.keep_mine, self.keep_other, self.edit):
            buttons.addWidget(button)
        detail = QVBoxLayout()
        detail.addWidget(self.title)
        detail.addLayout(sides, 1)
        detail.addLayout(buttons)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(detail, 2)
        refused_buttons = QHBoxLayout()
        refused_buttons.addWidget(self.retry)
        refused_buttons.addWidget(self.abandon)
        refused_buttons.addStretch(1)
        # Empty state: only « Aucun conflit à résoudre. »; the panes and their buttons show when
        # there is something to decide (``reload``).
        self.conflicts_area = QWidget()
        self.conflicts_area.setLayout(top)
        top.setContentsMargins(0, 0, 0, 0)
        self.refused_area = QWidget()
        refused = QVBoxLayout(self.refused_area)
        refused.setContentsMargins(0, 0, 0, 0)
        refused.addWidget(self.refused_title)
        refused.addWidget(self.refused_list, 1)
        refused.addLayout(refused_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.empty)
        layout.addWidget(self.conflicts_area, 3)
        layout.addWidget(self.refused_area, 1)
        layout.addWidget(self.incoming, 1)
        layout.addStretch(0)
        self.refused_list.currentItemChanged.connect(lambda *_: self._update_refused_buttons())

    def reload(self) -> None:
        self.list.clear()
        for conflict in sync_state.conflicts(self.store):
            text = f"{_resolution().target_title(self.store, conflict)} — {_resolution().field_label(conflict)}"
            item = QListWidgetItem(text)
            item.setData(256, conflict["id"])
            self.list.addItem(item)
        self.refused_list.clear()
        for refused in sync_state.refused(self.store):
            item = QListWidgetItem(_resolution().refused_title(self.store, refused))
            item.setData(256, refused["change_id"])
            self.refused_list.addItem(item)
        self.incoming.reload()
        has = self.list.count() > 0
        self.empty.setVisible(not has)
        self.conflicts_area.setVisible(has)
        self.refused_area.setVisible(self.refused_list.count() > 0)
        if has:
            self.list.setCurrentRow(0)
        self._show_current()
        self._update_refused_buttons()

    def _update_refused_buttons(self) -> None:
        chosen = self.refused_list.currentItem() is not None
        self.retry.setEnabled(chosen)
        self.abandon.setEnabled(chosen)

    def current_conflict(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        return sync_state.get_conflict(self.store, item.data(256)) if item else None

    def _show_current(self) -> None:
        conflict = self.current_conflict()
        for widget in (self.keep_mine, self.keep_other, self.edit):
            widget.setEnabled(conflict is not None)
        if conflict is None:
            self.title.setText("")
            for label in (self.mine_value, self.mine_who, self.other_value, self.other_who):
                label.setText("")
            return
        side = _resolution().my_side(self.store, conflict) or "kept"
        theirs = "other" if side == "kept" else "kept"
        self.title.setText(
            f"<b>{_resolution().target_title(self.store, conflict)}</b> — "
            f"{_resolution().field_label(conflict)}"
        )
        mine_title = (
            _tr("La mienne")
            if _resolution().my_side(self.store, conflict)
            else _tr("Valeur retenue")
        )
        self.mine_box.setTitle(mine_title)
        self.other_box.setTitle(_tr("L'autre"))
        for value_label, who_label, prefix in (
            (self.mine_value, self.mine_who, side),
            (self.other_value, self.other_who, theirs),
        ):
            value_label.setText(_show(conflict[f"{prefix}_value"]))
            who_label.setText(
                _tr("par {author}, le {at}").format(
                    author=conflict[f"{prefix}_author"] or "?",
                    at=_local_time(conflict[f"{prefix}_at"]),
                )
            )

    def _resolve(self, which: str, value: Any = None) -> None:
        """« Garder la mienne », « Garder l'autre » or « Modifier… »: an operation, after which
        the pages showing the record's kind refresh (``run_operation`` announces it)."""
        conflict = self.current_conflict()
        if conflict is None:
            return
        side = _resolution().my_side(self.store, conflict) or "kept"
        choice = side if which == "mine" else ("other" if side == "kept" else "kept")
        if which == "value":
            choice = "value"
        self._run(
            partial(
                conflicts.resolve_conflict, conflict_id=conflict["id"], choice=choice, value=value
            )
        )

    def _edit(self) -> None:
        conflict = self.current_conflict()
        if conflict is None or conflict["field"] == "deleted":
            return
        current = _show(conflict["kept_value"]) if conflict["kept_value"] is not None else ""
        text, ok = QInputDialog.getMultiLineText(
            self, _tr("Modifier la valeur"), _resolution().field_label(conflict), current
        )
        if ok:
            self._resolve("value", text)

    def _selected_refused(self) -> str | None:
        item = self.refused_list.currentItem()
        return item.data(256) if item else None

    def _retry(self) -> None:
        if change_id := self._selected_refused():
            self._run(partial(conflicts.retry_refused, change_id=change_id))

    def _abandon(self) -> None:
        if change_id := self._selected_refused():
            self._run(partial(conflicts.abandon_refused, change_id=change_id))

    def _run(self, operation: Callable[[Store], Changes]) -> None:
        """One of this screen's writes, through the window's one operation helper."""
        if run_operation(self, self.store, operation) is not None:
            self.reload()
            self.changed.emit()
