"""The ``coordinator-app`` command line. Each command is a small module that calls the library."""
