"""What the cache keeps, and how fresh it is: a verified answer with a summary of its
evidence (CacheEntry), and a page as read (PageEntry).

An entry is fresh while its age is within the freshness window of the question's
volatility class (``policy.freshness``; ``None`` never goes stale, as for a settled past
record). Past the window it is never served as fresh: only as an offline fallback, with
its age stated. A page is fresh for a run while its age is within that run's window (the
window stored with it is the one of the run that read it, for ``cache stats``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, field_validator

from orchestrator.answer import Answer


class EvidenceNote(BaseModel):
    """What one source said when the answer was verified (no page text: the citations
    in the answer carry the quotes)."""

    model_config = ConfigDict(extra="ignore")

    url: str
    publisher: str | None = None
    tier: str = "other"
    published_at: str | None = None
    ok: bool = True


class Stored(BaseModel):
    """What every tier needs of an entry: its key, when it was stored, its window."""

    model_config = ConfigDict(extra="ignore")

    key: str
    freshness_days: float | None = None  # None: never stale
    stored_at: datetime  # UTC, the run's clock

    @field_validator("stored_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    @property
    def expires_at(self) -> datetime | None:
        return None if self.freshness_days is None else self.stored_at + timedelta(days=self.freshness_days)

    def age(self, now: datetime) -> timedelta:
        return max(now.astimezone(UTC) - self.stored_at, timedelta(0))

    def is_fresh(self, now: datetime) -> bool:
        expires = self.expires_at
        return expires is None or now.astimezone(UTC) <= expires

    @property
    def label(self) -> str:
        """What the tier's listing shows of the entry (the question, or the page's URL)."""
        raise NotImplementedError

    def fresh_within(self, now: datetime, days: float | None) -> bool:
        """Fresh for a reader whose window is ``days`` (None: forever)."""
        return days is None or self.age(now) <= timedelta(days=days)

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        return cls.model_validate_json(text)


class CacheEntry(Stored):
    question: str
    language: str
    policy_sha256: str | None = None
    answer: Answer
    evidence: list[EvidenceNote] = []
    volatility: str = "news"
    trace_id: str | None = None  # the run that verified it
    # stored_at: when the answer was verified (its oldest cited page's fetch, see run.py)

    @property
    def label(self) -> str:
        return self.question

    def window_text(self) -> str:
        if self.freshness_days is None:
            return f"{self.volatility}: does not go stale"
        return f"{self.volatility}: {describe_age(timedelta(days=self.freshness_days))}"


class PageEntry(Stored):
    """A readable page as a live fetch read it (never a failure): the extraction's own
    title and date (a search hit's fill gaps when it is read again) and the publisher.
    ``stored_at`` is when it was fetched: evidence read from the cache keeps that time."""

    url: str  # the URL asked for (the key is its normalised form)
    final_url: str  # where the body came from, after redirects
    title: str | None = None
    publisher: str | None = None
    text: str
    published_at: datetime | None = None
    updated_at: datetime | None = None
    status: int | None = None
    bytes: int = 0

    @property
    def label(self) -> str:
        return self.url

    @property
    def fetched_at(self) -> datetime:
        return self.stored_at


ENTRY_TYPES: dict[str, type[Stored]] = {"answers": CacheEntry, "pages": PageEntry}  # a tier keeps one kind


def describe_age(age: timedelta) -> str:
    """'45 seconds', '3 minutes', '5 hours', '2 days' (the largest whole unit)."""
    seconds = int(age.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


def evidence_notes(evidence: list[Any]) -> list[EvidenceNote]:
    """The readable sources of a run, summarised."""
    return [EvidenceNote(url=e.url, publisher=e.publisher, tier=e.tier,
                         published_at=e.published_at.date().isoformat() if e.published_at else None, ok=e.ok)
            for e in evidence if e.ok]
