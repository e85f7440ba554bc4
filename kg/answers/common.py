"""Helpers shared by the answer modules: splitting joined columns, references, dates, paging, lookups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox

from kg import named_queries
from kg.errors import BadParameter, NotFound
from kg.namespaces import CGO, ID
from kg.querying import Row, Store
from kg.suggest import close_ids

SEPARATOR = "\t"  # GROUP_CONCAT separator of the named queries
ISO_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"  # as_of and the other date parameters; also stated in OpenAPI
_ISO_DATE = re.compile(ISO_DATE_PATTERN)


@dataclass
class ListAnswer:
    """A list answer before paging: every matching item, the undecidable ones, and the query's echo."""

    items: list[dict]
    echo: dict = field(default_factory=dict)
    unknown: list[dict] | None = None

    def page(self, *, limit: int, offset: int) -> dict:
        """The contract's shape: {"items", "total", ...echo, "limit", "offset"[, "unknown"]}."""
        body = {
            "items": self.items[offset : offset + limit],
            "total": len(self.items),
            **self.echo,
            "limit": limit,
            "offset": offset,
        }
        if self.unknown is not None:
            body["unknown"] = self.unknown
        return body

    def at_least(self, evidence: str | None) -> ListAnswer:
        """Only the items whose evidence level is `evidence` or better (every item when None); echoes the level."""
        items = [i for i in self.items if meets(i.get("evidence"), evidence)]
        return ListAnswer(items, echo={**self.echo, "evidence": evidence}, unknown=self.unknown)


def run(store: Store, name: str, **bindings) -> list[Row]:
    """Run the named query `name` with the given pyoxigraph terms bound (None values are left unbound)."""
    given = {k: v for k, v in bindings.items() if v is not None}
    return store.select(named_queries.get(name).text, bindings=given or None)


def split(value: str | None) -> list[str]:
    """A GROUP_CONCAT column as a sorted list (empty when nothing)."""
    return sorted(v for v in value.split(SEPARATOR) if v) if value else []


def last_segment(iri: str | None) -> str | None:
    """The slug of a vocabulary or id IRI: .../consent/ratification -> 'ratification'; cgo:Treaty -> 'Treaty'."""
    if iri is None:
        return None
    return re.split(r"[/#]", iri)[-1]


def kebab(name: str | None) -> str | None:
    """UpperCamel class name -> kebab slug: 'RegionalOrganization' -> 'regional-organization'."""
    if name is None:
        return None
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower()


def kind_of(class_iri: str | None) -> str | None:
    """The `kind` field from an asserted class IRI (cgo:RegionalOrganization -> 'regional-organization')."""
    return kebab(last_segment(class_iri)) if class_iri else None


def ref(iri: str | None, ident: str | None, label: str | None) -> dict | None:
    """A reference to another resource: {"id", "label", "iri"}, or None when there is no IRI."""
    if iri is None:
        return None
    return {"id": ident or last_segment(iri), "label": label, "iri": iri}


def record_id(iri: str, kind: str) -> str:
    """The id of a reified record: .../participation/budapest-convention/FRA -> 'budapest-convention/FRA'."""
    prefix = f"{ID}{kind}/"
    return iri[len(prefix) :] if iri.startswith(prefix) else iri


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def as_of_date(value: str | None, *, name: str = "as_of", today: date | None = None) -> date:
    """The `as_of` parameter: an ISO 8601 date (YYYY-MM-DD); today when absent.

    Raises:
        BadParameter: anything other than a valid YYYY-MM-DD date.
    """
    if value is None or value == "":
        return today or date.today()
    if not _ISO_DATE.match(value):
        raise BadParameter(name, f"'{value}' is not an ISO 8601 date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"'{value}' is not a valid date") from None


def query_text(q: str | None) -> ox.Literal | None:
    """The `q` filter as a literal (None when empty)."""
    q = (q or "").strip()
    return ox.Literal(q) if q else None


def find(rows: list[Row], ident: str, *, kind: str, key: str = "id") -> Row:
    """The row whose id equals ident (case-insensitive).

    Raises:
        NotFound: no such id; carries close ids as suggestions.
    """
    wanted = ident.strip().lower()
    for row in rows:
        if (row.get(key) or "").lower() == wanted:
            return row
    raise NotFound(kind, ident, close_ids(ident, [r[key] for r in rows if r.get(key)]))


def concepts(store: Store, scheme: str) -> dict[str, dict]:
    """The concepts of one vocabulary class (e.g. 'MembershipRole') by slug: {"iri", "label"}."""
    rows = run(store, "concepts", scheme=ox.NamedNode(str(CGO[scheme])))
    return {last_segment(r["concept"]): {"iri": r["concept"], "label": r["label"]} for r in rows}


def concept_param(store: Store, scheme: str, name: str, value: str | None) -> ox.NamedNode | None:
    """A parameter naming a concept by slug (role, addressee, topic) as its IRI; None when absent.

    Raises:
        BadParameter: the slug is not a concept of that vocabulary (the message lists close ones).
    """
    if not value:
        return None
    known = concepts(store, scheme)
    slug = value.strip().lower()
    if slug not in known:
        close = close_ids(slug, list(known)) or sorted(known)
        raise BadParameter(name, f"unknown {name} '{value}'; expected one of: {', '.join(close)}")
    return ox.NamedNode(known[slug]["iri"])


def concept_labels(store: Store) -> dict[str, str | None]:
    """Every concept of the controlled vocabularies: IRI -> label."""
    return {r["concept"]: r["label"] for r in run(store, "concepts")}


def concept_list(labels: dict[str, str | None], iris: list[str]) -> list[dict]:
    """Concept IRIs as [{"id", "label", "iri"}], labelled from concept_labels()."""
    return [ref(i, last_segment(i), labels.get(i)) for i in iris]


# Evidence levels (issue 11): a record's best level among its sources; `evidence=` keeps that level and better.
EVIDENCE_RANK = {"depositary": 3, "official": 2, "secondary": 1}


def best_evidence(levels: str | None) -> str | None:
    """The best of a record's evidence levels (a GROUP_CONCAT column of IRIs): 'depositary', ..."""
    slugs = [last_segment(iri) for iri in split(levels)]
    known = [s for s in slugs if s in EVIDENCE_RANK]
    return max(known, key=EVIDENCE_RANK.__getitem__) if known else None


def evidence_param(value: str | None) -> str | None:
    """The `evidence` parameter: the lowest level counted (depositary > official > secondary), or None.

    Raises:
        BadParameter: not one of the levels.
    """
    if not value:
        return None
    level = value.strip().lower()
    if level not in EVIDENCE_RANK:
        raise BadParameter(
            "evidence",
            f"unknown evidence level '{value}'; expected one of: "
            f"{', '.join(EVIDENCE_RANK)} (the lowest level counted)",
        )
    return level


def meets(evidence: str | None, minimum: str | None) -> bool:
    """Whether a record with `evidence` counts when only `minimum` and better are wanted."""
    return minimum is None or EVIDENCE_RANK.get(evidence or "", 0) >= EVIDENCE_RANK[minimum]
