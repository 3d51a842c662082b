"""Business rules that derive some field values from others when a record changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any


def with_stage_history(
    old: Mapping[str, Any] | None, new: dict[str, Any], today: dt.date
) -> dict[str, Any]:
    """Append ``{stage, date}`` to a project's stage history when its stage changes.

    The history is what the project page and the project sheet show; it is derived here rather than
    typed by the coordinator, unless the change itself carries an edited history.
    """
    old_stage = (old or {}).get("stage")
    stage = new.get("stage")
    if not stage or stage == old_stage:
        return new
    history = list(new.get("stage_history") or [])
    if history == list((old or {}).get("stage_history") or []):
        if not history or history[-1].get("stage") != stage:
            history.append({"stage": stage, "date": today.isoformat()})
        new = {**new, "stage_history": history}
    return new
