"""Retention of personal data (Québec Law 25) as seen on the wire.

The server stores retention settings set by an administrator (``coordinator-server set-retention``)
and returns them in every pull response as ``retention``; it applies them itself
(``coordinator-server privacy purge``) by writing ordinary changes that sync. The rule and the
anonymised values are the domain's (``coordinator_app.domain.privacy``), re-exported here so the
server and every laptop compute the *same* values (different ones would show up as conflicts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from coordinator_app.domain.privacy import (
    ANONYMISED_NAME,
    RETENTION_DEFAULTS,
    add_months,
    anonymise_on,
    anonymised_participant,
    retention_rules,
    season_end,
)

__all__ = [
    "ANONYMISED_NAME",
    "RETENTION_DEFAULTS",
    "add_months",
    "anonymised_participant",
    "participant_due",
    "retention_rules",
    "season_end",
]


def participant_due(project: Mapping[str, Any], months: int, today: dt.date) -> bool:
    """True when a participant of ``project`` must be anonymised on ``today``."""
    due = anonymise_on(project, months)
    return due is not None and due <= today
