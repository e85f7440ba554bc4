"""The SPARQL 1.1 Service Description of the endpoint (sd: vocabulary)."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.namespaces import DEFAULT_GRAPHS, SD
from kg.store.results import GRAPH_FORMATS, SELECT_FORMATS

FORMAT_IRIS = {
    "json": "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
    "xml": "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    "csv": "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
    "tsv": "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    "turtle": "http://www.w3.org/ns/formats/Turtle",
    "ntriples": "http://www.w3.org/ns/formats/N-Triples",
    "jsonld": "http://www.w3.org/ns/formats/JSON-LD",
    "rdfxml": "http://www.w3.org/ns/formats/RDF_XML",
}


def describe(endpoint: str, counts: dict[str, int]) -> Graph:
    """A service description: the endpoint, languages, formats, default dataset and named graphs with sizes."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", "http://rdfs.org/ns/void#")
    void_triples = URIRef("http://rdfs.org/ns/void#triples")
    service = URIRef(endpoint)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    for key in list(SELECT_FORMATS) + list(GRAPH_FORMATS):
        if key in FORMAT_IRIS:
            g.add((service, SD.resultFormat, URIRef(FORMAT_IRIS[key])))
    dataset = BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add(
        (default, void_triples, Literal(sum(counts.get(x, 0) for x in DEFAULT_GRAPHS), datatype=XSD.integer))
    )
    for name, size in sorted(counts.items()):
        named = BNode()
        graph = BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))
        g.add((named, SD.graph, graph))
        g.add((graph, RDF.type, SD.Graph))
        g.add((graph, void_triples, Literal(size, datatype=XSD.integer)))
    return g
