"""Schemathesis hooks: push bodies also carry the values that once broke the server (issue 13,
point 10): ``at`` outside what a datetime can hold once in UTC, and NaN, infinities and
integers beyond 64 bits inside a change's fields. Loaded through ``SCHEMATHESIS_HOOKS``."""

from __future__ import annotations

import copy
import itertools
import json
import os
from typing import Any

import schemathesis
from schemathesis.transport.requests import REQUESTS_TRANSPORT
from schemathesis.transport.serialization import serialize_json

MALFORMED_AT = ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"]
#: NaN and 1e999 are not JSON an encoder writes: markers replaced in the serialised body.
_RAW = {'"__NAN__"': "NaN", '"__1E999__"': "1e999", '"__-1E999__"': "-1e999"}


def _inject(body: dict[str, Any], at: str | None, number: Any) -> dict[str, Any]:
    body = copy.deepcopy(body)
    first = body["changes"][0]
    if isinstance(first, dict):
        if at is not None:
            first["at"] = at
        if number is not None:
            first["fields"] = {"amount": [None, number], "committee": [None, [{"n": number}]]}
    return body


#: Every malformed value, in turn: drawn at random, a short run could miss one.
_TURNS = itertools.cycle(
    [
        ("0001-01-01T00:00:00+01:00", "__NAN__"),
        ("9999-12-31T23:59:59-01:00", "__1E999__"),
        ("0001-01-01T00:00:00+01:00", "__-1E999__"),
        (None, 2**63),
        ("9999-12-31T23:59:59-01:00", 10**30),
        (None, None),
    ]
)


@schemathesis.hook
def map_body(ctx, body):  # type: ignore[no-untyped-def]
    changes = body.get("changes") if isinstance(body, dict) else None
    if not isinstance(changes, list) or not changes:
        return body
    return _inject(body, *next(_TURNS))


@REQUESTS_TRANSPORT.serializer("application/json", "text/json")
def _json_with_raw_numbers(ctx, value):  # type: ignore[no-untyped-def]
    """Schemathesis's own JSON, except for a body holding the markers above, written with the
    raw numbers they stand for."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = ""
    sent = [raw for marker, raw in _RAW.items() if marker in text]
    sent += [at for at in MALFORMED_AT if at and at in text]
    _note(sent)
    if not any(marker in text for marker in _RAW):
        return serialize_json(value)
    for marker, raw in _RAW.items():
        text = text.replace(marker, raw)
    return {"data": text.encode("utf-8")}


def _note(sent: list[str]) -> None:
    """Write what was sent to ``CARNET_HOOKS_LOG``, so the test can prove these values went out."""
    path = os.environ.get("CARNET_HOOKS_LOG")
    if path and sent:
        with open(path, "a", encoding="utf-8") as log:
            log.write(" ".join(sent) + "\n")
