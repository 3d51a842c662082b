"""Serving over HTTPS (TLS 1.2 or newer) with uvicorn, and a local test certificate.

Python's default server context already refuses TLS 1.0/1.1; we set ``minimum_version`` anyway so
the rule holds whatever the OpenSSL configuration of the machine.
"""

from __future__ import annotations

import argparse
import ssl
from pathlib import Path


def write_dev_cert(folder: Path) -> dict[str, Path]:
    """A local CA and a certificate for localhost, 127.0.0.1 and ::1 signed by it (trustme)."""
    import trustme

    folder.mkdir(parents=True, exist_ok=True)
    ca = trustme.CA(organization_name="Carnet COOP dev CA")
    cert = ca.issue_cert("localhost", "127.0.0.1", "::1")
    paths = {
        "ca": folder / "ca.pem",
        "cert": folder / "server.pem",
        "key": folder / "server-key.pem",
    }
    ca.cert_pem.write_to_path(str(paths["ca"]))
    cert.private_key_pem.write_to_path(str(paths["key"]))
    with open(paths["cert"], "wb") as out:
        for blob in cert.cert_chain_pems:
            out.write(blob.bytes())
    paths["key"].chmod(0o600)
    return paths


def serve(args: argparse.Namespace) -> None:
    import uvicorn

    from coordinator_app.server.app import create_app
    from coordinator_app.server.settings import Settings

    app = create_app(
        Settings(db_url=args.db, max_devices_per_user=getattr(args, "max_devices_per_user", 10))
    )
    options: dict = {
        "host": args.host,
        "port": args.port,
        "log_level": args.log_level,
        "proxy_headers": bool(args.forwarded_allow_ips),
        "server_header": False,
        "timeout_graceful_shutdown": 10,
    }
    if args.forwarded_allow_ips:
        options["forwarded_allow_ips"] = args.forwarded_allow_ips
    if not args.insecure_dev:
        options.update(ssl_certfile=args.cert, ssl_keyfile=args.key)
    config = uvicorn.Config(app, **options)
    config.load()
    if config.ssl is not None:
        config.ssl.minimum_version = ssl.TLSVersion.TLSv1_2
    uvicorn.Server(config).run()
