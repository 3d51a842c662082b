"""The values an enumerated field may take, each with its French label: (stored value, label).

Stored values never change once released (records, journals and the server hold them); a label may.
``domain.entities`` attaches each list to its field.
"""

from __future__ import annotations

ORGANISATION_KINDS = (
    ("ecole", "École"),
    ("caisse", "Caisse Desjardins"),
    ("municipalite", "Municipalité"),
    ("cje", "Carrefour jeunesse-emploi"),
    ("cdr", "Coopérative de développement régional"),
    ("bailleur", "Bailleur de fonds"),
    ("autre", "Autre"),
)
SCHOOL_LEVELS = (
    ("primaire", "Primaire"),
    ("secondaire", "Secondaire"),
    ("cegep", "Cégep"),
    ("fpt", "Formation professionnelle et technique"),
)
COOP_TYPES = (
    ("producteurs", "Coopérative de producteurs"),
    ("travailleurs", "Coopérative de travailleurs"),
    ("solidarite", "Coopérative de solidarité"),
)
LAND_TENURES = (
    ("proprietaire", "Propriétaire"),
    ("location", "Location"),
    ("bail_long_terme", "Bail à long terme"),
    ("fiducie", "Fiducie foncière"),
    ("autre", "Autre"),
)
CLIENT_TYPES = (
    ("residentiel", "Résidentiel"),
    ("entreprise", "Entreprise"),
    ("organisme", "Organisme"),
    ("municipalite", "Municipalité"),
)
FUNDING_STATUSES = (
    ("a_deposer", "À déposer"),
    ("deposee", "Déposée"),
    ("accordee", "Accordée"),
    ("refusee", "Refusée"),
    ("versee", "Versée"),
    ("fermee", "Fermée"),
)
VISIT_MODES = (("sur_place", "Sur place"), ("a_distance", "À distance"))
WORKSHOP_FORMATS = (("atelier", "Atelier"), ("webinaire", "Webinaire"))
CONFLICT_STATUSES = (("ouvert", "À résoudre"), ("resolu", "Résolu"))

DISCLOSURE_ACTIONS = (
    ("export_participants", "Exportation de participants avec leurs noms"),
    ("report_with_names", "Rapport nominatif"),
    ("person_export", "Réponse à une demande d'accès"),
)
