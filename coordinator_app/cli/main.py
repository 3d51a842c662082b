"""Entry point of ``coordinator-app`` (also ``python main.py`` and ``python -m coordinator_app``).

Each command lives in its own module with a ``register(subparsers)`` function that adds its parser
and sets ``handler=function(ctx) -> int``. Add a module to ``COMMAND_MODULES`` to add a command.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from coordinator_app import APP_NAME, __version__
from coordinator_app.cli import argparse_fr
from coordinator_app.cli.context import Context
from coordinator_app.cli.errors import EXIT_USER_ERROR, report

argparse_fr.install()

COMMAND_MODULES: tuple[str, ...] = (
    "coordinator_app.cli.demo",
    "coordinator_app.cli.status",
    "coordinator_app.cli.person",
    "coordinator_app.cli.self_test",
    "coordinator_app.cli.sync_commands",
    "coordinator_app.cli.transfer",
    "coordinator_app.cli.report",
    "coordinator_app.cli.privacy",
    "coordinator_app.cli.agenda",
)


class _Parser(argparse.ArgumentParser):
    """argparse with French one-line errors and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"Erreur : {message}", file=sys.stderr)
        raise SystemExit(EXIT_USER_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="coordinator-app",
        description=f"{APP_NAME} — carnet de terrain des coordonnateurs du CQCM.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="dossier du profil (sinon COORDINATOR_APP_DATA_DIR ou le dossier de l'utilisateur)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def open_window(ctx: Context) -> int:
    """With no command: open the main window (the ``ui`` package is imported only here)."""
    try:
        from coordinator_app.ui.app import run_app
    except ImportError as error:
        print(
            f"La fenêtre n'est pas disponible dans cette installation ({error}). Utilisez les commandes : coordinator-app --help"
        )
        return EXIT_USER_ERROR
    return run_app(ctx.args.data_dir)


def _window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """``coordinator-app [--data-dir DIR]`` (no command): the window's arguments, else None.

    The window is opened without building the full parser: importing every command module
    (sync client, reportlab, openpyxl) cost about 1 s and 115 MB of each start of the window.
    """
    parser = _Parser(prog="coordinator-app", add_help=False)
    parser.add_argument("--data-dir", metavar="DIR")
    args, rest = parser.parse_known_args(argv)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _window_arguments(arguments) or build_parser().parse_args(arguments)
    ctx = Context(args)
    handler = getattr(args, "handler", open_window)
    try:
        return handler(ctx)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the single place errors become exit codes
        return report(error, ctx.data_dir)
    finally:
        ctx.close()
