"""SPARQL kept in .rq files with a comment header, loaded by name.

The header is grlc's: the lines that start with ``#+``, stripped of their leading ``#`` and ``+`` (as
grlc does), form a YAML mapping (https://github.com/CLARIAH/grlc#decorator-syntax). The keys read here are
grlc's ``summary`` and ``description`` and the project's ``params`` (a mapping name -> meaning), plus, for
the curator and consistency checks, ``severity`` and ``message``, and for the build's rules ``rerun_binds`` (the
variable kg.build.keyed_rounds binds when a rule runs again); grlc reads its keys by name and ignores
the others. The header comes first in the file, so ``kg/queries/`` is also a folder grlc can serve.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from kg.errors import LoadError, SourcePosition

PACKAGE_DIR = Path(__file__).resolve().parent
MARK = "#+"


@dataclass(frozen=True)
class NamedQuery:
    """One .rq file: its name (file stem), header fields and text."""

    name: str
    text: str
    summary: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)
    rerun_binds: str = ""  # a build rule's variable bound on a run after its first (kg.build.keyed_rounds)


def header_yaml(text: str) -> str:
    """The YAML text of a query's header: its ``#+`` lines with the leading ``#`` and ``+`` removed (grlc's rule)."""
    return "\n".join(line.lstrip(MARK) for line in text.splitlines() if line.startswith(MARK))


def parse_header(text: str, *, source: str = "<query>") -> dict[str, object]:
    """The header of a query text as a mapping ({} when it has none).

    Raises:
        LoadError: the header is not YAML, or not a mapping with string keys (with the YAML parser's line).
    """
    try:
        header = yaml.safe_load(header_yaml(text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise LoadError(f"query header is not YAML: {exc}", SourcePosition(source, line)) from exc
    if header is None:
        return {}
    if not isinstance(header, dict) or not all(isinstance(k, str) for k in header):
        raise LoadError("query header is not a YAML mapping with string keys", SourcePosition(source))
    return header


def _text(header: dict[str, object], key: str, source: str) -> str:
    value = header.get(key, "")
    if not isinstance(value, str):
        raise LoadError(
            f"query header: {key!r} must be text, not {type(value).__name__}", SourcePosition(source)
        )
    return value


def _params(header: dict[str, object], source: str) -> dict[str, str]:
    params = header.get("params") or {}
    if not isinstance(params, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in params.items()
    ):
        raise LoadError(
            "query header: 'params' must map each parameter name to its meaning", SourcePosition(source)
        )
    return dict(params)


def read_query(path: Path) -> NamedQuery:
    """Read one .rq file.

    Raises:
        LoadError: its header is not a YAML mapping of the expected shape.
    """
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, source=str(path))
    return NamedQuery(
        name=path.stem,
        text=text,
        summary=_text(header, "summary", str(path)),
        description=_text(header, "description", str(path)),
        params=_params(header, str(path)),
        rerun_binds=_text(header, "rerun_binds", str(path)),
    )


@cache
def queries_in(folder: str) -> dict[str, NamedQuery]:
    """Every .rq file in a folder of the kg package ('queries', 'build/rules', 'curate/checks', ...), by name."""
    directory = PACKAGE_DIR / folder
    return {p.stem: read_query(p) for p in sorted(directory.glob("*.rq"))}


def get(name: str, folder: str = "queries") -> NamedQuery:
    """One named query.

    Raises:
        KeyError: no such query.
    """
    return queries_in(folder)[name]
