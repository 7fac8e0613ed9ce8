"""``trace show``, ``trace sources`` and ``trace export`` on live runs (the loopback web of
tests/cache/sites.py) whose pages came from the knowledge cache: read within the window,
and an old copy standing in when the live fetch failed on the network."""

from __future__ import annotations

import json
from datetime import timedelta

from typer.testing import CliRunner

from orchestrator.cli import app
from tests.cache.conftest import loopback_web  # noqa: F401  (the fixture)
from tests.cache.test_cache_offline import T0, live
from tests.cache.test_page_cache import OTHER

runner = CliRunner()


def invoke(*args):
    result = runner.invoke(app, ["trace", *args], env={"COLUMNS": "220"})
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    return result.stdout


def test_pages_from_the_cache_are_shown_as_such(loopback_web, tmp_path):  # noqa: F811
    first = live(loopback_web, now=T0)
    assert "from cache" not in invoke("show", first.trace_id)  # read live

    second = live(loopback_web, OTHER, now=T0 + timedelta(hours=2))
    shown = invoke("show", second.trace_id)
    assert shown.count("from cache (memory), fetched 2024-08-12") == 2, shown
    assert "from cache (memory), fetched 2024-08-12" in invoke("sources", second.trace_id)
    data = json.loads(invoke("sources", second.trace_id, "--json"))
    assert {(s["cached"], s["fetched_at"], s["refresh_failure"]) for s in data["sources"]} == {
        ("memory", T0.isoformat(), None)}

    loopback_web.broken = {"/a", "/b"}  # the connection drops: the old copies stand in
    later = live(loopback_web, OTHER, now=T0 + timedelta(days=31))
    stood_in = "refresh failed: connection closed mid-response; cached copy (memory) from 2024-08-12"
    assert stood_in in invoke("sources", later.trace_id)
    assert invoke("show", later.trace_id).count("refresh failed: connection closed") == 2
    html = tmp_path / "later.html"
    invoke("export", later.trace_id, "--html", str(html))
    assert f'<span class="warn">{stood_in}</span>' in html.read_text(encoding="utf-8")
