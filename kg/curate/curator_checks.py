"""Checks a curator would otherwise do by hand, beyond what the SHACL shapes say.

Two kinds, and why they are not shapes:
- ISO 3166-1 codes are checked in Python with pycountry: the list of codes is data that SPARQL
  cannot see, and the advice ("FR is alpha-2, write FRA") needs the lookup.
- The rest are SPARQL SELECT queries in kg/curate/checks/*.rq (header: summary, severity, message with
  {variable} placeholders). They ask about a contribution *relative to* the canonical data
  (an unknown reference, a duplicate under another IRI), so they are run only for the
  contribution's resources rather than added to the shapes that gate every build; a curator
  can also run them by hand with `cybergov query -f kg/curate/checks/NAME.rq`.
Consistency queries (kg/build/consistency/*.rq) are run the same way, to give each contradiction
a focus node, property and value instead of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pycountry
import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg import named_queries
from kg.build.loading import SourceFile
from kg.build.report import Problem, locate
from kg.namespaces import CGO, ID, PREFIXES
from kg.querying import bind_values
from kg.terms import to_oxigraph, to_rdflib

STATE_NS = str(ID["state/"])
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def short(iri: str | None) -> str:
    """An IRI as a prefixed name when a known namespace fits (the longest one wins)."""
    if not iri:
        return ""
    best = max(
        (ns for ns in PREFIXES.values() if iri.startswith(ns) and len(iri) > len(ns)), key=len, default=None
    )
    if best is None:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best) :]}"


def iso_advice(code: str) -> str | None:
    """Why code is not a valid state id (ISO 3166-1 alpha-3, upper case), or None when it is."""
    if len(code) == 3 and code.isalpha() and code.isupper() and pycountry.countries.get(alpha_3=code):
        return None
    if len(code) == 3 and code.isalpha() and (country := pycountry.countries.get(alpha_3=code.upper())):
        return (
            f"'{code}' is not upper case: state ids are upper-case ISO 3166-1 alpha-3 codes; "
            f"write {country.alpha_3} ({country.name})."
        )
    if len(code) == 2 and code.isalpha() and (country := pycountry.countries.get(alpha_2=code.upper())):
        return (
            f"'{code}' is an ISO 3166-1 alpha-2 code where an alpha-3 code is expected: "
            f"write {country.alpha_3} ({country.name})."
        )
    if code.isdigit() and (country := pycountry.countries.get(numeric=code.zfill(3))):
        return (
            f"'{code}' is an ISO 3166-1 numeric code where an alpha-3 code is expected: "
            f"write {country.alpha_3} ({country.name})."
        )
    return f"'{code}' is not an ISO 3166-1 alpha-3 code: state ids are codes such as FRA, DEU, USA."


def _code_problems(graph: Graph) -> Iterable[tuple[URIRef, URIRef, str, str]]:
    """(focus, path, value, message) for code literals that are not valid or do not agree."""
    expected = {
        CGO.alpha3Code: ("alpha_3", 3),
        CGO.alpha2Code: ("alpha_2", 2),
        CGO.numericCode: ("numeric", 3),
    }
    for subject in set(graph.subjects(CGO.alpha3Code, None)) | set(graph.subjects(CGO.alpha2Code, None)):
        countries = {}
        for prop, (field, length) in expected.items():
            for value in graph.objects(subject, prop):
                text = str(value)
                country = pycountry.countries.get(**{field: text}) if len(text) == length else None
                if country is None or (field != "numeric" and text != text.upper()):
                    yield (
                        subject,
                        prop,
                        text,
                        f"'{text}' is not an ISO 3166-1 {field.replace('_', '-')} code.",
                    )
                else:
                    countries[prop] = country
        if len({c.alpha_3 for c in countries.values()}) > 1:
            named = ", ".join(f"{short(str(p))} {c.alpha_3} ({c.name})" for p, c in countries.items())
            yield subject, CGO.alpha2Code, "", f"The codes name different countries: {named}."


def iso_problems(contribution: Graph, *, known_states: set[str], sources: list[SourceFile]) -> list[Problem]:
    """State ids and code literals in the contribution that are not ISO 3166-1 as expected.

    Args:
        contribution: the contribution's triples.
        known_states: state IRIs the canonical data already defines (accepted as they are).
        sources: the contribution's files, to point at file and line.
    Returns:
        Violations, one per (resource, property, offending value).
    """
    found: dict[tuple, Problem] = {}

    def add(focus, path, value: str, message: str) -> None:
        file, line = locate(focus, path, sources)
        key = (str(focus), str(path) if path else None, value)
        found.setdefault(
            key,
            Problem(
                severity="Violation",
                message=message,
                focus=str(focus),
                path=str(path) if path else None,
                value=value or None,
                shape="ISO 3166-1 (pycountry)",
                file=file,
                line=line,
                kind="curator",
            ),
        )

    for s, p, o in contribution:
        for term, path in ((s, None), (o, p)):
            if isinstance(term, URIRef) and str(term).startswith(STATE_NS) and str(term) not in known_states:
                advice = iso_advice(str(term)[len(STATE_NS) :])
                if advice:
                    add(s, path, str(term), f"State id {short(str(term))}: {advice}")
    for focus, path, value, message in _code_problems(contribution):
        add(focus, path, value, message)
    return list(found.values())


def oxigraph_store(full: Graph, *, named: dict[str, Graph]) -> ox.Store:
    """An in-memory pyoxigraph store: full in the default graph, and named graphs (the checks run
    much faster there than in rdflib, and can tell asserted from inferred triples).

    Args:
        full: ontology + asserted + inferred triples.
        named: graph IRI -> triples, e.g. GRAPH_ASSERTED and GRAPH_ONTOLOGY as in the built store.
    """
    store = ox.Store()
    store.bulk_extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in full)
    for iri, graph in named.items():
        name = ox.NamedNode(iri)
        store.bulk_extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name) for s, p, o in graph)
    return store


def _restrict(query: str, variable: str, focus: set[URIRef] | None) -> str:
    """query with a VALUES block binding variable to the focus nodes (unchanged when focus is None)."""
    if focus is None or f"?{variable}" not in query:
        return query
    return bind_values(query, variable, [ox.NamedNode(str(iri)) for iri in sorted(focus)])


def _value(row, name: str) -> str | None:
    term = row[name]
    return None if term is None else str(to_rdflib(term))


def _render(template: str, values: dict[str, str | None]) -> str:
    return _PLACEHOLDER.sub(lambda m: short(values.get(m.group(1))) or "?", template)


# Which result variable is the focus, the property and the offending value, by query folder.
_ROLES = {"this": "focus", "resource": "focus", "path": "path", "property": "path"}
_VALUE_VARS = ("value", "value2", "class2")


def query_problems(
    store: ox.Store, folder: str, *, focus: set[URIRef] | None, kind: str, sources: list[SourceFile]
) -> list[Problem]:
    """Run every .rq query of a kg folder ('checks', 'consistency') and turn its rows into problems.

    Args:
        store: the merged graph (ontology + canonical data + contribution + inferred triples).
        folder: which queries.
        focus: restrict to these resources (the contribution's subjects); None = all.
        kind: the problems' kind ('curator' or 'consistency').
        sources: files to point problems at (contribution files first).
    Returns:
        one problem per result row.
    """
    problems = []
    for query in named_queries.queries_in(folder).values():
        header = named_queries.parse_header(query.text)
        template = header.get("message") or (query.summary.rstrip(".") + ".")
        focus_var = "this" if "?this" in query.text else "resource"
        solutions = store.query(_restrict(query.text, focus_var, focus))
        names = [v.value for v in solutions.variables]
        for row in solutions:
            values = {name: _value(row, name) for name in names}
            roles = {role: values.get(var) for var, role in _ROLES.items() if values.get(var)}
            path = roles.get("path") or (
                str(RDF.type) if folder == "build/consistency" and "class1" in values else None
            )
            value = next((values[v] for v in _VALUE_VARS if values.get(v)), None)
            focus_node = URIRef(roles["focus"])
            file, line = locate(focus_node, URIRef(path) if path else None, sources)
            problems.append(
                Problem(
                    severity=header.get("severity", "Violation"),
                    message=_render(template, values),
                    focus=roles["focus"],
                    path=path,
                    value=value,
                    shape=f"kg/{folder}/{query.name}.rq",
                    file=file,
                    line=line,
                    kind=kind,
                )
            )
    return problems


def known_state_iris(canonical: Graph) -> set[str]:
    """State IRIs the canonical data defines."""
    return {str(s) for s in canonical.subjects(RDF.type, CGO.State) if isinstance(s, URIRef)}


__all__ = ["iso_advice", "iso_problems", "known_state_iris", "oxigraph_store", "query_problems", "short"]
