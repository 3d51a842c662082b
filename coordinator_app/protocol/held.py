"""A pull sent ahead of the laptop's cursor says which cursor the laptop holds (issue 17).

A pull from ``since`` tells the server the device holds every entry up to ``since``
(``server.device_seen``); deletes are checked against it. A laptop that requests page N+1 while
it still applies page N (``sync.prefetch``) does not hold ``since`` yet: it adds ``held``, the
cursor its profile has committed, and the server records the smaller of the two. A server that
does this says so with ``HELD_HEADER`` on its pull answers; a laptop sends a pull ahead only to
such a server (an older server would record ``since``). An older laptop never sends ``held``.
"""

from __future__ import annotations

#: Response header of a server that records ``held`` (value ``"1"``).
HELD_HEADER = "X-Carnet-Held"
#: The pull's query parameter.
HELD_PARAM = "held"
