"""Shared fixtures. Every test runs with its own data directory (traces) and no network."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CHINA = FIXTURES / "paris-2024-china-gold"
USA = FIXTURES / "paris-2024-us-gold"
BRISBANE = FIXTURES / "brisbane-2032-host"


def real_model_home() -> Path:
    """Where `make setup` assembled the default model."""
    return Path(os.environ.get("ORCHESTRATOR_HOME") or Path.home() / ".orchestrator")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    for name in ("ORCHESTRATOR_MODEL", "ORCHESTRATOR_LLM_URL", "ORCHESTRATOR_SEARXNG_URL", "ORCHESTRATOR_POLICY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ORCHESTRATOR_HOME", str(tmp_path / "home"))
    from orchestrator.net.polite import ROBOTS

    ROBOTS.clear()  # robots.txt rules are cached per host:port; a reused loopback port must not inherit them
    yield tmp_path / "home"
    ROBOTS.clear()
