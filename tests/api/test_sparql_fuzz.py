"""Issue 10: property-based SPARQL fuzzing of the SERVICE policy (hypothesis).

Every generated query holds a live SERVICE clause aimed at a local listener, in random
surroundings: prefixes whose IRIs hold `#`, comments ended by LF, CR or CRLF, strings with quotes
and escapes (also the word SERVICE and triple quotes), nesting (groups, OPTIONAL, subqueries, EXISTS,
UNION), no whitespace, lower case keywords, prefixed-name and BASE-relative endpoints, variables
bound by VALUES. Every request must be answered 400 or 403, and the listener must receive 0 bytes.
Bounded: 150 examples, no deadline (a few seconds in all).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

GAPS = st.sampled_from(
    ["", " ", "\n", "\t", "\r", "\r\n", "  ", " # SERVICE <http://x/> {\n", "#}\r", '# """ \'\n']
)
STRING_PIECES = st.sampled_from(
    [
        "a",
        "'",
        '\\"',
        "\\\\",
        "\\n",
        "#",
        "SERVICE <http://x/> {",
        "\\u00e9",
        "}",
        "<",
        ">",
        "é",
        "\\t",
        "\\'",
    ]
)


def _case(word: str, flips: list[bool]) -> str:
    return "".join(
        c.lower() if flip else c for c, flip in zip(word, flips + [False] * len(word), strict=False)
    )


@st.composite
def strings(draw) -> str:
    pieces = "".join(draw(st.lists(STRING_PIECES, max_size=6)))
    quote = draw(st.sampled_from(['"', "'", '"""', "'''"]))
    if quote in ('"', "'"):
        pieces = pieces.replace(quote, "\\" + quote) if "\\" + quote not in pieces else pieces
    return f"{quote}{pieces}{quote}"


@st.composite
def queries(draw, url: str) -> str:
    gap = lambda: draw(GAPS)  # noqa: E731
    flips = draw(st.lists(st.booleans(), min_size=7, max_size=7))
    service_kw = _case("SERVICE", flips)
    target_kind = draw(
        st.sampled_from(["iri", "prefixed", "relative", "network-relative", "variable", "silent"])
    )
    prologue = []
    if draw(st.booleans()):
        prologue.append(f"PREFIX rdfs:{gap()}<http://www.w3.org/2000/01/rdf-schema#>")
    if draw(st.booleans()):
        prologue.append("PREFIX construct: <http://example.org/a#b'c>")
    pre = ""
    if target_kind == "iri":
        target = f"<{url}{draw(st.sampled_from(['', 'x', 'sparql?q=1', 'a#b', chr(39)]))}>"
    elif target_kind == "prefixed":
        prologue.append(f"PREFIX e:{gap()}<{url}>")
        target = "e:" + draw(st.sampled_from(["x", "sparql", "a\\/b", "x.y"]))
    elif target_kind == "relative":
        prologue.insert(0, f"BASE <{url}>")
        target = "<" + draw(st.sampled_from(["x", "", "./a", "../b"])) + ">"
    elif target_kind == "network-relative":
        prologue.insert(0, "BASE <http://allowed.example/>")
        target = f"<//{url.split('//', 1)[1]}>"
    elif target_kind == "variable":
        pre = f"VALUES ?e {{ <{url}> }}{gap()}"
        target = "?e"
    else:
        target = f"SILENT{gap() or ' '}<{url}>"
    service = f"{service_kw}{gap()}{target}{gap()}{{{gap()}?s ?p ?o{gap()}}}"
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        wrapper = draw(st.sampled_from(["group", "optional", "subquery", "exists", "union", "minus"]))
        service = {
            "group": f"{{{gap()}{service}{gap()}}}",
            "optional": f"OPTIONAL{gap()}{{{service}}}",
            "subquery": f"{{ SELECT * WHERE {{{gap()}{service}{gap()}}} }}",
            "exists": f"?s ?p ?o FILTER EXISTS {{{service}}}",
            "union": f"{{ ?s ?p ?o }} UNION {{{service}}}",
            "minus": f"?s ?p ?o MINUS {{{service}}}",
        }[wrapper]
    before = ""
    if draw(st.booleans()):
        before = f"?s ?p {draw(strings())} .{gap()}"
    if draw(st.booleans()) and "rdfs:" in " ".join(prologue):
        before += f"?s rdfs:label ?label{gap()}"
    select = draw(
        st.sampled_from(
            [
                "SELECT * WHERE",
                "select * where",
                "SELECT*WHERE",
                "ASK",
                "ask",
                "CONSTRUCT { ?s ?p ?o } WHERE",
                "DESCRIBE ?s WHERE",
            ]
        )
    )
    body = f"{select}{gap()}{{{gap()}{pre}{before}{service}{gap()}}}"
    return gap().join(prologue + [body]) + gap()


def test_service_fuzz_never_reaches_the_listener(client, listener):
    before = (listener.connections, listener.received)
    statuses: dict[int, int] = {}

    @settings(
        max_examples=150,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def run(data):
        query = data.draw(queries(listener.url))
        if data.draw(st.booleans()):
            r = client.get("/sparql", params={"query": query})
        else:
            r = client.post(
                "/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"}
            )
        statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
        assert r.status_code in (400, 403), (query, r.status_code, r.text[:300])
        assert (listener.connections, listener.received) == before, query

    run()
    assert statuses.get(403, 0) > 50, (
        statuses
    )  # most generated queries parse, and are refused for the SERVICE
