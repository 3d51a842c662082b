"""Fixtures of the window's tests: offscreen Qt, real temporary profiles."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
