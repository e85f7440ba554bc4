"""Sort keys and small readings for the pages: names as a reader looks for them, paragraph numbers in natural
order, ISO 8601 durations in words."""

from __future__ import annotations

import re
import unicodedata


def name_key(name: str) -> str:
    """A sort key for names: accents folded, so Türkiye sorts with the Ts and Côte d'Ivoire with the Cs."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def notation_key(notation: str) -> list:
    """Natural order of paragraph letters and numbers: 'CBM 2' before 'CBM 10', '13(a)' before '13(b)'."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.findall(r"\d+|\D+", notation)
    ]


_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$")
_UNITS = ("year", "month", "week", "day", "hour", "minute")


def duration_words(value: str | None) -> str | None:
    """An ISO 8601 duration in words ('P1D' -> '1 day', 'PT72H' -> '72 hours'); None when it is not a plain one."""
    match = _DURATION.match(value or "")
    if not match or not any(match.groups()):
        return None
    return ", ".join(
        f"{n} {unit}{'' if n == '1' else 's'}" for n, unit in zip(match.groups(), _UNITS, strict=False) if n
    )
