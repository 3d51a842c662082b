"""The visit editor's two tables: its follow-ups and its photos and files.

They hold what is typed and shown; the record ids on their rows are set only after a save has
committed (``VisitEditor`` gets them from ``operations.visits.save_visit``), never while the
transaction may still roll back.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import UserError
from coordinator_app.operations.visits import FOLLOW_UP_FIELDS
from coordinator_app.store import Store, attachments
from coordinator_app.ui.forms.entity_form import report_unexpected
from coordinator_app.ui.forms.fields import tr_domain

ACTION_COLUMNS = FOLLOW_UP_FIELDS
ICON_SIZE = 96
FileChooser = Callable[[QWidget], list[str]]


def choose_files_dialog(parent: QWidget) -> list[str]:
    """The system's file dialog (tests replace it with a function returning paths)."""
    files, _filter = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("VisitEditor", "Joindre des photos ou des fichiers"),
        "",
        QCoreApplication.translate(
            "VisitEditor",
            "Photos et documents (*.jpg *.jpeg *.png *.heic *.pdf *.docx *.xlsx *.txt);;"
            "Tous les fichiers (*)",
        ),
    )
    return files


class ActionItemsTable(QTableWidget):
    """The visit's follow-ups: action, owner, due date (AAAA-MM-JJ), done."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(ACTION_COLUMNS), parent)
        spec = ENTITIES["action_item"]
        self.setHorizontalHeaderLabels(
            [
                tr_domain(spec.field(name).label) + (" *" if spec.field(name).required else "")
                for name in ACTION_COLUMNS
            ]
        )
        self.setAccessibleName(self.tr("Suivis de la visite"))
        self.horizontalHeaderItem(ACTION_COLUMNS.index("owner")).setToolTip(
            self.tr(
                "Le nom d'une personne du CQCM (le suivi devient le sien, dans « Mes suivis »), "
                "d'une personne du projet ou d'un partenaire"
            )
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setMinimumHeight(140)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.removed_ids: list[str] = []
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def add_row(self, values: dict[str, Any] | None = None, record_id: str | None = None) -> int:
        values = values or {}
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        for column, name in enumerate(ACTION_COLUMNS[:3]):
            item = QTableWidgetItem("" if values.get(name) is None else str(values.get(name)))
            if name == "due_date":
                item.setToolTip(self.tr("AAAA-MM-JJ, par exemple 2026-12-15"))
            self.setItem(row, column, item)
        done = QTableWidgetItem()
        done.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Fait"))
        done.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        done.setCheckState(Qt.CheckState.Checked if values.get("done") else Qt.CheckState.Unchecked)
        self.setItem(row, 3, done)
        self.item(row, 0).setData(Qt.ItemDataRole.UserRole, record_id)
        self.blockSignals(False)
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.currentRow()
        if row < 0:
            return
        record_id = self.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if record_id:
            self.removed_ids.append(record_id)
        self.removeRow(row)
        self.changed.emit()

    def row_values(self, row: int) -> dict[str, Any]:
        return {
            "text": self.item(row, 0).text(),
            "owner": self.item(row, 1).text(),
            "due_date": self.item(row, 2).text(),
            "done": self.item(row, 3).checkState() == Qt.CheckState.Checked,
        }

    def row_id(self, row: int) -> str | None:
        return self.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def set_row_id(self, row: int, record_id: str) -> None:
        """The id of the follow-up stored for ``row`` (after its save committed)."""
        self.item(row, 0).setData(Qt.ItemDataRole.UserRole, record_id)

    def rows(self) -> list[dict[str, Any]]:
        """Rows with something typed (a blank row is ignored, not an error)."""
        result = []
        for row in range(self.rowCount()):
            values = self.row_values(row)
            if any(str(values[n]).strip() for n in ("text", "owner", "due_date")):
                result.append({**values, "id": self.row_id(row), "row": row})
        return result

    def mark(self, row: int, column: int, message: str) -> None:
        item = self.item(row, column)
        item.setBackground(Qt.GlobalColor.yellow)
        item.setToolTip(message)

    def clear_marks(self) -> None:
        for row in range(self.rowCount()):
            for column in range(3):
                item = self.item(row, column)
                item.setBackground(Qt.GlobalColor.transparent)


class AttachmentsList(QListWidget):
    """Photos and files of the visit, as thumbnails (images) or file icons."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setGridSize(QSize(ICON_SIZE + 40, ICON_SIZE + 40))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setMovement(QListWidget.Movement.Static)
        self.setMinimumHeight(ICON_SIZE + 50)
        self.setAccessibleName(self.tr("Pièces jointes de la visite"))
        self.removed_ids: list[str] = []
        self.itemActivated.connect(self.open_item)

    def add_file(self, info: dict[str, Any]) -> QListWidgetItem:
        """Show one stored file; ``info`` has sha256, filename, media_type, size and maybe id."""
        item = QListWidgetItem(info["filename"], self)
        item.setData(Qt.ItemDataRole.UserRole, dict(info))
        item.setToolTip(f"{info['filename']} — {info['size']:,} octets".replace(",", "\u00a0"))
        icon = self._icon(info)
        item.setIcon(icon)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, info["filename"])
        return item

    def thumbnail_size(self) -> int:
        """Thumbnails are made at the screen's pixel density, so they stay sharp on HiDPI."""
        return math.ceil(ICON_SIZE * max(1.0, self.devicePixelRatioF()))

    def _icon(self, info: dict[str, Any]) -> QIcon:
        if attachments.is_image(info.get("media_type")):
            size = self.thumbnail_size()
            png = attachments.thumbnail(self.store, info["sha256"], size)
            pixmap = QPixmap()
            if png is not None and pixmap.loadFromData(png):
                pixmap.setDevicePixelRatio(size / ICON_SIZE)
                return QIcon(pixmap)
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def files(self) -> list[dict[str, Any]]:
        return [self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count())]

    def set_file_id(self, position: int, record_id: str) -> None:
        """The id of the attachment stored for the file at ``position`` (after the commit)."""
        item = self.item(position)
        item.setData(
            Qt.ItemDataRole.UserRole, {**item.data(Qt.ItemDataRole.UserRole), "id": record_id}
        )

    def remove_current(self) -> None:
        item = self.currentItem()
        if item is None:
            return
        info = item.data(Qt.ItemDataRole.UserRole)
        if info.get("id"):
            self.removed_ids.append(info["id"])
        self.takeItem(self.row(item))

    def open_item(self, item: QListWidgetItem) -> None:
        """Open a copy with the system's viewer (decrypted into a private temporary folder)."""
        info = item.data(Qt.ItemDataRole.UserRole)
        try:
            data = attachments.read_file(self.store, info["sha256"])
        except UserError as error:
            report_unexpected(self, error)
            return
        folder = Path(tempfile.mkdtemp(prefix="carnet-"))
        target = folder / Path(info["filename"]).name
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
