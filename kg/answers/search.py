"""One search over every kind that has a page: treaties, other instruments, organizations, states, norms and
mechanisms, ranked.

Each entity is matched on its names: label, alternative labels (acronyms, short and former names, official
numbers), id, alpha-2 code and paragraph notation. No name is invented: "UK" finds the United Kingdom through
the initials of its alternative label "United Kingdom", and "Turkey" finds Türkiye by spelling similarity of
the accent-folded names. A query naming a kind ("norms", "GGE norms") keeps that kind.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from kg.answers import instruments, mechanisms, norms, organizations, states
from kg.querying import Store

KIND_WORDS = {
    "treaty": "treaty",
    "treaties": "treaty",
    "convention": None,
    "organization": "organization",
    "organizations": "organization",
    "organisations": "organization",
    "organisation": "organization",
    "state": "state",
    "states": "state",
    "country": "state",
    "countries": "state",
    "norm": "norm",
    "norms": "norm",
    "instrument": "instrument",
    "instruments": "instrument",
    "mechanism": "mechanism",
    "mechanisms": "mechanism",
}
MINOR_WORDS = {"of", "and", "the", "for", "on", "in", "de", "du", "des", "et"}
KIND_ORDER = {"state": 0, "organization": 1, "treaty": 2, "norm": 3, "instrument": 4, "mechanism": 5}


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    label: str
    matched: str  # the name that matched
    score: int  # 100 exact name, 90 initials, 80 name prefix, 70 word prefix, 50 substring, 45 every word,
    #              below 40 similar spelling

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.id,
            "label": self.label,
            "matched": self.matched,
            "score": self.score,
        }


def fold(text: str) -> str:
    """Lower case without accents or punctuation runs: 'Türkiye' -> 'turkiye', 'A/70/174' -> 'a 70 174'."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", bare.casefold()))


def initials(name: str) -> str:
    return "".join(w[0] for w in fold(name).split() if w not in MINOR_WORDS)


def score_name(query: str, name: str) -> int:
    """How well one folded query matches one name (0: not at all)."""
    folded = fold(name)
    if not folded or not query:
        return 0
    if folded == query:
        return 100
    if len(query) >= 2 and " " not in query and len(folded.split()) > 1 and initials(name) == query:
        return 90
    if folded.startswith(query):
        return 80
    if any(w.startswith(query) for w in folded.split()):
        return 70
    if query in folded:
        return 50
    words = folded.split()
    if all(any(w.startswith(t) for w in words) for t in query.split()):
        return 45  # every word of the query begins a word of the name ('ETS 185' -> 'ETS No. 185')
    if len(query) >= 4:
        ratio = max(
            [difflib.SequenceMatcher(None, query, folded).ratio()]
            + [difflib.SequenceMatcher(None, query, w).ratio() for w in folded.split() if len(w) >= 4]
        )
        if ratio >= 0.75:
            return int(40 * ratio)
    return 0


def entities(store: Store) -> list[tuple[str, dict, list[str]]]:
    """(kind, item, names) for every entity that has a page."""
    found = []
    treaties = instruments.list_instruments(store, treaties_only=True).items
    for item in treaties:
        found.append(("treaty", item, [item["label"] or "", *item["alt_labels"], item["id"]]))
    treaty_iris = {i["iri"] for i in treaties}
    for item in instruments.list_instruments(store).items:
        if item["iri"] not in treaty_iris:  # EU acts, resolutions, reports, declarations, policies
            found.append(("instrument", item, [item["label"] or "", *item["alt_labels"], item["id"]]))
    for item in mechanisms.list_mechanisms(store).items:
        found.append(("mechanism", item, [item["label"] or "", *item["alt_labels"], item["id"]]))
    for item in organizations.list_organizations(store).items:
        found.append(("organization", item, [item["label"] or "", *item["alt_labels"], item["id"]]))
    for item in states.list_states(store).items:
        found.append(
            ("state", item, [item["label"] or "", *item["alt_labels"], item["id"], item["alpha2"] or ""])
        )
    for item in norms.list_norms(store).items:
        found.append(
            ("norm", item, [item["label"] or "", *item["alt_labels"], item["id"], item["notation"] or ""])
        )
    return found


def search(store: Store, q: str | None, *, limit: int = 50) -> list[Hit]:
    """The entities matching q, best first (score, then kind, then name)."""
    words = fold(q or "").split()
    kinds = {KIND_WORDS[w] for w in words if KIND_WORDS.get(w)}
    rest = " ".join(w for w in words if not KIND_WORDS.get(w))
    hits = []
    for kind, item, names in entities(store):
        if kinds and kind not in kinds:
            continue
        if not rest:
            score, matched = (60, kind) if kinds else (0, "")
        else:
            score, matched = max(((score_name(rest, n), n) for n in names if n), default=(0, ""))
        if score:
            hits.append(Hit(kind, item["id"], item["label"] or item["id"], matched, score))
    hits.sort(key=lambda h: (-h.score, len(h.matched), KIND_ORDER[h.kind], fold(h.label)))
    return hits[:limit]
