"""A 50 000-row file in one transaction with progress, and the command line as users run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from coordinator_app.exchange.importer import import_file
from coordinator_app.store import Store, open_store
from tests.exchange.conftest import journal_count, write_csv

ROOT = Path(__file__).resolve().parents[2]
REGIONS = ["Bas-Saint-Laurent", "03", "Montérégie", "Gaspésie–Îles-de-la-Madeleine", "Côte-Nord"]


@pytest.mark.slow
def test_fifty_thousand_rows_in_one_transaction_with_progress(store: Store, tmp_path: Path) -> None:
    rows = 50_000
    lines = ["Thème;Date;Format;Région;Participation"]
    lines += [
        f"Atelier n° {n} — coopération;{n % 28 + 1:02d}/03/2026;{'Webinaire' if n % 2 else 'Atelier'};"
        f"{REGIONS[n % 5]};{n % 90}"
        for n in range(rows)
    ]
    path = write_csv(tmp_path / "ateliers.csv", lines, encoding="cp1252")
    seen: list[tuple[int, int]] = []
    before = journal_count(store)

    report = import_file(store, path, "workshop", progress=lambda d, t: seen.append((d, t)))

    assert report.ok and report.created == rows, report.problems[:3]
    assert store.count("workshop") == rows
    assert journal_count(store) - before == rows  # every row journaled, so it syncs later
    assert len(seen) >= rows // 500 and seen[-1] == (rows, rows)
    assert all(total >= done for done, total in seen)
    assert (
        store.find("workshop", equals={"theme": "Atelier n° 49999 — coopération"})[0]["region_code"]
        == "09"
    )


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coordinator_app", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )


def test_cli_import_reports_every_problem_then_imports_the_fixed_file_and_exports(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profil"
    header = "Nom du projet;Programme;Région;Année;Chiffre d'affaires;Date de début"
    bad = write_csv(
        tmp_path / "projets.csv",
        [
            header,
            "CIEC de Rimouski;CIEC;01;2026;1 234,56 $;26/06/2026",
            "CIEC de Gaspé;CIEC;Gaspesie-Iles;2026;;2026-06-20",
            "CIEC de Matane;CIEC;01;2026;mille;31/06/2026",
        ],
        encoding="cp1252",
    )
    result = _cli(data, "import", str(bad), "--kind", "projects")
    assert result.returncode == 2, result.stderr
    assert (
        "Ligne 3, colonne « Région », valeur « Gaspesie-Iles » : une région du Québec"
        in result.stderr
    )
    assert "Ligne 4, colonne « Date de début », valeur « 31/06/2026 »" in result.stderr
    assert "Ligne 4, colonne « Chiffre d'affaires », valeur « mille »" in result.stderr
    assert "rien n'a été importé" in result.stderr

    fixed = bad.read_bytes().replace(b"Gaspesie-Iles", b"11").replace(b"mille;31/06", b"900;30/06")
    bad.write_bytes(fixed)
    dry = _cli(data, "import", str(bad), "--kind", "projects", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Essai : 3 lignes lues (projets) — 3 à créer" in dry.stdout
    done = _cli(data, "import", str(bad), "--kind", "projects")
    assert done.returncode == 0 and "3 créées" in done.stdout, done.stderr

    out = tmp_path / "projets.xlsx"
    exported = _cli(data, "export", "--kind", "projects", "--format", "xlsx", "-o", str(out))
    assert exported.returncode == 0 and "3 enregistrements exportés en XLSX" in exported.stdout
    sheet = openpyxl.load_workbook(out).active
    names = sorted(row[0] for row in sheet.iter_rows(min_row=2, values_only=True))
    assert names == ["CIEC de Gaspé", "CIEC de Matane", "CIEC de Rimouski"]

    store = open_store(data)
    try:
        assert store.count("project") == 3 and journal_count(store) == 3
    finally:
        store.close()


def test_cli_refuses_binary_and_unknown_kind_with_exit_code_2(tmp_path: Path) -> None:
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00" * 20)
    result = _cli(tmp_path / "profil", "import", str(binary), "--kind", "projects")
    assert result.returncode == 2
    assert "n'est pas un fichier texte CSV" in result.stderr and "Traceback" not in result.stderr
    unknown = _cli(tmp_path / "profil", "export", "--kind", "vélos", "-o", str(tmp_path / "x.csv"))
    assert unknown.returncode == 2 and "Type de données inconnu : « vélos »" in unknown.stderr
