"""The source policy: tiers of publishers, per-topic official sources and freshness
windows, loaded from YAML into pydantic models that refuse unknown keys."""

from __future__ import annotations

import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from orchestrator.errors import PolicyInvalid
from orchestrator.yaml_models import parse_yaml_model

TierName = Literal["official", "media", "other"]

Wording = Literal["template", "model"]  # who words the answer sentence (nodes/generate_answer.py)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TierRule(_Strict):
    weight: float = Field(gt=0)
    domains: list[str] = []  # host patterns: "reuters.com" also matches subdomains; "*.gov"


class Topic(_Strict):
    keywords: list[str]  # lower-case words or CJK strings that put a question in this topic
    volatility: str  # a key of `freshness`
    official: list[str] = []  # domains that are official for this topic only
    endpoints: list[str] = []  # URLs fetched before any search; {year} is filled in
    queries: list[str] = ["{question}"]  # search queries; {question} and {year} are filled in


class SearchLoop(_Strict):
    """Bounds of the search loop (orchestrator/loop/): when a round's cross-check cannot
    settle the question, the graph plans another round of searches while all of these hold."""

    rounds: int = Field(3, ge=1, le=10)  # rounds in all, the first included (1: search once)
    pages: int = Field(24, ge=1, le=200)  # pages read across all rounds, official endpoints included
    seconds: float = Field(20.0, gt=0, le=600)  # no round starts after the run has taken this long
    model_calls: int = Field(2, ge=0, le=20)  # no round starts once the run has made this many model calls
    queries: int = Field(3, ge=1, le=10)  # follow-up queries per round


class Rules(_Strict):
    order: list[Literal["official", "newest", "majority"]] = ["official", "newest", "majority"]
    min_match: float = Field(0.35, ge=0, le=1)  # passage relevance needed to count as support
    conflict_margin: float = Field(0.25, ge=0, le=1)  # runner-up share that makes a conflict
    max_pages: int = Field(8, ge=1, le=50)
    min_sources: int = Field(2, ge=1, le=10)  # independent sources an open answer needs, unless official
    # Tiers one current source of which may answer alone (a non-official one with a caution).
    trusted_alone: list[TierName] = ["official"]
    # Seconds all the searches of a run may take together: a search provider that sends a
    # byte now and then never trips a read timeout, so only a deadline ends it.
    search_timeout: float = Field(15.0, gt=0, le=300)
    search_loop: SearchLoop = SearchLoop()


class Shapes(_Strict):
    """Words that read question shapes beyond one value in the passages
    (orchestrator/verify/shapes.py, lists.py), in every language the product reads."""

    negations: list[str] = []  # a claim denied: "did not", "no longer", "没有"
    never: list[str] = []  # it never happened: "has never", "从未" (the honest count is zero)
    more: list[str] = []  # a comparison or superlative asking for the larger: "more", "most", "更多"
    fewer: list[str] = []  # ... for the smaller: "fewer", "least", "更少"
    # Words before a name that set the scene of a claim ("on the Moon", "at the Paris Olympics", "在"):
    # a yes/no passage may leave such a name to its page.
    settings: list[str] = []
    # Forms of one predicate that a question and a passage word differently ("win", "won", "夺得").
    predicates: list[list[str]] = []


class Policy(_Strict):
    version: Literal[1]
    tiers: dict[TierName, TierRule]
    freshness: dict[str, float | None]  # volatility class -> max age in days; null = forever
    default_volatility: str = "news"
    # The class of a question with closed choices and no time word, no topic and no recent
    # year ("Which state banned ultraprocessed foods in public schools?"), for sources whose
    # older pages are about the question (README: measured on a search engine's pages and
    # on a knowledge base's). None: default_volatility.
    unmarked_volatility: str | None = None
    topics: dict[str, Topic] = {}
    # Groups of words that name the same thing across languages ("金牌", "gold"): a passage
    # in one language can match a question in another.
    aliases: list[list[str]] = []
    # Measures a number can be bound to, each with its words in every language ("gold": [金牌,
    # gold]; "total": [总数, in total]): a question naming one is answered only by numbers
    # bound to it (orchestrator/verify/measures.py).
    measures: dict[str, list[str]] = {}
    # Words that make an ordinal a place in a ranking ("finished second", "位列第二").
    rank_words: list[str] = []
    # The measures a ranking orders by: a count of one of these (or of none named) is said
    # with its subject's place ("40 gold medals, ranking 2nd"); a count of another part is not
    # (China's 24 bronze medals are no second place). Empty: every count.
    ranked_by: list[str] = []
    shapes: Shapes = Shapes()
    rules: Rules = Rules()
    # Source kinds asked for pages, in order: each is a module sources/<name>.py
    # (sources/registry.py); official endpoints (the topics' endpoints) are always read first.
    sources: list[str] = Field(default=["searxng"], min_length=1)
    # Who words the answer sentence: a template (the model only decides), or the model
    # (streamed, checked, a template where it states anything unverified).
    wording: Wording = "template"

    @field_validator("sources")
    @classmethod
    def _known_sources(cls, names: list[str]) -> list[str]:
        from orchestrator.sources.registry import load_source  # late: the sources import the HTTP layer

        for name in names:
            load_source(name)  # ValueError naming the kinds there are
        return names

    @model_validator(mode="after")
    def _references_resolve(self) -> Policy:
        classes = set(self.freshness)
        for key in ("default_volatility", "unmarked_volatility"):
            value = getattr(self, key)
            if value is not None and value not in classes:
                raise ValueError(f"{key} {value!r} is not in freshness")
        for name, topic in self.topics.items():
            if topic.volatility not in classes:
                raise ValueError(f"topic {name!r}: volatility {topic.volatility!r} is not in freshness")
        if "other" not in self.tiers:
            raise ValueError("tiers must define 'other'")
        return self

    def tier_of(self, url: str, topic: str | None = None) -> TierName:
        try:
            host = (urlsplit(url).hostname or "").lower().rstrip(".")
        except ValueError:  # "http://[::1": no host to match, so no tier but the lowest
            host = ""
        if topic and topic in self.topics and _host_matches(host, self.topics[topic].official):
            return "official"
        for name in ("official", "media"):
            rule = self.tiers.get(name)
            if rule and _host_matches(host, rule.domains):
                return name
        return "other"

    def weight(self, tier: TierName) -> float:
        return self.tiers[tier].weight if tier in self.tiers else self.tiers["other"].weight

    def freshness_days(self, volatility: str) -> float | None:
        return self.freshness.get(volatility, self.freshness[self.default_volatility])


def _host_matches(host: str, patterns: list[str]) -> bool:
    for pattern in patterns:
        pattern = pattern.lower()
        if "*" in pattern or "?" in pattern:
            if fnmatch.fnmatch(host, pattern):
                return True
        elif host == pattern or host.endswith("." + pattern):
            return True
    return False


def parse_policy(text: str, source: str = "<policy>") -> Policy:
    return parse_yaml_model(text, source, Policy, PolicyInvalid, "policy")


@lru_cache(maxsize=8)
def _load_cached(path: Path, mtime: float) -> Policy:  # mtime is part of the key: an edited file reloads
    return parse_policy(path.read_text(encoding="utf-8"), str(path))


def load_policy(path: Path) -> Policy:
    try:
        return _load_cached(path.resolve(), path.stat().st_mtime)
    except OSError as exc:
        raise PolicyInvalid(f"{path}: cannot read policy ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise PolicyInvalid(f"{path}: not a UTF-8 text file (byte {exc.start})") from exc
