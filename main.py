"""Start Carnet COOP from a source checkout: ``python main.py [--data-dir DIR] [COMMAND]``."""

from coordinator_app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
