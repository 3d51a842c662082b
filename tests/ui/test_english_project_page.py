"""The project page in English: English labels and amounts (« Program: », « $994.00 », not « 994,00 $ »)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel


def form_pairs(layout: QFormLayout) -> dict[str, str]:
    pairs = {}
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label and field and isinstance(field.widget(), QLabel):
            pairs[label.widget().text()] = field.widget().text()
    return pairs


def test_english_project_page_reads_english(qtbot, demo_dir, open_window):
    window = open_window(demo_dir)
    window.language_actions["en"].trigger()
    store = window.store
    project = next(
        p for p in store.find("project") if p.get("program") == "CIEC" and p.get("revenue")
    )
    dialog = window.record_openers["project"](window, project["id"])
    pairs = form_pairs(dialog.page.identity)
    assert "Program:" in pairs and "Programme :" not in pairs
    revenue = next(v for k, v in pairs.items() if k.startswith("Revenue") or "$" in v)
    assert revenue.startswith("$") and "," not in revenue.split(".")[-1]
