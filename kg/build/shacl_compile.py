"""SHACL core constraints compiled to SPARQL, so that a whole build validates on pyoxigraph.

pyshacl (kg.build.report.validate_graph) is the tests' oracle and the fallback; this module gives the same
results for the constraint components the project's shapes use, each compiled to SPARQL over all
the shape's targets:

    property shapes with an IRI sh:path: sh:minCount, sh:maxCount, sh:datatype, sh:class,
        sh:nodeKind, sh:pattern (with sh:flags), sh:in, sh:languageIn, sh:uniqueLang, and sh:or of
        shapes that each have only sh:datatype (a date, a month or a year)
    node shapes: sh:or of property shapes that have only sh:path and sh:minCount

A node shape that uses anything else (another component, a path expression, an implicit class
target, a deactivated part, an sh:sparql that kg.build.validation.split_shapes left to pyshacl)
is left whole to pyshacl: `compile_shapes` returns it in the shapes
graph it gives back. tests/kg/test_fast_validation.py compares both validators on every failing
shape fixture.

Every compiled query selects ?this (the focus node), optionally ?value; path, severity, message
and the owning shape travel with the query (CompiledConstraint).

A full validation looks first at what could fail, whatever the targets, since listing a shape's targets
costs more than most checks (issue 13): the subjects with too many values (sh:maxCount), the subjects of
failing values (value tests, sh:uniqueLang), the failing values (sh:class); only when that prefilter finds
something does the per-target check run, on what it found. sh:minCount is the targets MINUS the subjects
with enough values. A focused validation (a contribution's nodes) runs the per-target form (focus_query)
on its nodes. tests/kg/test_constraint_runs.py holds these forms to pyshacl.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.namespaces import SH

_NODE_KEYS = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.property,
    SH.severity,
    SH.message,
    SH["or"],
}
_PROPERTY_KEYS = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SH.path,
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["class"],
    SH.nodeKind,
    SH.pattern,
    SH.flags,
    SH["in"],
    SH.languageIn,
    SH.uniqueLang,
    SH.severity,
    SH.message,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH["or"],
}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
_NODE_KINDS = {
    SH.IRI: "isIRI(?value)",
    SH.BlankNode: "isBlank(?value)",
    SH.Literal: "isLiteral(?value)",
    SH.BlankNodeOrIRI: "(isBlank(?value) || isIRI(?value))",
    SH.BlankNodeOrLiteral: "(isBlank(?value) || isLiteral(?value))",
    SH.IRIOrLiteral: "(isIRI(?value) || isLiteral(?value))",
}
# datatypes whose lexical form SPARQL can check by casting (an ill-formed literal does not cast)
_CASTABLE = {XSD.date, XSD.dateTime, XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.boolean}
# the integer types XSD derives by range (XML Schema 1.1 part 2, 3.4.13-3.4.25): (least, greatest), None = open
_INTEGER_RANGES = {
    XSD.long: (-(2**63), 2**63 - 1),
    XSD.int: (-(2**31), 2**31 - 1),
    XSD.short: (-(2**15), 2**15 - 1),
    XSD.byte: (-128, 127),
    XSD.nonNegativeInteger: (0, None),
    XSD.positiveInteger: (1, None),
    XSD.nonPositiveInteger: (None, 0),
    XSD.negativeInteger: (None, -1),
    XSD.unsignedLong: (0, 2**64 - 1),
    XSD.unsignedInt: (0, 2**32 - 1),
    XSD.unsignedShort: (0, 2**16 - 1),
    XSD.unsignedByte: (0, 255),
}


@dataclass(frozen=True)
class CompiledConstraint:
    """One SHACL core constraint as a SPARQL SELECT of ?this (and ?value for value-based components)."""

    shape: URIRef | BNode
    path: URIRef | None
    query: str
    message: str | None
    severity: str
    reports_value: bool
    # optional first step: a SELECT over the whole graph, whatever the targets, of one variable: ?this, the
    # nodes that could fail (then the check runs as focus_query on those only), or ?value, the values that fail
    # (then query runs with ?value bound to them); when it finds none, the constraint holds. Shapes that check
    # one path the same way share it (kg.build.validation runs each text once).
    prefilter: str | None = None
    # the target group as it appears in query (focused_query binds ?this inside it), and the query to run for
    # a few focus nodes when it differs from query (sh:class: the test itself, without the prefilter's full scan)
    targets: str = ""
    focus_query: str | None = None


def _term(node) -> str:
    """A term in SPARQL syntax."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise ValueError(f"cannot write {node!r} in a compiled constraint")


def target_group(shapes: Graph, shape) -> str | None:
    """A SPARQL group binding ?this to a node shape's targets; None if a target kind is not supported."""
    branches = []
    for cls in shapes.objects(shape, SH.targetClass):
        branches.append(f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {_term(cls)} }}")
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        branches.append(f"{{ ?this {_term(prop)} ?cybergov_o }}")
    for prop in shapes.objects(shape, SH.targetObjectsOf):
        branches.append(f"{{ ?cybergov_s {_term(prop)} ?this }}")
    for node in shapes.objects(shape, SH.targetNode):
        if not isinstance(node, URIRef):
            return None
        branches.append(f"{{ VALUES ?this {{ {_term(node)} }} }}")
    if not branches:
        return None
    return _TARGETS_OPEN + " UNION ".join(branches) + " } }"


_TARGETS_OPEN = "{ SELECT DISTINCT ?this WHERE { "


def focused_query(query: str, targets: str, values: str) -> str | None:
    """query with a VALUES block (values: `VALUES ?this { ... }`) first inside its target group, so that only
    the focus nodes are looked at (a VALUES block outside the group would join after the group listed every
    target); None if the query does not hold that target group (the caller binds ?this another way)."""
    if not targets.startswith(_TARGETS_OPEN) or query.count(targets) != 1:
        return None
    return query.replace(targets, _TARGETS_OPEN + values + " " + targets[len(_TARGETS_OPEN) :])


# the words of a result whose shape gives no sh:message (SHACL leaves them to the processor)
_DEFAULT_MESSAGES = {
    SH.minCount: "fewer than {value} values of <{path}>",
    SH.maxCount: "more than {value} values of <{path}>",
    SH.uniqueLang: "more than one value of <{path}> in one language",
    SH.datatype: "a value of <{path}> is not a well-formed literal of datatype <{value}>",
    SH["class"]: "a value of <{path}> is not an instance of <{value}>",
    SH.nodeKind: "a value of <{path}> is not of node kind <{value}>",
    SH.pattern: "a value of <{path}> does not match the pattern {value}",
    SH["in"]: "a value of <{path}> is not one of the allowed values",
    SH.languageIn: "a value of <{path}> is not in an allowed language",
    SH["or"]: "a value of <{path}> conforms to none of the sh:or alternatives",
}


def _message(shapes: Graph, node) -> str | None:
    messages = list(shapes.objects(node, SH.message))
    english = [m for m in messages if isinstance(m, Literal) and m.language in (None, "en")]
    chosen = english or messages
    return str(chosen[0]) if chosen else None


def _severity(shapes: Graph, node) -> str:
    value = shapes.value(node, SH.severity)
    return {SH.Warning: "Warning", SH.Info: "Info"}.get(value, "Violation")


def _value_test(shapes: Graph, prop, predicate, obj) -> str | None:
    """The SPARQL condition a value node must meet for one value-based component; None if not one."""
    if predicate == SH.datatype:
        test = f"isLiteral(?value) && datatype(?value) = {_term(obj)}"
        if obj in _CASTABLE:
            test += f" && COALESCE(isLiteral(<{obj}>(STR(?value))), false)"
        elif obj in _INTEGER_RANGES:
            least, greatest = _INTEGER_RANGES[obj]
            test += ' && REGEX(STR(?value), "^[+-]?[0-9]+$")'
            if least is not None:
                test += f" && <{XSD.integer}>(STR(?value)) >= {least}"
            if greatest is not None:
                test += f" && <{XSD.integer}>(STR(?value)) <= {greatest}"
        return test
    if predicate == SH["class"]:
        # ?value rdf:type/rdfs:subClassOf* C, written so that the path starts from the value's types
        return (
            f"EXISTS {{ ?value <{RDF.type}> ?cybergov_k . FILTER (?cybergov_k = {_term(obj)} || "
            f"EXISTS {{ ?cybergov_k <{RDFS.subClassOf}>+ {_term(obj)} }}) }}"
        )
    if predicate == SH.nodeKind:
        return _NODE_KINDS[obj]
    if predicate == SH.pattern:
        flags = shapes.value(prop, SH.flags)
        pattern = Literal(str(obj)).n3()
        extra = f", {Literal(str(flags)).n3()}" if flags is not None else ""
        return f"!isBlank(?value) && REGEX(STR(?value), {pattern}{extra})"
    if predicate == SH["in"]:
        allowed = " ".join(_term(v) for v in Collection(shapes, obj))
        return f"EXISTS {{ VALUES ?cybergov_allowed {{ {allowed} }} FILTER (sameTerm(?value, ?cybergov_allowed)) }}"
    if predicate == SH["or"]:
        # each alternative a shape with a single sh:datatype: the value has one of the datatypes
        tests = []
        for member in Collection(shapes, obj):
            if (
                set(shapes.predicates(member)) != {SH.datatype}
                or len(list(shapes.objects(member, SH.datatype))) != 1
            ):
                return None
            tests.append(
                "(" + _value_test(shapes, member, SH.datatype, shapes.value(member, SH.datatype)) + ")"
            )
        return "(" + " || ".join(tests) + ")" if tests else None
    if predicate == SH.languageIn:
        tags = [str(v) for v in Collection(shapes, obj)]
        return (
            "isLiteral(?value) && ("
            + " || ".join(f"langMatches(lang(?value), {Literal(t).n3()})" for t in tags)
            + ")"
        )
    return None


def _property_queries(shapes: Graph, shape, prop, targets: str) -> list[CompiledConstraint] | None:
    keys = set(shapes.predicates(prop)) - (set(_TARGETS) if prop == shape else set())
    path = shapes.value(prop, SH.path)
    if not keys <= _PROPERTY_KEYS or not isinstance(path, URIRef):
        return None
    severity, message = _severity(shapes, prop), _message(shapes, prop)
    compiled = []
    component = None

    def add(
        query: str, reports_value: bool, prefilter: str | None = None, focus_query: str | None = None
    ) -> None:
        compiled.append(
            CompiledConstraint(
                targets=targets,
                focus_query=focus_query,
                shape=prop if isinstance(prop, URIRef) else shape,
                path=path,
                query=query,
                severity=severity,
                reports_value=reports_value,
                message=message
                if message is not None
                else _DEFAULT_MESSAGES[component].format(path=path, value=obj),
                prefilter=prefilter,
            )
        )

    for predicate, obj in shapes.predicate_objects(prop):
        component = predicate
        if predicate in (SH.minCount, SH.maxCount):
            op = "<" if predicate == SH.minCount else ">"
            # for a few focus nodes: count each one's values
            by_target = (
                f"SELECT ?this WHERE {{ {targets} OPTIONAL {{ ?this <{path}> ?value }} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) {op} {int(obj)})"
            )
            if predicate == SH.maxCount:
                # the subjects with too many values first (usually none), then those of them that are targets
                too_many = (
                    f"SELECT ?this WHERE {{ ?this <{path}> ?value }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {int(obj)})"
                )
                add(
                    f"SELECT ?this WHERE {{ {{ {too_many} }} {targets} }}",
                    False,
                    prefilter=too_many,
                    focus_query=by_target,
                )
            elif int(obj) > 0:  # sh:minCount 0 holds for every node
                # over all targets: the targets less the subjects with enough values (MINUS is a hash anti-join,
                # where the count above groups every target)
                enough = (
                    f"?this <{path}> ?value"
                    if int(obj) == 1
                    else f"SELECT ?this WHERE {{ ?this <{path}> ?value }} GROUP BY ?this "
                    f"HAVING (COUNT(DISTINCT ?value) >= {int(obj)})"
                )
                add(f"SELECT ?this WHERE {{ {targets} MINUS {{ {enough} }} }}", False, focus_query=by_target)
        elif predicate == SH.uniqueLang:
            if obj != Literal(True):
                continue
            pairs = (
                f"?this <{path}> ?value , ?other . "
                f'FILTER (!sameTerm(?value, ?other) && lang(?value) != "" && lang(?value) = lang(?other))'
            )
            add(
                f"SELECT DISTINCT ?this ?cybergov_lang WHERE {{ {{ SELECT ?this WHERE {{ {pairs} }} }} {targets} }}",
                False,
                prefilter=f"SELECT DISTINCT ?this WHERE {{ {pairs} }}",
                focus_query=f"SELECT DISTINCT ?this ?cybergov_lang WHERE {{ {targets} {pairs} }}",
            )
        elif predicate == SH["class"]:
            # test each distinct value once (the test walks the class hierarchy), then join the focus nodes
            # of the values that fail (usually none, so the join is usually skipped); the test as a left join
            # rather than a FILTER NOT EXISTS, which pyoxigraph evaluates per triple, not per distinct value
            test = _value_test(shapes, prop, predicate, obj)
            add(
                f"SELECT DISTINCT ?this ?value WHERE {{ {targets} ?this <{path}> ?value . }}",
                True,
                prefilter=f"SELECT ?value WHERE {{ {{ SELECT DISTINCT ?value WHERE {{ ?cybergov_x <{path}> ?value }} }} "
                f"OPTIONAL {{ ?value <{RDF.type}> ?cybergov_k . ?cybergov_k <{RDFS.subClassOf}>* {_term(obj)} }} "
                "FILTER (!BOUND(?cybergov_k)) }",
                focus_query=f"SELECT DISTINCT ?this ?value WHERE {{ {targets} ?this <{path}> ?value . "
                f"FILTER (!({test})) }}",
            )
        else:
            test = _value_test(shapes, prop, predicate, obj)
            if test is None and predicate == SH["or"]:
                return None  # an sh:or the compiler does not know: leave the shape to pyshacl
            if test is None:
                continue
            failing = f"?this <{path}> ?value . FILTER (!({test}))"
            # the subjects of failing values first (usually none), then those of them that are targets
            add(
                f"SELECT DISTINCT ?this ?value WHERE {{ {{ SELECT ?this ?value WHERE {{ {failing} }} }} {targets} }}",
                True,
                prefilter=f"SELECT DISTINCT ?this WHERE {{ {failing} }}",
                focus_query=f"SELECT DISTINCT ?this ?value WHERE {{ {targets} {failing} }}",
            )
    return compiled


def _or_query(shapes: Graph, shape, targets: str) -> CompiledConstraint | None:
    """sh:or of property shapes with only sh:path and sh:minCount 1: some path must have a value."""
    alternatives = []
    for member in Collection(shapes, shapes.value(shape, SH["or"])):
        keys = set(shapes.predicates(member))
        path = shapes.value(member, SH.path)
        if (
            keys - {SH.path, SH.minCount}
            or not isinstance(path, URIRef)
            or shapes.value(member, SH.minCount) != Literal(1)
        ):
            return None
        alternatives.append(f"?this <{path}> ?cybergov_v")
    message = _message(shapes, shape) or "the value does not conform to any of the sh:or alternatives"
    if not alternatives:
        return None
    none = " && ".join(f"NOT EXISTS {{ {a} }}" for a in alternatives)
    # over all targets: less those with a value of some path (MINUS is a hash anti-join)
    query = f"SELECT ?this WHERE {{ {targets} {' '.join(f'MINUS {{ {a} }}' for a in alternatives)} }}"
    return CompiledConstraint(
        shape=shape,
        path=None,
        query=query,
        focus_query=f"SELECT DISTINCT ?this WHERE {{ {targets} FILTER ({none}) }}",
        message=message,
        targets=targets,
        severity=_severity(shapes, shape),
        reports_value=True,
    )


def _compile_shape(shapes: Graph, shape) -> list[CompiledConstraint] | None:
    """Every core constraint of a node shape, or of a property shape with its own targets (SHACL 2.1),
    or None if pyshacl must keep the shape."""
    if any((shape, RDF.type, cls) in shapes for cls in (RDFS.Class, OWL.Class)):  # implicit class target
        return None
    targets = target_group(shapes, shape)
    if targets is None:
        return None
    if (shape, RDF.type, SH.PropertyShape) in shapes:
        return _property_queries(shapes, shape, shape, targets)
    if not set(shapes.predicates(shape)) <= _NODE_KEYS:
        return None
    compiled: list[CompiledConstraint] = []
    for prop in shapes.objects(shape, SH.property):
        queries = _property_queries(shapes, shape, prop, targets)
        if queries is None:
            return None
        compiled += queries
    if (shape, SH["or"], None) in shapes:
        or_constraint = _or_query(shapes, shape, targets)
        if or_constraint is None:
            return None
        compiled.append(or_constraint)
    return compiled


def compile_shapes(core: Graph) -> tuple[Graph, list[CompiledConstraint]]:
    """Compile the core constraints of every node shape that can be compiled.

    Args:
        core: a shapes graph (after kg.build.validation.split_shapes took its SPARQL constraints out).
    Returns:
        the shapes graph that pyshacl must still run (the node shapes that could not be compiled,
        with everything they refer to), and the compiled constraints.
    """
    compiled: list[CompiledConstraint] = []
    left = Graph()
    left += core
    property_shapes = {
        s for s in core.subjects(RDF.type, SH.PropertyShape) if any((s, p, None) in core for p in _TARGETS)
    }
    for shape in set(core.subjects(RDF.type, SH.NodeShape)) | property_shapes:
        queries = _compile_shape(core, shape)
        if queries is None:
            continue
        compiled += queries
        if shape not in property_shapes:  # a targeted property shape may also be another shape's sh:property
            left.remove((shape, RDF.type, SH.NodeShape))
        for predicate in _TARGETS:
            left.remove((shape, predicate, None))
    return left, compiled


def has_shapes(shapes: Graph) -> bool:
    """Whether a shapes graph still holds a shape with a target (i.e. pyshacl has work to do).

    A shape is any node with a target predicate (SHACL 2.1: node and property shapes alike, typed or
    not) or a node shape or property shape that is also a class (an implicit class target, SHACL 2.1.3.3).
    """
    if any((None, p, None) in shapes for p in _TARGETS):
        return True
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(
        shapes.subjects(RDF.type, SH.PropertyShape)
    )
    return any((s, RDF.type, cls) in shapes for s in shape_nodes for cls in (RDFS.Class, OWL.Class))


__all__ = ["CompiledConstraint", "compile_shapes", "focused_query", "has_shapes", "target_group"]
