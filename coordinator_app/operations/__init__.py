"""User actions that write, each one small Qt-free function (after Anki's ``aqt/operations``).

A widget never calls a store write itself: it builds the input (the values as typed), hands an
operation to ``ui.operations.run_operation`` and shows the result. Each operation runs its writes
in one store transaction, validates through the domain before anything is written, and returns
a result naming the record kinds it changed (``Changes``), so the window refreshes only the
pages that show them. No Qt here (an import-linter contract says so): the operations are tested
and reused without a window.
"""

from coordinator_app.operations.changes import ALL, PERSON, SYNC_STATE, Changes, changed

__all__ = ["ALL", "PERSON", "SYNC_STATE", "Changes", "changed"]
