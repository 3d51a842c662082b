"""The first page of an empty profile: load the demo data, connect to the server, or start empty."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coordinator_app.resource_paths import resource_path


class WelcomePage(QWidget):
    load_demo_requested = Signal()
    server_login_requested = Signal()
    start_empty_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        self.logo = QLabel()
        icon = resource_path("icons", "carnet-coop.png")
        if icon.is_file():
            self.logo.setPixmap(
                QPixmap(str(icon)).scaled(
                    96,
                    96,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.logo)
        self.title = QLabel()
        self.title.setObjectName("welcome-title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro.setFixedWidth(600)  # a fixed width lets the wrapped text get its full height
        column.addWidget(self.intro, 0, Qt.AlignmentFlag.AlignHCenter)
        self.demo_button = QPushButton()
        self.server_button = QPushButton()
        self.empty_button = QPushButton()
        self.demo_button.setDefault(True)
        self.demo_button.setObjectName("primary")
        self.demo_button.clicked.connect(self.load_demo_requested)
        self.server_button.clicked.connect(self.server_login_requested)
        self.empty_button.clicked.connect(self.start_empty_requested)
        for button in (self.demo_button, self.server_button, self.empty_button):
            button.setMinimumWidth(380)
            button.setMinimumHeight(40)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(column)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setFocusProxy(self.demo_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Bienvenue dans Carnet COOP"))
        self.intro.setText(
            self.tr(
                "Ce profil est vide. Chargez les données de démonstration pour découvrir "
                "l'application, connectez-vous au serveur du CQCM pour recevoir les projets de "
                "vos régions, ou commencez sans données."
            )
        )
        self.demo_button.setText(self.tr("Charger les données de &démonstration"))
        self.server_button.setText(self.tr("Se connecter au &serveur"))
        self.empty_button.setText(self.tr("&Commencer sans données"))
        self.logo.setAccessibleName(self.tr("Logo de Carnet COOP"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_busy(self, busy: bool, text: str = "") -> None:
        for button in (self.demo_button, self.server_button, self.empty_button):
            button.setEnabled(not busy)
        self.status.setText(text)
