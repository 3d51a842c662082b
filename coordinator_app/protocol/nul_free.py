"""JSON bodies that cannot hold a NUL character are validated without the per-field NUL check.

Why: ``_Model._no_nul`` (PostgreSQL cannot store U+0000 in text) is a Python call on every field of
every model: 16 per pulled entry, a third of parsing a pulled page (issue 17). A JSON text can only
put U+0000 in a string as the escape ``\\u0000`` (a raw control character is not JSON), so when
neither that escape nor a raw NUL byte occurs in the body, every ``_no_nul`` call would return its
value unchanged; a validator built from the same core schema without those calls then gives the
same model, the same values and the same errors. Any body that may hold a NUL (even a harmless
``"\\\\u0000"``) takes the usual validator, whose errors name the field as before.

Only JSON input takes this path: the server's FastAPI validates Python objects (``json.loads``'s
result), which no byte search can vouch for.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import SchemaValidator

#: The name of the validator left out (``_Model._no_nul``); matched by qualified name.
NUL_CHECK = "_Model._no_nul"


def may_hold_nul(json_data: str | bytes | bytearray) -> bool:
    """Whether a JSON text may decode to a string holding U+0000."""
    if isinstance(json_data, str):
        return "\\u0000" in json_data or "\x00" in json_data
    return b"\\u0000" in json_data or b"\x00" in json_data


def _is_nul_check(schema: dict[str, Any]) -> bool:
    if schema.get("type") != "function-after" or set(schema) != {"type", "function", "schema"}:
        return False
    function = schema["function"].get("function")
    return getattr(getattr(function, "__func__", function), "__qualname__", None) == NUL_CHECK


def without_nul_check(schema: Any) -> Any:
    """A copy of a core schema with every ``_no_nul`` step replaced by the schema it wraps."""
    if isinstance(schema, dict):
        if _is_nul_check(schema):
            return without_nul_check(schema["schema"])
        return {key: without_nul_check(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [without_nul_check(item) for item in schema]
    return schema


def validator_without_nul_check(model: type) -> SchemaValidator:
    """The validator of ``model`` (a pydantic model class) minus its NUL checks; its config and
    title are the model's own, so an error reads the same as from ``model.model_validate_json``."""
    from pydantic._internal._config import ConfigWrapper

    config = ConfigWrapper(model.model_config, check=False).core_config(title=model.__name__)
    # not prebuilt: a nested model's own validator (with its NUL checks) would be reused
    schema = without_nul_check(model.__pydantic_core_schema__)
    return SchemaValidator(schema, config, _use_prebuilt=False)
