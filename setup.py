"""Package list for setuptools; everything else is in pyproject.toml.

Only here because pyproject's ``packages.find`` cannot add a package whose folder lies elsewhere:
the top-level ``resources/`` folder ships as the package ``coordinator_app._resources`` (mapped in
``[tool.setuptools.package-dir]``) so that ``pip install .`` carries fonts, icons and translations.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(
            include=["coordinator_app*"], exclude=["coordinator_app._resources*"]
        ),
        "coordinator_app._resources",
    ]
)
