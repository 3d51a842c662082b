"""One write path: the window's code never writes a record through the store itself.

Every user action that writes is an operation of ``coordinator_app.operations`` run through
``ui.operations.run_operation`` (which tells the window which kinds changed). This scan of the
``ui`` package's syntax fails on a direct call of a store write — ``store.create(...)``,
``self.store.update(...)``, ``with store.transaction()``… — or of a store module's write function
(``agenda_queries.move_visit``…). Preferences kept in ``meta`` (language, reminders, « Plus
tard ») are not records: no journal, no sync, no page shows them; they are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "coordinator_app" / "ui"

#: Methods of ``Store`` that write records (or open the transaction writes run in).
STORE_WRITES = frozenset(
    {
        "create",
        "create_many",
        "update",
        "update_many",
        "delete",
        "restore",
        "write_change",
        "transaction",
        "bulk_transaction",
    }
)
#: Functions of store modules that write records.
MODULE_WRITES = frozenset(
    {"plan_visit", "move_visit", "record_visit", "set_local_name", "set_person", "restore_value"}
)
STORE_MODULES = frozenset({"agenda_queries", "people", "journal_notes"})


def _receiver(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def direct_writes(root: Path = UI) -> list[tuple[str, int, str]]:
    """(file, line, call) of every direct record write under ``root``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            receiver, name = _receiver(node.func.value), node.func.attr
            is_store = receiver == "store" and name in STORE_WRITES
            is_module = receiver in STORE_MODULES and name in MODULE_WRITES
            if is_store or is_module:
                found.append((path.relative_to(root).as_posix(), node.lineno, f"{receiver}.{name}"))
    return found


def test_no_ui_code_writes_a_record_through_the_store_itself() -> None:
    found = direct_writes()
    assert found == [], "write through an operation (ui.operations.run_operation): " + repr(found)


def test_the_scan_sees_a_direct_write(tmp_path: Path) -> None:
    (tmp_path / "form.py").write_text(
        "def save(self):\n"
        "    with self.store.transaction():\n"
        "        self.store.create('visit', {})\n"
        "    agenda_queries.move_visit(store, 'id', '2030-01-01')\n",
        encoding="utf-8",
    )
    assert sorted(call for _f, _line, call in direct_writes(tmp_path)) == [
        "agenda_queries.move_visit",
        "store.create",
        "store.transaction",
    ]
