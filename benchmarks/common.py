"""What every benchmark figure shares: the result row, timing helpers, the test profiles.

A figure is a function ``figure(ctx) -> Row``. It measures our code and, where the issue names one,
a baseline doing the same work the plainest way, in the same run, so the ratio holds on a noisy
machine. A figure whose feature has not landed returns ``Row.absent(...)`` — never a made-up number.
"""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOT_PRESENT = "n/a — feature not present"


@dataclass
class Row:
    """One line of the table (and one object of the JSON)."""

    figure: str
    size: str
    ours: float | None = None  # seconds (or megabytes when unit is "MB")
    baseline: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        if self.ours is None or not self.baseline:
            return None
        return self.ours / self.baseline

    @classmethod
    def absent(cls, figure: str, size: str, target: str, what: str = "") -> Row:
        note = NOT_PRESENT + (f" ({what})" if what else "")
        return cls(figure, size, target=target, note=note)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data


@dataclass
class Context:
    """Run-wide settings and the work folder (profiles are built once and shared)."""

    scale: float
    work: Path
    quick: bool
    cache: dict[str, Any] = field(default_factory=dict)

    def n(self, full: int) -> int:
        """``full`` scaled for this run (a tenth with --quick), at least 1."""
        return max(1, round(full * self.scale))


def median_time(function: Callable[[], Any], repeat: int) -> float:
    """Median wall time of ``repeat`` calls (the median shrugs off one slow outlier)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def shown(value: float | None, unit: str) -> str:
    """A figure as the tables print it: « 12.3 ms », « 1.52 s », « 73 MB », « — » when missing."""
    if value is None:
        return "—"
    if unit != "s":
        return f"{value:.0f} {unit}"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def thousands(number: int) -> str:
    """12 345 → '12 345' (the table is read by French speakers too)."""
    return f"{number:,}".replace(",", " ")


def machine() -> dict[str, Any]:
    """nproc, CPU model and RAM of this machine, for the README table."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        load = [round(x, 1) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "load_average": load,  # other work on the machine inflates absolute times, not ratios
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": ram_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def qt_env() -> dict[str, str]:
    """Environment for child processes that open windows: offscreen unless a display exists."""
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    # An installed app runs from compiled bytecode: a child that recompiled every module at each
    # start (PYTHONDONTWRITEBYTECODE, set in some shells and CI) measured 0.3 s of compile()
    # that no user ever waits for (issue 17's start-up profile). The warm-up child writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(code: str, *args: str, timeout: float = 300) -> tuple[float, dict[str, str]]:
    """Start ``python -c code args`` and time it until it prints ``READY`` (see ``run_command``)."""
    return run_command([sys.executable, "-c", code, *args], timeout=timeout)


def run_command(argv: list[str], *, timeout: float = 300) -> tuple[float, dict[str, str]]:
    """Start ``argv`` and time it until it prints a line starting with ``READY``.

    Returns the wall time from process start to that line and the ``key=value`` pairs the child
    printed on it (e.g. its memory). The child quits on its own right after.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=qt_env(),
        cwd=ROOT,
    )
    elapsed, values = None, {}
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - started
            values = dict(part.split("=", 1) for part in line.split()[1:])
            break
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
    if elapsed is None:
        raise RuntimeError(f"child did not get ready: {err.strip()[-800:]}")
    return elapsed, values


def feature(module: str) -> bool:
    """True when ``module`` can be imported (the feature it carries has landed)."""
    import importlib

    try:
        importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name and (module == error.name or module.startswith(error.name + ".")):
            return False
        raise
    return True


@contextlib.contextmanager
def database(engine: str, work: Path) -> Iterator[str | None]:
    """A fresh server database URL for ``engine`` (None when PostgreSQL is not reachable here).

    PostgreSQL's is a new schema of the test database at 127.0.0.1:5432, dropped on the way out:
    each run starts empty and leaves nothing behind. Stop the server inside the block: a transaction
    still open on the schema's tables would make the drop wait. SQLite's is ``server.sqlite3`` in
    ``work``.
    """
    if engine == "SQLite":
        yield f"sqlite:///{work / 'server.sqlite3'}"
        return
    from tests.support.live_server import POSTGRES_URL, postgres_reachable, postgres_schema_url

    if postgres_reachable(POSTGRES_URL):
        yield None
        return
    with postgres_schema_url(POSTGRES_URL) as url:
        yield url
