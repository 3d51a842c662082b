"""``coordinator-app self-test`` from source: one line per check, exit 0 only when all pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from coordinator_app.cli.self_test import run_checks

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env.pop("COORDINATOR_APP_PASSPHRASE", None)  # self-test brings its own
    result = subprocess.run(
        [sys.executable, "-m", "coordinator_app", "self-test"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    checks = [line for line in lines if line.startswith(("OK ", "ÉCHEC "))]
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split(" :")[0] for line in checks] == [
        "OK ressources",
        "OK création du profil",
        "OK écriture et lecture d'enregistrements",
        "OK rapport PDF",
        "OK fenêtre principale",
    ]
    assert lines[-1] == "Les 5 vérifications ont réussi."
    assert not (tmp_path / ".local" / "share" / "carnet-coop").exists()  # user's profile untouched


def test_a_failing_check_says_so_in_french_and_the_others_still_run(tmp_path: Path) -> None:
    blocked = tmp_path / "lecture-seule"
    blocked.write_text("un fichier, pas un dossier")
    outcomes = run_checks(blocked / "profil", window=False)
    by_label = {o.label: o for o in outcomes}
    assert by_label["ressources"].ok
    assert not by_label["création du profil"].ok
    assert "profil" in by_label["création du profil"].detail
    assert not by_label["écriture et lecture d'enregistrements"].ok
    assert len(outcomes) == 4


def test_a_bundle_without_its_fonts_fails_self_test(tmp_path: Path, monkeypatch, capsys) -> None:
    """What a broken bundle looks like: sys._MEIPASS set, but no resources inside it."""
    from coordinator_app.cli.main import main
    from coordinator_app.resource_paths import resources_root

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources_root.cache_clear()
    try:
        code = main(["self-test", "--no-window"])
    finally:
        monkeypatch.undo()
        resources_root.cache_clear()
    out = capsys.readouterr().out
    assert code == 1
    assert f"ÉCHEC ressources : aucune police dans {tmp_path / 'resources' / 'fonts'}" in out
    assert "OK création du profil" in out  # the other checks still ran
    assert "Échec de 1 vérification sur 4." in out
