"""Text forms of values a person reads in a cell, and their way back: lists, committee and board
members, stage histories, and the guard against CSV formula injection.

Export and import share these so that whatever the exporter writes reads back to the same
canonical value. Lists are « ; »-separated; an item that itself holds « ; » (or starts with a
quote) is written between double quotes, with inner quotes doubled, as CSV does, so it survives
a round trip. Members are written « Nom — rôle (Organisation) »; a stage history
« Étape (2026-05-04) → Étape (2026-06-01) », with the program's own stage labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from coordinator_app.domain import values as v
from coordinator_app.domain.stages import ALL_STAGE_CHOICES, STAGES, stage_label
from coordinator_app.domain.text import fold

LIST_SEPARATOR = "; "
HISTORY_SEPARATOR = " → "
ROLE_DASH = " — "
#: A cell starting with one of these is a formula to Excel or LibreOffice (CSV injection).
_FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")
#: The keys of a committee or board member the text form names; others go in « [clé : valeur] ».
MEMBER_KEYS = ("name", "role", "organisation_id")


# -- lists ---------------------------------------------------------------------------------------
def join_list(items: Iterable[object]) -> str:
    """Items as « a; b; c », quoting an item that holds « ; », a line break or starts with « " »."""
    parts = []
    for item in items:
        text = str(item)
        if ";" in text or "\n" in text or text.startswith('"') or text != text.strip():
            text = '"' + text.replace('"', '""') + '"'
        parts.append(text)
    return LIST_SEPARATOR.join(parts)


def split_list(value: object) -> list[str]:
    """The items of a « ; »- or line-separated cell; a quoted item keeps its « ; » and spaces."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    text = str(value)
    items: list[str] = []
    current: list[str] = []
    quoted = was_quoted = False
    index = 0
    while index < len(text):
        char = text[index]
        if quoted:
            if char == '"' and text[index + 1 : index + 2] == '"':
                current.append('"')
                index += 1
            elif char == '"':
                quoted = False
            else:
                current.append(char)
        elif char == '"' and not was_quoted and not "".join(current).strip():
            current, quoted, was_quoted = [], True, True
        elif char in ";\n":
            _append_item(items, current, was_quoted)
            current, was_quoted = [], False
        else:
            current.append(char)
        index += 1
    _append_item(items, current, was_quoted)
    return items


def _append_item(items: list[str], chars: list[str], was_quoted: bool) -> None:
    item = "".join(chars)
    if was_quoted:
        items.append(item)
    elif item.strip():
        items.append(item.strip())


# -- CSV injection -------------------------------------------------------------------------------
def neutralise(text: str) -> str:
    """A text cell Excel will not run as a formula: « '=SOMME(A1) » (the quote is not shown)."""
    return "'" + text if _FORMULA_START.match(text) else text


def unneutralise(text: str) -> str:
    """The text ``neutralise`` was given back (one leading quote before a formula sign dropped)."""
    return text[1:] if text.startswith("'") and _FORMULA_START.match(text[1:]) else text


# -- committee and board members -----------------------------------------------------------------
def member_text(member: dict[str, Any], organisation_label: Callable[[str], str]) -> str:
    """« Hélène Roy — Présidence (Caisse Desjardins de Rimouski) »; a role alone is « — Trésorerie »."""
    name = str(member.get("name") or "")
    role = str(member.get("role") or "")
    text = name
    if role:
        text = f"{name}{ROLE_DASH}{role}" if name else f"— {role}"
    organisation = member.get("organisation_id")
    if organisation:
        text += f" ({organisation_label(str(organisation))})"
    extra = {k: val for k, val in member.items() if k not in MEMBER_KEYS and val not in (None, "")}
    if extra:
        text += " [" + ", ".join(f"{k} : {val}" for k, val in extra.items()) + "]"
    return text.strip()


def parse_member(text: str, resolve_organisation: Callable[[str], str]) -> dict[str, Any]:
    """The member a ``member_text`` describes; ``resolve_organisation`` turns a name into an id."""
    rest = text.strip()
    member: dict[str, Any] = {}
    extra: dict[str, str] = {}
    bracket = re.search(r"(?:^|\s)\[([^\[\]]*)\]$", rest)
    if bracket:
        rest, inside = rest[: bracket.start()].rstrip(), bracket.group(1)
        for pair in inside.split(", "):
            key, sep, val = pair.partition(" : ")
            if not sep:
                raise v.ValueProblem(
                    f"« [{inside}] » : des précisions « clé : valeur » séparées par des virgules "
                    "sont attendues"
                )
            extra[key.strip()] = val.strip()
    if rest.endswith(")") and "(" in rest:
        opening = _matching_parenthesis(rest)
        if opening is not None and opening > 0:
            member["organisation_id"] = resolve_organisation(rest[opening + 1 : -1].strip())
            rest = rest[:opening].rstrip()
    if rest.startswith(("—", "–")):
        name, role = "", rest[1:].strip()
    else:
        name, role = _split_role(rest)
    ordered: dict[str, Any] = {}
    if name:
        ordered["name"] = name
    if role:
        ordered["role"] = role
    ordered.update(member)
    ordered.update(extra)
    if not ordered:
        raise v.ValueProblem("un nom, un rôle ou les deux sont attendus (« Nom — rôle »)")
    return ordered


def _split_role(text: str) -> tuple[str, str]:
    """« Nom — rôle » → (name, role); a text without the dash is a name."""
    match = re.search(r"\s[—–]\s", text)
    if not match:
        return text.strip(), ""
    return text[: match.start()].strip(), text[match.end() :].strip()


def _matching_parenthesis(text: str) -> int | None:
    """The index of the « ( » that the final « ) » of ``text`` closes."""
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] == ")":
            depth += 1
        elif text[index] == "(":
            depth -= 1
            if depth == 0:
                return index
    return None


def members_text(members: Sequence[Any], organisation_label: Callable[[str], str]) -> str:
    return join_list(
        member_text(m, organisation_label) if isinstance(m, dict) else str(m) for m in members
    )


def parse_members(value: object, resolve_organisation: Callable[[str], str]) -> list[dict]:
    """Members from their text form; a list of dicts (JSON import) is returned unchanged."""
    if isinstance(value, list):
        return value
    if isinstance(value, str) and value.lstrip().startswith("[{"):
        return value  # type: ignore[return-value]  # JSON text from an older export: the domain reads it
    return [parse_member(item, resolve_organisation) for item in split_list(value)]


# -- stage history -------------------------------------------------------------------------------
def history_text(history: Sequence[Any], program: str | None) -> str:
    """« Démarrage (2025-09-15) → En activité (2025-10-15) », labels of the project's program."""
    parts = []
    for item in history:
        if not isinstance(item, dict):
            parts.append(str(item))
            continue
        label = stage_label(program or "", str(item.get("stage") or ""))
        date = item.get("date")
        parts.append(f"{label} ({date})" if date else label)
    return HISTORY_SEPARATOR.join(parts)


def stage_code(text: str, program: str | None) -> str | None:
    """A stage code from its code or label, the row's program's labels first; None if unknown."""
    key = fold(text)
    for choices in (STAGES.get(program or "", ()), ALL_STAGE_CHOICES):
        for code, label in choices:
            if key in (fold(code), fold(label)):
                return code
    for stages in STAGES.values():
        for code, label in stages:
            if key == fold(label):
                return code
    return None


def parse_history(value: object, program: str | None) -> list[dict] | object:
    """A stage history from its text form (JSON text and lists are left to the domain)."""
    if value is None or isinstance(value, list):
        return value
    text = str(value).strip()
    if text.startswith("[{"):
        return text
    history = []
    for part in re.split(r"\s*(?:→|->|;|\n)\s*", text):
        if not part:
            continue
        date = None
        match = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", part)
        label = part
        if match:
            label, date = match.group(1), match.group(2).strip()
            date = v.parse_date(date)
        code = stage_code(label, program)
        if code is None:
            labels = ", ".join(f"« {lab} »" for _c, lab in STAGES.get(program or "", ()))
            expected = f" ; étapes de ce programme : {labels}" if labels else ""
            raise v.ValueProblem(f"« {label} » n'est pas une étape connue{expected}")
        item: dict[str, Any] = {"stage": code}
        if date:
            item["date"] = date
        history.append(item)
    return history
