"""Annotated dependencies, so tests can swap the store or the settings with dependency_overrides."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kg.config import Settings
from kg.querying import Store


# async, though they only read the app's state: FastAPI runs a plain `def` dependency in its thread pool, a hop
# per dependency per request that costs more than a date route's whole answer from memory (api.memory_first)
async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_store(request: Request) -> Store:
    return request.app.state.store


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
