"""Sort keys for the pages: names as a reader looks for them, paragraph numbers in natural order."""
from __future__ import annotations

import re
import unicodedata


def name_key(name: str) -> str:
    """A sort key for names: accents folded, so Türkiye sorts with the Ts and Côte d'Ivoire with the Cs."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def notation_key(notation: str) -> list:
    """Natural order of paragraph letters and numbers: 'CBM 2' before 'CBM 10', '13(a)' before '13(b)'."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
            for part in re.findall(r"\d+|\D+", notation)]
