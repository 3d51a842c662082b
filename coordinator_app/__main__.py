"""``python -m coordinator_app`` runs the same entry point as ``coordinator-app``."""

from coordinator_app.cli.main import main

raise SystemExit(main())
