"""Property-based fuzzing of every parser of outside input: packs (case.json, cassette.json),
policies (YAML), SearxNG and Wikipedia replies, cache warm files, trace rows, environment
variables and CLI arguments. The property everywhere: a valid result, or the documented
failure (an OrchestratorError, a failed SearchOutcome), never another exception.

Derandomized (the same inputs every run, so nothing can flake) and sized to about 10,900
inputs in well under a minute; ``test_zz_inputs_fuzzed`` prints the count and checks it."""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import shutil
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

import httpx
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from orchestrator.cli import app
from orchestrator.errors import ConfigError, InputError, PackInvalid, PolicyInvalid, TraceError
from tests.conftest import CHINA

RAN: Counter[str] = Counter()  # inputs tried per parser (the summary test prints them)


def fuzz(examples: int):
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


# Values JSON can hold, with the awkward ones over-represented: lone surrogates, huge and
# negative numbers, empty containers, and a little nesting.
_TEXT = st.text(max_size=20) | st.sampled_from(["", " ", "\ud800", "http://[::1", "http://a:99999/", "https://x.org/a",
                                                 "GET", "0", "null", "\x00", "é中文", "2024-08-12T09:00:00+00:00"])
_SCALAR = st.none() | st.booleans() | st.integers(min_value=-2 ** 70, max_value=2 ** 70) | \
    st.floats(allow_nan=False, allow_infinity=False) | _TEXT
JSONISH = st.recursive(_SCALAR, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
                       max_leaves=8)


def _mutate(document, draw_path, value):
    """``document`` with the value at a drawn path replaced (or a key deleted)."""
    if not draw_path:
        return document if value is _DELETE else value
    key, rest = draw_path[0], draw_path[1:]
    if isinstance(document, dict) and document:
        keys = sorted(document, key=str)
        chosen = keys[key % len(keys)]
        copy = dict(document)
        if value is _DELETE and not rest:
            del copy[chosen]
        else:
            copy[chosen] = _mutate(document[chosen], rest, value)
        return copy
    if isinstance(document, list) and document:
        copy = list(document)
        if value is _DELETE and not rest:
            del copy[key % len(copy)]
        else:
            copy[key % len(copy)] = _mutate(document[key % len(copy)], rest, value)
        return copy
    return document if value is _DELETE else value


_DELETE = object()


def mutations_of(document):
    """A valid document with one to three of its values replaced by anything, or removed."""
    one = st.tuples(st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=6),
                    JSONISH | st.just(_DELETE))

    def apply(changes):
        result = document
        for path, value in changes:
            result = _mutate(result, path, value)
        return result
    return st.lists(one, min_size=1, max_size=3).map(apply)


# --- packs -----------------------------------------------------------------------------

_CASE = json.loads((CHINA / "case.json").read_text(encoding="utf-8"))
_CASSETTE = json.loads((CHINA / "cassette.json").read_text(encoding="utf-8"))
_SMALL_CASSETTE = {"version": 1, "interactions": [  # two real interactions, bodies cut short: parsing, not reading
    {**item, "response": {**item["response"], "body": {"string": item["response"]["body"]["string"][:300]}}}
    for item in _CASSETTE["interactions"][:2]]}
_WORK = Path(tempfile.mkdtemp(prefix="fuzz-"))
atexit.register(shutil.rmtree, _WORK, True)  # also when only some of the tests ran


def _as_text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _rewrite(path: Path, data: bytes) -> None:
    path.unlink(missing_ok=True)  # a new file: truncating one in place costs a disk flush on ext4
    path.write_bytes(data)


def _write_pack(case, cassette) -> Path:
    pack = _WORK / "pack"
    pack.mkdir(exist_ok=True)
    for name, content in (("case.json", case), ("cassette.json", cassette)):
        data = content if isinstance(content, bytes) else _as_text(content).encode("utf-8", "surrogatepass")
        _rewrite(pack / name, data)
    return pack


def _check_pack(pack: Path) -> None:
    from orchestrator.net.replay import ReplayTransport
    from orchestrator.replay.pack import load_pack

    try:
        loaded = load_pack(pack)
    except PackInvalid:
        return
    transport = ReplayTransport(loaded)  # what the check passes, replay takes: every recorded URL is served
    for item in loaded.interactions:
        try:
            request = httpx.Request(item["request"]["method"], item["request"]["uri"])
        except (httpx.InvalidURL, ValueError, UnicodeError):
            continue  # a recorded URL no client could ask for: never matched, nothing to serve
        transport.handle_request(request).read()


@fuzz(1300)
@given(case=mutations_of(_CASE) | JSONISH | st.binary(max_size=40))
def test_case_json(case):
    RAN["case.json"] += 1
    _check_pack(_write_pack(case, _SMALL_CASSETTE))


@fuzz(1700)
@given(cassette=mutations_of(_SMALL_CASSETTE) | st.builds(lambda items: {"interactions": items}, st.lists(JSONISH, max_size=3))
       | JSONISH | st.binary(max_size=40))
def test_cassette_json(cassette):
    RAN["cassette.json"] += 1
    _check_pack(_write_pack(_CASE, cassette))


# --- policies --------------------------------------------------------------------------

_MINIMAL_POLICY = {"version": 1, "tiers": {"official": {"weight": 3, "domains": ["gov"]}, "other": {"weight": 1}},
                   "freshness": {"news": 7, "records": None}, "topics": {"t": {"keywords": ["a"], "volatility": "news",
                                                                                "endpoints": ["https://x.org/{year}"]}},
                   "rules": {"max_pages": 3, "search_timeout": 5}, "sources": ["searxng"], "aliases": [["a", "b"]]}
_YAML_BITS = st.sampled_from(["version: 1\n", "tiers:\n", "  other: {weight: 1}\n", "- a\n", "&a [*a]\n", "*x\n", "!!python/object:os.system\n",
                              "key: [\n", "'unterminated\n", "\t- tab\n", "? complex\n", ": v\n", "%YAML 1.1\n", "---\n", "\x00",
                              "a: &r [1]\nb: *r\n", "{" * 120, "- " * 120 + "x\n", "\ufeff"])


def _check_policy(text: str) -> None:
    from orchestrator.policy import parse_policy

    try:
        parse_policy(text, "fuzz.yaml")
    except PolicyInvalid:
        pass


@fuzz(500)
@given(policy=mutations_of(_MINIMAL_POLICY))
def test_policy_structure(policy):
    RAN["policy YAML"] += 1
    _check_policy(yaml.safe_dump(policy, allow_unicode=True))


@fuzz(1000)
@given(text=st.lists(_YAML_BITS | st.text(max_size=15), max_size=8).map("".join))
def test_policy_text(text):
    RAN["policy YAML"] += 1
    _check_policy(text)


# --- SearxNG and Wikipedia replies ------------------------------------------------------

_SEARX_OK = {"query": "q", "results": [{"url": "https://a.example/x", "title": "t", "content": "c",
                                       "publishedDate": "2024-08-11T00:00:00+00:00", "engine": "e"}]}
_REPLY_BODY = (mutations_of(_SEARX_OK).map(lambda v: _as_text(v).encode("utf-8", "surrogatepass"))
               | JSONISH.map(lambda v: _as_text(v).encode("utf-8", "surrogatepass")) | st.binary(max_size=60))
_STATUS = st.sampled_from([200, 200, 200, 204, 301, 404, 500, 599])


class _Replies:
    """One loop, one client and one mock transport for every example: what they cost to make
    would otherwise be most of the time. ``set`` gives the bodies the next requests get."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.bodies: list[bytes] = [b""]
        self.status, self.content_type, self.served = 200, "application/json", 0
        self.client = httpx.AsyncClient(transport=httpx.MockTransport(self._handle))

    def _handle(self, request: httpx.Request) -> httpx.Response:
        body = self.bodies[min(self.served, len(self.bodies) - 1)]
        self.served += 1
        return httpx.Response(self.status, content=body, headers={"Content-Type": self.content_type})

    def search(self, source, bodies: list[bytes], status: int = 200, content_type: str = "application/json"):
        self.bodies, self.status, self.content_type, self.served = bodies, status, content_type, 0
        return self.loop.run_until_complete(source.search(self.client, "q", "en"))


@pytest.fixture(scope="module")
def replies():
    made = _Replies()
    yield made
    made.loop.run_until_complete(made.client.aclose())
    made.loop.close()


def _check_outcome(outcome) -> None:
    from orchestrator.sources.base import SearchOutcome
    from orchestrator.urls import web_url

    assert isinstance(outcome, SearchOutcome)
    assert outcome.failure is None or (isinstance(outcome.failure, str) and not outcome.results)
    for result in outcome.results:
        assert web_url(result.url) == result.url and isinstance(result.title, str) and isinstance(result.snippet, str)
        assert result.engine is None or isinstance(result.engine, str)


@fuzz(2000)
@given(body=_REPLY_BODY, status=_STATUS, ctype=st.sampled_from(["application/json", "text/html", ""]))
def test_searxng_replies(replies, body, status, ctype):
    from orchestrator.sources import SearxngSearch

    RAN["SearxNG reply"] += 1
    _check_outcome(replies.search(SearxngSearch("http://searx.invalid"), [body], status, ctype))


_WIKI_SEARCH = {"query": {"search": [{"title": "Paris", "pageid": 7, "snippet": "<b>x</b>", "timestamp": "2024-01-01T00:00:00Z"}]}}
_WIKI_PAGES = {"query": {"pages": [{"pageid": 7, "fullurl": "https://en.wikipedia.org/wiki/Paris", "extract": "text"}]}}


def _wiki_body(document):
    return (mutations_of(document) | JSONISH).map(lambda v: _as_text(v).encode("utf-8", "surrogatepass"))


@fuzz(1300)
@given(first=_wiki_body(_WIKI_SEARCH) | st.binary(max_size=40), second=_wiki_body(_WIKI_PAGES), status=_STATUS)
def test_wikipedia_replies(replies, first, second, status):
    from orchestrator.sources.wikipedia import WikipediaSearch

    RAN["Wikipedia reply"] += 1
    _check_outcome(replies.search(WikipediaSearch("http://wiki.invalid"), [first, second], status))


# --- cache warm files --------------------------------------------------------------------

@fuzz(1000)
@given(content=st.binary(max_size=80) | st.lists(st.text(max_size=30) | st.just("# c"), max_size=6).map(
    lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")))
def test_cache_warm_files(content):
    from orchestrator.cli.cache import read_questions

    RAN["cache warm file"] += 1
    path = _WORK / "questions.txt"
    _rewrite(path, content)
    try:
        questions = read_questions(path)
    except InputError:
        return
    assert questions and all(isinstance(q, str) and q for q in questions)


# --- trace rows ----------------------------------------------------------------------------

_TRACE_DB = _WORK / "home" / "traces.sqlite"
# SQLite text is UTF-8: a lone surrogate reaches a row only as a JSON escape (ensure_ascii).
_TRACE_ANSWER = {"status": "answered", "answer": "40", "text": "t", "citations": [{"url": "https://a.example", "quote": "q"}],
                 "warnings": ["w"], "as_of": "2024-08-11"}
_ROW_TEXT = (mutations_of(_TRACE_ANSWER).map(json.dumps) | JSONISH.map(lambda v: json.dumps(v)) | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
             | st.binary(max_size=20) | st.integers(min_value=-2 ** 63, max_value=2 ** 63 - 1) | st.just("[" * 3000))


@pytest.fixture(scope="module")
def trace_id():
    from orchestrator.trace.recorder import TraceRecorder
    from orchestrator.trace.store import TraceStore

    trace = TraceRecorder(question="q", asked_at="2024-08-12T09:00:00+00:00", config={"a": 1})
    trace.fetch(kind="page", url="https://example.org/")
    TraceStore(_TRACE_DB).save(trace, "answered", {"answer": "40"})
    return trace.id


@fuzz(600)
@given(config=_ROW_TEXT, answer=_ROW_TEXT, event=_ROW_TEXT, kind=st.sampled_from(["fetch", "node", "intent", "check", "x"]))
def test_trace_rows(trace_id, config, answer, event, kind):
    from orchestrator.trace.store import TraceStore

    RAN["trace row"] += 1
    with sqlite3.connect(_TRACE_DB) as conn:
        conn.execute("PRAGMA synchronous=OFF")  # a scratch store: no flush per example
        conn.execute("UPDATE traces SET config = ?, answer = ? WHERE id = ?", (config, answer, trace_id))
        conn.execute("UPDATE events SET data = ?, kind = ? WHERE trace_id = ?", (event, kind, trace_id))
    store = TraceStore(_TRACE_DB)
    try:
        trace = store.get(trace_id)
    except TraceError:
        return
    assert isinstance(trace["config"], dict) and isinstance(trace["answer"], dict)
    store.list()
    for command in (["show"], ["sources"]):  # the reports over a row that parsed: a report or one line
        result = CliRunner().invoke(app, ["trace", *command, trace_id, "--data-dir", str(_TRACE_DB.parent)])
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)


# --- environment variables ------------------------------------------------------------------

_ENV_VALUE = st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=30) | st.sampled_from(
    ["~nosuchuser/x", "~", "http://[::1", "https://a:99999", "x" * 5000, "/" + "a" * 300, "http://", "redis://[::1",
     "127.0.0.2/32 everything", "off", "  ", "http://127.0.0.1:9"])
_ENV_NAMES = ["ORCHESTRATOR_MODEL", "ORCHESTRATOR_LLM_URL", "ORCHESTRATOR_SEARXNG_URL", "ORCHESTRATOR_POLICY",
              "ORCHESTRATOR_HOME", "ORCHESTRATOR_ALLOW_NETWORKS", "ORCHESTRATOR_CACHE", "ORCHESTRATOR_CACHE_URL"]


@fuzz(1200)
@given(env=st.dictionaries(st.sampled_from(_ENV_NAMES), _ENV_VALUE, max_size=4))
def test_environment_variables(env):
    from orchestrator.cache.knowledge import config_from_env
    from orchestrator.config import resolve_settings
    from orchestrator.net.guard import AddressPolicy

    RAN["environment"] += 1
    saved = {name: os.environ.get(name) for name in _ENV_NAMES}
    try:
        os.environ.update(env)
        for step in (resolve_settings, AddressPolicy.from_env, config_from_env):
            try:
                step()
            except ConfigError:
                pass
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# --- CLI arguments -----------------------------------------------------------------------------

_COMMANDS = [["ask"], ["ask", "--replay"], ["eval"], ["policy", "check"], ["fixtures", "check"], ["trace", "show"],
             ["trace", "list", "--limit"], ["trace", "prune", "--older-than"], ["trace", "diff"], ["cache", "stats", "--profile"],
             ["cache", "warm"], ["query", "--profile"], ["trace", "list", "--since"]]
_ARG = st.sampled_from(["--no-model", "--json", "--choice", "--searxng", "http://127.0.0.1:9", "--policy", "--replay", "-1",
                        "last~99", "30x", "\udcff", "", "--limit", "nan", str(CHINA), "/nonexistent", "--data-dir", "--profile",
                        "mobile", "1e400", "--", "-"]) | st.text(max_size=12)


@fuzz(300)
@given(command=st.sampled_from(_COMMANDS), args=st.lists(_ARG, max_size=4))
def test_cli_arguments(monkeypatch, command, args):
    RAN["CLI arguments"] += 1
    (_WORK / "cli-cwd").mkdir(exist_ok=True)
    monkeypatch.chdir(_WORK / "cli-cwd")  # "--data-dir last~99" makes its directory here, not in the checkout
    if command[0] in ("ask", "eval") and not any(a == "--no-model" for a in args):
        args = [*args, "--no-model"]  # never load the real model here
    env = {"ORCHESTRATOR_HOME": str(_WORK / "cli-home"), "ORCHESTRATOR_SEARXNG_URL": "http://127.0.0.1:9",
           "ORCHESTRATOR_CACHE": "off"}
    result = CliRunner().invoke(app, [*command, *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), (command, args, result.exception)
    assert "Traceback" not in result.output


def test_zz_inputs_fuzzed(capsys):
    total = sum(RAN.values())
    with capsys.disabled():
        print(f"\nfuzzed {total} outside inputs: " + ", ".join(f"{k} {v}" for k, v in RAN.items()))
    if len(RAN) == 9:  # the whole module ran (not a -k selection)
        assert total >= 10_000
