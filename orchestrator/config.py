"""Configuration with one precedence: explicit argument > environment variable > default.

| setting  | CLI flag     | environment              | default                                  |
| -------- | ------------ | ------------------------ | ---------------------------------------- |
| model    | --model      | ORCHESTRATOR_MODEL       | the bundled Qwen2.5-Coder-0.5B GGUF       |
| llm_url  | --llm-url    | ORCHESTRATOR_LLM_URL     | none (in-process llama.cpp)              |
| searxng  | --searxng    | ORCHESTRATOR_SEARXNG_URL | http://127.0.0.1:8888 (a SearxNG you run) |
| policy   | --policy     | ORCHESTRATOR_POLICY      | policies/default.yaml                    |
| data_dir | --data-dir   | ORCHESTRATOR_HOME        | ~/.orchestrator                          |
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from orchestrator.errors import ConfigError
from orchestrator.net.guard import ALLOW_ENV, parse_networks
from orchestrator.urls import web_url

DEFAULT_SEARXNG_URL = "http://127.0.0.1:8888"
# The repository's policies/ installs as orchestrator.policies (package data, a plain folder on disk).
POLICIES_DIR = Path(str(files("orchestrator.policies")))
DEFAULT_POLICY = POLICIES_DIR / "default.yaml"


@dataclass(frozen=True)
class Settings:
    model: Path | None
    llm_url: str | None
    searxng_url: str
    policy: Path
    data_dir: Path
    use_model: bool = True

    @property
    def trace_db(self) -> Path:
        return self.data_dir / "traces.sqlite"


def _pick(arg, env_name: str, default):
    if arg not in (None, ""):
        return arg
    value = os.environ.get(env_name, "").strip()
    return value or default


def _path(name: str, value: str | Path) -> Path:
    """``~`` expanded; "~nosuchuser/x" is a ConfigError, not expanduser's RuntimeError."""
    try:
        return Path(value).expanduser()
    except RuntimeError as exc:
        raise ConfigError(f"{name}: cannot expand {str(value)[:80]!r} ({exc})") from exc


def resolve_settings(
    *,
    model: str | Path | None = None,
    llm_url: str | None = None,
    searxng: str | None = None,
    policy: str | Path | None = None,
    data_dir: str | Path | None = None,
    use_model: bool = True,
) -> Settings:
    model_value = _pick(model, "ORCHESTRATOR_MODEL", None)
    llm_value = _pick(llm_url, "ORCHESTRATOR_LLM_URL", None)
    searxng_value = _pick(searxng, "ORCHESTRATOR_SEARXNG_URL", DEFAULT_SEARXNG_URL)
    policy_value = _path("--policy", _pick(policy, "ORCHESTRATOR_POLICY", DEFAULT_POLICY))
    home = _path("--data-dir", _pick(data_dir, "ORCHESTRATOR_HOME", Path.home() / ".orchestrator"))
    for flag, env, given, url in (("--llm-url", "ORCHESTRATOR_LLM_URL", llm_url, llm_value),
                                  ("--searxng", "ORCHESTRATOR_SEARXNG_URL", searxng, searxng_value)):
        if url is not None and web_url(str(url)) is None:  # named as the user gave it: the flag or the variable
            raise ConfigError(f"{flag if given not in (None, '') else env} must be an http(s) URL, got {url!r}")
    # read here, before a run: a bad list found later, in the middle of the fetches, would
    # surface as a failed task, not as this one line
    parse_networks(os.environ.get(ALLOW_ENV, ""))
    try:
        found = policy_value.is_file()
    except OSError as exc:  # a name too long, say: is_file only answers False for a missing file
        raise ConfigError(f"--policy: cannot read {str(policy_value)[:80]!r} ({exc.strerror or exc})") from exc
    if not found:
        raise ConfigError(f"policy file not found: {policy_value}")
    return Settings(
        model=_path("--model", model_value) if model_value else None,
        llm_url=str(llm_value).rstrip("/") if llm_value else None,
        searxng_url=str(searxng_value).rstrip("/"),
        policy=policy_value,
        data_dir=home,
        use_model=use_model,
    )
