"""Time on the server, in one place: ISO UTC strings for storage, epoch seconds for throttling."""

from __future__ import annotations

import datetime as dt
import time


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def now_iso() -> str:
    return now().isoformat(timespec="microseconds")


def epoch() -> float:
    return time.time()
