"""The server database's tables (SQLAlchemy Core), one place for every column.

``db`` re-exports them (``db.records``, ``db.changes``…: the name every module uses); the engines,
transactions and migrations are there. A migration that adds a table or a column adds it here too,
since migration 1 creates a new database from ``metadata`` as it is now.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

meta = sa.Table(
    "carnet_meta",
    metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

users = sa.Table(
    "carnet_users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(80), nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("regions", sa.JSON, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    # the person behind the account (migration 4): shown on every laptop as the author of what
    # they record, under « Visite faite par » and in « Pour le CQCM »
    sa.Column("display_name", sa.String(120)),
    sa.Column("email", sa.String(254)),
    sa.Column("title", sa.String(120)),
)

devices = sa.Table(
    "carnet_devices",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("carnet_users.id"), nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("last_seen_at", sa.String(40)),
    sa.Column("revoked_at", sa.String(40)),
    sa.Column("wipe", sa.Boolean, nullable=False, default=False),
    sa.Column("wiped_at", sa.String(40)),
)

login_failures = sa.Table(
    "carnet_login_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(80), nullable=False),
    sa.Column("address", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Index("ix_carnet_login_failures_at", "at"),
)

records = sa.Table(
    "carnet_records",
    metadata,
    sa.Column("kind", sa.String(40), primary_key=True),
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("region_code", sa.String(2)),
    sa.Column("project_id", sa.String(64)),
    sa.Column("sha256", sa.String(64)),
    sa.Column("data", sa.JSON, nullable=False),
    # per field: [at, change_id, author, device_id] of the change that last wrote it ("deleted" too)
    sa.Column("stamps", sa.JSON, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Index("ix_carnet_records_project", "project_id"),
    sa.Index("ix_carnet_records_sha256", "sha256"),
)

changes = sa.Table(
    "carnet_changes",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("change_id", sa.String(36), nullable=False, unique=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("op", sa.String(10), nullable=False),
    sa.Column("values", sa.JSON, nullable=False),
    sa.Column("full", sa.Boolean, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("region_code", sa.String(2)),
    sa.Column("previous_region_code", sa.String(2)),
    sa.Column("project_id", sa.String(64)),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("author", sa.String(120)),
    sa.Column("device_id", sa.String(64)),
    sa.Column("username", sa.String(80)),
    sa.Column("author_id", sa.String(80)),  # the account that pushed it (migration 4)
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.Column("origin", sa.String(10), nullable=False),  # "client" | "server"
    # the change as received (client changes), to tell an exact replay from a reused id
    sa.Column("content_hash", sa.String(64)),
    sa.Column("fields", sa.JSON),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("conflict_ids", sa.JSON, nullable=False),
    # true: a client change stored exactly as sent (``sync.echo``, set by the push; migration 7);
    # NULL: not known (rows before migration 7, any other row): a pull checks the row itself
    sa.Column("as_sent", sa.Boolean),
    sa.Index("ix_carnet_changes_record", "kind", "record_id"),
)

blobs = sa.Table(
    "carnet_blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("chunks", sa.Integer, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

blob_chunks = sa.Table(
    "carnet_blob_chunks",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("complete", sa.Boolean, nullable=False, default=False),
)

#: Chunks of uploads in progress, per device (another device's chunks can neither replace nor
#: wipe them); moved into ``carnet_blob_chunks`` when the upload completes, swept when abandoned.
upload_chunks = sa.Table(
    "carnet_upload_chunks",
    metadata,
    sa.Column("device_id", sa.String(64), primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("user_id", sa.Integer, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("received_at", sa.Float, nullable=False),  # epoch seconds
    sa.Index("ix_carnet_upload_chunks_user", "user_id"),
    sa.Index("ix_carnet_upload_chunks_received", "received_at"),
)

#: Who proved they hold a file's bytes (uploaded all of it, hash checked). A record naming a hash
#: gives access to the bytes only when the change that named it came from one of these users.
blob_owners = sa.Table(
    "carnet_blob_owners",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.String(40), nullable=False),  # last upload or claim
)

# -- migration 2: sync hardening (issue 13) ------------------------------------------------------
#: The highest seq each device has certainly applied: the ``since`` of its latest pull (a laptop
#: stores its cursor with the entries it applied). A delete is checked against it, so a laptop
#: whose pull was cut after its own push cannot delete over an edit it never saw.
device_seen = sa.Table(
    "carnet_device_seen",
    metadata,
    sa.Column("device_id", sa.String(64), primary_key=True),
    sa.Column("generation", sa.String(40), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)

#: Whose each change id is, for change ids a restore took out of ``carnet_changes``: carried over
#: by ``restore`` so another user cannot claim a change id seen before the restore.
change_owners = sa.Table(
    "carnet_change_owners",
    metadata,
    sa.Column("change_id", sa.String(36), primary_key=True),
    sa.Column("username", sa.String(80), nullable=False),
)

#: Changes of a record the server does not have (yet): after a restore, an edit can arrive
#: before the re-sent creation of its record; it waits here and is applied when the record comes.
parked = sa.Table(
    "carnet_parked",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("change_id", sa.String(36), nullable=False, unique=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("username", sa.String(80), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("change", sa.JSON, nullable=False),
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.Index("ix_carnet_parked_record", "kind", "record_id"),
)

# Subscribed calendar feeds (``calendar_feed``): only the SHA-256 of each secret URL is kept.
calendar_feeds = sa.Table(
    "carnet_calendar_feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("carnet_users.id"), nullable=False),
    sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("revoked_at", sa.String(40)),
    sa.Index("ix_carnet_calendar_feeds_user", "user_id"),
)
