"""``coordinator-app privacy …``: personal information (Québec Law 25) on the command line.

- ``privacy purge [--dry-run] [--json]``: apply the retention rule (anonymise the participants whose
  period is over); ``--dry-run`` lists them and changes nothing;
- ``privacy export --participant ID -o FILE [--format json|pdf]``: all that this profile holds
  about one person, for an access request (the export is inscribed in the register);
- ``privacy find NOM``: the ids of the participants with that name;
- ``privacy withdraw-consent --participant ID``: anonymise a participant whose consent was
  withdrawn (the counts in the indicators stay).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from coordinator_app.cli.context import Context
from coordinator_app.domain import fr_ca
from coordinator_app.domain.errors import UserError
from coordinator_app.reports import dossier_personne
from coordinator_app.reports.output import check_output_path
from coordinator_app.store import disclosures, privacy
from coordinator_app.store.person_dossier import find_participants, person_dossier


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "privacy", help="renseignements personnels : conservation, demandes d'accès, consentement"
    )
    commands = parser.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)

    purge = commands.add_parser(
        "purge", help="anonymiser les participants dont la durée de conservation est échue"
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="montrer ce qui serait anonymisé, sans rien changer"
    )
    purge.add_argument("--json", action="store_true", help="sortie JSON")
    purge.set_defaults(handler=run_purge)

    export = commands.add_parser(
        "export", help="tout ce que le profil détient sur une personne (demande d'accès)"
    )
    export.add_argument("--participant", required=True, metavar="ID", help="identifiant")
    export.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier créé")
    export.add_argument(
        "--format",
        choices=("json", "pdf"),
        help="json ou pdf (défaut : selon l'extension du fichier, sinon json)",
    )
    export.add_argument(
        "--recipient", default="la personne concernée", help="à qui le fichier est remis"
    )
    export.set_defaults(handler=run_export)

    find = commands.add_parser(
        "find", help="trouver l'identifiant d'un participant par son nom (demande d'accès)"
    )
    find.add_argument("name", metavar="NOM", help="prénom et nom, p. ex. « Zoé Lapointe »")
    find.set_defaults(handler=run_find)

    withdraw = commands.add_parser(
        "withdraw-consent", help="retrait du consentement : anonymiser le participant"
    )
    withdraw.add_argument("--participant", required=True, metavar="ID", help="identifiant")
    withdraw.set_defaults(handler=run_withdraw)


def run_purge(ctx: Context) -> int:
    store = ctx.store
    items = privacy.purge(store, dry_run=ctx.args.dry_run)
    months = privacy.retention_rules(store)["participant_personal_months"]
    if ctx.args.json:
        print(
            json.dumps(
                {
                    "dry_run": ctx.args.dry_run,
                    "participant_personal_months": months,
                    "participants": [i.as_dict() for i in items],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    verb = "seraient anonymisés" if ctx.args.dry_run else "anonymisés"
    print(f"Règle : noms et dates de naissance anonymisés {months} mois après la fin de la saison.")
    print(f"Participants {verb} : {fr_ca.number(len(items))}")
    for item in items:
        print(
            f"  {item.participant_id} — projet « {item.project_name} », saison terminée le "
            f"{item.season_end}, échéance {item.due_on}{' (supprimé)' if item.deleted else ''}"
        )
    if ctx.args.dry_run and items:
        print("Rien n'a été modifié (--dry-run).")
    return 0


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    return "pdf" if Path(args.output).suffix.lower() == ".pdf" else "json"


def run_export(ctx: Context) -> int:
    store = ctx.store
    kind = _format(ctx.args)
    output = Path(ctx.args.output).expanduser()
    if kind == "pdf":
        check_output_path(output)
    elif output.is_dir() or not output.parent.is_dir():
        raise UserError(f"Impossible d'écrire le fichier {output} : dossier absent ou invalide.")
    dossier = person_dossier(store, ctx.args.participant)
    with store.transaction():
        disclosures.log_disclosure(
            store,
            action="person_export",
            subject=f"Renseignements détenus sur un participant ({kind.upper()})",
            participant_ids=[ctx.args.participant],
            project_id=dossier["participant"]["project_id"],
            recipient=ctx.args.recipient,
            purpose="Demande d'accès aux renseignements personnels",
        )
        dossier = person_dossier(store, ctx.args.participant)  # with this very export
        if kind == "pdf":
            dossier_personne.write_pdf(store, dossier, output)
        else:
            _write_text(output, dossier_personne.dossier_json(dossier))
    print(f"Renseignements exportés dans {output.absolute()}")
    print("L'exportation est inscrite au registre des communications.")
    return 0


def _write_text(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UserError(f"Impossible d'écrire le fichier {path} : {error.strerror}.") from None


def run_find(ctx: Context) -> int:
    found = find_participants(ctx.store, ctx.args.name)
    if not found:
        print(f"Aucun participant ne correspond à « {ctx.args.name} » dans ce profil.")
        return 0
    for p in found:
        state = " (anonymisé)" if p["anonymised"] else ""
        state += " (supprimé)" if p["deleted"] else ""
        print(
            f"{p['id']}\t{p['first_name']} {p['last_name']}\tné(e) le {p['birth_date']}\t"
            f"projet « {p['project_name']} » (région {p['region_code']}){state}"
        )
    return 0


def run_withdraw(ctx: Context) -> int:
    record = privacy.withdraw_consent(ctx.store, ctx.args.participant)
    print(
        f"Consentement retiré : le participant {record['id']} est anonymisé "
        "(il reste compté dans les indicateurs). Le changement sera synchronisé."
    )
    return 0
