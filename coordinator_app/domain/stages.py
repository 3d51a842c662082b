"""The stages each program's projects go through, in order, with French labels.

CIEC follows its summer season; Jeune COOP its school year; farm co-ops follow the start-up path of
any Québec co-operative (domain notes).
"""

from __future__ import annotations

CIEC = "CIEC"
JEUNE_COOP = "JEUNE_COOP"
FERME_COOP = "FERME_COOP"

PROGRAMS: tuple[tuple[str, str], ...] = (
    (CIEC, "CIEC — COOP d'initiation à l'entrepreneuriat collectif"),
    (JEUNE_COOP, "Jeune COOP"),
    (FERME_COOP, "Coopérative agricole (PSES)"),
)

PROGRAM_SHORT_LABELS: dict[str, str] = {
    CIEC: "CIEC",
    JEUNE_COOP: "Jeune COOP",
    FERME_COOP: "Coopérative agricole",
}

STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    CIEC: (
        ("comite_local", "Comité local formé"),
        ("embauche", "Coordonnateurs embauchés"),
        ("recrutement", "Recrutement dans les écoles"),
        ("formation", "Formation et assemblée générale"),
        ("ouverture", "Ouverture"),
        ("operation", "Contrats en cours"),
        ("fermeture", "Fermeture"),
        ("bilan", "Bilan financier et dissolution"),
    ),
    JEUNE_COOP: (
        ("demarrage", "Démarrage"),
        ("assemblee", "Assemblée et élection du conseil"),
        ("operation", "En activité"),
        ("bilan", "Bilan de fin d'année"),
        ("terminee", "Terminée"),
    ),
    FERME_COOP: (
        ("idee", "Idée — groupe précoopératif"),
        ("comite_provisoire", "Comité provisoire"),
        ("etude_viabilite", "Étude de viabilité et plan d'affaires"),
        ("reglements", "Règlements"),
        ("constitution", "Constitution"),
        ("assemblee_organisation", "Assemblée d'organisation"),
        ("demarrage", "Démarrage"),
        ("operation", "En activité — suivi"),
        ("fermee", "Fermée"),
    ),
}

ALL_STAGE_CHOICES: tuple[tuple[str, str], ...] = tuple(
    dict((value, label) for stages in STAGES.values() for value, label in stages).items()
)


def stage_label(program: str, stage: str) -> str:
    """The French label of a stage of a program (the raw value when unknown)."""
    return dict(STAGES.get(program, ())).get(stage, stage)


def stage_values(program: str) -> tuple[str, ...]:
    return tuple(value for value, _ in STAGES.get(program, ()))
