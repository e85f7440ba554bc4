"""Close-id suggestions for a 404: the ids a person probably meant."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

# characters around a word of a name that are not part of it ("Korea (Republic of)", "Bonaire, Sint Eustatius")
_AROUND_WORDS = "()[],;:.'\"’"


def close_ids(wanted: str, known: list[str], *, n: int = 3) -> list[str]:
    """Up to n known ids close to wanted (case-insensitive), best first; substring matches count too."""
    lowered = {k.lower(): k for k in known}
    matches = difflib.get_close_matches(wanted.lower(), list(lowered), n=n, cutoff=0.6)
    if len(matches) < n:
        matches += [k for k in lowered if wanted.lower() in k and k not in matches][: n - len(matches)]
    return [lowered[m] for m in matches]


def initials(name: str) -> str:
    """The initials of a name's capitalised words, upper-case: "United Kingdom" -> "UK",
    "Democratic Republic of the Congo" -> "DRC" (the small words "of", "the" are not capitalised)."""
    words = (w.strip(_AROUND_WORDS) for w in name.replace("-", " ").split())
    return "".join(w[0] for w in words if w and w[0].isupper())


def by_initials(wanted: str, names: Mapping[str, Sequence[str]]) -> list[str]:
    """The ids one of whose names has wanted (two letters or more, any case) as its initials, in names' order.

    Args:
        names: each id's names (its label and alternative labels).
    """
    code = wanted.strip().upper()
    if len(code) < 2 or not code.isalpha():
        return []
    return [
        ident for ident, labels in names.items() if any(initials(label) == code for label in labels if label)
    ]


def starting_with(wanted: str, keys: Mapping[str, Sequence[str]]) -> list[str]:
    """The ids one of whose keys (codes, names) starts with wanted (any case), in keys' order; none for an empty
    wanted."""
    start = wanted.strip().lower()
    if not start:
        return []
    return [
        ident for ident, values in keys.items() if any((v or "").lower().startswith(start) for v in values)
    ]


__all__ = ["by_initials", "close_ids", "initials", "starting_with"]
