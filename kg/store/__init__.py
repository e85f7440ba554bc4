"""Store backends behind one protocol: embedded pyoxigraph (default) and a remote SPARQL endpoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.config import Settings
from kg.namespaces import GRAPH_ASSERTED, GRAPH_INFERRED, GRAPH_ONTOLOGY
from kg.querying import QueryOutput, Row, Store

GRAPH_KEYS = {"asserted": GRAPH_ASSERTED, "inferred": GRAPH_INFERRED, "ontology": GRAPH_ONTOLOGY}


def recorded_counts(built: BuildResult) -> dict[str, int]:
    """The build's own record of its size: triples in asserted, inferred, ontology and (when recorded) default."""
    counts = {key: built.counts.get(iri, 0) for key, iri in GRAPH_KEYS.items()}
    if built.default_triples is not None:
        counts["default"] = built.default_triples
    return counts


def held_counts(store: Store) -> dict[str, int]:
    """What a store holds, under the keys of recorded_counts."""
    counts = store.counts()
    held = {key: counts.get(iri, 0) for key, iri in GRAPH_KEYS.items()}
    default_count = getattr(
        store, "default_count", None
    )  # a store that cannot count its default graph leaves it out
    if default_count is not None:
        held["default"] = default_count()
    return held


if (
    TYPE_CHECKING
):  # kg.build.pipeline imports kg.querying (through kg.build.in_store): no import cycle at run time
    from kg.build.pipeline import BuildResult


def open_store(settings: Settings, built: BuildResult) -> Store:
    """The configured backend over a built dataset.

    Raises:
        StoreError: the backend cannot be opened or reached.
    """
    from kg.store.cached import CachedStore  # named-query answers memoized for the store's (fixed) version

    if settings.store == "remote":
        from kg.store.remote import RemoteStore

        return CachedStore(RemoteStore(settings, version=built.version, recorded=recorded_counts(built)))
    from kg.build.store_dir import store_dir
    from kg.store.embedded import EmbeddedStore, materialize

    path = materialize(
        built.dataset_path,
        store_dir(settings.cache_path, built.version),
        default=built.default_path,
        default_sha256=built.default_sha256,
    )
    return CachedStore(
        EmbeddedStore(
            path,
            version=built.version,
            timeout=settings.query_timeout,
            max_results=settings.max_results,
            max_bytes=settings.max_result_bytes,
            workers=settings.query_workers,
            memory=settings.query_memory,
            worker_memory=settings.query_worker_memory,
            recorded=recorded_counts(built),
        )
    )


__all__ = ["QueryOutput", "Row", "Store", "held_counts", "open_store", "recorded_counts"]
