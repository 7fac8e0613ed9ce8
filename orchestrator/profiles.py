"""Deployment profiles: where the model runs, how patient the network may be, how big the
knowledge cache is and whether it is shared, which knowledge base (policy) and which
capabilities a deployment has. One YAML file per device class under policies/profiles/
(mobile, edge, cloud), validated like policies: unknown keys are refused, with their line.

Precedence, as everywhere: an explicit argument (``Client(...)``, a flag) > the environment
(ORCHESTRATOR_LLM_URL, ORCHESTRATOR_CACHE_URL, ORCHESTRATOR_SEARXNG_URL, ORCHESTRATOR_POLICY)
> the profile > the built-in default."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from orchestrator.cache import CacheConfig
from orchestrator.config import POLICIES_DIR
from orchestrator.errors import ConfigError
from orchestrator.policy import Wording
from orchestrator.yaml_models import parse_yaml_model

PROFILES_DIR = POLICIES_DIR / "profiles"
DEVICES = ("mobile", "edge", "cloud")
Capability = Literal["realtime_search", "code_gen", "deep_reasoning"]
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ModelSection(_Strict):
    backend: Literal["local", "server", "remote"]  # in process / a llama.cpp server / a remote OpenAI-compatible API
    path: str | None = None  # local: a GGUF file (default: the bundled model)
    url: str | None = None  # server, remote: the endpoint (ORCHESTRATOR_LLM_URL wins)
    name: str = "default"  # the model name sent to the endpoint
    api_key_env: str | None = None  # remote: the environment variable that holds the API key
    timeout: float = Field(60.0, gt=0, le=600)  # seconds per model call over HTTP
    wording: Wording | None = None  # who words answers; None: the knowledge base's policy


class NetworkSection(_Strict):
    page_timeout: float = Field(20.0, gt=0, le=120)  # seconds per page and per search, redirects included
    max_in_flight: int = Field(8, ge=1, le=64)  # HTTP requests in flight at once, all hosts together
    searxng: str | None = None  # the SearxNG base URL (ORCHESTRATOR_SEARXNG_URL wins)


class Profile(_Strict):
    version: Literal[1]
    device: Literal["mobile", "edge", "cloud"]
    description: str = ""
    model: ModelSection
    network: NetworkSection = NetworkSection()
    cache: CacheConfig = CacheConfig()
    knowledge_base: str = "default"  # a policy name under policies/ or a policy file
    capabilities: list[Capability] = ["realtime_search", "code_gen", "deep_reasoning"]


def _named_or_file(name_or_file: str | Path, directory: Path, kind: str) -> Path:
    """A name of a YAML file in ``directory`` ("mobile", "finance"), or a path to one."""
    text = str(name_or_file)
    if _NAME.match(text):
        path = directory / f"{text}.yaml"
        if not path.is_file():
            known = ", ".join(sorted(p.stem for p in directory.glob("*.yaml")))
            raise ConfigError(f"unknown {kind} {text!r}: choose {known} or a file")
        return path
    path = Path(text).expanduser()
    if not path.is_file():
        raise ConfigError(f"{kind} file not found: {path}")
    return path


def profile_path(name_or_file: str | Path) -> Path:
    """``mobile``/``edge``/``cloud`` (or any name under policies/profiles/), or a YAML file."""
    return _named_or_file(name_or_file, PROFILES_DIR, "deployment profile")


def parse_profile(text: str, source: str = "<profile>") -> Profile:
    return parse_yaml_model(text, source, Profile, ConfigError, "profile")


def load_profile(name_or_file: str | Path) -> Profile:
    path = profile_path(name_or_file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read profile ({exc})") from exc
    return parse_profile(text, str(path))


def knowledge_base_path(knowledge_base: str | Path) -> Path:
    """``default``, ``finance``, ``health`` (any policy name under policies/), or a policy file."""
    return _named_or_file(knowledge_base, POLICIES_DIR, "knowledge base")
