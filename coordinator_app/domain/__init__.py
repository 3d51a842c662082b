"""Entities, validation rules and reference data. Pure Python: no Qt, no SQL, no I/O.

Everything that knows what a project, a visit or a participant *is* lives here, so that the store,
the import/export code, the window, the reports and the server all agree on one definition.
"""
