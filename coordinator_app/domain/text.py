"""Text normalisation used wherever users type names freely (region names, column headers)."""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case, strip accents, and reduce dashes, apostrophes and spaces to single spaces.

    « Saguenay–Lac-Saint-Jean », "saguenay lac saint jean" and "SAGUENAY-LAC-ST-JEAN" differ only in
    ways people don't notice when they type, so comparisons go through this.
    """
    if text.isascii():  # nothing to decompose (imports fold the same few values 100 000 times)
        lowered = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        no_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
        lowered = no_accents.lower().replace("œ", "oe").replace("æ", "ae")
    return _SEPARATORS.sub(" ", lowered).strip()


_SEPARATORS = re.compile(r"[\s\-–—_'’.,/]+")
