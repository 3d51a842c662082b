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
