"""The ``bilan-regional`` PDF over 2 000 visits, against a bare reportlab table of the same rows."""

from __future__ import annotations

from benchmarks.common import Context, Row, feature, median_time, thousands
from benchmarks.profiles import build_profile

TARGET = "≤ 2×"
REGION = "03"


def bilan_regional(ctx: Context) -> Row:
    visits = ctx.n(2_000)
    size = f"{thousands(visits)} visits"
    figure = "bilan-regional PDF"
    if not feature("coordinator_app.reports.bilan_regional"):
        return Row.absent(figure, size, TARGET, "coordinator_app.reports")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from coordinator_app.reports import ReportOptions
    from coordinator_app.reports import bilan_regional as report
    from coordinator_app.store import open_store

    folder = build_profile(ctx.work / f"report-{visits}", visits, projects=60, region=REGION)
    store = open_store(folder)
    try:
        rows = store.conn.execute(
            "SELECT v.visited_at, p.name, v.mode, v.place, substr(v.observations, 1, 60)"
            " FROM visit v JOIN project p ON p.id = v.project_id WHERE v.deleted = 0"
            " ORDER BY v.visited_at"
        ).fetchall()
        out = ctx.work / "bilan.pdf"
        base_out = ctx.work / "bare.pdf"
        options = ReportOptions()

        def ours() -> None:
            report.generate(store, REGION, "2025-01-01", "2025-12-31", out, options)

        def baseline() -> None:
            table = Table([["Date", "Projet", "Mode", "Lieu", "Observations"], *rows], repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), "Helvetica", 7),
                        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                    ]
                )
            )
            SimpleDocTemplate(str(base_out), pagesize=letter).build([table])

        ours()  # fonts registered and modules warm for both
        baseline()
        repeat = 3 if ctx.quick else 5
        ours_s, base_s = median_time(ours, repeat), median_time(baseline, repeat)
    finally:
        store.close()
    ratio = ours_s / base_s
    note = f"{len(rows)} visit rows in region {REGION}; {out.stat().st_size // 1024} KiB PDF"
    return Row(figure, size, ours_s, base_s, TARGET, ratio <= 2.0, note)
