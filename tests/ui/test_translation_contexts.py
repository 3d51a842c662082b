"""Every string of the English catalogue is filed under a context the window asks for.

lupdate can mis-read a ``self.tr`` that follows ``QCoreApplication.translate(...)`` inside one list
literal and file it under a context such as « QCoreApplication.self »; the window then shows that
string in French in English mode although the catalogue has its English.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "carnet_en.ts"


def test_no_string_is_filed_under_a_context_no_code_uses() -> None:
    contexts = [c.findtext("name") or "" for c in ET.parse(CATALOGUE).getroot().iter("context")]
    misread = [name for name in contexts if "." in name or not name.strip()]
    assert contexts and not misread, f"contexts lupdate mis-read: {misread}"


def test_counts_outside_their_class_go_through_i18n_plural() -> None:
    """pyside6-lupdate 6.11 files ``translate(context, text, "", n)`` without plural forms: the
    English window would show « 1 changes ». ``i18n.plural`` is the form update.py knows."""
    import ast

    ui = CATALOGUE.parents[2] / "coordinator_app" / "ui"
    found = []
    for path in sorted(p for p in ui.rglob("*.py") if p.name != "i18n.py"):  # plural itself
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            name = getattr(func, "attr", None) or getattr(func, "id", None)
            if isinstance(node, ast.Call) and name == "translate" and len(node.args) >= 4:
                found.append(f"{path.relative_to(ui)}:{node.lineno}")
    assert found == [], f"use i18n.plural(context, text, n) at {found}"


def test_every_plural_count_has_plural_forms_in_the_catalogue() -> None:
    plural_sources = {
        (c.findtext("name"), m.findtext("source")): m.get("numerus") == "yes"
        for c in ET.parse(CATALOGUE).getroot().iter("context")
        for m in c.iter("message")
        if "%n" in (m.findtext("source") or "")
    }
    missing = [key for key, numerus in plural_sources.items() if not numerus]
    assert plural_sources and missing == [], f"counts without plural forms: {missing}"
