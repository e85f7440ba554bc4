"""How deeply a JSON document nests, found by one iterative pass before any parser sees it.

JSON parsers and the JSON-LD expansion recurse once per level: a document nested ten thousand
deep overflows the stack of the process that parses it. The scan below keeps one counter, skips
strings (with their escapes) and stops at the first level past the limit, so its cost is one
pass over the text at most.
"""

from __future__ import annotations

import re

from kg.errors import LoadError, SourcePosition

_SPECIAL = re.compile(r'[\[\]{}"\\\n]')  # the only characters the scan looks at


def check_json_depth(text: str, *, limit: int, name: str) -> None:
    """Refuse JSON nested deeper than limit.

    Raises:
        LoadError: the position (line, column) where the nesting passes the limit, naming the
            limit and its setting (CYBERGOV_MAX_NESTING_DEPTH).
    """
    depth = 0
    line, line_start = 1, 0
    in_string = False
    escaped_at = -1  # the index of the character a backslash escapes
    for match in _SPECIAL.finditer(text):
        char, index = match.group(), match.start()
        if char == "\n":
            line, line_start = line + 1, index + 1
        elif index == escaped_at:
            continue
        elif in_string:
            if char == "\\":
                escaped_at = index + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
            if depth > limit:
                raise LoadError(
                    f"JSON nested deeper than {limit} levels (the limit; CYBERGOV_MAX_NESTING_DEPTH)",
                    SourcePosition(name, line, index - line_start + 1),
                )
        elif char in "}]":
            depth -= 1


__all__ = ["check_json_depth"]
