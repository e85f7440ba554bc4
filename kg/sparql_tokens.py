"""SPARQL text read as tokens (SPARQL 1.1's lexical rules), for the few places that edit a trusted query.

The project binds parameters into its own named queries (kg.querying.bind), turns its CONSTRUCT rules into
INSERTs (kg.build.reasoning) and puts a shape's target pattern into its SPARQL constraint (kg.build.validation).
Each needs one place in the text: the WHERE group, the query's form keyword, the `$` variables. Reading the
text as tokens, a WHERE, a CONSTRUCT or a `$this` inside a comment, a string, an IRI or a prefixed name is
never taken for one. (Users' queries are read by the full grammar: kg.store.sparql_parse.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg.errors import QueryError

_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:%")
_NOT_IN_IRI = frozenset('<>"{}|^`\\')


@dataclass(frozen=True)
class Token:
    """One token: kind is 'space', 'comment', 'string', 'iri', 'variable', 'word' (a keyword, a prefixed name,
    a number, `a`) or 'punct' (one character: braces, dots, operators, ...)."""

    kind: str
    start: int
    end: int
    text: str


def _in_name(c: str) -> bool:
    return c in _NAME_CHARS or c > "\x7f"


def _string_end(text: str, i: int) -> int:
    quote = text[i] * 3 if text.startswith(text[i] * 3, i) else text[i]
    j = i + len(quote)
    while j < len(text) and not text.startswith(quote, j):
        j += 2 if text[j] == "\\" else 1
    return min(j + len(quote), len(text))


def _iri_end(text: str, i: int) -> int | None:
    """The end of the IRIREF starting at i, or None if this `<` is an operator."""
    j = i + 1
    while j < len(text) and text[j] not in _NOT_IN_IRI and text[j] > " ":
        j += 1
    return j + 1 if j < len(text) and text[j] == ">" else None


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a SPARQL text, in order, covering it whole (an unterminated string runs to the end)."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            kind = "space"
        elif c == "#":
            j = text.find("\n", i)
            j, kind = (n if j < 0 else j), "comment"
        elif c in "\"'":
            j, kind = _string_end(text, i), "string"
        elif c == "<" and (end := _iri_end(text, i)) is not None:
            j, kind = end, "iri"
        elif c in "?$" and i + 1 < n and _in_name(text[i + 1]):
            j = i + 1
            while j < n and _in_name(text[j]):
                j += 1
            kind = "variable"
        elif _in_name(c):
            j = i + 1
            while j < n and _in_name(text[j]):
                j += 1
            kind = "word"
        else:
            j, kind = i + 1, "punct"
        yield Token(kind, i, j, text[i:j])
        i = j


def _code(text: str) -> Iterator[Token]:
    return (t for t in tokens(text) if t.kind not in ("space", "comment"))


def where_group_start(text: str) -> int:
    """The offset just inside the `{` that opens the query's WHERE group.

    Raises:
        QueryError: the query has no `WHERE {` group.
    """
    after_where = False
    for token in _code(text):
        if after_where and token.text == "{":
            return token.end
        after_where = token.kind == "word" and token.text.upper() == "WHERE"
    raise QueryError("a parameterised query needs a WHERE { ... } group")


def first_keyword(text: str) -> Token | None:
    """The query's first keyword after its prologue (BASE and PREFIX declarations): SELECT, CONSTRUCT, ..."""
    skip = 0  # tokens of a declaration still to pass: BASE <iri> (1), PREFIX name: <iri> (2)
    for token in _code(text):
        if skip:
            skip -= 1
        elif token.kind == "word" and token.text.upper() in ("BASE", "PREFIX"):
            skip = 1 if token.text.upper() == "BASE" else 2
        else:
            return token if token.kind == "word" else None
    return None


def dollar_variables(text: str) -> list[Token]:
    """The variables written with `$` (`$this`, ...), in order."""
    return [t for t in tokens(text) if t.kind == "variable" and t.text.startswith("$")]


def replaced(text: str, edits: list[tuple[Token, str]]) -> str:
    """The text with each token's span replaced by its new text."""
    out, at = [], 0
    for token, new in sorted(edits, key=lambda edit: edit[0].start):
        out += [text[at : token.start], new]
        at = token.end
    return "".join(out) + text[at:]


__all__ = ["Token", "dollar_variables", "first_keyword", "replaced", "tokens", "where_group_start"]
