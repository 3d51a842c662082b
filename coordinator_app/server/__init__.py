"""The central server: HTTPS sync API, accounts, per-region access (FastAPI + SQLAlchemy Core)."""
