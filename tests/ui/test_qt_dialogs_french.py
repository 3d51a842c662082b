"""Qt's own dialogs speak French in French: the file dialog's every label, button and tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QWidget

from tests.ui import guard

#: Qt's English texts of the file dialog (what « half English » looked like).
ENGLISH = {"Look in:", "File name:", "Files of type:", "Open", "Cancel", "Save", "Back", "Forward",
           "Parent Directory", "Create New Folder", "List View", "Detail View"}  # fmt: skip


def test_file_dialog_is_all_french(qtbot):
    from coordinator_app.ui import i18n

    assert i18n.apply_language(i18n.FRENCH)
    dialog = QFileDialog(None, "Choisir un fichier")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    texts += [w.toolTip() for w in dialog.findChildren(QWidget) if w.isVisible()]
    english = {guard.plain(t).strip() for t in texts} & ENGLISH
    assert not english, english
    assert "&Regarder dans :" in texts
