"""Every namespace the project uses, in one place."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

CGO = Namespace("https://w3id.org/cybergov/ontology#")
ID = Namespace("https://w3id.org/cybergov/id/")
GRAPH = Namespace("https://w3id.org/cybergov/graph/")
ORG = Namespace("http://www.w3.org/ns/org#")
SH = Namespace("http://www.w3.org/ns/shacl#")
CGSH = Namespace("https://w3id.org/cybergov/shapes#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
DCT = DCTERMS
EVIDENCE = Namespace("https://w3id.org/cybergov/id/evidence/")

ONTOLOGY_IRI = "https://w3id.org/cybergov/ontology"
GRAPH_ASSERTED = str(GRAPH["asserted"])
GRAPH_INFERRED = str(GRAPH["inferred"])
GRAPH_ONTOLOGY = str(GRAPH["ontology"])
GRAPH_FILE_BASE = str(GRAPH["file/"])
DEFAULT_GRAPHS = (GRAPH_ASSERTED, GRAPH_ONTOLOGY, GRAPH_INFERRED)
# On a remote engine: the graph `cybergov push` writes the build's version into (read by every API
# instance, so a new push reaches all of them), and, on an engine whose default graph is the union of
# all its graphs (Virtuoso), the named graph that holds the contract's default graph instead.
GRAPH_BUILD = str(GRAPH["build"])
GRAPH_DEFAULT = str(GRAPH["default"])
# Relative IRIs in a user's SPARQL query resolve against this base unless the query declares its
# own BASE: `<state/FRA>` is https://w3id.org/cybergov/id/state/FRA.
QUERY_BASE_IRI = str(ID)

# Prefixes offered to SPARQL queries and used when serializing Turtle.
PREFIXES: dict[str, str] = {
    "cgo": str(CGO),
    "cgid": str(ID),
    "state": str(ID["state/"]),
    "orgn": str(ID["organization/"]),
    "treaty": str(ID["treaty/"]),
    "instr": str(ID["instrument/"]),
    "role": str(ID["role/"]),
    "consent": str(ID["consent/"]),
    "topic": str(ID["topic/"]),
    "evidence": str(EVIDENCE),
    "org": str(ORG),
    "dct": str(DCT),
    "skos": str(SKOS),
    "prov": str(PROV),
    "time": str(TIME),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
}

# Prefixes of the curated Turtle (`cybergov fmt` writes these and no others): the ones above plus the id kinds
# of curated records, so that a record reads `part:budapest-convention\/FRA` rather than a full IRI.
TURTLE_PREFIXES: dict[str, str] = {
    **PREFIXES,
    **{
        kind: str(ID[f"{path}/"])
        for kind, path in (
            ("addressee", "addressee"),
            ("deontic", "deontic"),
            ("endorsement", "endorsement"),
            ("mechanism", "mechanism"),
            ("mship", "membership"),
            ("norm", "norm"),
            ("obligation", "obligation"),
            ("part", "participation"),
            ("provision", "provision"),
            ("rule", "rule"),
            ("ruleevent", "rule-event"),
            ("status", "status"),
            ("total", "total"),
        )
    },
}


def sparql_prologue() -> str:
    """The PREFIX lines for every prefix above, for queries written without them."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def file_graph(relpath: str) -> str:
    """The named graph that holds one source file's triples (path relative to the repository)."""
    return GRAPH_FILE_BASE + relpath


__all__ = [
    "CGO",
    "CGSH",
    "EVIDENCE",
    "ID",
    "GRAPH",
    "ORG",
    "SH",
    "SD",
    "DCT",
    "FOAF",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "TIME",
    "XSD",
    "ONTOLOGY_IRI",
    "GRAPH_ASSERTED",
    "GRAPH_INFERRED",
    "GRAPH_ONTOLOGY",
    "GRAPH_FILE_BASE",
    "GRAPH_BUILD",
    "GRAPH_DEFAULT",
    "QUERY_BASE_IRI",
    "DEFAULT_GRAPHS",
    "PREFIXES",
    "TURTLE_PREFIXES",
    "sparql_prologue",
    "file_graph",
]
