"""The answer contract of PACKS.md: field names and order are a fixed interface."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Status = Literal["answered", "abstained", "conflict", "local"]


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    n: int
    url: str
    title: str | None = None
    publisher: str | None = None
    tier: str
    published_at: str | None = None
    quote: str


class ConflictEntry(BaseModel):
    """One value credible sources give, and who gives it."""

    model_config = ConfigDict(extra="forbid")

    value: str
    sources: list[str]


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str
    status: Status
    answer: str | None = None
    choice_index: int | None = None
    text: str
    as_of: str | None = None
    citations: list[Citation] = []
    conflicts: list[ConflictEntry] = []
    warnings: list[str] = []
    trace_id: str | None = None
