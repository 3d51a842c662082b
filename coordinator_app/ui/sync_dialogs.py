"""The server connection dialog and rolling back to a pre-sync snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.operations.connection import connect, restore_backup
from coordinator_app.store import Store
from coordinator_app.store.snapshots import list_snapshots
from coordinator_app.sync.errors import SyncError
from coordinator_app.ui import tasks
from coordinator_app.ui.operations import run_operation
from coordinator_app.ui.sync_messages import (
    _settings,
    short_message,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncActions", text)


# -- connection dialog -----------------------------------------------------------------------
class ConnectionDialog(QDialog):
    """URL, user, password and an optional CA file; logs in in the background."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_tr("Connexion au serveur"))
        current = _settings().configured(store)
        self.url = QLineEdit(current.address.url if current else "https://")
        self.user = QLineEdit(current.username if current else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        ca = current.address.ca_file if current else None
        self.ca_file = QLineEdit(str(ca) if ca else "")
        self.ca_file.setPlaceholderText(_tr("facultatif"))
        self.ca_file.setAccessibleName(_tr("Certificat de l'organisation"))
        self.ca_file.setToolTip(
            _tr("Facultatif : autorité de certification de l'organisation (PEM)")
        )
        browse = QPushButton(_tr("Parcourir…"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(browse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("connection-message")
        form = QFormLayout()
        form.addRow(_tr("Adresse du serveur"), self.url)
        form.addRow(_tr("Nom d'utilisateur"), self.user)
        form.addRow(_tr("Mot de passe"), self.password)
        form.addRow(_tr("Certificat de l'organisation"), ca_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Se connecter"))
        self.buttons.accepted.connect(self._connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.task: tasks.Task | None = None

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, _tr("Certificat de l'organisation"), "", _tr("Certificats (*.pem *.crt)")
        )
        if name:
            self.ca_file.setText(name)

    def _connect(self) -> None:
        url, user, password = self.url.text(), self.user.text().strip(), self.password.text()
        ca = Path(self.ca_file.text().strip()) if self.ca_file.text().strip() else None
        self.buttons.setEnabled(False)
        self.message.setText(_tr("Connexion en cours…"))

        self.task = run_operation(
            self,
            self.store,
            lambda store: connect(store, url, user, password, ca_file=ca),
            background=True,
            on_success=self._done,
            on_error=self._failed,
            label=_tr("Connexion"),
        )

    def _done(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(str(error) if isinstance(error, SyncError) else short_message(error))


# -- roll back ---------------------------------------------------------------------------------
class RollbackDialog(QDialog):
    """The snapshots taken before each sync; restoring one replaces the profile's content."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_tr("Revenir à une copie de sécurité"))
        self.list = QListWidget()
        for snapshot in list_snapshots(store.data_dir):
            item = QListWidgetItem(
                _tr("Avant la synchronisation du {when}").format(when=snapshot.label)
            )
            item.setData(256, str(snapshot.path))
            self.list.addItem(item)
        explanation = QLabel(
            _tr(
                "Le profil reviendra à l'état choisi. Les modifications faites depuis, si elles "
                "ont été synchronisées, reviendront du serveur à la prochaine synchronisation."
            )
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.restore_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(_tr("Restaurer"))
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        # Empty state: say why the list is empty instead of showing a blank box.
        self.empty = QLabel(
            _tr(
                "Aucune copie de sécurité pour l'instant : une copie est prise avant chaque "
                "synchronisation avec le serveur."
            )
        )
        self.empty.setWordWrap(True)
        has = self.list.count() > 0
        self.empty.setVisible(not has)
        self.list.setVisible(has)
        explanation.setVisible(has)
        if has:
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(has)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(explanation)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        snapshot = Path(item.data(256))
        run_operation(
            self,
            self.store,
            lambda store: restore_backup(store, snapshot),
            on_success=lambda _changes: self.accept(),
        )
