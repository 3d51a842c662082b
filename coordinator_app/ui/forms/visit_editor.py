"""Quick entry of a field visit: when, where, who, what was seen and decided, follow-ups, photos.

Everything of one visit (the visit, its action items, its attachments, removals) is written in ONE
store transaction: a crash or a refused value leaves either the whole visit or nothing. Files are
copied into the profile by content hash as soon as they are chosen (off the GUI thread), so the
draft of an unsaved visit can refer to them even if the camera card is gone when it is resumed.
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QIcon,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain import agenda
from coordinator_app.domain.entities import ENTITIES, VISIT_DONE, VISIT_PLANNED
from coordinator_app.domain.errors import FieldProblem, UserError, ValidationFailed
from coordinator_app.domain.validation import clean_record
from coordinator_app.store import Store, attachments, people
from coordinator_app.ui.forms.draft_keeper import (
    DiscardBanner,
    DraftBanner,
    DraftedForm,
    DraftedFormDialog,
    DraftKeeper,
)
from coordinator_app.ui.forms.entity_form import add_button_row, report_unexpected
from coordinator_app.ui.forms.fields import tr_domain
from coordinator_app.ui.forms.owner_delegate import OwnerDelegate, owner_choices
from coordinator_app.ui.forms.panel import ERROR_STYLE, FieldsPanel

VISIT_FIELDS = (
    "visited_at",
    "status",
    "mode",
    "place",
    "purpose",
    "made_by",
    "coordinator_id",
    "people_present",
    "observations",
    "decisions",
)
ACTION_COLUMNS = ("text", "owner", "due_date", "done")
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


class VisitEditor(DraftedForm, QWidget):
    """Record or edit one visit of a project; ``saved`` carries the visit record."""

    saved = Signal(dict)
    cancelled = Signal()
    files_added = Signal(int)

    def __init__(
        self,
        store: Store,
        project_id: str | None = None,
        visit_id: str | None = None,
        *,
        parent: QWidget | None = None,
        choose_files: FileChooser = choose_files_dialog,
    ) -> None:
        super().__init__(parent)
        if project_id is None and visit_id is None:
            raise ValueError("a visit needs its project or its id")
        self.store = store
        self.choose_files = choose_files
        self.visit = store.require("visit", visit_id) if visit_id else None
        self.visit_id = visit_id
        self.project_id = self.visit["project_id"] if self.visit else project_id
        self.project = store.require("project", self.project_id)
        self.setObjectName("visitEditor")
        self.setAccessibleName(self.window_title())
        self._build()
        self.keeper = DraftKeeper(
            store,
            "visit",
            visit_id,
            self.draft_values,
            scope="" if visit_id else self.project_id,
            parent=self,
        )
        self.keeper.enabled = False
        self._load()
        self.keeper.enabled = True
        for signal in (self.panel.changed, self.actions.changed, self.actions.model().rowsRemoved):
            signal.connect(self.keeper.touch)
        self.banner.accepted.connect(self._resume_draft)
        self.banner.declined.connect(self.keeper.discard)
        self._draft = None
        self._initial = self.draft_values()
        self.discard_banner.accepted.connect(self.cancel)
        self.offer_draft()

    # -- layout -------------------------------------------------------------------------------
    def window_title(self) -> str:
        name = self.project["name"]
        if self.visit:
            return self.tr("Visite du {0} — {1}").format(
                self.visit["visited_at"].replace("T", " "), name
            )
        return self.tr("Nouvelle visite — {0}").format(name)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.window_title(), self)
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.banner = DraftBanner(self)
        layout.addWidget(self.banner)
        self.discard_banner = DiscardBanner(self)
        layout.addWidget(self.discard_banner)
        self.summary = QLabel(self)
        self.summary.setObjectName("problemSummary")
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        layout.addWidget(self.summary)
        self.planned_note = QLabel(self)
        self.planned_note.setObjectName("plannedNote")
        self.planned_note.setWordWrap(True)
        self.planned_note.setStyleSheet(
            "background: #e8f1fb; border: 1px solid #9cbfe6; padding: 6px; color: #0b3d6e;"
        )
        self.planned_note.setVisible(False)
        layout.addWidget(self.planned_note)

        spec = ENTITIES["visit"]
        self.panel = FieldsPanel(self.store, [spec.field(n) for n in VISIT_FIELDS], self)
        for name, lines in (("observations", 9), ("decisions", 5), ("people_present", 3)):
            edit = self.panel.editor(name).focus_widget()
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        left = QScrollArea(self)
        left.setWidgetResizable(True)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        left.setWidget(self.panel)
        self.scroll = left

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._actions_box(right), 3)
        right_layout.addWidget(self._files_box(right), 2)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.save_button = QPushButton(self.tr("Enregistrer la visite (Ctrl+S)"), self)
        self.save_button.setAccessibleName(self.tr("Enregistrer la visite"))
        self.cancel_button = QPushButton(self.tr("Annuler (Échap)"), self)
        self.cancel_button.setAccessibleName(self.tr("Annuler"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.button_row = add_button_row(self, self.save_button, self.cancel_button)
        layout.addLayout(self.button_row)

    def add_button(self, text: str, slot: Any) -> QPushButton:
        """A button another feature adds first in the bottom row (the reports' « Imprimer… »)."""
        button = QPushButton(text, self)
        button.setAccessibleName(text.rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        self.button_row.insertWidget(0, button)
        return button

    def _shortcut_button(
        self, text: str, accessible: str, sequence: str, parent: QWidget
    ) -> QPushButton:
        button = QPushButton(text, parent)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        shortcut = QShortcut(QKeySequence(sequence), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(button.click)
        return button

    def _actions_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Suivis (actions à faire)"), parent)
        layout = QVBoxLayout(box)
        self.actions = ActionItemsTable(box)
        self.actions.setItemDelegateForColumn(  # « Responsable »: pick from a list, or type
            ACTION_COLUMNS.index("owner"),
            OwnerDelegate(lambda: owner_choices(self.store, self.project), self.actions),
        )
        self.action_errors = QLabel(box)
        self.action_errors.setStyleSheet(ERROR_STYLE)
        self.action_errors.setWordWrap(True)
        self.action_errors.setVisible(False)
        buttons = QHBoxLayout()
        self.add_action_button = self._shortcut_button(
            self.tr("Ajouter un suivi (Ctrl+Maj+A)"),
            self.tr("Ajouter un suivi"),
            "Ctrl+Shift+A",
            box,
        )
        self.add_action_button.clicked.connect(self.add_action)
        self.remove_action_button = self._shortcut_button(
            self.tr("Retirer le suivi (Ctrl+Suppr)"), self.tr("Retirer le suivi"), "Ctrl+Del", box
        )
        self.remove_action_button.clicked.connect(self.actions.remove_current)
        buttons.addWidget(self.add_action_button)
        buttons.addWidget(self.remove_action_button)
        buttons.addStretch(1)
        layout.addWidget(self.actions, 1)
        layout.addWidget(self.action_errors)
        layout.addLayout(buttons)
        return box

    def _files_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Photos et pièces jointes"), parent)
        layout = QVBoxLayout(box)
        self.files = AttachmentsList(self.store, box)
        buttons = QHBoxLayout()
        self.attach_button = self._shortcut_button(
            self.tr("Joindre des fichiers… (Ctrl+J)"),
            self.tr("Joindre des fichiers"),
            "Ctrl+J",
            box,
        )
        self.attach_button.clicked.connect(self.attach_files)
        self.remove_file_button = QPushButton(self.tr("Retirer la pièce jointe (Suppr)"), box)
        self.remove_file_button.setAccessibleName(self.tr("Retirer la pièce jointe"))
        self.remove_file_button.setAutoDefault(False)
        remove_file = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.files)
        remove_file.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_file.activated.connect(self.remove_file_button.click)
        self.remove_file_button.clicked.connect(self._remove_file)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_file_button)
        buttons.addStretch(1)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        return box

    # -- values -------------------------------------------------------------------------------
    def _load(self) -> None:
        if self.visit:
            self.panel.set_values(self.visit)
            for item in self.store.find("action_item", equals={"visit_id": self.visit_id}):
                self.actions.add_row(item, item["id"])
            for record in attachments.attachments_of(self.store, visit_id=self.visit_id):
                self.files.add_file(record)
            self._open_planned()
        else:
            self.panel.editor("status").set_raw(VISIT_DONE)
            self.panel.editor("mode").set_raw("sur_place")
            self.panel.editor("place").set_raw(self.project.get("municipality"))
            # made by the signed-in person; the project's own coordinator is not assumed
            if self.store.author_id:
                self.panel.editor("made_by").set_raw([self.store.author_id])

    def _open_planned(self) -> None:
        """A planned visit opened on its day (or later) becomes the visit record: « faite » is
        chosen, so saving with the observations records it (the same record). Before its day it
        stays a plan that can be edited."""
        assert self.visit is not None
        if self.visit.get("status") != VISIT_PLANNED:
            return
        day = dt.date.fromisoformat(self.visit["visited_at"][:10])
        if day <= self.store.today():
            self.panel.editor("status").set_raw(VISIT_DONE)
            self.planned_note.setText(
                self.tr(
                    "Visite planifiée : notez ce qui a été vu et décidé, puis enregistrez ; "
                    "elle sera enregistrée comme faite."
                )
            )
        else:
            self.planned_note.setText(
                self.tr("Visite planifiée pour le {0}.").format(
                    agenda.when_text(dt.datetime.fromisoformat(self.visit["visited_at"]))
                )
            )
        self.planned_note.setVisible(True)

    def draft_values(self) -> dict[str, Any]:
        return {
            "visit": self.panel.raw_values(visible_only=False),
            "actions": [
                {**self.actions.row_values(r), "id": self.actions.row_id(r)}
                for r in range(self.actions.rowCount())
            ],
            "removed_actions": list(self.actions.removed_ids),
            "files": self.files.files(),
            "removed_files": list(self.files.removed_ids),
        }

    def offer_draft(self) -> None:
        draft = self.keeper.existing()
        if draft is not None and draft.values != self.draft_values():
            self._draft = draft
            self.banner.offer(draft)

    def _resume_draft(self) -> None:
        if self._draft is None:
            return
        values = self._draft.values
        self.keeper.enabled = False
        self.panel.set_raw_values(values.get("visit", {}))
        self.actions.setRowCount(0)
        for row in values.get("actions", []):
            self.actions.add_row(row, row.get("id"))
        self.actions.removed_ids = list(values.get("removed_actions", []))
        self.files.clear()
        for info in values.get("files", []):
            if attachments.file_path(self.store.data_dir, info["sha256"]).exists():
                self.files.add_file(info)
        self.files.removed_ids = list(values.get("removed_files", []))
        self.keeper.enabled = True
        self._draft = None

    # -- actions ------------------------------------------------------------------------------
    def add_action(self) -> None:
        row = self.actions.add_row()
        self.actions.setCurrentCell(row, 0)
        self.actions.setFocus()
        self.actions.editItem(self.actions.item(row, 0))

    def attach_files(self) -> None:
        """Ask for files, then copy them into the profile off the GUI thread."""
        paths = self.choose_files(self)
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Copy the files into the profile off the GUI thread; a bad file does not stop the rest."""
        from coordinator_app.ui.tasks import run_in_background

        store = self.store
        size = self.files.thumbnail_size()
        Copied = tuple[list[attachments.StoredFile], list[str]]

        def work(reporter: Any) -> Copied:
            stored, failures = [], []
            for done_count, path in enumerate(paths):
                reporter.report(done_count, len(paths), Path(path).name)
                try:
                    item = attachments.import_file(store, path)
                except UserError as error:
                    failures.append(str(error))
                    continue
                if attachments.is_image(item.media_type):
                    attachments.thumbnail(store, item.sha256, size)  # made here, not on the GUI
                stored.append(item)
            return stored, failures

        def done(result: Copied) -> None:
            stored, failures = result
            present = {info["sha256"] for info in self.files.files()}
            for item in stored:
                if item.sha256 not in present:
                    self.files.add_file(item.record_values(self.project_id, self.visit_id))
                    present.add(item.sha256)
            self.keeper.touch()
            if failures:
                report_unexpected(self, UserError("\n".join(failures)))
            self.files_added.emit(len(stored))

        self._task = run_in_background(
            self, work, on_success=done, label=self.tr("Copie des pièces jointes…")
        )

    def copying(self) -> bool:
        """Files are still being copied into the profile (saving now would leave them out)."""
        task = getattr(self, "_task", None)
        return task is not None and not task.done

    def _remove_file(self) -> None:
        self.files.remove_current()
        self.keeper.touch()

    def problems(self, visit_id: str) -> tuple[list[FieldProblem], list[tuple[int, FieldProblem]]]:
        """Every problem of the visit and of each follow-up row, before anything is written."""
        today = self.store.today()
        visit_problems = self.panel.reference_problems()
        try:
            clean_record(
                "visit", {**self.panel.raw_values(), "project_id": self.project_id}, today=today
            )
        except ValidationFailed as failed:
            named = {p.field for p in visit_problems}
            visit_problems += [p for p in failed.problems if p.field not in named]
        row_problems: list[tuple[int, FieldProblem]] = []
        for row in self.actions.rows():
            values = {**row, "project_id": self.project_id, "visit_id": visit_id}
            try:
                clean_record("action_item", values, today=today)
            except ValidationFailed as failed:
                row_problems += [(row["row"], p) for p in failed.problems]
        return visit_problems, row_problems

    def save(self) -> dict[str, Any] | None:
        """Write the visit, its follow-ups and attachments in one transaction."""
        if self.copying():
            self.summary.setText(
                self.tr("Copie des pièces jointes en cours : enregistrez dans un instant.")
            )
            self.summary.setVisible(True)
            return None
        visit_id = self.visit_id or str(uuid.uuid4())
        visit_problems, row_problems = self.problems(visit_id)
        if visit_problems or row_problems:
            self.show_problems(visit_problems, row_problems)
            return None
        try:
            record = self._write(visit_id)
        except ValidationFailed as failed:
            self.show_problems(failed.problems, [])
            return None
        except UserError as error:
            report_unexpected(self, error)
            return None
        self.keeper.discard()
        self.visit_id, self.visit = record["id"], record
        self.keeper.retarget(record["id"])
        self.summary.setVisible(False)
        self.saved.emit(record)
        return record

    def _write(self, visit_id: str) -> dict[str, Any]:
        values = {**self.panel.raw_values(), "project_id": self.project_id}
        with self.store.transaction():
            if self.visit_id:
                record = self.store.update("visit", visit_id, values)
            else:
                record = self.store.create("visit", values, record_id=visit_id)
            for row in self.actions.rows():
                item = {n: row[n] for n in ACTION_COLUMNS}
                # « Responsable »: a staff member's name gives their account (« Mes suivis »)
                item.update(people.owner_values(self.store, self.project, row["owner"]))
                item.update(project_id=self.project_id, visit_id=visit_id)
                if row["id"]:
                    self.store.update("action_item", row["id"], item)
                else:
                    created = self.store.create("action_item", item)
                    self.actions.item(row["row"], 0).setData(
                        Qt.ItemDataRole.UserRole, created["id"]
                    )
            for removed in self.actions.removed_ids:
                self.store.delete("action_item", removed)
            for row in range(self.files.count()):
                info = self.files.item(row).data(Qt.ItemDataRole.UserRole)
                if not info.get("id"):
                    fields = {k: info[k] for k in ("sha256", "filename", "media_type", "size")}
                    created = self.store.create(
                        "attachment",
                        {**fields, "project_id": self.project_id, "visit_id": visit_id},
                    )
                    self.files.item(row).setData(
                        Qt.ItemDataRole.UserRole, {**info, "id": created["id"]}
                    )
            for removed in self.files.removed_ids:
                self.store.delete("attachment", removed)
        self.actions.removed_ids.clear()
        self.files.removed_ids.clear()
        return record

    def show_problems(
        self, visit_problems: list[FieldProblem], row_problems: list[tuple[int, FieldProblem]]
    ) -> None:
        elsewhere = self.panel.show_problems(visit_problems)
        self.actions.clear_marks()
        lines = []
        for row, problem in row_problems:
            column = ACTION_COLUMNS.index(problem.field) if problem.field in ACTION_COLUMNS else 0
            self.actions.mark(row, column, problem.message)
            lines.append(
                self.tr("Suivi {0} — {1} : {2}").format(row + 1, problem.label, problem.message)
            )
        self.action_errors.setText("\n".join(lines))
        self.action_errors.setVisible(bool(lines))
        self.actions.setAccessibleDescription("\n".join(lines))
        count = len(visit_problems) + len(row_problems)
        # The follow-up cells in error are yellow (``mark``), not red.
        text = self.tr("Rien n'a été enregistré : %n problème(s) à corriger (en jaune).", "", count)
        if elsewhere:
            text += "\n" + "\n".join(str(p) for p in elsewhere)
        self.summary.setText(text)
        self.summary.setVisible(True)
        if not visit_problems and row_problems:
            row, problem = row_problems[0]
            column = ACTION_COLUMNS.index(problem.field) if problem.field in ACTION_COLUMNS else 0
            self.actions.setCurrentCell(row, column)
            self.actions.setFocus(Qt.FocusReason.OtherFocusReason)


class VisitDialog(DraftedFormDialog):
    """A ``VisitEditor`` in its own window, sized for a 1366×768 screen."""

    def __init__(
        self,
        store: Store,
        project_id: str | None = None,
        visit_id: str | None = None,
        *,
        parent: QWidget | None = None,
        choose_files: FileChooser = choose_files_dialog,
    ) -> None:
        super().__init__(parent)
        self.editor = VisitEditor(
            store, project_id, visit_id, parent=self, choose_files=choose_files
        )
        self._hold(self.editor, 1180, 680)
