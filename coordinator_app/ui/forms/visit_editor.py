"""Quick entry of a field visit: when, where, who, what was seen and decided, follow-ups, photos.

The editor shows and collects; « Enregistrer » hands what is typed (a ``VisitDraft``) to
``operations.visits.save_visit`` through ``ui.operations.run_operation``: the visit, its action
items, its attachments and removals are validated by the domain and written in ONE store
transaction, and the ids of the new records are set on the rows only after it committed. Files are
copied into the profile by content hash as soon as they are chosen (off the GUI thread), so the
draft of an unsaved visit can refer to them even if the camera card is gone when it is resumed.
The two tables are in ``visit_widgets``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QWidget,
)

from coordinator_app.domain import agenda
from coordinator_app.domain.entities import VISIT_DONE, VISIT_PLANNED
from coordinator_app.domain.errors import FieldProblem, UserError
from coordinator_app.operations.visits import (
    FollowUp,
    SavedVisit,
    VisitDraft,
    VisitRefused,
    save_visit,
)
from coordinator_app.store import Store, attachments
from coordinator_app.ui.forms.draft_keeper import (
    DraftedForm,
    DraftedFormDialog,
    DraftKeeper,
)
from coordinator_app.ui.forms.entity_form import report_unexpected
from coordinator_app.ui.forms.visit_layout import VisitEditorLayout
from coordinator_app.ui.forms.visit_widgets import (
    ACTION_COLUMNS,
    FileChooser,
    choose_files_dialog,
)
from coordinator_app.ui.operations import run_operation

if TYPE_CHECKING:
    from coordinator_app.ui.tasks import Task

__all__ = ["FileChooser", "VisitDialog", "VisitEditor", "choose_files_dialog"]


class VisitEditor(VisitEditorLayout, DraftedForm, QWidget):
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
        self._task: Task[Any] | None = None  # the copy of chosen files into the profile
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
        return self._task is not None and not self._task.done

    def _remove_file(self) -> None:
        self.files.remove_current()
        self.keeper.touch()

    def visit_draft(self) -> VisitDraft:
        """What is typed, for the operation: the form's unresolved names come with it."""
        return VisitDraft(
            project_id=self.project_id,
            visit_id=self.visit_id,
            values=self.panel.raw_values(),
            follow_ups=tuple(
                FollowUp(row["row"], {n: row[n] for n in ACTION_COLUMNS}, row["id"])
                for row in self.actions.rows()
            ),
            removed_follow_ups=tuple(self.actions.removed_ids),
            files=tuple(self.files.files()),
            removed_files=tuple(self.files.removed_ids),
            known_problems=tuple(self.panel.reference_problems()),
        )

    def save(self) -> dict[str, Any] | None:
        """Write the visit, its follow-ups and attachments in one transaction (the operation)."""
        if self.copying():
            self.summary.setText(
                self.tr("Copie des pièces jointes en cours : enregistrez dans un instant.")
            )
            self.summary.setVisible(True)
            return None
        draft = self.visit_draft()
        saved = run_operation(
            self,
            self.store,
            lambda store: save_visit(store, draft),
            on_success=self._saved,
            on_error=self._refused,
        )
        return saved.record if saved is not None else None

    def _saved(self, saved: SavedVisit) -> None:
        """After the commit, and only then, the rows learn the ids of their new records."""
        for row, record_id in saved.follow_up_ids.items():
            self.actions.set_row_id(row, record_id)
        for position, record_id in saved.file_ids.items():
            self.files.set_file_id(position, record_id)
        self.actions.removed_ids.clear()
        self.files.removed_ids.clear()
        self.keeper.discard()
        self.visit_id, self.visit = saved.record["id"], saved.record
        self.keeper.retarget(saved.record["id"])
        self.summary.setVisible(False)
        self.saved.emit(saved.record)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, VisitRefused):
            self.show_problems(error.found.visit, error.found.rows)
        elif isinstance(error, UserError):
            report_unexpected(self, error)
        else:
            raise error

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
