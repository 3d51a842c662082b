"""A long session ends with a clean exit, however many Qt calls and signals the window made.

On Python 3.11, PySide6 6.12.0 returns ``None`` (from every ``void`` method) and ``True`` (from
``emit``) without counting the reference, so each call took one reference away from the singleton.
Once a session had made more such calls than the singleton really had references, the interpreter
aborted (« Fatal Python error: bool_dealloc », exit code 134): in the middle of this work before
the fix, or while releasing everything at exit after a shorter session (the test suite's own
symptom). pyproject.toml keeps PySide6 below 6.12 for this reason. A fresh process is needed: the
verdict is its exit code.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

#: A long piece of work reporting every step to a progress bar, as a big import does, then the end.
CHILD = """
import sys
from PySide6.QtWidgets import QApplication, QProgressBar
app = QApplication(sys.argv[:1])
bar = QProgressBar()
from coordinator_app.ui import tasks
steps = int(sys.argv[1])
received = []

def work(reporter):
    for step in range(steps):
        reporter.report(step, steps, "")
    return steps

task = tasks.run_in_background(None, work, on_success=lambda result: app.quit(), label="Import")
task.progressed.connect(lambda done, total, text: (bar.setValue(done), received.append(done)))
app.exec()
tasks.pool().waitForDone(15000)
print(len(received))
"""


def test_a_long_work_reporting_every_step_ends_with_a_clean_exit() -> None:
    steps = 40_000  # each step emits twice from Python: several times True's references
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(steps)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.split()[-1] == str(steps)
