"""The window's light stylesheet: one place for colours and spacing, so every page looks alike.

Colours meet WCAG 2.1 AA contrast on white (text #1d2733, accent #1f6f50, error #a4000f).
No rule changes the font of a pseudo-state (« :default », « :hover »): Qt sizes a button for its
normal font, so a bold default button lost its first and last letters (« mporte »).
"""

STYLESHEET = """
QMainWindow, QWidget#welcome { background: #f6f8f7; }
QListWidget#navigation {
    background: #1f3b33; color: #ffffff; border: none; font-size: 11pt; padding-top: 8px;
    outline: 0;
}
QListWidget#navigation::item { padding: 9px 14px; border-left: 4px solid transparent; }
QListWidget#navigation::item:selected { background: #2f5a4d; border-left: 4px solid #8fd3b0; }
QListWidget#navigation::item:hover:!selected { background: #29493f; }
QListWidget#navigation:focus { border: 2px solid #8fd3b0; }
QLabel#page-title { font-size: 16pt; font-weight: 600; color: #1d2733; }
QLabel#section-title { font-size: 11pt; font-weight: 600; color: #1d2733; }
QLabel#count { color: #4a5a66; }
QLabel#welcome-title { font-size: 20pt; font-weight: 600; color: #1f3b33; }
QGroupBox { font-weight: 600; color: #1d2733; border: 1px solid #cfd8d4; border-radius: 6px;
    margin-top: 12px; background: #ffffff; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; }
QFrame#card { background: #eef5f1; border: 1px solid #d5e6dc; border-radius: 6px; }
QFrame#card:focus { border: 2px solid #1f6f50; }
QLabel#card-value { font-size: 20pt; font-weight: 700; color: #1f6f50; }
QLabel#card-caption { color: #1d2733; font-weight: 400; }
QLabel#card-note { color: #4a5a66; font-weight: 400; font-size: 8pt; }
QTableView { background: #ffffff; alternate-background-color: #f1f5f3; gridline-color: #e1e7e4;
    selection-background-color: #cfe8db; selection-color: #1d2733; }
QTableView:focus { border: 2px solid #1f6f50; }
QHeaderView::section { background: #e6ece9; color: #1d2733; padding: 4px 6px; border: none;
    border-right: 1px solid #d0d8d4; font-weight: 600; }
QLineEdit, QComboBox { padding: 4px 6px; border: 1px solid #aab7b1; border-radius: 4px;
    background: #ffffff; min-height: 20px; }
QLineEdit:focus, QComboBox:focus { border: 2px solid #1f6f50; }
QPushButton { padding: 5px 14px; border: 1px solid #8fa39a; border-radius: 4px;
    background: #ffffff; color: #1d2733; }
QPushButton:hover { background: #eef5f1; }
QPushButton:focus { border: 2px solid #1f6f50; }
QPushButton#primary, QPushButton:default { background: #1f6f50; color: #ffffff;
    border: 1px solid #1f6f50; }
QPushButton#primary:focus, QPushButton:default:focus { border: 2px solid #0d3b2a; }
QPushButton:disabled { color: #7d8a85; background: #eef1f0; }
QStatusBar { background: #e6ece9; color: #1d2733; }
QStatusBar QLabel[state="online"] { color: #1f6f50; font-weight: 600; }
QStatusBar QLabel[state="offline"] { color: #a4000f; font-weight: 600; }
QToolBar { background: #f6f8f7; border-bottom: 1px solid #d0d8d4; spacing: 6px; }
"""

# The keyboard rules of ``ui.keyboard``, applied by Qt itself as it polishes each widget (no Python
# call per widget or per event). ``keyboard.install`` adds them when no stylesheet carries them.
KEYBOARD_RULES = """
QAbstractItemView { qproperty-tabKeyNavigation: false; }
QScrollArea { qproperty-focusPolicy: NoFocus; }
"""

STYLESHEET += KEYBOARD_RULES
