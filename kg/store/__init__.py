"""Store backends behind one protocol: embedded pyoxigraph (default) and a remote SPARQL endpoint."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.config import Settings
from kg.store.base import QueryOutput, Row, Store

if TYPE_CHECKING:  # kg.build imports kg.store.base (through kg.fast_build): no import cycle at run time
    from kg.build import BuildResult


def open_store(settings: Settings, built: "BuildResult") -> Store:
    """The configured backend over a built dataset.

    Raises:
        StoreError: the backend cannot be opened or reached.
    """
    from kg.store.cached import CachedStore  # named-query answers memoized for the store's (fixed) version

    if settings.store == "remote":
        from kg.store.remote import RemoteStore

        return CachedStore(RemoteStore(settings, version=built.version))
    from kg.store.embedded import EmbeddedStore, materialize

    path = materialize(built.dataset_path, settings.cache_path / f"store-{built.version}")
    return CachedStore(EmbeddedStore(path, version=built.version, timeout=settings.query_timeout,
                                     max_results=settings.max_results, workers=settings.query_workers,
                                     memory=settings.query_memory))


__all__ = ["open_store", "Store", "QueryOutput", "Row"]
