"""One Settings object, read once at startup (environment prefix CYBERGOV_) and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_ROOT = Path(__file__).resolve().parent / "bundled"  # the ontology, data and shapes a wheel carries


def _default_root() -> Path:
    """A checkout's own folders when there are any (so curators' edits count), else the package's copies."""
    return REPO_ROOT if (REPO_ROOT / "ontology").is_dir() and (REPO_ROOT / "data").is_dir() else BUNDLED_ROOT


def _default_cache() -> Path:
    """.cache in a checkout; in an installed package (site-packages may not be writable) the user's cache."""
    if _default_root() == REPO_ROOT:
        return Path(".cache")
    return Path.home() / ".cache" / "cybergov-kg"


class Settings(BaseSettings):
    """Where the sources are, which store to use, and the limits of the service."""

    model_config = SettingsConfigDict(env_prefix="CYBERGOV_", env_file=None, extra="ignore")

    root: Path = Field(
        default_factory=_default_root,
        description="Repository root (the package's own copy when installed from a wheel); "
        "relative paths below resolve here.",
    )
    ontology_dir: Path = Path("ontology")
    data_dir: Path = Path("data")
    shapes_dir: Path = Path("shapes")
    cache_dir: Path = Field(default_factory=_default_cache)
    node_modules_dir: Path = Field(
        default=Path("node_modules"),
        description="The npm packages the pages serve "
        "(CodeMirror for the SPARQL editor; `npm ci` installs them). Without them the "
        "SPARQL page is a plain text box.",
    )

    store: Literal["embedded", "remote"] = Field(
        default="embedded",
        description="embedded (pyoxigraph in this process's workers, the build cached on disk "
        "under cache_dir) or remote (a SPARQL server at `endpoint`, loaded with `cybergov push`). The old name "
        "`memory` is read as `embedded`.",
    )
    endpoint: str | None = Field(default=None, description="SPARQL query endpoint URL of the remote store.")

    @field_validator("store", mode="before")
    @classmethod
    def _old_store_name(cls, value: object) -> object:
        return "embedded" if value == "memory" else value

    endpoint_user: str | None = None
    endpoint_password: str | None = None
    endpoint_kind: Literal["standard", "virtuoso"] = Field(
        default="standard",
        description="standard (oxigraph serve, Fuseki, ...: a default graph of its own) or "
        "virtuoso (its default graph is the union of all graphs: the contract's default graph is kept in "
        "https://w3id.org/cybergov/graph/default and every query names its dataset; HTTP digest auth for push).",
    )
    version_check_seconds: float = Field(
        default=2.0,
        ge=0,
        description="Remote store: how often an API instance re-reads the pushed graph version "
        "(a new `cybergov push` reaches every instance within this time).",
    )

    file_graphs: bool = Field(default=True, description="Keep one named graph per source file.")

    query_timeout: float = Field(default=10.0, gt=0, description="Seconds a SPARQL query may run.")
    max_results: int = Field(
        default=100_000,
        gt=0,
        description="Rows (or triples) a query may return; "
        "a larger answer is refused (413) with how to page, never cut silently.",
    )
    max_result_bytes: int = Field(
        default=64_000_000,
        gt=0,
        description="Bytes a SPARQL answer may take "
        "(its writer stops at the cap); a larger answer is refused (413).",
    )
    max_query_bytes: int = Field(
        default=32_000,
        gt=0,
        description="Largest POST /sparql body or query (every query is parsed for the read-only policy "
        "first, in a query worker on the embedded store: about 2.5 s at this size in the worst case).",
    )
    max_upload_bytes: int = Field(default=5_000_000, gt=0, description="Largest body POST /validate accepts.")
    max_nesting_depth: int = Field(
        default=256,
        gt=0,
        description="Deepest nesting of objects and arrays a "
        "JSON-LD contribution may have; checked before parsing (400).",
    )
    validate_timeout: float = Field(default=60.0, gt=0)
    validate_workers: int = Field(default=2, ge=1, description="Worker processes that check contributions.")
    validate_per_client: int = Field(
        default=1,
        ge=1,
        description="Checks one client address may have running "
        "or waiting at once (more: 429), so one client cannot hold every worker.",
    )
    query_worker_memory: int = Field(
        default=3_000_000_000,
        ge=0,
        description="Address space (bytes, RLIMIT_AS) of each query worker; 0 = no limit. Over it: 503.",
    )
    validate_worker_memory: int = Field(
        default=1_500_000_000,
        ge=0,
        description="Address space (bytes, RLIMIT_AS) of each validation worker; 0 = no limit. Over it: 413.",
    )
    response_cache_entries: int = Field(
        default=4096, ge=0, description="GET answers kept per graph version (0 = no response cache)."
    )
    query_workers: int = Field(
        default=3,
        ge=1,
        description="Worker processes that run SPARQL queries (one more than the cores of a 2-core machine: "
        "a worker is idle between answering a query and being handed the next, and the third fills those gaps; "
        "each keeps its own in-memory copy of the default graph).",
    )
    query_memory: bool = Field(
        default=True,
        description="Query workers also keep the default graph in memory "
        "and answer queries that name no graph there (faster for scans and aggregates).",
    )
    service_allowlist: list[str] = Field(default_factory=list, description="Hosts SERVICE may call.")

    host: str = "127.0.0.1"
    port: int = 8000

    def path(self, p: Path) -> Path:
        """Resolve a configured path against the root."""
        return p if p.is_absolute() else self.root / p

    @property
    def ontology_path(self) -> Path:
        return self.path(self.ontology_dir)

    @property
    def data_path(self) -> Path:
        return self.path(self.data_dir)

    @property
    def shapes_path(self) -> Path:
        return self.path(self.shapes_dir)

    @property
    def cache_path(self) -> Path:
        return self.path(self.cache_dir)
