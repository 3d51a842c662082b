"""Québec's 17 administrative regions with their official codes (01–17)."""

from __future__ import annotations

from coordinator_app.domain.text import fold

REGIONS: dict[str, str] = {
    "01": "Bas-Saint-Laurent",
    "02": "Saguenay–Lac-Saint-Jean",
    "03": "Capitale-Nationale",
    "04": "Mauricie",
    "05": "Estrie",
    "06": "Montréal",
    "07": "Outaouais",
    "08": "Abitibi-Témiscamingue",
    "09": "Côte-Nord",
    "10": "Nord-du-Québec",
    "11": "Gaspésie–Îles-de-la-Madeleine",
    "12": "Chaudière-Appalaches",
    "13": "Laval",
    "14": "Lanaudière",
    "15": "Laurentides",
    "16": "Montérégie",
    "17": "Centre-du-Québec",
}

_BY_FOLDED_NAME = {fold(name): code for code, name in REGIONS.items()}
_BY_FOLDED_NAME.update({fold(name.replace("Saint", "St")): code for code, name in REGIONS.items()})
# Each half of a two-part name names its region too: « Gaspésie », « Îles-de-la-Madeleine »,
# « Saguenay », « Lac-Saint-Jean ».
for _code, _name in REGIONS.items():
    if "–" in _name:
        for _part in _name.split("–"):
            _BY_FOLDED_NAME.setdefault(fold(_part), _code)


def region_name(code: str) -> str:
    """The official name of a region code, or the code itself when unknown."""
    return REGIONS.get(code, code)


def parse_region(text: object) -> str | None:
    """A region code from « 03 », 3, « Capitale-Nationale » or « capitale nationale »; None if unknown."""
    if text is None:
        return None
    if isinstance(text, int | float) and float(text).is_integer():
        text = str(int(text))
    raw = str(text).strip()
    if raw.isdigit() and 1 <= int(raw) <= 17:
        return f"{int(raw):02d}"
    head = raw.split(" ", 1)[0]
    if head.isdigit() and 1 <= int(head) <= 17 and fold(raw[len(head) :]) in _BY_FOLDED_NAME:
        return f"{int(head):02d}"
    return _BY_FOLDED_NAME.get(fold(raw))
