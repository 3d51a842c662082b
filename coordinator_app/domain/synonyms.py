"""The words people write in real spreadsheets: header synonyms, spellings of values, short region
names. Data only, gathered from the organisation's own lists; ``domain.columns`` reads them to map
a file's headers and values to fields, whatever their case, accents or spacing.
"""

from __future__ import annotations

from coordinator_app.domain.stages import CIEC, FERME_COOP, JEUNE_COOP, PROGRAM_SHORT_LABELS
from coordinator_app.domain.text import fold

#: Headers people write for a field, beyond its label and its field name.
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "*": {
        "region_code": (
            "Région administrative",
            "Code de région",
            "Code région",
            "No de région",
            "Numéro de région",
            "Région (code)",
        ),
        "municipality": ("Ville", "Localité"),
        "email": ("Adresse courriel", "Courriel", "E-mail", "Email"),
        "phone": ("Téléphone", "Tél", "Numéro de téléphone"),
        "project_id": ("Nom du projet", "Identifiant du projet", "Projet", "Projet ou COOP"),
    },
    "project": {
        "name": ("Projet", "Nom", "Nom de la coopérative", "Nom de la coop", "Nom de la CIEC"),
        "season_year": ("Saison", "Année de la saison", "An", "Été", "Année scolaire"),
        "youth_count": (
            "Jeunes",
            "Nb de jeunes",
            "Nombre de jeunes membres",
            "Nombre de jeunes inscrits",
            "Nb de jeunes inscrits",
            "Jeunes inscrits",
            "Nombre de membres jeunes",
            "Nombre de participants",
            "Nombre d'élèves",
            "Nb d'élèves",
        ),
        "revenue": (
            "Revenus",
            "Revenu",
            "Chiffre d'affaire",
            "Chiffre d'affaires ($)",
            "Chiffre d'affaires total",
            "Revenus totaux",
            "Ventes",
        ),
        "start_date": ("Début", "Date début", "Début du projet", "Date de début du projet"),
        "end_date": ("Fin", "Date fin", "Fin du projet", "Date de fin du projet"),
        "stage": ("Étape actuelle", "Étape du projet", "Statut du projet", "Avancement"),
        "coordinator_ids": (
            "Coordination",
            "Coordonnatrices",
            "Coordonnatrice",
            "Coordonnateur",
            "Coordonnateur ou coordonnatrice",
            "Coordonnateurs et coordonnatrices",
            "Coordonnateurs.trices",
            "Coordonnateur.trice",
        ),
        "partner_ids": ("Partenaire", "Partenaires financiers", "Organismes partenaires"),
        "school_ids": ("Écoles partenaires", "Écoles participantes"),
        "hectares": ("Superficie", "Hectares", "Superficie en hectares", "Nombre d'hectares"),
        "members_count": ("Membres", "Nb de membres", "Nombre de membres de la coop"),
        "program": ("Programme du projet", "Type de programme", "Volet"),
        "teacher": (
            "Enseignant",
            "Enseignante",
            "Enseignant responsable",
            "Enseignante responsable",
        ),
        "committee": ("Membres du comité local", "Comité"),
        "board": ("CA", "Membres du CA", "Membres du conseil d'administration"),
    },
    "participant": {
        "last_name": ("Nom de famille",),
        "birth_date": ("Né le", "Née le", "Naissance", "DDN"),
        "school_level": ("Niveau",),
    },
    "visit": {
        "visited_at": ("Date", "Date de visite", "Date et heure", "Visite le"),
        "mode": ("Mode", "Mode de visite"),
        "place": ("Endroit",),
        "coordinator_id": (
            "Coordonnateur",
            "Coordonnatrice",
            "Coordonnateur ou coordonnatrice",
            "Coordonnateur du projet",
            "Coordonnatrice du projet",
        ),
        "made_by": ("Conseiller", "Conseillère", "Conseiller ou conseillère", "Visité par"),
        "people_present": ("Présents", "Personnes rencontrées"),
    },
    "action_item": {
        "text": ("Suivi", "Tâche", "Description", "Action à faire"),
        "owner": ("Qui", "Responsable du suivi"),
        "due_date": ("Date d'échéance", "Pour le"),
        "done": ("Terminé", "Complété"),
    },
    "funding": {
        "funder": ("Bailleur", "Financeur", "Organisme subventionnaire"),
        "program": ("Programme",),
        "requested": ("Demandé",),
        "granted": ("Accordé",),
        "paid": ("Versé",),
        "status": ("État",),
        "report_due_dates": ("Reddition de comptes", "Dates de reddition de comptes"),
    },
    "workshop": {
        "theme": ("Titre", "Sujet"),
        "held_on": ("Date de l'atelier", "Tenu le"),
        "attendance": (
            "Nombre de participants",
            "Participants",
            "Nb de participants",
            "Nombre de personnes",
            "Nombre d'inscrits",
            "Inscrits",
        ),
    },
    "organisation": {"org_kind": ("Type",)},
    "school": {"name": ("École", "Nom de l'école")},
    "contract": {
        "amount": ("Montant du contrat", "Montant facturé", "Prix"),
        "client_type": ("Client", "Type de clientèle"),
        "hours": ("Nombre d'heures", "Nb d'heures", "Heures travaillées"),
    },
    "coordinator": {"name": ("Nom complet", "Coordonnateur", "Coordonnatrice")},
}


#: Spellings of enumeration values seen in real lists, beyond each value's code and label.
VALUE_ALIASES: dict[tuple[str, str], dict[str, str]] = {
    ("project", "program"): {
        **{fold(label): code for code, label in PROGRAM_SHORT_LABELS.items()},
        "cjs": CIEC,
        "cooperative jeunesse de services": CIEC,
        "jeune coop": JEUNE_COOP,
        "pses": FERME_COOP,
        "ferme": FERME_COOP,
        "cooperative agricole": FERME_COOP,
        "coop agricole": FERME_COOP,
    },
    ("visit", "mode"): {
        "presentiel": "sur_place",
        "en personne": "sur_place",
        "virtuel": "a_distance",
        "visioconference": "a_distance",
    },
}


#: Short region names people write that name one region only (« Gaspésie », « Saguenay »).
REGION_ALIASES: dict[str, str] = {
    fold(alias): code
    for code, aliases in {
        "01": ("Bas-du-Fleuve", "BSL"),
        "02": ("Saguenay", "Lac-Saint-Jean", "Lac-St-Jean", "SLSJ"),
        "03": ("Capitale Nationale", "Région de Québec"),
        "08": ("Abitibi", "Témiscamingue"),
        "11": ("Gaspésie", "Îles-de-la-Madeleine", "Îles de la Madeleine", "GIM"),
        "12": ("Chaudière", "Beauce"),
    }.items()
    for alias in aliases
}
