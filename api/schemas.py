"""Pydantic response models: they are the OpenAPI contract of the REST routes."""
from __future__ import annotations

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    triples: int
    version: str = Field(description="Content hash of the built graph.")
