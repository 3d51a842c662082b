"""Leaving a laptop's own changes out of its pull (issue 17), as both sides spell it.

A laptop that pushed 10 000 changes used to pull them straight back: 4.3 MB on the wire and half a
second of its CPU for nothing it did not have. Now a pull may name, in the query parameter
``own``, the seqs of this device's changes the laptop holds in its journal, acknowledged at
exactly those seqs (« runs » ``a-b,c,d-e``, ascending, at most ``MAX_RUNS``). The server leaves out
of the page the entries among them that it stored exactly as sent (``server.sync.pulling``); the
page's ``next_since`` still moves past them. ``docs/sync-protocol.md`` (« Own changes are not
echoed ») argues why nothing can be lost.

Negotiated: a server that does this says so with the ``OWN_HEADER`` response header on its push
and pull answers, and the laptop sends ``own`` only to such a server. An older server never says
it (and would ignore the parameter anyway); an older laptop never sends it and gets every entry.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Response header of a server that honours ``own`` (value ``"1"``).
OWN_HEADER = "X-Carnet-Own-Echo"
#: The pull's query parameter.
OWN_PARAM = "own"
#: A pull names at most this many runs (the URL stays under 2 KB); later seqs come back as before.
MAX_RUNS = 64
#: Longest ``own`` value a server reads (64 runs of two 14-digit seqs and their separators).
MAX_OWN_CHARS = MAX_RUNS * 31


def runs_of(seqs: Iterable[int], limit: int = MAX_RUNS) -> list[tuple[int, int]]:
    """Ascending seqs as runs of consecutive numbers (the first ``limit`` runs)."""
    runs: list[tuple[int, int]] = []
    for seq in sorted(set(seqs)):
        if runs and seq == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], seq)
        elif len(runs) == limit:
            break
        else:
            runs.append((seq, seq))
    return runs


def format_runs(runs: Iterable[tuple[int, int]]) -> str:
    return ",".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs)


def parse_runs(text: str) -> list[tuple[int, int]]:
    """``a-b,c`` → ``[(a, b), (c, c)]``; ValueError for anything else (unordered, too many)."""
    if len(text) > MAX_OWN_CHARS:
        raise ValueError("too long")
    runs: list[tuple[int, int]] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise ValueError(part)
        a, b = int(first), int(last or first)
        if b < a or (runs and a <= runs[-1][1]):
            raise ValueError(part)
        runs.append((a, b))
    if len(runs) > MAX_RUNS:
        raise ValueError("too many runs")
    return runs
