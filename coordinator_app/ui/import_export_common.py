"""What the import and export dialogs share: file formats, the kind chooser and the
problem table's model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QComboBox

from coordinator_app.domain.columns import KIND_NAMES
from coordinator_app.domain.entities import ENTITIES

if TYPE_CHECKING:
    from coordinator_app.exchange.report import Match, Problem


# ``coordinator_app.exchange`` (python-calamine, XlsxWriter) is imported when a
# dialog reads or writes a file, not to build the window's Fichier menu.

Runner = Callable[..., Any]  # window.run_task(work, on_success=..., on_error=..., label=..., ...)
PREVIEW_ROWS = 20
FORMAT_FILTERS = {
    "csv": "CSV (*.csv)",
    "xlsx": "Classeur Excel (*.xlsx)",
    "json": "JSON (*.json)",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportExport", text)


def _kind_combo() -> QComboBox:
    combo = QComboBox()
    for kind in KIND_NAMES.values():
        # The domain's French label, in the window's language (context « domain », as in forms).
        combo.addItem(QCoreApplication.translate("domain", ENTITIES[kind].label_plural), kind)
    return combo


class ProblemModel(QAbstractTableModel):
    """The report's rows: every problem (Ligne, Colonne, Valeur, Problème) or, when the file has
    none, the rows that matched existing records (Ligne, Élément existant, Correspondance)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self.matches: list[Match] = []

    def set_problems(self, problems: list[Problem], matches: list[Match] | None = None) -> None:
        self.beginResetModel()
        self.problems = list(problems)
        self.matches = [] if problems else list(matches or [])
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems) + len(self.matches)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if self.matches:
            return (_tr("Ligne"), _tr("Trouvé par"), _tr("Élément existant"), _tr("Résultat"))[
                section
            ]
        return (_tr("Ligne"), _tr("Colonne"), _tr("Valeur"), _tr("Problème"))[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if self.matches:
            match = self.matches[index.row()]
            result = _tr("mis à jour") if match.changed else _tr("inchangé")
            return (str(match.line), match.how, match.title, result)[index.column()]
        problem = self.problems[index.row()]
        values = (
            "" if problem.line is None else str(problem.line),
            problem.column,
            problem.value,
            problem.message,
        )
        return values[index.column()]
