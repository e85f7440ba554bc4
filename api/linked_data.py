"""JSON-LD an application can use: the published context (/context.jsonld), a resource's graph framed on it,
a list's graph compacted, and the same JSON-LD for a page's <script type="application/ld+json">.

The context's terms are the JSON field names of the REST answers (`label`, `alt_labels`, `sources`, `signed`,
`consented`, `start`, ...), each bound to the property the answer reads, so the JSON-LD of a resource reads like
its REST JSON. Terms not listed compact through the prefixes of kg.namespaces (`cgo:alpha3Code`).

Framing and compaction are pyld's; it is never allowed to fetch a document: `local_loader` serves the
context itself and refuses every other URL.
"""

from __future__ import annotations

import hashlib
import json

import pyoxigraph as ox
from pyld import jsonld

from kg.answers import instruments, memberships, participation
from kg.namespaces import ID, PREFIXES

CONTEXT_PATH = "/context.jsonld"
XSD_DATE = "xsd:date"

# Date fields of the answers: JSON name -> the cgo: property (the tables the answers are computed from).
_DATES = {
    **instruments.DATES,
    **participation.DATES,
    **memberships.DATES,
    "founded": "founded",
    "date": "endorsementDate",
}

# Other fields of the answers: JSON name -> (property, how its values are written).
_FIELDS = {
    "label": ("rdfs:label", {"@language": "en"}),
    "alt_labels": ("skos:altLabel", {"@language": "en", "@container": "@set"}),
    "definition": ("skos:definition", {"@language": "en"}),
    "notation": ("skos:notation", {}),
    "sources": ("dct:source", {"@type": "@id", "@container": "@set"}),
    "source_as_of": ("cgo:asOf", {"@type": XSD_DATE}),
    "evidence": ("cgo:evidence", {"@type": "@id"}),
    "coverage_note": ("cgo:coverageNote", {"@language": "en"}),
    "alpha2": ("cgo:alpha2Code", {}),
    "alpha3": ("cgo:alpha3Code", {}),
    "numeric": ("cgo:numericCode", {}),
    "depositary": ("cgo:depositary", {"@type": "@id"}),
    "adoption_place": ("cgo:adoptionPlace", {}),
    "adopted_by": ("cgo:adoptedBy", {"@type": "@id", "@container": "@set"}),
    "official_texts": ("cgo:officialText", {"@type": "@id", "@container": "@set"}),
    "parent": ("cgo:subOrganizationOf", {"@type": "@id"}),
    "sub_organizations": ("cgo:hasSubOrganization", {"@type": "@id", "@container": "@set"}),
    "state": ("cgo:participant", {"@type": "@id"}),
    "treaty": ("cgo:instrument", {"@type": "@id"}),
    "consent_kind": ("cgo:consentKind", {"@type": "@id"}),
    "reservations": ("cgo:reservationsAndDeclarations", {}),
    "member": ("org:member", {"@type": "@id"}),
    "organization": ("org:organization", {"@type": "@id"}),
    "role": ("org:role", {"@type": "@id"}),
    "instrument": ("cgo:statedIn", {"@type": "@id"}),
    "topics": ("cgo:topic", {"@type": "@id", "@container": "@set"}),
    "addressees": ("cgo:addressee", {"@type": "@id", "@container": "@set"}),
    "endorser": ("cgo:endorser", {"@type": "@id"}),
    "endorsed": ("cgo:endorsed", {"@type": "@id"}),
    "deontic_kind": ("cgo:deonticKind", {"@type": "@id"}),
    "deadline": ("cgo:deadline", {}),
    "provision": ("cgo:arisesFrom", {"@type": "@id"}),
}

# The lists of a state's profile, and the records pointing at an organization or treaty: reverse terms.
_REVERSE = {
    "memberships": "org:member",  # a state's memberships (records whose org:member is the state)
    "treaties": "cgo:participant",  # a state's treaty participations
    "members": "org:organization",  # an organization's membership records
    "participations": "cgo:instrument",  # a treaty's participation records
}


def _context() -> dict:
    # Vocabulary prefixes only: resource IRIs (.../id/...) stay whole, as in the JSON answers' `iri`.
    context: dict = {prefix: iri for prefix, iri in sorted(PREFIXES.items()) if not iri.startswith(str(ID))}
    for name, prop in _DATES.items():
        context[name] = {"@id": f"cgo:{prop}", "@type": XSD_DATE}
        context[f"{name}_earliest"] = {"@id": f"cgo:{prop}Earliest", "@type": XSD_DATE}
        context[f"{name}_latest"] = {"@id": f"cgo:{prop}Latest", "@type": XSD_DATE}
        context[f"{name}_precision"] = {"@id": f"cgo:{prop}Precision"}
        context[f"{name}_derived_by"] = {"@id": f"cgo:{prop}DerivedBy", "@type": "@id"}
    for name, (prop, coercion) in _FIELDS.items():
        context[name] = {"@id": prop, **coercion}
    for name, prop in _REVERSE.items():
        context[name] = {"@reverse": prop, "@type": "@id", "@container": "@set"}
    return context


CONTEXT: dict = _context()
CONTEXT_DOCUMENT: bytes = json.dumps({"@context": CONTEXT}, indent=1, sort_keys=True).encode()
CONTEXT_ETAG = '"' + hashlib.sha256(CONTEXT_DOCUMENT).hexdigest()[:32] + '"'


class ContextUnavailable(Exception):
    """pyld asked for a document other than the published context (never fetched)."""


def local_loader(context_url: str):
    """A pyld document loader that serves CONTEXT for `context_url` and refuses every other URL."""

    def load(url: str, options: dict | None = None) -> dict:
        if url != context_url:
            raise jsonld.JsonLdError(
                f"not fetched: {url}",
                "jsonld.LoadDocumentError",
                {"url": url},
                code="loading document failed",
            )
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": CONTEXT},
        }

    return load


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _nodes(triples: list) -> dict[str, dict]:
    """The triples as expanded JSON-LD node objects by `@id` (pyoxigraph's writer), one per subject, with
    rdf:type as `@type`."""
    nodes: dict[str, dict] = {}
    for obj in json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"[]"):
        node = nodes.setdefault(obj["@id"], {"@id": obj["@id"]})
        for key, values in obj.items():
            if key == RDF_TYPE and all(set(v) == {"@id"} for v in values):
                node.setdefault("@type", []).extend(v["@id"] for v in values)
            elif key != "@id":
                node.setdefault(key, []).extend(values)
    return nodes


def _nested(nodes: dict[str, dict], iri: str) -> dict:
    """The expanded tree framed on `iri`: each node embedded once, breadth first, where it is first linked (the
    records that point at the resource under `@reverse`, then what the resource and they link to); any node
    left over goes in `@included`, so no triple is lost."""
    root = dict(nodes.get(iri, {"@id": iri}))
    embedded = {iri}
    incoming: dict[str, list[str]] = {}
    for subject, node in nodes.items():
        for key, values in node.items():
            if subject != iri and not key.startswith("@") and any(v.get("@id") == iri for v in values):
                incoming.setdefault(key, []).append(subject)
    queue = [root]

    def embed(ref: dict) -> dict:
        target = ref.get("@id")
        if target is None or target not in nodes or target in embedded:
            return ref
        embedded.add(target)
        child = dict(nodes[target])
        queue.append(child)
        return child

    if incoming:  # first the records pointing at the resource, under their property reversed
        root["@reverse"] = {
            key: [embed({"@id": s}) for s in sorted(subjects)] for key, subjects in sorted(incoming.items())
        }
    while queue:
        node = queue.pop(0)
        for key in [k for k in node if not k.startswith("@")]:
            node[key] = [embed(v) for v in node[key]]
    left = [dict(nodes[i]) for i in nodes if i not in embedded]
    if left:
        root["@included"] = left
    return root


def _options(context_url: str) -> dict:
    return {"documentLoader": local_loader(context_url), "processingMode": "json-ld-1.1"}


def framed(triples: list, iri: str, *, context_url: str | None) -> dict:
    """The graph framed on the resource `iri`: its own properties at the top (`@id` is `iri`), the records that
    point at it nested under reverse terms (`memberships`, `participations`, ... or `@reverse`), each other node
    embedded once where it is first linked; classes as `@type`. Expanded, it gives back exactly `triples`.

    Args:
        context_url: the `@context` written in the answer (the published context's URL); None writes the
            context inline (a page's script, which must read without a fetch).
    """
    document = jsonld.compact(_nested(_nodes(triples), iri), CONTEXT, _options(context_url or ""))
    document.pop("@context", None)
    incoming_keys = [k for k in document if k in _REVERSE or k in ("@reverse", "@included")]  # after its own
    ordered = {k: v for k, v in document.items() if k not in incoming_keys}
    return {"@context": context_url or CONTEXT, **ordered, **{k: document[k] for k in incoming_keys}}


def compacted(triples: list, *, context_url: str) -> dict:
    """The graph of a list answer (its records), one node object per subject, compacted with the published
    context, as `@graph`."""
    document = jsonld.compact(
        {"@graph": list(_nodes(triples).values())}, CONTEXT, {**_options(context_url), "graph": True}
    )
    document.pop("@context", None)
    return {"@context": context_url, **document}


def _strings(value, found: set[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            _strings(item, found)
    elif isinstance(value, list):
        for item in value:
            _strings(item, found)
    elif isinstance(value, str):
        found.add(value)


def trimmed(document: dict) -> dict:
    """A framed document whose inline context keeps only the terms and prefixes it uses (a page's script)."""
    body = {k: v for k, v in document.items() if k != "@context"}
    used: set[str] = set()
    _strings(body, used)
    terms = {k: v for k, v in CONTEXT.items() if k in used and isinstance(v, dict)}
    needed = {
        s.split(":", 1)[0] for s in used | {str(x) for t in terms.values() for x in t.values()} if ":" in s
    }
    context = {k: v for k, v in CONTEXT.items() if isinstance(v, str) and k in needed}
    return {"@context": {**context, **terms}, **body}


def script_json(document: dict) -> str:
    """JSON for an HTML <script type="application/ld+json">: `</` (and `<!--`) cannot end or comment the script."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=False)
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")
