"""Carnet COOP benchmarks: speed and scale, each beside a baseline measured in the same run.

    python benchmarks/run.py [--quick] [--json FILE] [--compare FILE] [--only NAME ...] [--strict]

Prints one table — figure, size, our time, baseline time, ratio, target, met? — and writes the
same rows as JSON with ``--json``. ``--quick`` runs every figure at a tenth of its size (what CI
runs) and never fails on a timing; ``--strict`` (full runs) exits 1 when a target is missed. A
figure that crashes is shown as « error » and makes the run exit 1: that is a bug, not a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import compare, fig_import, fig_load, fig_reports, fig_store, fig_sync, fig_window
from benchmarks.common import Context, Row, machine, shown

FIGURES: list[tuple[str, Callable[[Context], Row]]] = [
    ("startup", fig_window.startup),
    ("startup-installed", fig_window.installed_startup),
    ("search", fig_window.search_as_you_type),
    ("save-visit", fig_store.save_visit),
    ("durability", fig_store.durability_cost),
    ("sync-10k", fig_sync.push_pull),
    ("sync-10k-pg", fig_sync.push_pull_postgres),
    ("sync-nothing", fig_sync.nothing_to_do),
    ("sync-1-change", fig_sync.one_change_scaling),
    ("bilan-regional", fig_reports.bilan_regional),
    ("server-load", fig_sync.server_load),
    ("load", fig_load.load),
    ("load-steady", fig_load.steady),  # measured with "load" (same servers), one run
    ("load-capacity", fig_load.capacity),
    ("import", fig_import.spreadsheet_import),
    ("memory", fig_window.memory),
]
#: --only NAME also runs these (the load figures are measured together)
GROUPS = {"load": ("load", "load-steady", "load-capacity")}
HEADERS = ("figure", "size", "ours", "baseline", "ratio", "target", "met?")


def _cells(row: Row) -> list[str]:
    ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
    met = {True: "yes", False: "NO", None: "—"}[row.met]
    return [
        row.figure,
        row.size,
        shown(row.ours, row.unit),
        shown(row.baseline, row.unit),
        ratio,
        row.target,
        met,
    ]


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table (readable in a terminal and pasted as is into the README)."""
    lines = [HEADERS, *(_cells(r) for r in rows)]
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(HEADERS))]
    out = []
    for number, line in enumerate(lines):
        out.append(
            "| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        )
        if number == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    notes = [f"- {r.figure}: {r.note}" for r in rows if r.note]
    return "\n".join(out + (["", *notes] if notes else []))


def run_figure(ctx: Context, name: str, function: Callable[[Context], Row]) -> tuple[Row, bool]:
    started = time.perf_counter()
    print(f"… {name}", file=sys.stderr, flush=True)
    try:
        row, ok = function(ctx), True
    except Exception as error:  # a crash is reported in the table, and fails the run
        traceback.print_exc()
        row = Row(name, "", note=f"error: {error.__class__.__name__}: {error}"[:300])
        ok = False
    print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return row, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="a tenth of the size; never fails on timing"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON")
    parser.add_argument(
        "--compare", metavar="FILE", help="print a previous --json run beside this one"
    )
    parser.add_argument("--only", nargs="*", metavar="NAME", choices=[n for n, _f in FIGURES])
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--keep", metavar="DIR", help="build the profiles in DIR and keep them")
    parser.add_argument(
        "--scale",
        type=float,
        help="size factor (default 1, or 0.1 with --quick); the tests run the suite at 0.01",
    )
    args = parser.parse_args(argv)
    previous = compare.load(Path(args.compare)) if args.compare else None  # fail before the run
    # Profiles opened here are throw-away: a passphrase instead of the user's keyring.
    os.environ.setdefault("COORDINATOR_APP_PASSPHRASE", "benchmarks-passphrase")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    with tempfile.TemporaryDirectory(prefix="carnet-bench-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        scale = args.scale or (0.1 if args.quick else 1.0)
        ctx = Context(scale=scale, work=work, quick=args.quick or scale < 1)
        only = {n for name in args.only or [] for n in GROUPS.get(name, (name,))}
        selected = [(n, f) for n, f in FIGURES if not args.only or n in only]
        started = time.perf_counter()
        results = [run_figure(ctx, name, function) for name, function in selected]
        elapsed = time.perf_counter() - started
    rows = [row for row, _ok in results]
    info = machine()
    print()
    print(
        f"Carnet COOP benchmarks ({'full size' if scale == 1 else f'{scale:g} of the full size'}) — "
        f"{info['nproc']} CPU × {info['cpu']}, {info['ram_gb']} GB RAM, Python {info['python']}, "
        f"load average {info['load_average']}; "
        f"{elapsed:.0f} s"
    )
    print()
    print(table(rows))
    if previous is not None:
        print()
        print(f"Compared with {args.compare}:")
        print()
        print(compare.compare_table(previous, rows))
    if args.json:
        payload = {
            "quick": args.quick,
            "scale": scale,
            "machine": info,
            "seconds": elapsed,
            "rows": [r.as_dict() for r in rows],
        }
        Path(args.json).write_text(
            json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    crashed = not all(ok for _row, ok in results)
    missed = any(row.met is False for row in rows)
    if crashed:
        return 1
    return 1 if (args.strict and missed and not args.quick) else 0


if __name__ == "__main__":
    raise SystemExit(main())
