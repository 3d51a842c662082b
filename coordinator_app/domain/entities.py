"""The entity kinds of Carnet COOP and their fields.

Child records of a project (participants, visits, action items, contracts, funding requests,
attachments) all carry ``project_id`` so that their region is always their project's region. The
lists of values a field may take are in ``domain.choices`` (importable from here too, where the
forms and lists have always found them).
"""

from __future__ import annotations

from coordinator_app.domain.choices import (
    CLIENT_TYPES,
    COOP_TYPES,
    DISCLOSURE_ACTIONS,
    FUNDING_STATUSES,
    LAND_TENURES,
    ORGANISATION_KINDS,
    SCHOOL_LEVELS,
    VISIT_MODES,
    WORKSHOP_FORMATS,
)
from coordinator_app.domain.people import OWNER_KINDS
from coordinator_app.domain.schema import EntitySpec, FieldSpec, FieldType
from coordinator_app.domain.stages import ALL_STAGE_CHOICES, CIEC, FERME_COOP, JEUNE_COOP, PROGRAMS

T = FieldType

#: Largest attachment a record may describe (2 Gio); the server's own upload limit is lower.
MAX_ATTACHMENT_SIZE = 2 * 1024**3

# A visit is planned ahead (« planifiée ») and becomes the visit record (« faite ») on the day;
# an empty status is a visit recorded before planning existed: done.
VISIT_PLANNED, VISIT_DONE = "planifiee", "faite"
VISIT_STATUSES = ((VISIT_PLANNED, "Planifiée"), (VISIT_DONE, "Faite"))

MUNICIPALITY = EntitySpec(
    kind="municipality",
    label="Municipalité",
    label_plural="Municipalités",
    region_field="region_code",
    reference=True,
    searchable=("name",),
    fields=(
        FieldSpec("name", "Nom", required=True),
        FieldSpec("region_code", "Région", T.REGION, required=True),
    ),
)

ORGANISATION = EntitySpec(
    kind="organisation",
    label="Organisation",
    label_plural="Organisations",
    region_field="region_code",
    reference=True,
    searchable=("name", "municipality"),
    fields=(
        FieldSpec("name", "Nom", required=True),
        FieldSpec(
            "org_kind", "Type d'organisation", T.ENUM, required=True, choices=ORGANISATION_KINDS
        ),
        FieldSpec("region_code", "Région", T.REGION, required=True),
        FieldSpec("municipality", "Municipalité"),
        FieldSpec("email", "Courriel", T.EMAIL),
        FieldSpec("phone", "Téléphone", T.PHONE),
        FieldSpec("postal_code", "Code postal", T.POSTAL_CODE),
    ),
)

SCHOOL = EntitySpec(
    kind="school",
    label="École",
    label_plural="Écoles",
    region_field="region_code",
    reference=True,
    searchable=("name", "municipality"),
    fields=(
        FieldSpec("name", "Nom", required=True),
        FieldSpec("municipality", "Municipalité", required=True),
        FieldSpec("service_centre", "Centre de services scolaire"),
        FieldSpec("region_code", "Région", T.REGION, required=True),
    ),
)

COORDINATOR = EntitySpec(
    kind="coordinator",
    label="Coordonnateur ou coordonnatrice",
    label_plural="Coordonnateurs",
    reference=True,
    searchable=("name", "email"),
    fields=(
        FieldSpec("name", "Nom", required=True),
        FieldSpec("email", "Courriel", T.EMAIL),
        FieldSpec("phone", "Téléphone", T.PHONE),
        FieldSpec("regions", "Régions", T.LIST),
    ),
)

PROJECT = EntitySpec(
    kind="project",
    label="Projet",
    label_plural="Projets",
    region_field="region_code",
    searchable=("name", "municipality", "notes"),
    fields=(
        FieldSpec("name", "Nom du projet", required=True),
        FieldSpec("program", "Programme", T.ENUM, required=True, choices=PROGRAMS),
        FieldSpec("region_code", "Région", T.REGION, required=True),
        FieldSpec("municipality", "Municipalité"),
        FieldSpec("coordinator_ids", "Coordonnateurs", T.REFS, ref="coordinator"),
        FieldSpec("partner_ids", "Partenaires", T.REFS, ref="organisation"),
        FieldSpec("stage", "Étape", T.ENUM, choices=ALL_STAGE_CHOICES),
        FieldSpec("stage_history", "Historique des étapes", T.JSON),
        FieldSpec("start_date", "Date de début", T.DATE),
        FieldSpec("end_date", "Date de fin", T.DATE),
        FieldSpec("notes", "Notes", T.LONGTEXT, max_length=20000),
        # CIEC and Jeune COOP
        FieldSpec(
            "season_year",
            "Année",
            T.INT,
            minimum=1990,
            maximum=2100,
            programs=(CIEC, JEUNE_COOP),
            required_for=(CIEC, JEUNE_COOP),
        ),
        FieldSpec(
            "youth_count",
            "Nombre de jeunes",
            T.INT,
            minimum=0,
            maximum=10000,
            programs=(CIEC, JEUNE_COOP),
        ),
        # CIEC
        FieldSpec("school_ids", "Écoles", T.REFS, ref="school", programs=(CIEC,)),
        FieldSpec("committee", "Comité local", T.JSON, programs=(CIEC,)),
        FieldSpec("services", "Services offerts", T.LIST, programs=(CIEC,)),
        FieldSpec("revenue", "Chiffre d'affaires", T.MONEY, minimum=0, programs=(CIEC,)),
        FieldSpec(
            "general_assembly_date", "Date de l'assemblée générale", T.DATE, programs=(CIEC,)
        ),
        FieldSpec("board", "Conseil d'administration", T.JSON, programs=(CIEC, JEUNE_COOP)),
        # Jeune COOP
        FieldSpec(
            "school_id",
            "École",
            T.REF,
            ref="school",
            programs=(JEUNE_COOP,),
            required_for=(JEUNE_COOP,),
        ),
        FieldSpec("teacher", "Enseignant ou enseignante responsable", programs=(JEUNE_COOP,)),
        FieldSpec(
            "level", "Ordre d'enseignement", T.ENUM, choices=SCHOOL_LEVELS, programs=(JEUNE_COOP,)
        ),
        FieldSpec("project_kind", "Type de projet", programs=(JEUNE_COOP,)),
        # Farm co-ops
        FieldSpec(
            "coop_type", "Type de coopérative", T.ENUM, choices=COOP_TYPES, programs=(FERME_COOP,)
        ),
        FieldSpec("production", "Production", programs=(FERME_COOP,)),
        FieldSpec(
            "hectares",
            "Superficie (ha)",
            T.DECIMAL,
            minimum=0,
            maximum=100000,
            programs=(FERME_COOP,),
        ),
        FieldSpec(
            "land_tenure", "Mode de tenure", T.ENUM, choices=LAND_TENURES, programs=(FERME_COOP,)
        ),
        FieldSpec(
            "members_count",
            "Nombre de membres",
            T.INT,
            minimum=0,
            maximum=100000,
            programs=(FERME_COOP,),
        ),
        FieldSpec("founding_date", "Date de constitution", T.DATE, programs=(FERME_COOP,)),
        FieldSpec("closure_date", "Date de fermeture", T.DATE, programs=(FERME_COOP,)),
    ),
)

PARTICIPANT = EntitySpec(
    kind="participant",
    label="Participant ou participante",
    label_plural="Participants",
    title_field="first_name",
    parent_field="project_id",
    parent_kind="project",
    searchable=("first_name", "last_name"),
    fields=(
        FieldSpec("project_id", "Projet", T.REF, required=True, ref="project"),
        FieldSpec("first_name", "Prénom", required=True, max_length=80, personal=True),
        FieldSpec("last_name", "Nom", required=True, max_length=80, personal=True),
        FieldSpec("birth_date", "Date de naissance", T.DATE, required=True, personal=True),
        FieldSpec("school_level", "Niveau scolaire", T.ENUM, choices=SCHOOL_LEVELS),
        FieldSpec("consent_by", "Consentement donné par", max_length=120, personal=True),
        FieldSpec("consent_date", "Date du consentement", T.DATE),
        FieldSpec("consent_purposes", "Fins du consentement", T.LIST),
        FieldSpec("anonymised", "Anonymisé", T.BOOL),
    ),
)

CONTRACT = EntitySpec(
    kind="contract",
    label="Contrat",
    label_plural="Contrats",
    title_field="service",
    parent_field="project_id",
    parent_kind="project",
    fields=(
        FieldSpec("project_id", "Projet", T.REF, required=True, ref="project"),
        FieldSpec("client_type", "Type de client", T.ENUM, required=True, choices=CLIENT_TYPES),
        FieldSpec("service", "Service", required=True),
        FieldSpec("contract_date", "Date du contrat", T.DATE),
        FieldSpec("hours", "Heures", T.DECIMAL, minimum=0, maximum=10000),
        FieldSpec("amount", "Montant", T.MONEY, minimum=0),
    ),
)

FUNDING = EntitySpec(
    kind="funding",
    label="Demande de financement",
    label_plural="Financement",
    title_field="program",
    parent_field="project_id",
    parent_kind="project",
    fields=(
        FieldSpec("project_id", "Projet", T.REF, required=True, ref="project"),
        FieldSpec("funder", "Bailleur de fonds", required=True),
        FieldSpec("program", "Programme de financement", required=True),
        FieldSpec("requested", "Montant demandé", T.MONEY, minimum=0),
        FieldSpec("granted", "Montant accordé", T.MONEY, minimum=0),
        FieldSpec("paid", "Montant versé", T.MONEY, minimum=0),
        FieldSpec("status", "Statut", T.ENUM, required=True, choices=FUNDING_STATUSES),
        FieldSpec("report_due_dates", "Redditions de comptes dues", T.DATES),
        FieldSpec("conditions", "Conditions", T.LONGTEXT, max_length=5000),
    ),
)

VISIT = EntitySpec(
    kind="visit",
    label="Visite",
    label_plural="Visites",
    title_field="place",
    parent_field="project_id",
    parent_kind="project",
    searchable=("place", "observations", "decisions"),
    fields=(
        FieldSpec("project_id", "Projet", T.REF, required=True, ref="project"),
        FieldSpec("visited_at", "Date de la visite", T.DATETIME, required=True),
        FieldSpec("place", "Lieu"),
        FieldSpec("mode", "Type de visite", T.ENUM, required=True, choices=VISIT_MODES),
        # CQCM staff who made the visit: account ids (``domain.people``), the signed-in person by
        # default; a planned visit's staff too. Not the project's people (next two fields).
        FieldSpec(
            "made_by",
            "Visite faite par",
            T.LIST,
            help="Personnes du CQCM qui ont fait la visite (comptes)",
        ),
        # A coordinator *of the project* (a CIEC's hired coordinator) met at the visit.
        FieldSpec(
            "coordinator_id",
            "Coordonnateur ou coordonnatrice du projet",
            T.REF,
            ref="coordinator",
        ),
        FieldSpec("status", "État de la visite", T.ENUM, choices=VISIT_STATUSES),
        FieldSpec("purpose", "Objet de la visite", max_length=500),
        FieldSpec("people_present", "Personnes présentes", T.LIST),
        FieldSpec("observations", "Observations", T.LONGTEXT, max_length=50000),
        FieldSpec("decisions", "Décisions", T.LONGTEXT, max_length=20000),
    ),
)

ACTION_ITEM = EntitySpec(
    kind="action_item",
    label="Suivi",
    label_plural="Suivis",
    title_field="text",
    parent_field="project_id",
    parent_kind="project",
    searchable=("text", "owner"),
    fields=(
        FieldSpec("project_id", "Projet", T.REF, required=True, ref="project"),
        FieldSpec("visit_id", "Visite", T.REF, ref="visit"),
        FieldSpec("text", "Action", required=True, max_length=1000),
        FieldSpec("owner", "Responsable", required=True, max_length=120),
        # Who « Responsable » is: a staff account (``owner_account``, « Mes suivis »), a person
        # of the project, or anyone else (a partner) by name only.
        FieldSpec("owner_kind", "Type de responsable", T.ENUM, choices=OWNER_KINDS),
        FieldSpec("owner_account", "Compte du responsable", max_length=80),
        FieldSpec("due_date", "Échéance", T.DATE),
        FieldSpec("done", "Fait", T.BOOL),
    ),
)

ATTACHMENT = EntitySpec(
    kind="attachment",
    label="Pièce jointe",
    label_plural="Pièces jointes",
    title_field="filename",
    parent_field="project_id",
    parent_kind="project",
    fields=(
        FieldSpec("project_id", "Projet", T.REF, required=True, ref="project"),
        FieldSpec("visit_id", "Visite", T.REF, ref="visit"),
        FieldSpec("sha256", "Empreinte SHA-256", required=True, max_length=64),
        FieldSpec("filename", "Nom du fichier", required=True, max_length=255),
        FieldSpec("media_type", "Type de fichier", max_length=100),
        FieldSpec("size", "Taille (octets)", T.INT, minimum=0, maximum=MAX_ATTACHMENT_SIZE),
    ),
)

WORKSHOP = EntitySpec(
    kind="workshop",
    label="Atelier ou webinaire",
    label_plural="Ateliers et webinaires",
    title_field="theme",
    region_field="region_code",
    searchable=("theme",),
    fields=(
        FieldSpec("theme", "Thème", required=True),
        FieldSpec("held_on", "Date", T.DATE, required=True),
        FieldSpec("format", "Format", T.ENUM, required=True, choices=WORKSHOP_FORMATS),
        FieldSpec("region_code", "Région", T.REGION, required=True),
        FieldSpec("attendance", "Participation", T.INT, minimum=0, maximum=100000),
    ),
)

# The register of communications of personal information (Québec Law 25): who exported or printed
# participants' names, when, what and for whom. Written by ``store.disclosures.log_disclosure``; it
# syncs like any record so the organisation's privacy officer sees every laptop's entries.
ACCESS_LOG = EntitySpec(
    kind="access_log",
    label="Communication de renseignements personnels",
    label_plural="Registre des communications",
    title_field="subject",
    region_field="region_code",
    fields=(
        FieldSpec("logged_at", "Date et heure", T.DATETIME, required=True),
        FieldSpec("actor", "Par", required=True, max_length=120),
        FieldSpec("action", "Action", T.ENUM, required=True, choices=DISCLOSURE_ACTIONS),
        FieldSpec("subject", "Renseignements communiqués", required=True, max_length=500),
        FieldSpec("participant_ids", "Participants visés", T.REFS, ref="participant"),
        FieldSpec("project_id", "Projet", T.REF, ref="project"),
        FieldSpec("region_code", "Région", T.REGION, required=True),
        FieldSpec("recipient", "Destinataire", max_length=200),
        FieldSpec("purpose", "Fin", max_length=500),
    ),
)

#: Kinds whose records are written once and never changed nor deleted (the register of
#: communications is evidence for the privacy officer): the laptop's store and the server refuse
#: any update, delete or restore of them.
APPEND_ONLY_KINDS = frozenset({ACCESS_LOG.kind})


def append_only_message(kind: str) -> str:
    """Why an entry of an append-only kind cannot be changed (French, shown to the user)."""
    return (
        f"{ENTITIES[kind].label_plural} : une entrée inscrite ne peut être ni modifiée ni "
        "effacée ; inscrivez plutôt une nouvelle entrée."
    )


ENTITIES: dict[str, EntitySpec] = {
    spec.kind: spec
    for spec in (
        MUNICIPALITY,
        ORGANISATION,
        SCHOOL,
        COORDINATOR,
        PROJECT,
        PARTICIPANT,
        CONTRACT,
        FUNDING,
        VISIT,
        ACTION_ITEM,
        ATTACHMENT,
        WORKSHOP,
        ACCESS_LOG,
    )
}


def entity(kind: str) -> EntitySpec:
    """The spec of a kind of record; KeyError for an unknown kind."""
    return ENTITIES[kind]
