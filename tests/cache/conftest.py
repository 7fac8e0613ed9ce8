"""Fixtures for the cache tests: the loopback web, and a real Redis server on loopback."""

from __future__ import annotations

import pytest

from tests.cache.redis_server import RedisServer, redis_binary
from tests.cache.sites import LoopbackWeb


@pytest.fixture()
def loopback_web(monkeypatch):
    monkeypatch.setenv("ORCHESTRATOR_ALLOW_NETWORKS", "127.0.0.2/32")  # pages pass the address guard there
    web = LoopbackWeb()
    try:
        yield web
    finally:
        web.stop()


@pytest.fixture()
def redis_server(tmp_path):
    if redis_binary() is None:
        pytest.skip("redis-server is not installed (.ci/run installs it)")
    server = RedisServer.start(tmp_path / "redis")
    try:
        yield server
    finally:
        server.stop()
