"""SELECT * answered with its columns in the order the variables first appear in the query.

The engines differ: oxigraph (embedded, `oxigraph serve`) lists the variables of `SELECT *` sorted by name, so
`SELECT * WHERE { ?treaty ?p ?o }` came back as o, p, treaty; Jena, Virtuoso and Wikidata's service list them as
the query writes them, and that is what a researcher reads a table or a CSV by. The endpoint spells a top-level
`SELECT *` out before any engine sees it: the variables are the engine's own (pyoxigraph names them from the
query alone, on an empty store, nothing evaluated), only their order is the text's.
"""

from __future__ import annotations

import functools

import pyoxigraph as ox

from kg.namespaces import QUERY_BASE_IRI
from kg.sparql_tokens import Token, first_keyword, replaced, tokens

_MODIFIERS = ("DISTINCT", "REDUCED")


def _star(text: str) -> Token | None:
    """The `*` of the query's top-level SELECT, or None."""
    keyword = first_keyword(text)
    if keyword is None or keyword.text.upper() != "SELECT":
        return None
    for token in tokens(text[keyword.end :]):
        if token.kind in ("space", "comment") or (token.kind == "word" and token.text.upper() in _MODIFIERS):
            continue
        if token.text != "*":
            return None
        return Token(token.kind, token.start + keyword.end, token.end + keyword.end, token.text)
    return None


@functools.lru_cache(maxsize=128)
def spelled_out(text: str) -> str:
    """The query with its top-level `SELECT *` replaced by its variables in the order they first appear (the text
    itself when it has none, or when the engine cannot read it: it then reports the error itself).

    Kept for the last 128 texts, as their parse is (kg.store.sparql_parse.parse): finding the query's first
    keyword reads every token of its prologue, 0.6 ms of the 3.7 ms a query worker spent on a query of the
    benchmark's mix at 10k, repeated for every request of a text it had already seen."""
    star = _star(text)
    if star is None:
        return text
    try:
        answer = ox.Store().query(text, base_iri=QUERY_BASE_IRI)
    except (SyntaxError, ValueError):
        return text
    names = [v.value for v in answer.variables] if isinstance(answer, ox.QuerySolutions) else []
    if not names:
        return text
    first: dict[str, int] = {}
    for token in tokens(text):
        if token.kind == "variable":
            first.setdefault(token.text[1:], token.start)
    ordered = sorted(names, key=lambda name: first.get(name, len(text)))
    return replaced(text, [(star, " ".join(f"?{name}" for name in ordered))])


__all__ = ["spelled_out"]
