"""Importing a 50 000-row spreadsheet of visits (Excel .xlsx) into a profile."""

from __future__ import annotations

import shutil
import time

from benchmarks.common import Context, Row, feature, thousands
from benchmarks.profiles import build_profile

TARGET = "< 10 s"


def _copy_projects(source_folder, target) -> None:
    """The source's schools and projects, under the same ids (the sheet names projects by id)."""
    from coordinator_app.domain.entities import ENTITIES
    from coordinator_app.store import open_store

    source = open_store(source_folder)
    try:
        with target.transaction():
            for kind in ("school", "project"):
                names = [n for n in ENTITIES[kind].field_names if n != "stage_history"]
                for record in source.find(kind):
                    values = {n: record[n] for n in names if record[n] not in (None, [], "")}
                    target.create(kind, values, record_id=record["id"])
    finally:
        source.close()


def spreadsheet_import(ctx: Context) -> Row:
    rows = ctx.n(50_000)
    size = f"{thousands(rows)} rows (.xlsx)"
    figure = "import of a spreadsheet"
    if not (
        feature("coordinator_app.exchange.importer")
        and feature("coordinator_app.exchange.exporter")
    ):
        return Row.absent(figure, size, TARGET, "coordinator_app.exchange")
    from coordinator_app.exchange.exporter import export_records
    from coordinator_app.exchange.importer import import_file
    from coordinator_app.store import open_store

    # The spreadsheet is the app's own export of a profile with `rows` visits, so its columns
    # are the ones coordinators get and send back; the target profile has the same projects.
    source = build_profile(ctx.work / f"import-source-{rows}", rows, projects=60)
    sheet = ctx.work / f"visites-{rows}.xlsx"
    store = open_store(source)
    try:
        export_records(store, "visit", sheet)
    finally:
        store.close()
    target_folder = ctx.work / f"import-target-{rows}"
    shutil.rmtree(target_folder, ignore_errors=True)  # an empty profile, even with --keep
    target = open_store(target_folder)
    try:
        _copy_projects(source, target)
        started = time.perf_counter()
        report = import_file(target, sheet, "visit")
        seconds = time.perf_counter() - started
        imported = target.count("visit")
    finally:
        target.close()
    if report.problems:
        first = report.problems[0]
        return Row(figure, size, seconds, None, TARGET, False, f"import refused: {first}")
    note = f"{thousands(imported)} visits written, journaled, all-or-nothing"
    return Row(figure, size, seconds, None, TARGET, seconds < 10 and imported == rows, note)


EXPORT_TARGET = "< 10 s"


def spreadsheet_export(ctx: Context) -> Row:
    """The 50 000 visits of a profile exported to .xlsx (names instead of ids, typed cells).

    Not in `run.py`'s list yet (its figure count is pinned by a test outside this change): run
    it with `python -m benchmarks.fig_import`.
    """
    rows = ctx.n(50_000)
    size = f"{thousands(rows)} rows (.xlsx)"
    figure = "export to a spreadsheet"
    if not feature("coordinator_app.exchange.exporter"):
        return Row.absent(figure, size, EXPORT_TARGET, "coordinator_app.exchange")
    from coordinator_app.exchange.exporter import export_records
    from coordinator_app.store import open_store

    source = build_profile(ctx.work / f"import-source-{rows}", rows, projects=60)
    sheet = ctx.work / f"export-visites-{rows}.xlsx"
    store = open_store(source)
    try:
        started = time.perf_counter()
        result = export_records(store, "visit", sheet)
        seconds = time.perf_counter() - started
    finally:
        store.close()
    megabytes = sheet.stat().st_size / 1e6
    note = f"{thousands(result.count)} visits, {megabytes:.1f} MB, names instead of ids"
    return Row(figure, size, seconds, None, EXPORT_TARGET, seconds < 10, note)


if __name__ == "__main__":  # python -m benchmarks.fig_import [scale]: both figures, printed
    import os
    import sys
    import tempfile
    from pathlib import Path

    os.environ.setdefault("COORDINATOR_APP_PASSPHRASE", "benchmarks-passphrase")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with tempfile.TemporaryDirectory(prefix="carnet-bench-") as folder:
        scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
        context = Context(scale=scale, work=Path(folder), quick=scale < 1)
        for measure in (spreadsheet_export, spreadsheet_import):
            row = measure(context)
            print(f"{row.figure}: {row.size}: {row.ours:.2f} s — {row.note}")
