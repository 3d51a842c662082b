"""A JSON body that cannot hold U+0000 is validated without the per-field NUL check (issue 17):
the result must be exactly what pydantic's own validator of the model gives — same model, same
values, or the same errors (type, location, message) — over many generated bodies, valid or not,
with or without a NUL. The reference is each model's unmodified ``__pydantic_validator__``."""

from __future__ import annotations

import json
import random
import uuid
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from coordinator_app.protocol import models as m
from coordinator_app.protocol import nul_free


def entry(i: int) -> dict[str, Any]:
    return {
        "seq": i + 1,
        "change_id": str(uuid.UUID(int=i)),
        "kind": "visit",
        "record_id": f"r{i}",
        "op": "create",
        "values": {"visited_at": "2026-11-26T10:00", "made_by": ["alice"], "done": None},
        "full": True,
        "deleted": False,
        "region_code": "03",
        "previous_region_code": None,
        "project_id": "p1",
        "at": "2026-11-26T10:00:00.000000+00:00",
        "author": "Alice Tremblay",
        "device_id": "d1",
        "received_at": "2026-11-26T10:00:01.000000+00:00",
        "author_id": "alice",
    }


def page(entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "changes": entries,
        "next_since": len(entries),
        "has_more": False,
        "server_generation": "g1",
        "scope": {"role": "coordinator", "regions": ["03"]},
        "retention": {"visit": 30},
        "staff": [{"account": "alice", "name": "Alice", "role": "admin", "regions": ["03"]}],
    }


def push(count: int) -> dict[str, Any]:
    changes = [
        {
            "change_id": str(uuid.UUID(int=i)),
            "kind": "visit",
            "record_id": f"r{i}",
            "op": "create",
            "fields": {"observations": [None, f"Visite {i}"], "mode": [None, "sur_place"]},
            "at": "2026-11-26T10:00:00+00:00",
            "author": "Alice",
        }
        for i in range(count)
    ]
    return {"device_id": "d1", "changes": changes}


ODD = [None, 0, -1, 2**70, 1.5, "", "x" * 200, "a\x00b", "\\u0000", "\x00", [], {}, True, "é\x00"]


def spoil(body: Any, rng: random.Random) -> Any:
    """``body`` with one value somewhere replaced, a key dropped or an unknown key added."""
    if isinstance(body, dict) and body:
        key = rng.choice(sorted(body))
        roll = rng.random()
        if roll < 0.1:
            return {k: v for k, v in body.items() if k != key}
        if roll < 0.15:
            return {**body, "inconnu": 1}
        if roll < 0.55 and isinstance(body[key], dict | list):
            return {**body, key: spoil(body[key], rng)}
        return {**body, key: rng.choice(ODD)}
    if isinstance(body, list) and body:
        i = rng.randrange(len(body))
        return [*body[:i], spoil(body[i], rng), *body[i + 1 :]]
    return rng.choice(ODD)


def outcome(validate: Any, data: str | bytes) -> tuple:
    try:
        model = validate(data)
    except ValidationError as error:
        return ("refused", str(error), error.errors(include_url=False, include_context=False))
    return ("ok", type(model), repr(model), model.model_dump())


def bodies(model: type[BaseModel], base: dict[str, Any], seed: int) -> list[tuple]:
    rng = random.Random(seed)
    spoiled = [spoil(base, rng) for _ in range(400)] + [
        spoil(spoil(base, rng), rng) for _ in range(200)
    ]
    texts = [json.dumps(body, ensure_ascii=rng.random() < 0.5) for body in [base, *spoiled]]
    texts += ["", "{", "[]", "null", '{"changes": "\\u0000"}']
    return [(model, t if rng.random() < 0.5 else t.encode()) for t in texts]


CASES = (
    bodies(m.PullResponse, page([entry(i) for i in range(3)]), 1)
    + bodies(m.PushRequest, push(3), 2)
    + bodies(
        m.LoginResponse,
        {
            "token": "t",
            "device_id": "d",
            "username": "u",
            "role": "admin",
            "regions": ["03"],
            "server_generation": "g",
        },
        3,
    )
)


def test_every_body_validates_as_pydantic_itself_validates_it():
    kinds = {"fast": 0, "nul": 0, "refused": 0}
    for model, data in CASES:
        expected = outcome(model.__pydantic_validator__.validate_json, data)
        assert outcome(model.model_validate_json, data) == expected, data
        kinds["nul" if nul_free.may_hold_nul(data) else "fast"] += 1
        kinds["refused"] += expected[0] == "refused"
    # both paths were compared, and refusals as well as accepted bodies
    assert kinds["fast"] > 500 and kinds["nul"] > 100 and kinds["refused"] > 500, kinds


@pytest.mark.parametrize(
    ("field", "value"),
    [("author", "Ali\x00ce"), ("kind", "vi\x00sit"), ("device_id", "\x00")],
)
def test_a_nul_in_a_pulled_entry_is_refused_naming_its_field(field, value):
    body = page([entry(0), {**entry(1), field: value}])
    with pytest.raises(ValidationError) as caught:
        m.PullResponse.model_validate_json(json.dumps(body))
    (error,) = caught.value.errors()
    assert error["loc"] == ("changes", 1, field)
    assert error["msg"] == "Value error, caractère nul (U+0000) interdit"


def test_without_the_byte_search_a_nul_would_pass():
    """The stripped validator really has no NUL check, nested models included: only
    ``may_hold_nul`` keeps a NUL out, so the comparison above tests something."""
    body = json.dumps(page([{**entry(0), "author": "Ali\x00ce"}]))
    stripped = nul_free.validator_without_nul_check(m.PullResponse)
    assert stripped.validate_json(body).changes[0].author == "Ali\x00ce"
    assert nul_free.may_hold_nul(body) and nul_free.may_hold_nul(body.encode())
    assert not nul_free.may_hold_nul(json.dumps(page([entry(0)])).encode())
