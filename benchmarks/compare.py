"""``run.py --compare FILE``: a previous JSON run beside the new one, figure by figure.

Rows are matched by their figure's name; a figure in only one of the two runs shows « — » on the
other side. The change column is new / old of our time (below 1× is faster).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.common import Row, shown

HEADERS = ("figure", "before", "before baseline", "now", "now baseline", "now / before")


def load(path: Path) -> dict[str, Any]:
    """A JSON written by ``run.py --json`` (its rows and the machine it ran on)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def compare_table(previous: dict[str, Any], rows: list[Row]) -> str:
    """Markdown table of the previous run's rows beside ``rows``, then the two machines' load."""
    old = {r["figure"]: r for r in previous.get("rows", [])}
    names = [r.figure for r in rows] + [
        name for name in old if name not in {r.figure for r in rows}
    ]
    new = {r.figure: r for r in rows}
    lines: list[tuple[str, ...]] = [HEADERS]
    for name in names:
        before, now = old.get(name), new.get(name)
        unit = now.unit if now else (before or {}).get("unit", "s")
        change = "—"
        if before and now and before.get("ours") and now.ours is not None:
            change = f"{now.ours / before['ours']:.2f}×"
        lines.append(
            (
                name,
                shown(before.get("ours") if before else None, unit),
                shown(before.get("baseline") if before else None, unit),
                shown(now.ours if now else None, unit),
                shown(now.baseline if now else None, unit),
                change,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADERS))]
    out = []
    for number, line in enumerate(lines):
        out.append("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |")
        if number == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    machine = previous.get("machine", {})
    out.append("")
    out.append(
        f"before: scale {previous.get('scale')}, load average {machine.get('load_average')}, "
        f"Python {machine.get('python')}"
    )
    return "\n".join(out)
