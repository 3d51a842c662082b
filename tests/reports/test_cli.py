"""``coordinator-app report …``: success prints the path; every bad input exits 2 with a French
message and leaves no file (nor a temporary file) behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator_app.cli.main import main
from coordinator_app.reports.output import write_atomically
from tests.reports.conftest import pdf_text


@pytest.fixture
def cli(store, sample):
    """Run the command line on the sample profile; returns (exit code, stdout, stderr)."""
    data_dir = str(store.data_dir)

    def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
        try:
            code = main(["--data-dir", data_dir, "report", *args])
        except SystemExit as exit_:  # argparse errors
            code = int(exit_.code or 0)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_each_report_from_the_command_line(cli, sample, tmp_path: Path, capsys):
    folder = tmp_path / "sortie"
    folder.mkdir()
    cases = {
        "fiche.pdf": ["fiche-projet", "--project", sample["ciec"], "--with-names"],
        "visite.pdf": ["visite", "--visit", sample["visit"], "--page-size", "a4"],
        "region.pdf": ["bilan-regional", "--region", "Capitale-Nationale", "--from", "2026-01-01",
                       "--to", "2026-12-31"],
        "annuel.pdf": ["bilan-annuel", "--year", "2026"],
    }  # fmt: skip
    for name, args in cases.items():
        target = folder / name
        code, out, err = cli(capsys, *args, "-o", str(target))
        assert (code, err) == (0, ""), name
        assert out.strip() == f"Rapport écrit : {target}"
        assert target.read_bytes().startswith(b"%PDF")
    assert "Léa Gagnon" in pdf_text(folder / "fiche.pdf")
    assert sorted(p.name for p in folder.iterdir()) == sorted(cases)


BAD_INPUTS = [
    (["fiche-projet", "--project", "inconnu-123"], "Projet introuvable : inconnu-123"),
    (["visite", "--visit", "inconnue-456"], "Visite introuvable : inconnue-456"),
    (
        ["bilan-regional", "--region", "99", "--from", "2026-01-01", "--to", "2026-12-31"],
        "Région inconnue : 99",
    ),
    (
        ["bilan-regional", "--region", "Atlantide", "--from", "2026-01-01", "--to", "2026-12-31"],
        "Région inconnue : Atlantide",
    ),
    (
        ["bilan-regional", "--region", "10", "--from", "2026-01-01", "--to", "2026-12-31"],
        "Aucune donnée pour la région 10 Nord-du-Québec du 1er janvier 2026 au 31 décembre 2026",
    ),
    (
        ["bilan-regional", "--from", "1995-01-01", "--to", "1995-03-31"],
        "Aucune donnée pour l'ensemble des régions",
    ),
    (
        ["bilan-regional", "--from", "2026-12-31", "--to", "2026-01-01"],
        "Période invalide : le début (2026-12-31) est après la fin (2026-01-01)",
    ),
    (
        ["bilan-regional", "--from", "2026-13-01", "--to", "2026-12-31"],
        "--from (début) : date invalide « 2026-13-01 »",
    ),
    (["bilan-annuel", "--year", "1999"], "Aucune donnée pour l'année 1999"),
    (["bilan-annuel", "--year", "deux-mille"], "Année invalide : « deux-mille »"),
    (["bilan-annuel", "--year", "2026", "--page-size", "legal"], "choix invalide : 'legal'"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUTS)
def test_bad_input_exits_2_with_a_french_message_and_no_file(
    cli, tmp_path: Path, capsys, args: list[str], message: str
):
    target = tmp_path / "sortie" / "rapport.pdf"
    target.parent.mkdir()
    code, _, err = cli(capsys, *args, "-o", str(target))
    assert code == 2
    assert message in err
    assert list(target.parent.iterdir()) == []


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("{tmp}/absent/rapport.pdf", "Le dossier de sortie n'existe pas"),
        ("{tmp}", "Le chemin de sortie est un dossier"),
        ("{tmp}/rapport.txt", "doit se terminer par .pdf"),
        ("{tmp}/fichier.txt/rapport.pdf", "Le dossier de sortie n'existe pas"),
        ("/proc/rapport.pdf", "Impossible d'écrire"),  # refused even to root
    ],
)
def test_unwritable_output_path(cli, sample, tmp_path: Path, capsys, output: str, message: str):
    folder = tmp_path / "sortie"
    folder.mkdir()
    (folder / "fichier.txt").write_text("déjà là")
    target = output.format(tmp=folder)
    code, _, err = cli(capsys, "visite", "--visit", sample["visit"], "-o", target)
    assert code == 2
    assert message in err
    assert err.startswith("Erreur : ")
    assert [p.name for p in folder.iterdir()] == ["fichier.txt"]
    assert not Path("/proc/rapport.pdf").exists()


def test_a_failing_build_leaves_the_previous_file_untouched(tmp_path: Path):
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"%PDF ancien rapport")

    def broken(temp: Path) -> None:
        temp.write_bytes(b"%PDF moitie")
        raise RuntimeError("panne au milieu de la mise en page")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_bytes() == b"%PDF ancien rapport"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]


def test_project_and_visit_by_name_or_unique_part(cli, sample, store, tmp_path: Path, capsys):
    target = tmp_path / "fiche.pdf"
    code, _out, err = cli(capsys, "fiche-projet", "--project", "limoilou", "-o", str(target))
    assert (code, err) == (0, "")
    assert "CIEC de Limoilou" in pdf_text(target)
    visit = tmp_path / "visite.pdf"
    code, _out, err = cli(capsys, "visite", "--visit", "Limoilou 2026-11-26", "-o", str(visit))
    assert (code, err) == (0, "")


def test_a_name_matching_several_projects_lists_them(cli, sample, tmp_path: Path, capsys):
    target = tmp_path / "fiche.pdf"
    code, _out, err = cli(capsys, "fiche-projet", "--project", "de", "-o", str(target))
    assert code == 2
    assert "projets correspondent à « de » ; précisez le nom ou donnez l'identifiant" in err
    assert "Coop-café de la Cité" in err and sample["jeune"] in err
    assert "CIEC de Limoilou" in err and sample["ciec"] in err
    assert not target.exists()


def test_gaspesie_alone_names_its_region():
    from coordinator_app.domain.regions import parse_region

    assert parse_region("Gaspésie") == "11"
    assert parse_region("iles-de-la-madeleine") == "11"
    assert parse_region("Saguenay") == "02"
    assert parse_region("Lac-Saint-Jean") == "02"


def test_command_line_help_is_french(capsys):
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    text = capsys.readouterr().out
    assert text.startswith("utilisation : coordinator-app report")
    assert "options\u00a0:" in text
    assert "afficher ce message d'aide et quitter" in text
    for english in ("usage:", "show this help", "positional arguments"):
        assert english not in text
