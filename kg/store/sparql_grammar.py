"""rdflib's SPARQL 1.1 grammar, copied once and repaired in the copy (rdflib itself is left untouched).

Two faults of rdflib's grammar make it unfit to read untrusted queries as it is:

- every SERVICE clause it matches searches the whole text again for the clause's original text
  (`Comp.postParse`), which costs seconds for a few dozen SERVICE clauses (minutes for 200) and
  fails outright when an IRI with `#` stands before SERVICE on the same line;
- a block of triple patterns joined by `.` is read recursively (one level per pattern), so about
  100 patterns in one group exhaust Python's recursion limit.

The copy drops the search (the service's text is not needed) and reads a triple block as a loop;
everything else is rdflib's grammar, so the parse tree has the same shape (CompValue nodes).
"""

from __future__ import annotations

import copy
import functools
import threading

from pyparsing import Optional, ParseResults, Suppress, ZeroOrMore
from rdflib.plugins.sparql import parser as rdflib_parser
from rdflib.plugins.sparql.parserutils import Comp, CompValue, ParamList, ParamValue


class _ServiceComp(Comp):
    """ServiceGraphPattern without rdflib's search of the whole text."""

    def postParse(self, instring: str, loc: int, tokenList: ParseResults) -> CompValue:
        res = CompValue(self.name)
        for t in tokenList:
            if isinstance(t, ParamValue):
                if t.isList:
                    res.setdefault(t.name, []).append(t.tokenList)
                else:
                    res[t.name] = t.tokenList
        return res


# pyparsing grammars keep parse state on the grammar objects: two threads parsing at once (the API's
# thread pool under concurrent SPARQL requests) corrupt each other's parse (500s under load). One at a time.
_PARSING = threading.RLock()


@functools.cache
def grammar() -> tuple:
    """(query grammar, update grammar), built on first use (about 0.2 s)."""
    names = ("Query", "UpdateUnit", "ServiceGraphPattern", "TriplesBlock", "TriplesSameSubjectPath")
    g = copy.deepcopy({name: getattr(rdflib_parser, name) for name in names})
    g["ServiceGraphPattern"].__class__ = _ServiceComp
    triple = g["TriplesSameSubjectPath"]
    block = (
        ParamList("triples", triple)
        + ZeroOrMore(Suppress(".") + ParamList("triples", triple))
        + Optional(Suppress("."))
    )
    for comment in g["Query"].ignoreExprs:
        block.ignore(comment)
    g["TriplesBlock"] <<= block
    return g["Query"], g["UpdateUnit"]


def parse_query(text: str) -> ParseResults:
    """rdflib.plugins.sparql.parser.parseQuery on the repaired grammar (escapes expanded as rdflib does).

    Raises:
        pyparsing.ParseBaseException, RecursionError, ValueError: as rdflib's parseQuery.
    """
    with _PARSING:
        return grammar()[0].parse_string(rdflib_parser.expandUnicodeEscapes(text), parse_all=True)


def parse_update(text: str) -> CompValue:
    """rdflib.plugins.sparql.parser.parseUpdate on the repaired grammar."""
    with _PARSING:
        return grammar()[1].parse_string(rdflib_parser.expandUnicodeEscapes(text), parse_all=True)[0]


__all__ = ["grammar", "parse_query", "parse_update"]
