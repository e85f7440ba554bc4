"""Reading a SPARQL request by parsing it with a SPARQL 1.1 grammar (rdflib's), never by pattern.

The service decides from this parse what a request is (a query of which form, or an update),
which SERVICE endpoints it would call and whether it reads named graphs. The engine that then
runs the query (oxigraph) has its own parser, so where rdflib's reading of the text differs from
oxigraph's, the text is refused or normalized first, so both see the same tokens:

- rdflib replaces every ``\\uXXXX`` / ``\\UXXXXXXXX`` escape in the whole text before parsing;
  oxigraph reads them only inside strings and IRIs. An escape standing for an ASCII character
  other than a letter or a digit (a quote, ``>``, ``#``, a backslash, a line end, ...) could move
  the end of a string, an IRI or a comment in one reading and not in the other: it is refused
  (write the character itself, or ``\\"`` in a string).
- rdflib ends a ``#`` comment at a line feed only, oxigraph at a carriage return too: carriage
  returns are read as line ends (the text sent to the engine is unchanged).

Anything the grammar does not accept is a QueryError with the parser's line and column; a text
nested too deeply for the parser's recursion is a QueryError too, never a crash.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlsplit

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import expandUnicodeEscapes_re
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef, Variable

from kg.errors import QueryError
from kg.store.sparql_grammar import parse_query, parse_update

_FORMS = {
    "SelectQuery": "select",
    "AskQuery": "ask",
    "ConstructQuery": "construct",
    "DescribeQuery": "describe",
}
_UPDATE_NAMES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}


@dataclass(frozen=True)
class ServiceCall:
    """One SERVICE clause: the endpoint it names, as the engine would read it.

    iri is the full IRI (prefixed names expanded), or None when the endpoint is a variable or an
    undeclared prefix; absolute says whether it was written as an absolute http(s) IRI (a relative
    one would depend on the base the engine resolves it against).
    """

    written: str
    iri: str | None
    absolute: bool

    @property
    def host(self) -> str | None:
        if self.iri is None or not self.absolute:
            return None
        try:
            return (urlsplit(self.iri).hostname or "").lower() or None
        except ValueError:  # a malformed authority ("http://[x/"): no host to allow
            return None


@dataclass(frozen=True)
class ParsedQuery:
    """What a query is: its form, the SERVICE clauses it holds, whether it reads named graphs."""

    form: str  # "select", "ask", "construct" or "describe"
    services: tuple[ServiceCall, ...]
    names_graphs: bool  # a GRAPH pattern, or FROM / FROM NAMED
    has_base: bool  # the query declares its own BASE
    has_dataset: bool = False  # FROM / FROM NAMED: the query gives its own dataset

    @property
    def family(self) -> str:
        """'select' (SELECT, ASK: solutions or a boolean) or 'graph' (CONSTRUCT, DESCRIBE: triples)."""
        return "graph" if self.form in ("construct", "describe") else "select"


@dataclass(frozen=True)
class ParsedUpdate:
    """A SPARQL Update request: the names of its operations (LOAD, INSERT DATA, ...)."""

    operations: tuple[str, ...]


def _check_escapes(text: str) -> None:
    for match in expandUnicodeEscapes_re.finditer(text):  # exactly what rdflib will expand
        try:
            char = chr(int(match.group(1), 16))
        except (ValueError, OverflowError):
            raise _positioned(text, match.start(), f"{match.group(0)} is not a Unicode code point") from None
        if ord(char) < 0x80 and not char.isalnum():
            raise _positioned(
                text,
                match.start(),
                f"the escape {match.group(0)} stands for the syntax character {char!r} (U+{ord(char):04X}); "
                "write the character itself (inside a string, escape it with a backslash)",
            )


def _positioned(text: str, offset: int, message: str) -> QueryError:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return QueryError(f"{message} (line {line}, column {column})", line, column)


def _for_rdflib(text: str) -> str:
    """The text as rdflib must read it to see oxigraph's tokens (same lines and columns)."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


def _syntax_error(exc: ParseBaseException) -> QueryError:
    message = exc.msg[:1].lower() + exc.msg[1:]
    found = exc.line[exc.col - 1 : exc.col + 19] if exc.line else ""
    where = f", found {found!r}" if found else ", found the end of the query"
    return QueryError(
        f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {message}{where}", exc.lineno, exc.col
    )


def _nodes(tree):
    """Every CompValue in a parse tree, without recursion (the tree can be deep)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)


def _field(node: CompValue, key: str):
    """A parameter of a parse node, or None (CompValue.get answers the key itself when it is missing)."""
    return dict.get(node, key)


def _service(node: CompValue, prefixes: dict[str, str]) -> ServiceCall:
    term = _field(node, "term")
    if isinstance(term, URIRef):
        return ServiceCall(f"SERVICE <{term}>", str(term), _is_absolute_http(str(term)))
    if isinstance(term, CompValue) and term.name == "pname":
        prefix, local = _field(term, "prefix") or "", str(_field(term, "localname") or "")
        base = prefixes.get(prefix)
        if base is None:
            return ServiceCall(f"SERVICE {prefix}:{local}", None, False)
        # oxigraph drops the backslash of each escape in a local name (\\/, \\@, \\., ...)
        iri = base + local.replace("\\", "")
        return ServiceCall(f"SERVICE <{iri}>", iri, _is_absolute_http(base))
    return ServiceCall(f"SERVICE ?{term}" if isinstance(term, Variable) else "SERVICE", None, False)


def _is_absolute_http(iri: str) -> bool:
    lowered = iri.lower()
    return lowered.startswith(("http://", "https://"))


def _prologue(decls) -> tuple[dict[str, str], bool]:
    prefixes: dict[str, str] = {}
    has_base = False
    for decl in decls:
        if decl.name == "Base":
            has_base = True
        elif decl.name == "PrefixDecl":
            prefixes[_field(decl, "prefix") or ""] = str(
                _field(decl, "iri")
            )  # a later declaration wins, as in oxigraph
    return prefixes, has_base


_LONG_QUOTES = ("'" * 3, '"' * 3)


def _without_trailing_comments(text: str) -> str:
    """The text without the comment lines that end it (a line break, spaces or tabs, then '#' up to the end),
    where both readings are sure to see those lines as comments and nothing else; else the text itself.

    Only a long string (opened by three single or three double quotes) can carry a token across a line
    break, in either reading: so the rest must hold no three quotes in a row (else a string opened there
    could close in a "comment", as oxigraph would read it, and what follows it there would be query text).
    rdflib ends a comment at a line feed, oxigraph at a line feed or a carriage return: a line holding a
    carriage return is kept. rdflib expands \\u escapes in the whole text first: a line holding a
    backslash is kept.
    """
    core = text
    while True:
        end = len(core) - 1 if core.endswith("\n") else len(core)
        start = core.rfind("\n", 0, end)
        line = core[start + 1 : end]
        if start < 0 or not line.lstrip(" \t").startswith("#") or "\r" in line or "\\" in line:
            break
        core = core[:start]
    if _LONG_QUOTES[0] in core or _LONG_QUOTES[1] in core:
        return text
    return core


@functools.lru_cache(maxsize=128)
def parse(text: str) -> ParsedQuery | ParsedUpdate:
    """Parse a SPARQL query or update.

    A text that only adds comment lines at the end of one already read gets that one's reading (a client
    numbering its requests with a comment costs no second parse); where the text without them does not parse,
    the whole text is read, so its errors keep their own line and column.

    Raises:
        QueryError: the text is neither a query nor an update (the query parser's message, line and
            column), nests too deeply for the parser, or holds an escape the engine would read otherwise.
    """
    core = _without_trailing_comments(text)
    if core != text:
        try:
            return parse(core)
        except QueryError:
            pass
    return _parse(text)


def _parse(text: str) -> ParsedQuery | ParsedUpdate:
    _check_escapes(text)
    readable = _for_rdflib(text)
    try:
        tree = parse_query(readable)
    except ParseBaseException as query_exc:
        try:
            update = parse_update(readable)
        except (ParseBaseException, RecursionError, ValueError):
            raise _syntax_error(query_exc) from None
        names = tuple(_UPDATE_NAMES.get(op.name, op.name) for op in _field(update, "request") or [])
        if not names:
            raise _syntax_error(query_exc) from None
        return ParsedUpdate(names)
    except RecursionError:
        raise QueryError(
            "the query nests too deeply for the policy parser (Python's recursion limit): at most about 40 "
            "nested { } groups, and about 100 triple patterns joined by '.' in one group (use ';' and ',' or "
            "split the group)"
        ) from None
    except ValueError as exc:  # rdflib: an escape that is no code point
        raise QueryError(str(exc)) from None
    prologue, query = tree[0], tree[1]
    prefixes, has_base = _prologue(prologue)
    services = []
    has_dataset = bool(_field(query, "datasetClause"))
    names_graphs = has_dataset
    for node in _nodes(query):
        if node.name == "ServiceGraphPattern":
            services.append(_service(node, prefixes))
        elif node.name == "DatasetClause":
            names_graphs = has_dataset = True
        elif node.name == "GraphGraphPattern":
            names_graphs = True
    return ParsedQuery(_FORMS[query.name], tuple(services), names_graphs, has_base, has_dataset)


__all__ = ["ParsedQuery", "ParsedUpdate", "ServiceCall", "parse"]
