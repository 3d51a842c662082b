"""``coordinator-app self-test``: prove that this installation works, in a throw-away profile.

IT runs it right after installing (and CI runs it on the installed ``.deb``): each check prints one
line, « OK … » or « ÉCHEC … », and the exit code is 0 only when every check passed. Nothing touches
the user's own profile or keyring: the profile lives in a temporary folder, its passphrase is a
random one set in this process only, and the keyring is switched off for the duration.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import secrets
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from coordinator_app import APP_NAME, __version__
from coordinator_app.cli.context import Context
from coordinator_app.domain import fr_ca
from coordinator_app.resource_paths import resource_path, resources_root

ENV_PASSPHRASE = "COORDINATOR_APP_PASSPHRASE"
ENV_KEYRING_BACKEND = "PYTHON_KEYRING_BACKEND"
NO_KEYRING = "keyring.backends.fail.Keyring"


class CheckFailed(Exception):
    """A check found something wrong; the message is shown after « ÉCHEC »."""


@dataclass
class Outcome:
    label: str
    ok: bool
    detail: str
    seconds: float


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "self-test",
        help="vérifier l'installation dans un profil temporaire (une ligne par vérification)",
    )
    parser.add_argument(
        "--no-window", action="store_true", help="ne pas ouvrir la fenêtre principale"
    )
    # For benchmarks/ (installed bundle against source): open the window on --data-dir's profile,
    # wait until it is idle, print « READY rss_kb=… » and quit. Not a check: hidden from --help.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def run(ctx: Context) -> int:
    if ctx.args.startup_probe:
        return startup_probe(ctx.data_dir)
    print(f"{APP_NAME} {__version__} — autovérification ({sys.platform}, Python {_python()})")
    with _isolated_profile() as data_dir:
        outcomes = run_checks(data_dir, window=not ctx.args.no_window)
    for outcome in outcomes:
        status = "OK" if outcome.ok else "ÉCHEC"
        print(f"{status} {outcome.label} : {outcome.detail} ({outcome.seconds:.2f} s)")
    failed = [o for o in outcomes if not o.ok]
    print(
        f"Échec de {fr_ca.count(len(failed), 'vérification', 'vérifications')} sur {len(outcomes)}."
        if failed
        else f"Les {len(outcomes)} vérifications ont réussi."
    )
    return 1 if failed else 0


def run_checks(data_dir: Path, *, window: bool = True) -> list[Outcome]:
    """Run every check in order; a failing check does not stop the next ones."""
    checks: list[tuple[str, Callable[[], str]]] = [
        ("ressources", check_resources),
        ("création du profil", lambda: check_profile(data_dir)),
        ("écriture et lecture d'enregistrements", lambda: check_records(data_dir)),
        ("rapport PDF", lambda: check_report(data_dir)),
    ]
    if window:
        checks.append(("fenêtre principale", lambda: check_window(data_dir)))
    return [_timed(label, check) for label, check in checks]


def _timed(label: str, check: Callable[[], str]) -> Outcome:
    started = time.perf_counter()
    try:
        detail, ok = check(), True
    except CheckFailed as failure:
        detail, ok = str(failure), False
    except Exception as error:  # a self-test reports every failure instead of stopping
        last = traceback.extract_tb(error.__traceback__)[-1]
        detail = f"{error.__class__.__name__}: {error} ({Path(last.filename).name}:{last.lineno})"
        ok = False
    return Outcome(label, ok, detail, time.perf_counter() - started)


@contextlib.contextmanager
def _isolated_profile() -> Iterator[Path]:
    """A temporary profile folder, a random passphrase and no keyring, all undone afterwards."""
    import keyring
    from keyring.backends import fail

    saved = {name: os.environ.get(name) for name in (ENV_PASSPHRASE, ENV_KEYRING_BACKEND)}
    os.environ[ENV_PASSPHRASE] = secrets.token_urlsafe(24)
    os.environ[ENV_KEYRING_BACKEND] = NO_KEYRING
    saved_keyring = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # the temporary key must never reach the user's keyring
    try:
        with tempfile.TemporaryDirectory(prefix="carnet-self-test-") as folder:
            yield Path(folder) / "profil"
    finally:
        keyring.set_keyring(saved_keyring)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# -- checks ------------------------------------------------------------------------------------
def check_resources() -> str:
    """The fonts the PDF reports embed and Qt's French translations are where the app looks."""
    root = resources_root()
    fonts = sorted(p.name for p in resource_path("fonts").glob("*.ttf"))
    if not fonts:
        raise CheckFailed(f"aucune police dans {root / 'fonts'}")
    icons = sorted(p.name for p in resource_path("icons").glob("*") if p.is_file())
    qt_fr = self_check().qt_translation_file("qtbase_fr.qm")
    if qt_fr is None:
        raise CheckFailed("traduction française de Qt (qtbase_fr.qm) introuvable")
    fonts_text = fr_ca.count(len(fonts), "police", "polices")
    icons_text = fr_ca.count(len(icons), "icône", "icônes")
    return f"{fonts_text}, {icons_text}, qtbase_fr.qm présent, dans {root}"


def self_check() -> ModuleType:
    """``coordinator_app.ui.self_check``, imported when a check needs Qt (only ``ui`` imports it)."""
    from coordinator_app.ui import self_check as module

    return module


def check_profile(data_dir: Path) -> str:
    from coordinator_app.store import open_store

    store = open_store(data_dir)
    try:
        version = store.schema_version
        if not store.path.is_file():
            raise CheckFailed(f"la base {store.path} n'a pas été créée")
    finally:
        store.close()
    with store.path.open("rb") as database:
        clear = database.read(16) == b"SQLite format 3\x00"
    state = "en clair" if clear else "chiffré"
    return f"profil {state} créé (schéma v{version}) dans un dossier temporaire"


def check_records(data_dir: Path) -> str:
    """Write a project, a visit and its action items, reopen the profile, read them back."""
    from coordinator_app.store import open_store

    store = open_store(data_dir)
    try:
        with store.transaction():
            project = store.create(
                "project",
                {
                    "name": "Coop d'autovérification",
                    "program": "FERME_COOP",
                    "region_code": "05",
                    "municipality": "Sherbrooke",
                },
            )
            visit = store.create(
                "visit",
                {
                    "project_id": project["id"],
                    "visited_at": "2026-06-15T10:30",
                    "mode": "sur_place",
                    "observations": "Serre montée, récolte prévue en août — « tout va bien ».",
                },
            )
            for text in ("Envoyer le plan d'affaires", "Réserver la salle", "Relancer la caisse"):
                store.create(
                    "action_item",
                    {
                        "project_id": project["id"],
                        "visit_id": visit["id"],
                        "text": text,
                        "owner": "Coordination",
                    },
                )
    finally:
        store.close()
    store = open_store(data_dir)
    try:
        again = store.require("visit", visit["id"])
        actions = store.count("action_item", equals={"visit_id": visit["id"]})
        pending = store.pending_count()
    finally:
        store.close()
    if again["observations"] != visit["observations"]:
        raise CheckFailed("la visite relue ne correspond pas à la visite écrite")
    if actions != 3:
        raise CheckFailed(f"3 actions attendues, {fr_ca.count(actions, 'relue', 'relues')}")
    return f"1 projet, 1 visite et {actions} actions relus après réouverture ({pending} changements journalisés)"


def check_report(data_dir: Path) -> str:
    """Render the project sheet of the record check's project to PDF and check the file."""
    from coordinator_app.reports import ReportOptions, fiche_projet
    from coordinator_app.store import open_store

    store = open_store(data_dir)
    try:
        projects = store.find("project", limit=1)
        if not projects:
            raise CheckFailed("aucun projet à imprimer (la vérification précédente a échoué)")
        output = data_dir / "fiche-projet.pdf"
        fiche_projet.generate(store, projects[0]["id"], output, ReportOptions())
    finally:
        store.close()
    data = output.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:] or pages == 0:
        raise CheckFailed(f"{output.name} n'est pas un PDF complet")
    return f"fiche de projet PDF produite ({fr_ca.count(pages, 'page', 'pages')}, {len(data) // 1024} Kio)"


def check_window(data_dir: Path) -> str:
    """Open the main window on the temporary profile, let it settle, close it."""
    qt = self_check()
    try:
        title, platform = qt.open_and_close_window(data_dir)
    except ImportError as error:
        raise CheckFailed(f"fenêtre principale indisponible ({error})") from None
    except qt.WindowNotShown:
        raise CheckFailed("la fenêtre ne s'est pas affichée") from None
    return f"« {title} » ouverte et fermée (plateforme Qt {platform})"


def startup_probe(data_dir: Path) -> int:
    """Show the main window on ``data_dir``; print READY once no background task runs."""
    return self_check().startup_probe(data_dir, lambda: f"READY rss_kb={_rss_kb()}")


def _rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _python() -> str:
    return ".".join(str(part) for part in sys.version_info[:3])
