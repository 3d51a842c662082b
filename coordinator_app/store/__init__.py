"""The local profile: one SQLite database per user. The only package that contains SQL."""

from coordinator_app.store.profile import Store, open_store

__all__ = ["Store", "open_store"]
