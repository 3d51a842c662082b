"""The sync client: pushes the local journal to the central server and pulls what changed there.

Pure Python (no Qt): the command line and the window call the same ``SyncEngine``. The store-side
SQL lives in ``coordinator_app.store.sync_state``; the wire models in ``coordinator_app.protocol``.
"""
