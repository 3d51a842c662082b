"""Checks a screen must pass on a small laptop, in French and in English.

Each function looks at the widgets a user sees and returns the defects as readable lines (empty:
nothing wrong), so a failing test names every cut word or wrong-language string at once:

- ``cut_texts``: a label's, button's, tab's, header's, combo's, group box's or placeholder's text
  wider (or, wrapped, taller) than its widget, measured with the widget's own font metrics. A text
  deliberately elided (« … ») with the full text as tooltip is allowed.
- ``wrong_language``: a visible string that is a source string of the catalogue in English mode
  (French left untranslated), or an English translation in French mode.
- ``shortcut_clashes``: two enabled actions or shortcuts of one window with the same keys.
- ``tab_defects``: a widget in the Tab order that cannot be seen, or a table that keeps Tab.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox as QAbstractSpinBoxLike,
)

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "carnet_en.ts"
SLACK = 1  # pixels of rounding


def plain(text: str) -> str:
    """What is drawn: no mnemonic ampersand, no markup."""
    if "<" in text and re.search(r"<[a-zA-Z/][^>]*>", text):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return re.sub(r"&(?!&)", "", text).replace("&&", "&")


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def widgets(root: QWidget) -> Iterator[QWidget]:
    for widget in [root, *root.findChildren(QWidget)]:
        if shown(widget) and not isinstance(widget, QMenu):
            yield widget


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _elided_with_tooltip(text: str, tooltip: str) -> bool:
    return "…" in text and bool(tooltip) and plain(tooltip).startswith(plain(text).rstrip("…"))


# -- text that does not fit ------------------------------------------------------------------------
def cut_texts(root: QWidget) -> list[str]:
    found: list[str] = []
    for widget in widgets(root):
        found += _cut(widget)
    return found


def _cut(widget: QWidget) -> list[str]:
    fm = QFontMetrics(widget.font())
    if isinstance(widget, QLabel):
        text = plain(widget.text())
        if not text.strip() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return []
        if _elided_with_tooltip(text, widget.toolTip()):
            return []
        rect = widget.contentsRect()
        margin = widget.margin() * 2 + max(widget.indent(), 0)
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + SLACK:
                return [f"label {text!r}: needs {need} px of height, has {widget.height()}"]
            words = re.split(r"[\s\u200b]+", text)
            longest = max((fm.horizontalAdvance(w) for w in words), default=0)
            if longest > rect.width() - margin + SLACK:
                return [f"label {text!r}: a word is wider than its {rect.width()} px"]
            return []
        widest = max(fm.horizontalAdvance(line) for line in text.splitlines())
        if widest > rect.width() - margin + SLACK:
            return [f"label {text!r}: needs {widest} px, has {rect.width() - margin}"]
        height = fm.height() * len(text.splitlines())
        if height > rect.height() + fm.height() // 3:
            return [f"label {text!r}: needs {height} px of height, has {rect.height()}"]
        return []
    if isinstance(widget, (QPushButton, QCheckBox, QRadioButton, QToolButton)):
        button: QAbstractButton = widget
        text = plain(button.text())
        if not text.strip() or _elided_with_tooltip(text, button.toolTip()):
            return []
        if (
            isinstance(widget, QToolButton)
            and widget.parent()
            and isinstance(widget.parent(), QTabBar)
        ):
            return []  # the tab bar's scroll arrows
        need = button.sizeHint().width()
        if need > button.width() + SLACK:
            return [f"button {text!r}: needs {need} px, has {button.width()}"]
        return []
    if isinstance(widget, QTabBar):
        found = []
        for i in range(widget.count()):
            if not widget.isTabVisible(i):
                continue
            text = plain(widget.tabText(i))
            need, has = widget.tabSizeHint(i).width(), widget.tabRect(i).width()
            if need > has + SLACK and not _elided_with_tooltip(text, widget.tabToolTip(i)):
                found.append(f"tab {text!r}: needs {need} px, has {has}")
        return found
    if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
        return _cut_header(widget, fm)
    if isinstance(widget, QComboBox) and not widget.isEditable():
        text = widget.currentText()
        if not text:
            return []
        option = QStyleOptionComboBox()
        option.initFrom(widget)
        option.currentText = text
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            widget,
        )
        need = fm.horizontalAdvance(text)
        if need > field.width() + SLACK:
            return [f"combo {text!r}: needs {need} px, has {field.width()}"]
        return []
    if isinstance(widget, QGroupBox):
        title = plain(widget.title())
        need = fm.horizontalAdvance(title) + (28 if widget.isCheckable() else 16)
        if title and need > widget.width() + SLACK:
            return [f"group {title!r}: needs {need} px, has {widget.width()}"]
        return []
    if isinstance(widget, QChartView):
        return _cut_chart(widget)
    if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
        text = widget.placeholderText()
        has = widget.contentsRect().width() - 8
        if widget.isClearButtonEnabled():
            has -= 0  # the clear button shows only once something is typed
        need = fm.horizontalAdvance(text)
        if need > has + SLACK:
            return [f"placeholder {text!r}: needs {need} px, has {has}"]
    return []


def _cut_chart(view: QChartView) -> list[str]:
    """QtCharts elides a category label (« … ») narrower than its share of the plot plus
    about 14 pixels of padding (measured)."""
    chart = view.chart()
    found = []
    for axis in chart.axes():
        if not isinstance(axis, QBarCategoryAxis) or not axis.count():
            continue
        share = chart.plotArea().width() / axis.count()
        fm = QFontMetrics(axis.labelsFont())
        for label in axis.categories():
            if fm.horizontalAdvance(label) + 14 > share:
                found.append(
                    f"chart label {label!r}: needs {fm.horizontalAdvance(label) + 14} px, has {share:.0f}"
                )
    return found


def _cut_header(header: QHeaderView, fm: QFontMetrics) -> list[str]:
    model = header.model()
    if model is None:
        return []
    found = []
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        if not text:
            continue
        tooltip = model.headerData(section, header.orientation(), Qt.ItemDataRole.ToolTipRole)
        need = fm.horizontalAdvance(text) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += arrow + margin
        has = header.sectionSize(section)
        if header.sectionViewportPosition(section) >= header.viewport().width():
            continue  # scrolled out of view: the user scrolls to it and it is whole there
        if need > has + SLACK and not (tooltip and str(tooltip) == text and has >= 40):
            found.append(f"header {text!r}: needs {need} px, has {has}")
    return found


# -- language --------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def catalogue() -> tuple[frozenset[str], frozenset[str]]:
    """(French sources, English translations) of the catalogue, where the two differ."""
    french, english = set(), set()
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        texts = [n.text or "" for n in node.iter("numerusform")] if node is not None else []
        if node is not None and not texts:
            texts = [node.text or ""]
        for text in texts:
            if text and text != source:
                french.add(_norm(source))
                english.add(_norm(text))
    both = french & english
    return frozenset(french - both), frozenset(english - both)


def _norm(text: str) -> str:
    return plain(text).strip().rstrip(":").strip()


def visible_strings(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of the strings a user reads on ``root``."""
    title = root.windowTitle()
    if title:
        yield "window title", title
    for widget in widgets(root):
        name = _name(widget)
        if isinstance(widget, QLabel):
            yield name, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield name, widget.text()
            if widget.toolTip():
                yield f"{name} tooltip", widget.toolTip()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield name, widget.tabText(i)
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            for s in range(widget.count()):
                yield name, str(widget.model().headerData(s, widget.orientation()) or "")
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield name, widget.itemText(i)
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit):
            yield f"{name} placeholder", widget.placeholderText()
        if widget.accessibleName():
            yield f"{name} accessible name", widget.accessibleName()


def menu_strings(window: QWidget) -> Iterator[tuple[str, str]]:
    def walk(actions: Iterable[QAction], where: str) -> Iterator[tuple[str, str]]:
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            yield where, action.text()
            if action.menu() is not None:
                yield from walk(action.menu().actions(), f"{where} › {plain(action.text())}")

    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is not None:
        yield from walk(bar.actions(), "menu")


def wrong_language(strings: Iterable[tuple[str, str]], lang: str) -> list[str]:
    french, english = catalogue()
    foreign = french if lang == "en" else english
    found = []
    for where, text in strings:
        key = _norm(text)
        if key and key in foreign:
            found.append(f"{where}: {text!r} is {'French' if lang == 'en' else 'English'}")
    return sorted(set(found))


# -- typography ------------------------------------------------------------------------------------
def typography(strings: Iterable[tuple[str, str]], lang: str) -> list[str]:
    """« … » not « ... », real plurals not « (s) », « Maj » not « Shift » in French."""
    found = []
    for where, text in strings:
        if "..." in text:
            found.append(f"{where}: {text!r} has « ... » (write « … »)")
        if re.search(r"\w\((s|es|x)\)", text):
            found.append(f"{where}: {text!r} has a « (s) » plural")
        if lang == "fr" and "Shift" in text:
            found.append(f"{where}: {text!r} says « Shift » (French: « Maj »)")
        for number in re.findall(r"(?<![\w.:/-])\d{4,}(?![\w.:/-])", text):
            if not (len(number) == 4 and number[:2] in ("19", "20")):  # a year
                found.append(f"{where}: {text!r} writes {number} without thousands separator")
    return sorted(set(found))


# -- accessible names ------------------------------------------------------------------------------
INPUTS = (QLineEdit, QComboBox, QAbstractItemView, QCheckBox, QRadioButton)


def unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs a screen reader would announce without a name: no accessible name, and no label
    pointing at them (``QLabel.setBuddy``) — a check box or radio button names itself."""
    labelled = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    found = []
    for widget in widgets(root):
        if not isinstance(widget, INPUTS) and not type(widget).__name__.endswith("Edit"):
            continue
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), (QComboBox, QAbstractSpinBoxLike)
        ):
            continue  # the combo's or spin box's own editor: the parent carries the name
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.accessibleName() or id(widget) in labelled:
            continue
        if isinstance(widget, (QCheckBox, QRadioButton)) and widget.text():
            continue
        found.append(f"input {_name(widget)} has no accessible name")
    return found


# -- shortcuts -------------------------------------------------------------------------------------
def shortcut_clashes(window: QWidget) -> list[str]:
    """Enabled actions (and window-wide QShortcuts) of ``window`` that share a key sequence."""
    owners: dict[str, list[str]] = defaultdict(list)
    seen: set[int] = set()
    for action in window.findChildren(QAction):
        if id(action) in seen or not action.isEnabled() or not action.isVisible():
            continue
        seen.add(id(action))
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                owners[sequence.toString()].append(plain(action.text()) or action.objectName())
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.isEnabled() or shortcut.context() != Qt.ShortcutContext.WindowShortcut:
            continue
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and not parent.isVisible():
            continue
        key = shortcut.key()
        if not key.isEmpty():
            owners[key.toString()].append(f"QShortcut on {_name(parent)}")
    return [f"{keys}: {', '.join(names)}" for keys, names in owners.items() if len(names) > 1]


def native(sequence: str) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


# -- Tab order -------------------------------------------------------------------------------------
def tab_defects(root: QWidget, *, limit: int = 200) -> list[str]:
    """Walk the Tab chain of ``root`` once round: every stop must be seen, no table keeps Tab."""
    found = []
    app = QApplication.instance()
    start = next(
        (
            w
            for w in widgets(root)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled() and w is not root
        ),
        None,
    )
    if start is None:
        return []
    start.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    first = QApplication.focusWidget()
    visited = []
    for _ in range(limit):
        current = QApplication.focusWidget()
        if current is None:
            break
        visited.append(current)
        seen_part = current.viewport() if isinstance(current, QAbstractScrollArea) else current
        if not shown(current) or seen_part.visibleRegion().isEmpty():
            found.append(f"Tab stops on {_name(current)}, which cannot be seen")
        if isinstance(current, QAbstractItemView) and current.tabKeyNavigation():
            found.append(f"table {current.accessibleName() or _name(current)} keeps Tab")
        if type(current) is QScrollArea:
            found.append("Tab stops on a scroll area's frame, where nothing shows the focus")
        root.focusNextChild() if current is root else current.focusNextChild()
        app.processEvents()
        if QApplication.focusWidget() is first or QApplication.focusWidget() is current:
            break
    return sorted(set(found))


def tab_widgets(root: QWidget) -> list[QTabWidget]:
    return [w for w in root.findChildren(QTabWidget) if shown(w)]
