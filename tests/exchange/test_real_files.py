"""Every real file of ../shared/realfiles (449 spreadsheets and CSV files written by Excel,
LibreOffice, Google Sheets, Numbers, streaming writers…) imported as a dry run as every kind, the
way the command line does it: exit 0 or 2 with a French message, never 1, nothing on standard
output from a library, nothing written.

The files are read where they are (never copied into the project). The command runs in-process
(``Context`` given an open profile) so 4 900 imports take minutes, not an hour; a few of the
nastiest files also go through the real ``coordinator-app`` process in ``test_issue_cases``.
"""

from __future__ import annotations

import re
import resource
from pathlib import Path

import pytest

from coordinator_app.cli.context import Context
from coordinator_app.cli.errors import report
from coordinator_app.cli.main import build_parser
from coordinator_app.domain.columns import KIND_NAMES
from coordinator_app.store import Store
from tests.exchange.conftest import journal_count

REAL_FILES = Path(__file__).resolve().parents[2].parent / "shared" / "realfiles"
if not REAL_FILES.is_dir():  # the worktree layout (/work/wt/<branch>) or the main repo's
    REAL_FILES = Path("/work/shared/realfiles")
INPUTS = REAL_FILES / "inputs"
#: Words of a library's English (or of a Python repr) that must never reach a user.
ENGLISH = re.compile(
    r"\b(Error|error|Exception|Traceback|None|True|False|the|is|not|found|invalid|file|"
    r"cannot|failed|expected|unsupported)\b|\w+\(\w+="
)
QUOTED = re.compile(r"«[^«»]*»|\([^()]*\.(?:xlsx?|xlsm|xlsb|ods|csv|txt)\)")
MAX_PEAK_MB = 1500


def real_files() -> list[Path]:
    listed = (REAL_FILES / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    return [INPUTS / line.split("\t")[0] for line in listed if line.strip()]


def run_cli(store: Store, argv: list[str], log_dir: Path) -> int:
    """``coordinator-app`` as ``main`` runs it, on an already open profile."""
    args = build_parser().parse_args(argv)
    ctx = Context(args, store)
    try:
        return args.handler(ctx)
    except Exception as error:  # as cli.main does: the one place errors become exit codes
        return report(error, log_dir)


def test_the_manifest_lists_the_449_files_and_they_are_there() -> None:
    files = real_files()
    assert len(files) == 449
    assert all(path.is_file() for path in files)


@pytest.mark.slow
@pytest.mark.timeout(1200)  # a hang guard: the sweep takes one to three minutes per kind
@pytest.mark.parametrize("kind", list(KIND_NAMES))
def test_every_real_file_imports_as_a_dry_run_with_exit_0_or_2_and_french_messages(
    store: Store, kind: str, capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    before = journal_count(store)
    failures: list[str] = []
    exits: dict[int, int] = {}
    for path in real_files():
        code = run_cli(store, ["import", str(path), "--kind", kind, "--dry-run"], tmp_path)
        out, err = capfd.readouterr()
        exits[code] = exits.get(code, 0) + 1
        name = path.relative_to(INPUTS)
        if code not in (0, 2):
            failures.append(f"{name}: exit {code}: {err[-300:]}")
            continue
        message = err if code == 2 else out
        plain = QUOTED.sub("", message)
        if not message.strip():
            failures.append(f"{name}: exit {code} without a message")
        elif ENGLISH.search(plain):
            failures.append(
                f"{name}: not French: {ENGLISH.search(plain).group(0)!r} in {message[:300]}"
            )
        if code == 2 and "Erreur inattendue" in err:
            failures.append(f"{name}: {err[:300]}")
    assert not failures, "\n".join(failures[:20])
    assert exits.get(2, 0) > 0
    assert journal_count(store) == before  # dry runs wrote nothing
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert peak_mb < MAX_PEAK_MB


def real_cell_values(limit: int = 3000) -> list[object]:
    """Distinct cell values (with their types: text, numbers, dates, times, durations, booleans)
    of the real workbooks, as calamine reads them."""
    import python_calamine

    from coordinator_app.exchange.workbook_reader import WORKBOOK_SUFFIXES, _cell

    seen: dict[tuple[str, str], object] = {}
    for path in real_files():
        if path.suffix.lower() not in WORKBOOK_SUFFIXES:
            continue
        try:
            sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
            rows = sheet.to_python(nrows=40)
        except Exception:  # unreadable workbooks are the sweep's business
            continue
        for row in rows:
            for value in row:
                value = _cell(value)
                if value is not None:
                    seen.setdefault((type(value).__name__, repr(value)[:80]), value)
        if len(seen) >= limit:
            break
    return list(seen.values())[:limit]


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(KIND_NAMES.values()))
def test_real_cell_values_in_every_column_give_french_problems_never_a_crash(
    store: Store, kind: str
) -> None:
    """The values real files hold, each put in one column of an otherwise valid row."""
    from coordinator_app.domain.columns import export_columns
    from coordinator_app.exchange.importer import import_table
    from coordinator_app.exchange.table import Table
    from tests.exchange.test_typed_values import BASE_ROWS

    values = real_cell_values()
    header = [c.header for c in export_columns(kind)]
    rows = []
    for number, value in enumerate(values):
        row = dict(BASE_ROWS[kind])
        row[header[number % len(header)]] = value
        rows.append((number + 2, [row.get(h) for h in header]))
    before = journal_count(store)

    report = import_table(store, Table("classeur", header, 1, iter(rows), len(rows), []), kind, "x")

    assert len(values) > 1000 and report.rows == len(rows)
    for problem in report.problems:
        text = QUOTED.sub("", str(problem))
        assert problem.message and not ENGLISH.search(text), str(problem)
    assert journal_count(store) == before  # problems (unresolved projects…): nothing written
