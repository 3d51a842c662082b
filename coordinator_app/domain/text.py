"""Text normalisation used wherever users type names freely (region names, column headers)."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip accents, and reduce dashes, apostrophes and spaces to single spaces.

    « Saguenay–Lac-Saint-Jean », "saguenay lac saint jean" and "SAGUENAY-LAC-ST-JEAN" differ only in
    ways people don't notice when they type, so comparisons go through this.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    no_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    lowered = no_accents.lower().replace("œ", "oe").replace("æ", "ae")
    return re.sub(r"[\s\-–—_'’.,/]+", " ", lowered).strip()
