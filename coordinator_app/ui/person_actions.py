"""« Votre nom »: the person behind a profile used without a server.

A profile signed in to a server gets its person from the server at login. A profile used alone
asks once, in a bar above the window (never a dialog in the way): the name signs the visits,
follow-ups and every change in the history. Préférences → « Votre nom… » changes it later.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.errors import UserError
from coordinator_app.operations import PERSON, Changes
from coordinator_app.operations.people import set_person_name
from coordinator_app.store import Store, people
from coordinator_app.ui.feature_window import FeatureWindow
from coordinator_app.ui.operations import run_operation

META_NAME_ASKED = "name_asked"  # « Plus tard » was chosen: the bar does not come back
# ``sync.settings.META_DEMO`` / ``META_URL``, read here without importing the sync client (httpx,
# keyring), which the window loads only when sync is first used
META_DEMO, META_SERVER_URL = "demo", "server_url"


class NamePrompt(QWidget):
    """The bar's content: why, the name, « Enregistrer » and « Plus tard »."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("yourName")
        self.label.setBuddy(self.name)
        self.save_button = QPushButton(self)
        self.later_button = QPushButton(self)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a40000;")
        self.error.hide()
        row.addWidget(self.label)
        row.addWidget(self.name, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.later_button)
        row.addWidget(self.error)
        self.name.returnPressed.connect(self.save_button.click)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setText(
            self.tr("Votre nom signe vos visites et vos modifications. &Votre nom :")
        )
        self.name.setAccessibleName(self.tr("Votre nom"))
        self.name.setPlaceholderText(self.tr("Prénom Nom"))
        self.save_button.setText(self.tr("Enregistrer"))
        self.later_button.setText(self.tr("Plus tard"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class NameDialog(QDialog):
    """Préférences → « Votre nom… »."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Votre nom"))
        layout = QVBoxLayout(self)
        account = store.author_id
        text = (
            self.tr(
                "Votre nom signe vos visites, vos suivis et vos modifications. Il vient de votre "
                "compte « {0} » sur le serveur, qui le redonnera à la prochaine connexion."
            ).format(account)
            if account
            else self.tr("Votre nom signe vos visites, vos suivis et vos modifications.")
        )
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.name = QLineEdit(store.author or "", self)
        self.name.setAccessibleName(self.tr("Votre nom"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a40000;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(intro)
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        name = self.name.text()
        run_operation(
            self,
            self.store,
            lambda store: set_person_name(store, name),
            on_success=lambda _changes: self.accept(),
            on_error=lambda error: _show_refusal(self.error, error),
        )


class PersonFeature:
    """The « Votre nom » bar and the Préférences action of one window."""

    def __init__(self, window: FeatureWindow) -> None:
        self.window = window
        self.store: Store = window.store
        self.bar = QToolBar(window)
        self.bar.setObjectName("your-name-bar")
        self.bar.setMovable(False)
        self.bar.setFloatable(False)
        self.prompt = NamePrompt(self.bar)
        self.bar.addWidget(self.prompt)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        self.prompt.save_button.clicked.connect(self.save)
        self.prompt.later_button.clicked.connect(self.later)
        self.action = QAction(window)
        self.action.setText(QCoreApplication.translate("PersonFeature", "&Votre nom…"))
        window.language_changed.connect(
            lambda _lang: self.action.setText(
                QCoreApplication.translate("PersonFeature", "&Votre nom…")
            )
        )
        self.action.triggered.connect(self.open_dialog)
        window.menu_preferences.addAction(self.action)
        window.watch("person-bar", frozenset({PERSON}), self.update_bar)
        window.stack.currentChanged.connect(lambda _i: self.update_bar())
        self.update_bar()

    def should_ask(self) -> bool:
        """A profile with no person, not a demo, not signed in, in use, not asked before."""
        store = self.store
        return (
            people.needs_name(store)
            and store.get_meta(META_DEMO) != "1"
            and not store.get_meta(META_SERVER_URL)
            and store.get_meta(META_NAME_ASKED) != "1"
            and self.window.stack.currentWidget() is self.window.workspace
        )

    def update_bar(self) -> None:
        self.bar.setVisible(self.should_ask())

    def save(self) -> None:
        """« Enregistrer » in the bar: the ``set_person_name`` operation (the window refreshes
        the pages that show the person; the bar hides itself through ``watch``)."""
        name = self.prompt.name.text()

        def saved(_changes: Changes) -> None:
            self.prompt.error.hide()
            self.update_bar()

        run_operation(
            self.prompt,
            self.store,
            lambda store: set_person_name(store, name),
            on_success=saved,
            on_error=lambda error: _show_refusal(self.prompt.error, error),
        )

    def later(self) -> None:
        """« Plus tard »: a preference of this laptop, not a record (no journal, no sync, no
        page shows it), so it is set directly rather than through an operation."""
        self.store.set_meta(META_NAME_ASKED, "1")
        self.update_bar()

    def open_dialog(self) -> NameDialog:
        dialog = NameDialog(self.store, self.window)
        dialog.accepted.connect(self.update_bar)
        dialog.open()
        return dialog


def _show_refusal(label: QLabel, error: BaseException) -> None:
    """An unusable name is said under the field; anything else is a bug and surfaces."""
    if not isinstance(error, UserError):
        raise error
    label.setText(str(error))
    label.show()


def install(window: FeatureWindow) -> PersonFeature:
    """Called by ``ui.features`` once the window is built."""
    window.person = PersonFeature(window)
    return window.person
