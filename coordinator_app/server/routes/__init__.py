"""The routes of the sync API, one ``APIRouter`` per area; ``app.create_app`` includes them.

Routes are thin: rules live in ``accounts``, ``sync`` and ``attachments``. What they need (engine,
settings, server generation) is read from ``app.state`` through the dependencies of ``deps``.
"""
