"""How the visit editor looks: heading, banners, the fields on the left, follow-ups and files on
the right, the buttons at the bottom. ``VisitEditor`` (its behaviour) inherits this layout."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.store import Store
from coordinator_app.ui.forms.draft_keeper import add_form_banners
from coordinator_app.ui.forms.entity_form import add_button_row
from coordinator_app.ui.forms.owner_delegate import OwnerDelegate, owner_choices
from coordinator_app.ui.forms.panel import ERROR_STYLE, FieldsPanel
from coordinator_app.ui.forms.visit_widgets import ACTION_COLUMNS, ActionItemsTable, AttachmentsList

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


class VisitEditorLayout(QWidget):
    """The widgets of the visit editor; the slots they connect (``save``, ``cancel``,
    ``add_action``, ``attach_files``, ``_remove_file``) are ``VisitEditor``'s and ``DraftedForm``'s."""

    store: Store
    project: dict[str, Any]
    visit: dict[str, Any] | None

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
        self.banner, self.discard_banner, self.summary = add_form_banners(self, layout)
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
