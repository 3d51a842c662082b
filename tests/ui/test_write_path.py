"""One write path: the window's code never writes through the store, the sync client or the
importer itself.

Every user action that writes is an operation of ``coordinator_app.operations`` run through
``ui.operations.run_operation`` (which tells the window which kinds changed). This scan of the
``ui`` package's syntax follows each call into ``coordinator_app.store``, ``.sync`` and
``.exchange`` (through the names a module imports, lazily too, and the small helpers that return
a module, such as ``sync_messages._resolution()``) and fails on any call that is neither a known
read (``READS``, ``READ_MODULES``) nor one of the few writes kept outside operations on purpose
(``KEPT``, each with its reason). A new write function of the store is therefore refused until
someone decides: an operation, or a reason in ``KEPT``. On a ``Store`` itself every public
method that is not a read (``STORE_READS``) counts as a write, so a new write method is caught
too.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

from coordinator_app.store import Store

UI = Path(__file__).resolve().parents[2] / "coordinator_app" / "ui"
#: The packages whose functions may write (records, the journal, the sync tables, the profile).
SCOPE = ("coordinator_app.store", "coordinator_app.sync", "coordinator_app.exchange")

#: ``Store`` methods that only read (or close the profile); every other public one writes.
STORE_READS = frozenset(
    {
        "author",
        "author_id",
        "close",
        "count",
        "data_dir",
        "find",
        "get",
        "get_many",
        "get_meta",
        "history",
        "journal_entry",
        "now",
        "path",
        "pending_changes",
        "pending_count",
        "reading",
        "require",
        "schema_version",
        "today",
    }
)
#: ``Store.set_meta``: preferences (language, welcome page done, reminders, « Plus tard »), not
#: records: no journal, no sync, no page shows them (docs/architecture.md « User actions »).
STORE_KEPT = frozenset({"set_meta"})
STORE_WRITES = frozenset(
    name for name in dir(Store) if not name.startswith("_") and name not in STORE_READS | STORE_KEPT
)

#: Modules of ``SCOPE`` that only read: any of their functions may be called.
READ_MODULES = frozenset(
    {
        "coordinator_app.store.project_queries",
        "coordinator_app.store.summary",
        "coordinator_app.store.paths",
        "coordinator_app.sync.errors",
        "coordinator_app.sync.settings",
        "coordinator_app.exchange.exporter",  # writes the file the user chose, reads records
    }
)
#: Functions of other modules that only read.
READS = frozenset(
    {
        "coordinator_app.store.open_store",
        "coordinator_app.store.queries.ListFilter",
        "coordinator_app.store.queries.coordinators",
        "coordinator_app.store.queries.indicator_years",
        "coordinator_app.store.queries.is_empty",
        "coordinator_app.store.queries.list_count",
        "coordinator_app.store.queries.list_page",
        "coordinator_app.store.queries.prepare_search",  # reads the window into memory
        "coordinator_app.store.queries.years",
        "coordinator_app.store.keys.passphrase_needed",
        "coordinator_app.store.keys.derive_ahead",  # derives the key in memory, writes nothing
        "coordinator_app.store.error_log.log_path",
        "coordinator_app.store.agenda_queries.entries",
        "coordinator_app.store.agenda_queries.me",
        "coordinator_app.store.agenda_queries.named",
        "coordinator_app.store.agenda_queries.reminder",
        "coordinator_app.store.agenda_queries.reminders_on",
        "coordinator_app.store.attachments.attachments_of",
        "coordinator_app.store.attachments.file_path",
        "coordinator_app.store.attachments.is_image",
        "coordinator_app.store.attachments.read_file",
        "coordinator_app.store.attachments.thumbnail",
        "coordinator_app.store.drafts.list_drafts",
        "coordinator_app.store.drafts.load_draft",
        "coordinator_app.store.journal_notes.notes_for",
        "coordinator_app.store.people.names",
        "coordinator_app.store.people.names_text",
        "coordinator_app.store.people.needs_name",
        "coordinator_app.store.people.project_people",
        "coordinator_app.store.people.staff",
        "coordinator_app.store.refused_incoming.listing",
        "coordinator_app.store.snapshots.list_snapshots",
        "coordinator_app.store.sync_state.conflicts",
        "coordinator_app.store.sync_state.get_conflict",
        "coordinator_app.store.sync_state.refused",
        "coordinator_app.sync.calendar_feed.status",
        "coordinator_app.sync.resolution.field_label",
        "coordinator_app.sync.resolution.incoming_problems",
        "coordinator_app.sync.resolution.incoming_title",
        "coordinator_app.sync.resolution.local_time",
        "coordinator_app.sync.resolution.my_side",
        "coordinator_app.sync.resolution.refused_title",
        "coordinator_app.sync.resolution.target_title",
        "coordinator_app.exchange.importer.guess_kind",
        "coordinator_app.exchange.importer.preview_file",
    }
)
#: Writes kept outside operations, and why (every one is named here; nothing else may write).
KEPT = {
    "coordinator_app.store.drafts.save_draft": "a form's unsaved input, kept until it is saved",
    "coordinator_app.store.drafts.delete_draft": "a form's unsaved input, dropped",
    "coordinator_app.store.agenda_queries.set_reminders": "a preference in meta, not a record",
    "coordinator_app.store.error_log.write_log": "the error log file beside the profile",
    "coordinator_app.store.attachments.import_file": (
        "copies a chosen file into the profile's file store before the visit is saved; the "
        "attachment record is written by operations.visits.save_visit"
    ),
    "coordinator_app.sync.calendar_feed.create": "a calendar link on the server, not a record",
    "coordinator_app.sync.calendar_feed.revoke": "a calendar link on the server, not a record",
    "coordinator_app.sync.wipe.wipe_profile": (
        "the server declared this laptop lost: the profile's files are erased, the app closes"
    ),
}


def _module_helpers(root: Path) -> dict[str, str]:
    """``def _resolution() -> ModuleType: from X import Y; return Y`` gives ``{_resolution: X.Y}``."""
    helpers = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or node.returns is None:
                continue
            last = node.body[-1]
            imported = _imported_names(node)
            returns_module = ast.unparse(node.returns).endswith("ModuleType")
            if returns_module and isinstance(last, ast.Return) and isinstance(last.value, ast.Name):
                helpers[node.name] = imported.get(last.value.id, "")
    return helpers


def _imported_names(tree: ast.AST) -> dict[str, str]:
    """Local name → dotted target of every ``import``/``from … import`` in ``tree``."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
    return names


def _target(func: ast.expr, names: dict[str, str], helpers: dict[str, str]) -> str:
    """The dotted name a call reaches, when it reaches a module of ours ("" otherwise)."""
    if isinstance(func, ast.Name):
        return names.get(func.id, "")
    if not isinstance(func, ast.Attribute):
        return ""
    owner = func.value
    if isinstance(owner, ast.Name) and owner.id in names:
        return f"{names[owner.id]}.{func.attr}"
    if (
        isinstance(owner, ast.Call)
        and isinstance(owner.func, ast.Name)
        and helpers.get(owner.func.id)
    ):
        return f"{helpers[owner.func.id]}.{func.attr}"
    return ""


def _receiver(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _allowed(target: str) -> bool:
    module = target.rpartition(".")[0]
    return target in READS or target in KEPT or module in READ_MODULES


def direct_writes(root: Path = UI) -> list[tuple[str, int, str]]:
    """(file, line, call) of every call under ``root`` that writes, or may write, outside an
    operation."""
    helpers = _module_helpers(root)
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _imported_names(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            target = _target(node.func, names, helpers)
            on_store = isinstance(node.func, ast.Attribute) and (
                _receiver(node.func.value) == "store" and node.func.attr in STORE_WRITES
            )
            if on_store:
                call = f"store.{node.func.attr}"  # type: ignore[union-attr]
            elif target.startswith(SCOPE) and not _allowed(target):
                call = target
            else:
                continue
            found.append((path.relative_to(root).as_posix(), node.lineno, call))
    return found


def test_no_ui_code_writes_through_the_store_the_sync_or_the_importer_itself() -> None:
    found = direct_writes()
    assert found == [], (
        "write through an operation (ui.operations.run_operation), or name a read in READS: "
        + repr(found)
    )


def test_the_scan_sees_a_direct_write(tmp_path: Path) -> None:
    (tmp_path / "helpers.py").write_text(
        "from types import ModuleType\n"
        "def _resolution() -> ModuleType:\n"
        "    from coordinator_app.sync import resolution\n"
        "    return resolution\n",
        encoding="utf-8",
    )
    (tmp_path / "form.py").write_text(
        "from coordinator_app.store import agenda_queries, disclosures, queries, sync_state\n"
        "from coordinator_app.store.refused_incoming import dismiss\n"
        "from helpers import _resolution\n"
        "def save(self):\n"
        "    with self.store.transaction():\n"
        "        self.store.create('visit', {})\n"
        "    self.store.get('visit', 'id')\n"
        "    queries.list_page(self.store, None)\n"
        "    agenda_queries.move_visit(store, 'id', '2030-01-01')\n"
        "    sync_state.retry_refused(store, 'id')\n"
        "    disclosures.log_report_with_names(store, 'p', 'Fiche')\n"
        "    dismiss(store, 'id')\n"
        "    _resolution().resolve(store, 'c', 'kept')\n"
        "    _resolution().field_label({})\n"
        "def later(store):\n"
        "    from coordinator_app.exchange.importer import import_file\n"
        "    import_file(store, 'f.csv', 'project')\n",
        encoding="utf-8",
    )
    assert sorted(call for _f, _line, call in direct_writes(tmp_path)) == [
        "coordinator_app.exchange.importer.import_file",
        "coordinator_app.store.agenda_queries.move_visit",
        "coordinator_app.store.disclosures.log_report_with_names",
        "coordinator_app.store.refused_incoming.dismiss",
        "coordinator_app.store.sync_state.retry_refused",
        "coordinator_app.sync.resolution.resolve",
        "store.create",
        "store.transaction",
    ]


def test_every_name_the_scan_allows_exists() -> None:
    """A renamed function must not stay allowed under its old name."""
    for target in sorted(READS | set(KEPT)):
        module, _, name = target.rpartition(".")
        assert hasattr(importlib.import_module(module), name), target
    for module in READ_MODULES:
        importlib.import_module(module)
    assert {"create", "update", "delete", "transaction", "write_change"} <= STORE_WRITES
