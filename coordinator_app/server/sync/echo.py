"""Whether a logged client change is stored exactly as its sender sent it (issue 17).

A pull leaves such an entry out for the device that sent it (``pulling._held``,
``protocol.own_echo``). The test is made once, when the push writes the log row: the row's
``as_sent`` is true when it passes (server migration 7), so the pushing laptop's next pull leaves
the entry out without decoding its ``values`` and ``fields``. ``as_sent`` is NULL otherwise, and
for every row logged before migration 7: the pull then makes the test on the stored row, as it
always did. The two give the same answer (docs/sync-protocol.md, « Own changes are not echoed »).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def as_sent(entry: Mapping[str, Any]) -> bool:
    """A client's change the merge left exactly as sent: applied without conflict, not moved
    between regions, and its logged values are the sent new values, field for field, of the same
    JSON types (no field canonicalised, set aside, rewritten or added by the server). Its sender
    already holds what the entry would bring back."""
    if entry["origin"] != "client" or entry["status"] != "applied":
        return False
    if entry["previous_region_code"] is not None:
        return False
    values, op = entry["values"] or {}, entry["op"]
    if op in ("delete", "restore"):
        return not values and bool(entry["deleted"]) == (op == "delete")
    fields = entry["fields"]
    if op not in ("create", "update") or entry["deleted"] or not isinstance(fields, dict):
        return False
    if values.keys() != fields.keys():
        return False
    return all(_same(values[name], pair[1]) for name, pair in fields.items())


def flag(row: Mapping[str, Any]) -> bool | None:
    """The ``as_sent`` column of a log row about to be written: true when it passes ``as_sent``,
    else NULL (« not known »: a pull then checks the row itself)."""
    return True if row["origin"] == "client" and as_sent(row) else None


def _same(a: Any, b: Any) -> bool:
    """JSON equality that also tells ``1`` from ``1.0`` and ``true`` (Python's ``==`` does not)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b
