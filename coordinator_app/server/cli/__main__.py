"""``python -m coordinator_app.server.cli``: the same as ``coordinator-server``."""

import sys

from coordinator_app.server.cli import main

sys.exit(main())
