"""Serving: a local test certificate, and the HTTPS server itself."""

from __future__ import annotations

import argparse
from pathlib import Path

from coordinator_app.domain.errors import UserError
from coordinator_app.server.cli.common import EXIT_OK, Add, is_loopback, open_engine, positive_int


def cmd_dev_cert(args: argparse.Namespace) -> int:
    from coordinator_app.server import tls

    paths = tls.write_dev_cert(Path(args.dir))
    print(f"Autorité de certification locale : {paths['ca']}")
    print(f"Certificat du serveur : {paths['cert']}\nClé du serveur : {paths['key']}")
    print(
        "Démarrez le serveur :\n"
        f"  coordinator-server serve --host 127.0.0.1 --port 8443 --cert {paths['cert']} "
        f"--key {paths['key']}\n"
        "Faites confiance à cette autorité dans l'application :\n"
        f"  coordinator-app login --server https://127.0.0.1:8443 --user NOM --ca-file {paths['ca']}\n"
        "(Pour essai seulement : en production, utilisez un vrai certificat.)"
    )
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from coordinator_app.server import tls

    loopback = is_loopback(args.host)
    if args.insecure_dev:
        if not loopback:
            raise UserError(
                "--insecure-dev (HTTP sans chiffrement) n'est permis que sur une adresse locale "
                "(127.0.0.1, ::1 ou localhost)."
            )
    elif not (args.cert and args.key):
        raise UserError(
            "HTTPS exige --cert FICHIER et --key FICHIER (voir docs/server.md ; pour un essai "
            "local : coordinator-server dev-cert DOSSIER)."
        )
    for path in (args.cert, args.key):
        if path and not Path(path).is_file():
            raise UserError(f"Fichier introuvable : {path}")
    open_engine(args)
    tls.serve(args)
    return EXIT_OK


def register(add: Add) -> None:
    p = add("dev-cert", cmd_dev_cert, "certificat local d'essai (autorité + certificat)")
    p.add_argument("dir")
    p = add("serve", cmd_serve, "démarrer le serveur HTTPS")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--cert", metavar="FICHIER", help="certificat (PEM, chaîne complète)")
    p.add_argument("--key", metavar="FICHIER", help="clé privée (PEM)")
    p.add_argument(
        "--insecure-dev", action="store_true", help="HTTP sans TLS, adresse locale seulement"
    )
    p.add_argument(
        "--forwarded-allow-ips",
        default=None,
        metavar="IPS",
        help="mandataires inverses dont X-Forwarded-For est cru (ex. 127.0.0.1)",
    )
    p.add_argument(
        "--max-devices-per-user",
        type=positive_int,
        default=10,
        metavar="N",
        help="appareils actifs au plus par compte (défaut : 10)",
    )
    p.add_argument("--log-level", default="info")
