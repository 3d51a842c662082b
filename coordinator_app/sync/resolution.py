"""Resolving a conflict: the coordinator's choice becomes ordinary changes that sync.

A conflict record keeps the value the record holds (``kept``) and the value that lost (``other``).
Choosing « l'autre » or typing a new value writes an ordinary, validated update of the record; the
conflict record itself is updated to ``resolu`` with the chosen value, and both changes go to the
server at the next sync, so every laptop sees the conflict closed.
"""

from __future__ import annotations

from typing import Any, Literal

from coordinator_app.domain.entities import ENTITIES
from coordinator_app.domain.errors import NotFoundError, UserError
from coordinator_app.store import Store, sync_state
from coordinator_app.sync import settings

Choice = Literal["kept", "other", "value"]


def my_side(store: Store, conflict: dict[str, Any]) -> Literal["kept", "other"] | None:
    """Which side of a conflict came from this laptop (None when neither did)."""
    device = store.get_meta(settings.META_DEVICE)
    if device and conflict.get("kept_device_id") == device:
        return "kept"
    if device and conflict.get("other_device_id") == device:
        return "other"
    return None


def field_label(conflict: dict[str, Any]) -> str:
    if conflict["field"] == "deleted":
        return "Suppression"
    spec = ENTITIES.get(conflict["target_kind"])
    if spec is None or not spec.has_field(conflict["field"]):
        return str(conflict["field"])
    return spec.field(conflict["field"]).label


def target_title(store: Store, conflict: dict[str, Any]) -> str:
    """« Projet : Coop des Chutes » — what the Conflits screen shows as the record's name."""
    kind = conflict["target_kind"]
    spec = ENTITIES.get(kind)
    if spec is None:
        return f"{kind} {conflict['target_id']}"
    record = store.get(kind, conflict["target_id"], include_deleted=True)
    title = record.get(spec.title_field) if record else None
    return f"{spec.label} : {title or conflict['target_id']}"


def resolve(store: Store, conflict_id: str, choice: Choice, value: Any = None) -> None:
    """Apply the coordinator's choice; everything in one transaction (all or nothing)."""
    conflict = sync_state.get_conflict(store, conflict_id)
    if conflict is None:
        raise NotFoundError(f"Conflit introuvable : {conflict_id}")
    if conflict["status"] != "ouvert":
        raise UserError(f"Ce conflit est déjà résolu : {conflict_id}")
    kind, target_id, name = conflict["target_kind"], conflict["target_id"], conflict["field"]
    if kind not in ENTITIES:
        raise UserError(f"Type d'enregistrement inconnu dans ce conflit : {kind}")
    chosen = {"kept": conflict["kept_value"], "other": conflict["other_value"]}.get(choice, value)
    with store.transaction():
        record = store.get(kind, target_id, include_deleted=True)
        if record is None:
            raise NotFoundError(
                f"{ENTITIES[kind].label} introuvable sur cet ordinateur : {target_id}"
            )
        if name == "deleted":
            if bool(chosen) and not record["deleted"]:
                store.delete(kind, target_id)
            elif not bool(chosen) and record["deleted"]:
                store.restore(kind, target_id)
        elif record.get(name) != chosen:
            if record["deleted"]:
                store.restore(kind, target_id)
            store.update(kind, target_id, {name: chosen})
        sync_state.mark_conflict_resolved(store, conflict_id, chosen)


def refused_title(store: Store, refused: dict[str, Any]) -> str:
    """« Projet : Coop des Chutes — modification refusée : <raison> » for a refused change."""
    title = target_title(store, {"target_kind": refused["kind"], "target_id": refused["record_id"]})
    action = {"create": "création", "update": "modification", "delete": "suppression"}.get(
        refused["op"], refused["op"]
    )
    return f"{title} — {action} refusée : {refused['reason']}"


# -- pulled changes this laptop refused (``store.refused_incoming``) ----------------------------
INCOMING_HEADING = "Modification reçue refusée"


def local_time(value: Any) -> str:
    """« 2026-11-26 08:47 » in this laptop's time zone (the wire carries UTC)."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(str(value)).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(value or "")


def incoming_title(store: Store, refused: dict[str, Any]) -> str:
    """« Contrat : Entretien paysager » — the record a refused incoming change is about."""
    return target_title(store, {"target_kind": refused["kind"], "target_id": refused["record_id"]})


def incoming_problems(refused: dict[str, Any]) -> list[str]:
    """One French line per refused field: « champ « Montant » (9223372036854775808) : raison »."""
    spec = ENTITIES.get(refused["kind"])
    lines = []
    for problem in refused["problems"]:
        name = problem.get("field")
        if name is None:
            where = "modification entière"
        else:
            label = spec.field(name).label if spec and spec.has_field(name) else name
            where = f"champ « {label} »"
        if problem.get("value") is not None:
            where += f" ({problem['value']})"
        lines.append(f"{where} : {problem['reason']}")
    return lines


def incoming_text(store: Store, refused: dict[str, Any]) -> str:
    """The one-line French description of a refused incoming change (command line, Conflits)."""
    who = f" — de {refused['author']}" if refused.get("author") else ""
    when = f", le {local_time(refused['at'])}" if refused.get("at") else ""
    return (
        f"{INCOMING_HEADING} — {incoming_title(store, refused)} — "
        f"{' ; '.join(incoming_problems(refused))}{who}{when}"
    )
