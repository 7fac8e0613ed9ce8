"""What flows through the graph: the question's intent, the source plan, the evidence
fetched, and the cross-check's findings. Each node writes one of these keys."""

from __future__ import annotations

import operator
from datetime import datetime
from typing import Annotated, Literal, TypedDict

from pydantic import BaseModel, ConfigDict, Field

from orchestrator.answer import Answer

AnswerType = Literal["yes_no", "comparison", "list", "number", "rank", "date", "person", "organisation", "country", "subdivision",
                     "city", "place", "work", "name", "text", "code"]
Tier = Literal["official", "media", "other"]


class Intent(BaseModel):
    model_config = ConfigDict(frozen=True)

    @property
    def words(self) -> list[str]:
        """Every term and equivalent, flat."""
        return [w for group in self.terms for w in group]

    needs_fresh: bool
    answer_type: AnswerType = "text"
    topic: str | None = None  # a policy topic key (olympics, elections, ...)
    volatility: str = "news"  # a policy freshness class
    unmarked: bool = False  # no time word, no topic, no recent year: closed choices take the policy's unmarked_volatility
    terms: list[list[str]] = []  # the question's content words, each with its cross-language equivalents
    names: list[list[str]] = []  # the subset that names things (countries, places, events, people)
    year: int | None = None
    language: str = "en"
    reading: str = ""  # the question as the rules read it: itself in English or Chinese, else its English gloss (verify/gloss.py)
    owner: str | None = None  # the name a glossed count question is about, as written ("PSOE"): the reading may drop it
    arithmetic: bool = False  # the question states arithmetic, computed exactly (deep_reasoning)
    reason: str = ""  # why the rules (or the model) decided so


class PlannedSource(BaseModel):
    url: str
    tier: Tier
    why: str


class Plan(BaseModel):
    queries: list[str]
    direct: list[PlannedSource] = []  # official endpoints fetched before any search
    max_pages: int = 8
    freshness_days: float | None = None


class Evidence(BaseModel):
    """One source as read: either text with dates, or a typed failure."""

    url: str
    ok: bool
    failure: str | None = None  # timeout, not recorded, http 404, unreadable, ...
    title: str | None = None
    publisher: str | None = None
    tier: Tier = "other"
    weight: float = 0.0
    published_at: datetime | None = None
    updated_at: datetime | None = None
    fetched_at: datetime | None = None
    text: str = ""
    snippet: str | None = None  # the search engine's snippet, if any
    status_code: int | None = None
    bytes: int = 0
    ms: float = 0.0
    cached: str | None = None  # read from the page cache (its tier) instead of the network; fetched_at is then the original fetch
    refresh_failure: str | None = None  # with ``cached``: the live fetch failed so (a network failure) and this older copy stood in


class Support(BaseModel):
    """One source's support for one candidate value."""

    source: int  # index into evidence
    quote: str  # literal substring of that evidence's text
    weight: float
    why: str  # for people: the tier and any discount, in words
    stale: bool = False  # from a page outside the freshness window (a weak hint among closed choices)
    superseded: bool = False  # a value no recent page repeats
    partial: bool = False  # states a closed choice only in part: a hint, never an answer


class Candidate(BaseModel):
    value: str  # normalised value, e.g. "40"
    display: str  # as first seen in text, e.g. "40枚"
    kind: AnswerType
    supports: list[Support] = []
    score: float = 0.0
    choice_index: int | None = None


class Findings(BaseModel):
    verdict: Literal["answered", "conflict", "abstained"]
    value: str | None = None
    choice_index: int | None = None
    as_of: str | None = None  # ISO date the value is true as of
    candidates: list[Candidate] = []
    rejected: list[str] = Field(default_factory=list)  # why sources were not counted
    stale_sources: dict[int, str] = Field(default_factory=dict)  # evidence index -> why it is outside the window
    cautions: list[str] = Field(default_factory=list)  # what an answer's user should know (one source only)
    read: bool = False  # the value is the reader's pick among names side by side, not one of rival claims
    reason: str = ""  # for abstentions and conflicts
    rank: Candidate | None = None  # beside a count: the subject's place on the ranking, as verified as the count


class Round(BaseModel):
    """One search round as the loop saw it (orchestrator/loop/decision.py): what it asked,
    what it found that no earlier round had, and why the graph went on or stopped."""

    n: int
    queries: list[str]
    pages: int  # pages this round read that no earlier round had (failed ones included)
    readable: int
    verdict: str | None  # the cross-check's after this round; None: not run again (nothing new to check)
    next: Literal["search again", "answer"]
    why: str
    next_queries: list[str] = []  # the next round's, when there is one


class GraphState(TypedDict, total=False):
    question: str
    choices: list[str] | None
    require_latest: bool | None
    language: str | None
    intent: Intent
    plan: Plan  # the plan of the round under way
    round: int  # the search round under way, 1 first
    # The reducers keep every round's part: the cross-check sees all pages read so far, and
    # an Evidence index (Support.source) never changes once given.
    evidence: Annotated[list[Evidence], operator.add]
    read_urls: Annotated[list[str], operator.add]  # every URL asked for (and refused), so no round reads one twice
    queries_sent: Annotated[list[str], operator.add]
    round_pages: int  # how many of ``evidence`` the latest round added
    rounds: Annotated[list[Round], operator.add]
    findings: Findings
    answer: Answer
