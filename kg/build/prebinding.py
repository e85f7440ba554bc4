"""Pre-bound variables in a SPARQL-based constraint (SHACL 5.3.1 and appendix B), read from the query's tokens.

SHACL runs a constraint's sh:select once per focus node with $this pre-bound: every occurrence of `this`,
in inner groups and nested SELECTs too, stands for the focus node. Two things follow here:

- `not_allowed`: the queries SHACL forbids, because pre-binding is not defined for them (a MINUS, a VALUES,
  a SERVICE, `AS ?this`, a nested SELECT that does not return $this). A processor must fail on them
  rather than report; kg.build.validation raises ShapesError, as pyshacl does.
- `joins_like_prebinding`: whether running the query once, with the shape's targets joined first in its
  WHERE group (kg.build.validation's rewrite), gives what pre-binding gives. It does where `this` is bound
  before anything reads it: in the WHERE group itself (the targets come first), inside a FILTER EXISTS of
  that group (SPARQL substitutes the solution into it), or as a term of a triple pattern anywhere. A FILTER
  or BIND that reads `this` in an inner group ({ FILTER ($this = ...) }, a UNION branch, an OPTIONAL, a
  nested SELECT) is evaluated before the join, where `this` is unbound, so such a query stays with pyshacl;
  so does one with LIMIT or OFFSET (per focus node under pre-binding, over all of them once joined).
"""

from __future__ import annotations

from kg.sparql_tokens import Token, tokens

# the variables SHACL may pre-bind in a SPARQL constraint (shapesGraph and currentShape need not be returned)
PRE_BOUND = ("this", "shapesGraph", "currentShape")
_FORBIDDEN = {
    "MINUS": "must not contain MINUS",
    "VALUES": "must not contain VALUES",
    "SERVICE": "must not contain a federated query (SERVICE)",
}


def _code(text: str) -> list[Token]:
    return [t for t in tokens(text) if t.kind not in ("space", "comment")]


def _word(token: Token) -> str:
    return token.text.upper() if token.kind == "word" else ""


def _is_this(token: Token) -> bool:
    return token.kind == "variable" and token.text[1:] == "this"


def _projection(code: list[Token], start: int) -> tuple[set[str], bool]:
    """The variables a SELECT at code[start] projects (its own names and those after AS), and whether it is `*`."""
    names, depth = set(), 0
    for i in range(start + 1, len(code)):
        token = code[i]
        if depth == 0 and (token.text == "{" or _word(token) in ("WHERE", "FROM")):
            break
        depth += {"(": 1, ")": -1}.get(token.text, 0)
        if token.text == "*" and depth == 0:
            return names, True
        if token.kind == "variable" and (depth == 0 or _word(code[i - 1]) == "AS"):
            names.add(token.text[1:])
    return names, False


def not_allowed(select: str) -> str | None:
    """Why SHACL forbids this sh:select (appendix B: pre-binding is not defined for it), or None if it may run."""
    code = _code(select)
    selects = [i for i, t in enumerate(code) if _word(t) == "SELECT"]
    for i, token in enumerate(code):
        if _word(token) in _FORBIDDEN:
            return _FORBIDDEN[_word(token)]
        if _word(token) == "AS" and i + 1 < len(code) and code[i + 1].kind == "variable":
            if code[i + 1].text[1:] in PRE_BOUND:
                return f"must not bind the pre-bound variable {code[i + 1].text} with AS"
    for start in selects[1:]:
        names, star = _projection(code, start)
        if star:
            return "has a nested SELECT * (a nested SELECT must return $this by name)"
        if "this" not in names:
            return "has a nested SELECT that does not return $this"
    return None


def joins_like_prebinding(select: str) -> bool:
    """Whether the query gives, with the targets joined first in its WHERE group, what pre-binding $this gives."""
    code = _code(select)
    if any(_word(t) in ("LIMIT", "OFFSET") for t in code):
        return False
    # each open group: whether `this` is bound in it, and the depth of parentheses it opened at
    braces: list[tuple[bool, int]] = []
    parens = 0
    for i, token in enumerate(code):
        if token.text == "{":
            # the WHERE group binds this (the targets come first), and so does an EXISTS in it (substitution)
            exists = i > 0 and _word(code[i - 1]) == "EXISTS"
            bound = not braces or (braces[-1][0] and (len(braces) == 1 and exists or len(braces) > 1))
            braces.append((bound, parens))
        elif token.text == "}" and braces:
            braces.pop()
        elif token.text in "()" and token.kind == "punct":
            parens += 1 if token.text == "(" else -1
        elif _is_this(token) and braces and not braces[-1][0] and parens != braces[-1][1]:
            return False  # read by an expression in an inner group, before the targets are joined
    return True


__all__ = ["PRE_BOUND", "joins_like_prebinding", "not_allowed"]
