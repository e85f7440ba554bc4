"""JSON of the date routes' lists, written from each record's item encoded once per graph version.

Checking and serializing a few hundred items through pydantic on every request is most of the work of
GET /treaties/{id}/parties once its records come from the index (kg.answers.record_index). Here each
record's item goes through its response model once per graph version and is kept as JSON text around the
fields that change with the day (`status_on_date` and `note`; `member_on_date` and `note`); a request writes
those fields and joins the pieces. The list's own fields (total, as_of, reported_total, ...) go through
the list's model on every request. An item is known by its record IRI, and a record's item is the same
for the whole graph version (kg.answers.records: `base`), so the pieces never go stale.
tests/api/test_list_json.py compares the answer with the model's own JSON on every date route.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from json.encoder import encode_basestring

from pydantic import BaseModel

_LISTS = ("items", "unknown")
_VERSIONS = 4  # graph versions kept (a few apps over different stores in one process, as in the tests)


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


_LITERALS = {None: "null", True: "true", False: "false"}


def _day_value(value) -> str:
    """A field that changes with the day (a status, a note, a verdict) as JSON, without json.dumps's overhead."""
    if isinstance(value, str):
        return encode_basestring(value)  # the C encoder json.dumps itself uses when ensure_ascii=False
    if value is None or isinstance(value, bool):
        return _LITERALS[value]
    return _dumps(value)


class ListJson:
    """The JSON writer of one list model (ParticipationList, MembershipList) whose items vary in `dynamic`."""

    def __init__(self, model: type[BaseModel], *, dynamic: tuple[str, ...]) -> None:
        self.model = model
        self.item_model: type[BaseModel] = model.model_fields["items"].annotation.__args__[0]
        self.dynamic = frozenset(dynamic)
        self._pieces: OrderedDict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = OrderedDict()
        self._lock = threading.Lock()

    def _encode(self, item: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The item's JSON as text pieces between its dynamic fields, and those fields' names in order."""
        dumped = self.item_model.model_validate(item).model_dump(mode="json")
        pieces, slots, current = [], [], "{"
        for n, (key, value) in enumerate(dumped.items()):
            current += ("," if n else "") + _dumps(key) + ":"
            if key in self.dynamic:
                pieces.append(current)
                slots.append(key)
                current = ""
            else:
                current += _dumps(value)
        pieces.append(current + "}")
        return tuple(pieces), tuple(slots)

    def _of_version(self, version: str) -> dict:
        with self._lock:
            known = self._pieces.get(version)
            if known is None:
                known = self._pieces[version] = {}
                while len(self._pieces) > _VERSIONS:
                    self._pieces.popitem(last=False)
            return known

    def item(self, known: dict, item: dict) -> str:
        """One item as JSON: its record's pieces (encoded on first use) and the day's fields."""
        entry = known.get(item["iri"])
        if entry is None:
            entry = known[item["iri"]] = self._encode(item)
        pieces, slots = entry
        out = [pieces[0]]
        for slot, piece in zip(slots, pieces[1:], strict=False):
            out.append(_day_value(item[slot]))
            out.append(piece)
        return "".join(out)

    def body(self, version: str, page: dict) -> bytes:
        """The page (ListAnswer.page) as the list model's JSON.

        Raises:
            pydantic.ValidationError: the list's fields or an item do not fit the model (a bug: 500).
        """
        known = self._of_version(version)
        envelope = self.model.model_validate({**page, **{k: [] for k in _LISTS if k in page}})
        parts = []
        for key, value in envelope.model_dump(mode="json").items():
            if key in _LISTS and key in page:
                text = "[" + ",".join(self.item(known, i) for i in page[key]) + "]"
            else:
                text = _dumps(value)
            parts.append(_dumps(key) + ":" + text)
        return ("{" + ",".join(parts) + "}").encode()
