"""Keeping a form's unsaved input as a draft in the profile, and offering it back.

Half a second after the last keystroke the form's raw input is written to the profile's ``draft``
table (a few milliseconds with SQLite in WAL mode), so a crash, a killed process or a dead battery
loses at most that half second. Saving or deliberately cancelling forgets the draft; merely closing
the window keeps it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain import fr_ca
from coordinator_app.store import Store, drafts
from coordinator_app.store.drafts import Draft
from coordinator_app.ui.forms.panel import ERROR_STYLE

DEBOUNCE_MS = 500


class DraftKeeper(QObject):
    """Debounced writes of one form's draft; ``saved`` after each write (tests wait on it)."""

    saved = Signal()

    def __init__(
        self,
        store: Store,
        kind: str,
        record_id: str | None,
        collect: Callable[[], dict[str, Any]],
        *,
        scope: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.record_id = record_id
        self.scope = scope
        self.collect = collect
        self.enabled = True
        self._dirty = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.flush)

    def touch(self) -> None:
        """The input changed: write the draft once typing pauses."""
        if self.enabled:
            self._dirty = True
            self.timer.start()

    def flush(self) -> None:
        """Write the draft now if an edit is waiting (also called when the form closes)."""
        self.timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        drafts.save_draft(self.store, self.kind, self.record_id, self.collect(), scope=self.scope)
        self.saved.emit()

    def flush_on_close(self) -> None:
        """Flush as a form closes: a failure is logged, never raised out of a close or hide
        handler (the window may be closing after its profile, e.g. at shutdown)."""
        try:
            self.flush()
        except Exception as error:
            from coordinator_app.ui.errors import write_log

            write_log(error)

    def existing(self) -> Draft | None:
        return drafts.load_draft(self.store, self.kind, self.record_id, scope=self.scope)

    def discard(self) -> None:
        """Forget the draft (saved or cancelled on purpose) and stop any pending write."""
        self.timer.stop()
        self._dirty = False
        drafts.delete_draft(self.store, self.kind, self.record_id, scope=self.scope)

    def retarget(self, record_id: str | None) -> None:
        """After a first save the form edits that record: its drafts are keyed by its id."""
        self.record_id = record_id
        self.scope = "" if record_id else self.scope


class QuestionBanner(QFrame):
    """A yes/no question at the top of a form, answered without a modal dialog."""

    accepted = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionBanner")
        self.setStyleSheet(
            "#questionBanner { background: #fff4ce; border: 1px solid #c19c00; "
            "border-radius: 4px; }"
        )
        layout = QHBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.yes = QPushButton(self)
        self.no = QPushButton(self)
        for button in (self.yes, self.no):
            button.setAutoDefault(False)
        self.yes.clicked.connect(self._accept)
        self.no.clicked.connect(self._decline)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        self.setVisible(False)

    def ask(self, question: str) -> None:
        self.label.setText(question)
        self.setAccessibleDescription(question)
        self.setVisible(True)
        self.yes.setFocus(Qt.FocusReason.OtherFocusReason)

    def _accept(self) -> None:
        self.setVisible(False)
        self.accepted.emit()

    def _decline(self) -> None:
        self.setVisible(False)
        self.declined.emit()


class DraftBanner(QuestionBanner):
    """« Reprendre le brouillon ? » with Oui / Non."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Brouillon non enregistré"))
        self.yes.setText(self.tr("&Oui"))
        self.no.setText(self.tr("&Non"))
        self.yes.setAccessibleName(self.tr("Oui, reprendre le brouillon"))
        self.no.setAccessibleName(self.tr("Non, oublier le brouillon"))

    def offer(self, draft: Draft) -> None:
        when = draft.updated_at
        try:
            moment = dt.datetime.fromisoformat(when).astimezone()
            when = f"{fr_ca.long_date(moment.date())} à {fr_ca.time_text(moment)}"
        except ValueError:
            pass
        self.ask(
            self.tr(
                "Un brouillon non enregistré de ce formulaire a été conservé ({0}). "
                "Reprendre le brouillon ?"
            ).format(when)
        )


class DiscardBanner(QuestionBanner):
    """Asked when Échap would throw away typed input: a second Échap confirms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Abandonner la saisie ?"))
        self.yes.setText(self.tr("&Abandonner (Échap)"))
        self.no.setText(self.tr("&Continuer la saisie"))
        self.yes.setAccessibleName(self.tr("Abandonner la saisie"))
        self.no.setAccessibleName(self.tr("Continuer la saisie"))

    def ask_discard(self) -> None:
        self.ask(self.tr("Abandonner ce que vous avez tapé ? Rien ne sera enregistré."))


class DraftedForm:
    """Échap, « has changes » and closing, shared by every form that keeps a draft.

    Mixed in before ``QWidget`` by forms that have ``keeper`` (a ``DraftKeeper``),
    ``discard_banner`` (a ``DiscardBanner``), a ``cancelled`` signal, ``draft_values()`` and the
    values they opened with in ``_initial``.
    """

    keeper: DraftKeeper
    discard_banner: DiscardBanner
    _initial: dict[str, Any]

    def has_changes(self) -> bool:
        """Something typed since the form opened (what Échap would throw away)."""
        return self.draft_values() != self._initial  # type: ignore[attr-defined]

    def cancel(self) -> None:
        """Deliberate cancel: the draft is forgotten; typed input is confirmed first."""
        if self.has_changes() and not self.discard_banner.isVisible():
            self.discard_banner.ask_discard()
            return
        self.discard_banner.setVisible(False)
        self.keeper.discard()
        self.cancelled.emit()  # type: ignore[attr-defined]

    def hideEvent(self, event: Any) -> None:
        """Hiding the form (its window closed) writes the pending draft at once."""
        self.keeper.flush_on_close()
        super().hideEvent(event)  # type: ignore[misc]


class DraftedFormDialog(QDialog):
    """A drafted form in its own window: saving accepts, Échap cancels (forgetting the draft), and
    closing the window any other way keeps the draft for next time."""

    def _hold(self, form: Any, width: int, height: int) -> None:
        self._drafted = form
        self.setWindowTitle(form.window_title())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(form)
        form.saved.connect(lambda _record: self.accept())
        form.cancelled.connect(lambda: QDialog.reject(self))
        self.resize(width, height)

    def reject(self) -> None:
        """Window closed without choosing: keep the draft for next time."""
        self._drafted.keeper.flush_on_close()
        super().reject()

    def closeEvent(self, event: Any) -> None:
        self._drafted.keeper.flush_on_close()
        super().closeEvent(event)


def add_form_banners(
    form: QWidget, layout: QVBoxLayout
) -> tuple[DraftBanner, DiscardBanner, QLabel]:
    """Under a form's heading, in this order: « Reprendre le brouillon ? », « Abandonner les
    modifications ? » and the summary of the problems that kept it from saving (hidden)."""
    banner, discard = DraftBanner(form), DiscardBanner(form)
    summary = QLabel(form)
    summary.setObjectName("problemSummary")
    summary.setStyleSheet(ERROR_STYLE)
    summary.setWordWrap(True)
    summary.setVisible(False)
    for widget in (banner, discard, summary):
        layout.addWidget(widget)
    return banner, discard, summary
