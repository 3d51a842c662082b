"""Protocol and schema versions, and the HTTP header names that carry them.

``PROTOCOL_VERSION`` changes when the shape of requests or responses changes incompatibly.
``SCHEMA_VERSION`` is the version of the *data* (the set of kinds and fields in
``coordinator_app.domain.entities``): a client on another data schema would write fields the server
does not know or miss ones it requires, so the server refuses it with « mettez à jour l'application »
rather than corrupt anything. The server accepts schemas from ``MIN_SCHEMA_VERSION`` to
``SCHEMA_VERSION``.
"""

from __future__ import annotations

PROTOCOL_VERSION = 1
# 2: who is who (visit « made_by », follow-up owners, change authors by account) and planned
# visits. A schema-1 client would drop those fields: it is told to update.
SCHEMA_VERSION = 2
MIN_SCHEMA_VERSION = 2

API_PREFIX = "/api/v1"

#: Request headers every call but ``GET /api/v1/health`` must carry.
PROTOCOL_HEADER = "X-Carnet-Protocol"
SCHEMA_HEADER = "X-Carnet-Schema"
#: Response header that repeats ``server_generation`` (also present on binary responses).
GENERATION_HEADER = "X-Carnet-Generation"


def version_headers() -> dict[str, str]:
    """The headers a client of this version sends with every request."""
    return {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)}
