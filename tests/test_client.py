"""The client facade and the deployment profiles: profiles validate, each device gets its
model, timeouts and cache tiers, capabilities switch graph branches, and the industry
knowledge bases pass the policy check. Network parts run against loopback servers: the
loopback web, a real Redis, a stand-in OpenAI-compatible model endpoint."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from typer.testing import CliRunner

from orchestrator import ask
from orchestrator.cli import app
from orchestrator.client import Client
from orchestrator.errors import ConfigError
from orchestrator.model.fake import ScriptedModel
from orchestrator.net.limited import LimitedTransport, NoNetworkTransport
from orchestrator.policy import load_policy
from orchestrator.profiles import DEVICES, PROFILES_DIR, load_profile, parse_profile
from tests.cache.conftest import loopback_web, redis_server  # noqa: F401  (fixtures)
from tests.cache.sites import ASKED_AT, QUESTION
from tests.conftest import ROOT
from tests.level_names import level_names_pack

T0 = datetime.fromisoformat(ASKED_AT)
CODE_QUESTION = "Write a Python function that reverses a string"


# profiles ---------------------------------------------------------------------------------
def test_every_profile_validates_and_differs_where_it_should():
    profiles = {d: load_profile(d) for d in DEVICES}
    assert {p.stem for p in PROFILES_DIR.glob("*.yaml")} >= set(DEVICES)
    assert [profiles[d].model.backend for d in DEVICES] == ["local", "server", "remote"]
    mobile, edge, cloud = (profiles[d] for d in DEVICES)
    assert mobile.network.page_timeout < edge.network.page_timeout <= cloud.network.page_timeout
    assert mobile.network.max_in_flight < edge.network.max_in_flight < cloud.network.max_in_flight
    assert mobile.cache.memory_entries < edge.cache.memory_entries and mobile.cache.shared_url is None
    assert edge.cache.shared_url.startswith("redis://") and edge.model.url.startswith("http://")


def test_a_bad_profile_names_the_key_and_line(tmp_path):
    text = (PROFILES_DIR / "mobile.yaml").read_text().replace("  max_in_flight: 2", "  max_in_flight: 2\n  colour: red")
    with pytest.raises(ConfigError, match=r"line \d+ network.colour: unknown key"):
        parse_profile(text, "p.yaml")
    with pytest.raises(ConfigError, match="device"):  # alone: an unknown key is named first
        parse_profile((PROFILES_DIR / "mobile.yaml").read_text().replace("device: mobile", "device: toaster"), "p.yaml")
    with pytest.raises(ConfigError, match="unknown device 'toaster'"):
        Client(device="toaster")
    with pytest.raises(ConfigError, match="unknown knowledge base 'astrology'"):
        Client(knowledge_base="astrology")
    with pytest.raises(ConfigError, match="unknown capabilities"):
        Client(capabilities=["time_travel"])
    with pytest.raises(ConfigError, match=r"unknown capabilities \['time_travel'\]"):  # switched search off silently
        ask("Who won?", use_model=False, capabilities=["realtime_search", "time_travel"])


@pytest.mark.parametrize("name", ["finance", "health"])
def test_industry_knowledge_bases_pass_the_policy_check(name):
    path = ROOT / "policies" / f"{name}.yaml"
    result = CliRunner().invoke(app, ["policy", "check", str(path)])
    assert result.exit_code == 0, result.output
    policy = load_policy(path)
    assert len(policy.topics) >= 4 and all(t.official for t in policy.topics.values())
    assert all(days is None or days > 0 for days in policy.freshness.values())
    assert Client(knowledge_base=name, use_model=False).settings.policy == path


def test_industry_sources_are_official():
    finance, health = load_policy(ROOT / "policies" / "finance.yaml"), load_policy(ROOT / "policies" / "health.yaml")
    for url in ("https://www.federalreserve.gov/x", "https://www.sec.gov/x", "https://www.hkex.com.hk/x",
                "https://www.ecb.europa.eu/x", "https://www.csrc.gov.cn/x"):
        assert finance.tier_of(url) == "official", url
    for url in ("https://www.who.int/x", "https://www.cdc.gov/x", "https://www.ema.europa.eu/x",
                "https://www.nhc.gov.cn/x", "https://www.nhs.uk/x"):
        assert health.tier_of(url) == "official", url
    assert finance.tier_of("https://www.reuters.com/markets") == "media"
    assert health.tier_of("https://www.nejm.org/doi/x") == "media"


# the facade -------------------------------------------------------------------------------
def test_devices_get_their_parts(monkeypatch):
    mobile = Client(device="mobile", use_model=False).describe()
    assert (mobile["model"], mobile["llm_url"], mobile["page_timeout"], mobile["max_in_flight"]) == ("local", None, 6, 2)
    assert [t.split()[0] for t in mobile["cache"]] == ["memory", "disk"]
    edge = Client(device="edge", use_model=False)
    assert edge.settings.llm_url == "http://127.0.0.1:8080" and [t.name for t in edge.cache.tiers][-1] == "shared"
    monkeypatch.setenv("ORCHESTRATOR_LLM_URL", "http://127.0.0.1:9999")
    monkeypatch.setenv("ORCHESTRATOR_CACHE_URL", "redis://127.0.0.1:1/0")
    edge = Client(device="edge", use_model=False)  # the environment wins over the profile...
    assert edge.settings.llm_url == "http://127.0.0.1:9999" and edge.cache.tiers[-1].where == "redis://127.0.0.1:1/0"
    edge = Client(device="edge", use_model=False, llm_url="http://127.0.0.1:7777", cache_url="redis://127.0.0.1:2/0")
    assert edge.settings.llm_url == "http://127.0.0.1:7777" and edge.cache.tiers[-1].where == "redis://127.0.0.1:2/0"


def test_cloud_needs_an_endpoint_only_to_use_the_model():
    client = Client(device="cloud")
    with pytest.raises(ConfigError, match="ORCHESTRATOR_LLM_URL"):
        client.query("What is 2+2?")
    assert Client(device="cloud", use_model=False).describe()["cache"] == ["memory"]  # no disk in the cloud


def test_without_code_gen_code_questions_are_politely_refused():
    refused = Client(capabilities=["realtime_search"], use_model=False, searxng="http://127.0.0.1:9").query(CODE_QUESTION)
    assert refused.status == "abstained" and refused.text.startswith("Sorry")
    assert refused.warnings == ["capability code_gen is disabled on this deployment"]
    zh = Client(capabilities=[], use_model=False, searxng="http://127.0.0.1:9").query("写一个Python函数反转字符串")
    assert zh.text.startswith("抱歉")
    allowed = Client(use_model=False, searxng="http://127.0.0.1:9").query(CODE_QUESTION)
    assert allowed.status == "abstained" and "no model" in allowed.warnings[0]  # went to the local branch


def test_deep_reasoning_is_a_capability_and_client_a_top_level_name():
    import orchestrator

    client = orchestrator.Client(device="mobile", capabilities=["realtime_search", "deep_reasoning"], use_model=False)
    assert client.capabilities == {"realtime_search", "deep_reasoning"}
    assert all("deep_reasoning" in load_profile(d).capabilities for d in DEVICES)  # the profiles keep the reader on
    lazy = "import orchestrator, sys; print('orchestrator.client' in sys.modules)"  # `import orchestrator` stays light
    assert subprocess.run([sys.executable, "-c", lazy], capture_output=True, text=True).stdout.strip() == "False"


def test_without_deep_reasoning_the_model_does_not_read_the_contenders(tmp_path):
    oscars = level_names_pack(tmp_path)  # the film, its director, a supporting actress: level

    def model():
        return ScriptedModel(lambda messages, schema: '{"answer": "Anora"}' if schema else "Anora won best picture.")

    def readings(scripted):  # the reader's reply is constrained to the contenders' names
        return [c for c in scripted.calls if c.schema and "Sean Baker" in json.dumps(c.schema)]

    reading = model()
    read = ask(replay=oscars, chat_model=reading, capabilities=["realtime_search", "deep_reasoning"])
    assert read.answer == "Anora" and len(readings(reading)) == 1
    rules_only = model()
    alone = ask(replay=oscars, chat_model=rules_only, capabilities=["realtime_search"])
    assert alone.status == "abstained" and readings(rules_only) == []
    assert any("deep_reasoning is off" in w for w in alone.warnings), alone.warnings


def test_without_realtime_search_nothing_is_fetched(loopback_web, tmp_path):  # noqa: F811
    home = tmp_path / "device"
    offline = Client(capabilities=["code_gen"], use_model=False, searxng=loopback_web.url, data_dir=home)
    first = offline.query(QUESTION, now=T0)
    assert first.status == "abstained" and loopback_web.requests == []
    assert "capability realtime_search is disabled on this deployment" in first.warnings

    online = Client(use_model=False, searxng=loopback_web.url, data_dir=home)
    assert online.query(QUESTION, now=T0).status == "answered" and loopback_web.requests
    seen = len(loopback_web.requests)

    cached = offline.query(QUESTION, now=T0 + timedelta(days=1))  # a fresh verified answer is served
    assert (cached.status, cached.answer) == ("answered", "40")
    latest = offline.query(QUESTION, require_latest=True, now=T0 + timedelta(days=1))
    assert latest.status == "answered" and "could not refresh: realtime search is off" in latest.warnings[0]
    assert len(loopback_web.requests) == seen  # still not one request from the offline deployment


def test_the_transport_limits_requests_in_flight():
    class Slow(httpx.AsyncBaseTransport):
        def __init__(self):
            self.now = self.peak = 0

        async def handle_async_request(self, request):
            self.now += 1
            self.peak = max(self.peak, self.now)
            await asyncio.sleep(0.02)
            self.now -= 1
            return httpx.Response(200, content=b"ok")

    async def main():
        inner = Slow()
        async with httpx.AsyncClient(transport=LimitedTransport(inner, 2)) as client:
            replies = await asyncio.gather(*(client.get(f"http://site.test/{i}") for i in range(8)))
        return inner.peak, [r.text for r in replies]

    peak, bodies = asyncio.run(main())
    assert peak == 2 and bodies == ["ok"] * 8

    async def refused():
        async with httpx.AsyncClient(transport=NoNetworkTransport()) as client:
            await client.get("http://site.test/")

    with pytest.raises(httpx.ConnectError, match="realtime_search"):
        asyncio.run(refused())


def test_edge_devices_share_the_box_cache(loopback_web, redis_server, tmp_path):  # noqa: F811
    one = Client(device="edge", use_model=False, searxng=loopback_web.url, cache_url=redis_server.url,
                 data_dir=tmp_path / "till-1")
    assert one.query(QUESTION, now=T0).status == "answered"
    loopback_web.stop()
    two = Client(device="edge", use_model=False, searxng=loopback_web.url, cache_url=redis_server.url,
                 data_dir=tmp_path / "till-2")
    answer = two.query(QUESTION, now=T0 + timedelta(hours=2))
    assert (answer.status, answer.answer) == ("answered", "40")
    assert "knowledge cache (shared tier)" in answer.warnings[0]


@pytest.fixture()
def model_endpoint():
    """A stand-in OpenAI-compatible endpoint on loopback that records what it was sent."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
            text = "def reverse(s):\n    return s[::-1]"
            if body.get("stream"):
                chunk = json.dumps({"choices": [{"delta": {"content": text}}]})
                payload, ctype = f"data: {chunk}\n\ndata: [DONE]\n\n".encode(), "text/event-stream"
            else:
                payload, ctype = json.dumps({"choices": [{"message": {"content": text}}]}).encode(), "application/json"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_cloud_calls_its_endpoint_with_its_key(model_endpoint, monkeypatch):
    url, seen = model_endpoint
    monkeypatch.setenv("ORCHESTRATOR_LLM_URL", url)
    monkeypatch.setenv("ORCHESTRATOR_LLM_API_KEY", "sk-test-123")
    with Client(device="cloud", searxng="http://127.0.0.1:9") as client:
        answer = client.query(CODE_QUESTION)
    assert answer.status == "local" and "s[::-1]" in answer.text
    assert seen and seen[0]["path"] == "/v1/chat/completions" and seen[0]["auth"] == "Bearer sk-test-123"
    assert "sk-test" not in answer.model_dump_json()


def test_query_command_runs_a_profile(loopback_web):  # noqa: F811
    runner = CliRunner()
    result = runner.invoke(app, ["query", QUESTION, "--device", "mobile", "--searxng", loopback_web.url, "--no-model",
                                 "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answer"] == "40"
    refused = runner.invoke(app, ["query", CODE_QUESTION, "--without", "code_gen", "--no-model", "--json"])
    assert refused.exit_code == 0 and json.loads(refused.stdout)["text"].startswith("Sorry")
    bad = runner.invoke(app, ["query", "q?", "--device", "toaster"])
    assert bad.exit_code == 2 and "unknown device" in bad.stderr and "Traceback" not in bad.output


def test_without_deep_reasoning_arithmetic_is_declined_not_guessed():
    """Checked arithmetic is part of deep_reasoning; without it the small model is not trusted with it."""
    from orchestrator import Client

    on = Client(device="mobile", capabilities=["deep_reasoning"], use_model=False)
    off = Client(device="mobile", capabilities=["realtime_search"], use_model=False)
    computed = on.query("What is 17 times 23?")
    assert (computed.status, computed.answer) == ("local", "391")
    declined = off.query("What is 17 times 23?")
    assert declined.status == "abstained" and declined.answer is None
    assert "deep_reasoning" in declined.text and "capability deep_reasoning is disabled on this deployment" in declined.warnings


def test_a_profile_may_have_the_model_word_answers(tmp_path, isolated_home):
    from orchestrator.client import Client
    from orchestrator.profiles import PROFILES_DIR

    text = (PROFILES_DIR / "mobile.yaml").read_text(encoding="utf-8").replace("  path: null", "  path: null\n  wording: model")
    (tmp_path / "wordy.yaml").write_text(text, encoding="utf-8")
    assert Client(profile=tmp_path / "wordy.yaml").run_options(replay="x")["wording"] == "model"
    assert Client(device="mobile").run_options(replay="x")["wording"] is None  # the policy's: template


def test_a_question_declined_for_want_of_search_claims_no_unreachable_source(tmp_path):
    """Nothing was tried: the sources were not out of reach, realtime search is off."""
    offline = Client(capabilities=["code_gen", "deep_reasoning"], use_model=False, data_dir=tmp_path)
    answer = offline.query("Who won the 2024 Nobel Prize in Literature?")
    assert answer.status == "abstained" and not any("could not reach" in w for w in answer.warnings), answer.warnings
    assert ("realtime search is off on this deployment, and the knowledge cache holds no verified answer to this "
            "question") in answer.warnings


def test_arithmetic_without_realtime_search_claims_no_unreachable_source(tmp_path):
    offline = Client(capabilities=["code_gen", "deep_reasoning"], use_model=False, data_dir=tmp_path)
    answer = offline.query("What is 17*23?")
    assert (answer.status, answer.answer) == ("local", "391")
    assert not any("could not reach the sources" in w for w in answer.warnings), answer.warnings
