"""Loopback servers shared by the security tests (see loopback.py and netstubs.py)."""

from __future__ import annotations

import pytest

from tests.security.loopback import Canary, Site


@pytest.fixture(scope="module")
def canary():
    watcher = Canary()
    yield watcher
    watcher.close()


@pytest.fixture(scope="module")
def site(canary):
    server = Site()
    canary.watch(server.port)  # DNS rebinding to 127.0.0.1 on the site's own port is seen too
    yield server
    server.close()
