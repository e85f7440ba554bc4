"""Close-id suggestions for a 404: the ids a person probably meant."""

from __future__ import annotations

import difflib


def close_ids(wanted: str, known: list[str], *, n: int = 3) -> list[str]:
    """Up to n known ids close to wanted (case-insensitive), best first; substring matches count too."""
    lowered = {k.lower(): k for k in known}
    matches = difflib.get_close_matches(wanted.lower(), list(lowered), n=n, cutoff=0.6)
    if len(matches) < n:
        matches += [k for k in lowered if wanted.lower() in k and k not in matches][: n - len(matches)]
    return [lowered[m] for m in matches]
