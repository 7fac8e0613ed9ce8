"""Bad input through the CLI as a user meets it: each case gives one clear line on stderr
and a non-zero exit when it is fatal, never a traceback; input that is odd but usable
(an unknown language, control characters inside a question) gives an answer."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from orchestrator.api import clean_question
from orchestrator.cli import app
from tests.conftest import CHINA, ROOT

runner = CliRunner()
NOWHERE = "http://127.0.0.1:9"  # the discard port: a search that fails at once, on loopback


def run(*args, env=None):
    return runner.invoke(app, list(args), env=env)


def one_clear_line(result, message: str) -> None:
    assert result.exit_code != 0, result.output
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("question", ["", "   ", "\t\n\r  ", "\x00\x01\x02", "\u200b\u200b\ufeff", "\U000e0041\U000e0042",
                                      "\x7f\x85\u2028 \u2029"],
                         ids=["empty", "spaces", "whitespace", "controls", "zero-width", "tag-characters", "separators"])
def test_blank_questions(question):
    one_clear_line(run("ask", question, "--no-model", "--searxng", NOWHERE), "the question is empty")


def test_over_long_question():
    one_clear_line(run("ask", "why " * 600, "--no-model", "--searxng", NOWHERE), "limit is 2000")


def test_control_characters_inside_a_question_are_dropped_not_fatal():
    result = run("ask", "Who won\x00 the 2024\x1b[31m election?\x07", "--no-model", "--searxng", NOWHERE, "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert "\x00" not in answer["question"] and "\x1b" not in answer["question"]


def test_invisible_characters_inside_a_word_are_dropped_not_made_spaces():
    """A question pasted with a zero-width space or word joiner inside a word ("Unit\u200bed
    States") asks of the United States; a soft hyphen is no letter either."""
    assert clean_question("How many gold medals did the Unit\u200bed States win at the Olym\u2060pics?") == \
        "How many gold medals did the United States win at the Olympics?"
    assert clean_question("Who won the Tour de Fran\u00adce?") == "Who won the Tour de France?"
    # the zero-width non-joiner is how a Persian word is written ("مدال‌های"), no invisible mark
    assert clean_question("چین در جدول مدال\u200cهای المپیک") == "چین در جدول مدال\u200cهای المپیک"


def test_a_question_copied_with_its_inline_links_is_read_as_its_text():
    pasted = ('The <a data-auto-tag-linker="true" href="https://news.test/tag/uk">UK</a>-EU deal gives '
              '<em>which</em> fleets access to UK waters &amp; for how long?')
    result = run("ask", pasted, "--no-model", "--searxng", NOWHERE, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["question"] == "The UK-EU deal gives which fleets access to UK waters & for how long?"
    assert clean_question('Who leads <a href="/x"><b>NATO</b></a>?') == "Who leads NATO?"  # nested elements
    assert clean_question("What does the <div> tag do &amp; why?") == "What does the <div> tag do &amp; why?"  # no paired element


def _pack(tmp_path, case_edit=None, cassette_text=None):
    pack = tmp_path / "pack"
    shutil.copytree(CHINA, pack)
    if case_edit:
        case = json.loads((pack / "case.json").read_text(encoding="utf-8"))
        case_edit(case)
        (pack / "case.json").write_text(json.dumps(case), encoding="utf-8")
    if cassette_text is not None:
        (pack / "cassette.json").write_text(cassette_text, encoding="utf-8")
    return pack


def test_a_pack_whose_own_language_is_unsupported_does_not_replay(tmp_path):
    """As ``fixtures check`` refuses it: it had replayed read as English, without a word. The
    caller's own language still goes."""
    pack = _pack(tmp_path, lambda c: c.update(language="tlh"))
    one_clear_line(run("ask", "--replay", str(pack), "--no-model"),
                   f"{pack / 'case.json'}: language 'tlh' is not supported; supported: en")
    result = run("ask", "--replay", str(pack), "--no-model", "--json", "--language", "zh")
    assert result.exit_code == 0 and json.loads(result.stdout)["status"] == "answered"


@pytest.mark.parametrize("language", ["klingon!!", "en_US ", "x" * 50, "zh--CN", "12"])
def test_malformed_language_tag(tmp_path, language):
    one_clear_line(run("ask", "--replay", str(_pack(tmp_path, lambda c: c.update(language=language))), "--no-model"),
                   "is not a BCP 47 tag")


@pytest.mark.parametrize("edit, message", [
    (lambda c: c.update(asked_at="yesterday"), "field 'asked_at'"),
    (lambda c: c.update(choices="not a list"), "field 'choices'"),
    (lambda c: c.update(question=["a", "list"]), "field 'question'"),
    (lambda c: c.update(search={"provider": "searxng"}), "field 'search.base_url'"),
    (lambda c: c.pop("id"), "field 'id'"),
], ids=["asked-at", "choices", "question-type", "search-url", "no-id"])
def test_malformed_case(tmp_path, edit, message):
    one_clear_line(run("ask", "--replay", str(_pack(tmp_path, edit)), "--no-model"), message)


@pytest.mark.parametrize("text, message", [
    ("", "invalid JSON"), ("{", "invalid JSON"), ("[]", "cassette.json: must be a JSON object"),
    ("{}", "missing field 'interactions'"),
    ('{"interactions": {}}', "field 'interactions' must be a list, got an object"),  # it said "missing field"
    ('{"interactions": "x"}', "field 'interactions' must be a list, got a string"),
    ('{"interactions": [7]}', "interactions[0]: not an object"),
    ('{"interactions": [{"request": {}, "response": {}}]}', "request: missing field 'method'"),
    ('{"interactions": [{"request": {"method": "GET", "uri": "u"}, "response": {"status": {}}}]}', "missing field 'code'"),
], ids=["empty", "truncated", "list", "no-interactions", "interactions-object", "interactions-string", "interaction-number",
        "no-uri", "no-status-code"])
def test_malformed_cassette(tmp_path, text, message):
    one_clear_line(run("ask", "--replay", str(_pack(tmp_path, cassette_text=text)), "--no-model"), message)


def test_pack_that_is_not_utf8(tmp_path):
    pack = _pack(tmp_path)
    (pack / "case.json").write_bytes(b"\xff\xfe{\x00")
    one_clear_line(run("ask", "--replay", str(pack), "--no-model"), "invalid JSON")


@pytest.mark.parametrize("content, message", [
    (b"version: 1\ntiers: [\n", "invalid YAML"), (b"", "must be a YAML mapping"), (b"- a\n- b\n", "must be a YAML mapping"),
    (b"\xff\xfe\x00binary", "not a UTF-8 text file"), (b"version: 2\n", "version"), (b"version: 1\x00\n", "invalid YAML"),
], ids=["syntax", "empty", "list", "binary", "wrong-version", "nul-byte"])
def test_malformed_policy(tmp_path, content, message):
    policy = tmp_path / "policy.yaml"
    policy.write_bytes(content)
    one_clear_line(run("ask", "q?", "--policy", str(policy), "--no-model", "--searxng", NOWHERE), message)
    one_clear_line(run("policy", "check", str(policy)), message)


def test_policy_with_a_wrong_type_names_the_key(tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text((ROOT / "policies" / "default.yaml").read_text(encoding="utf-8").replace("max_pages: 8", "max_pages: lots"))
    one_clear_line(run("policy", "check", str(policy)), "rules.max_pages")


def test_malformed_network_allowlist():
    one_clear_line(run("ask", "Who won the 2024 election?", "--no-model", "--searxng", NOWHERE,
                       env={"ORCHESTRATOR_ALLOW_NETWORKS": "127.0.0.2/32 everything"}),
                   "ORCHESTRATOR_ALLOW_NETWORKS: 'everything' is not a network")


@pytest.mark.parametrize("question", ["who won \udcff the 2024 election?", "\ud83d alone", "tail \udfff"],
                         ids=["undecodable-byte", "high-surrogate", "low-surrogate"])
def test_question_that_is_not_utf8(question):
    one_clear_line(run("ask", question, "--no-model", "--searxng", NOWHERE), "not valid UTF-8")


def test_question_with_invalid_utf8_bytes_in_argv(tmp_path):
    """The real command line: Python decodes argv bytes with surrogateescape."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "ORCHESTRATOR_HOME": str(tmp_path), "LC_ALL": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "orchestrator.cli", "ask", b"who won \xff\xfe the election?",
                           "--no-model", "--searxng", NOWHERE], capture_output=True, env=env, timeout=120)
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2 and "not valid UTF-8" in stderr and "Traceback" not in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def test_library_question_with_a_lone_surrogate(tmp_path):
    from orchestrator.api import ask
    from orchestrator.errors import InputError

    with pytest.raises(InputError, match="not valid UTF-8"):
        ask("who \udc80 won the 2024 election?", use_model=False, searxng=NOWHERE, data_dir=tmp_path)


def _deep_json(levels: int) -> str:
    return '{"a": ' * levels + "1" + "}" * levels


@pytest.mark.parametrize("levels", [150, 5000, 200_000])
def test_deeply_nested_case_and_cassette(tmp_path, levels):
    deep_case = _pack(tmp_path / "case")
    (deep_case / "case.json").write_text('{"expected": ' + _deep_json(levels) + "}", encoding="utf-8")
    one_clear_line(run("ask", "--replay", str(deep_case), "--no-model"), "nested more than 100 levels deep")
    deep_cassette = _pack(tmp_path / "cassette", cassette_text='{"interactions": [' + _deep_json(levels) + "]}")
    one_clear_line(run("ask", "--replay", str(deep_cassette), "--no-model"), "nested more than 100 levels deep")


def test_fixtures_check_reports_a_deep_pack_and_goes_on(tmp_path):
    shutil.copytree(CHINA, tmp_path / "a-deep")
    (tmp_path / "a-deep" / "cassette.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    shutil.copytree(CHINA, tmp_path / "b-good")
    result = run("fixtures", "check", str(tmp_path))
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert "a-deep/cassette.json: invalid JSON (nested more than 100 levels deep)" in result.output
    assert "ok     " in result.output and "b-good" in result.output and "1 valid, 1 invalid" in result.output


@pytest.mark.parametrize("document", ["version: 1\ntiers: " + "[" * 500 + "]" * 500 + "\n",
                                      "version: 1\ntiers:\n" + "".join("  " * (i + 1) + "a:\n" for i in range(500)),
                                      "version: 1\ntiers: " + "{a: " * 500 + "1" + "}" * 500 + "\n"],
                         ids=["flow-lists", "block-mappings", "flow-mappings"])
def test_policy_nested_500_deep(tmp_path, document):
    from orchestrator.errors import PolicyInvalid
    from orchestrator.policy import load_policy

    policy = tmp_path / "policy.yaml"
    policy.write_text(document, encoding="utf-8")
    one_clear_line(run("policy", "check", str(policy)), "nested more than 100 levels deep")
    one_clear_line(run("ask", "q?", "--policy", str(policy), "--no-model", "--searxng", NOWHERE), "nested more than 100 levels deep")
    with pytest.raises(PolicyInvalid, match="nested more than 100 levels deep"):
        load_policy(policy)


def _interaction(**changes):
    """A recorded search reply with ``changes`` applied at dotted paths ("response.body.string")."""
    item = {"request": {"method": "GET", "uri": "http://searxng.replay/search?q=x", "body": None, "headers": {}},
            "response": {"status": {"code": 200, "message": "OK"}, "headers": {"Content-Type": ["application/json"]},
                         "body": {"string": '{"results": []}'}}}
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = item
        for key in parents:
            target = target[key]
        target[last] = value
    return item


WRONG_TYPES = [
    ({"request.uri": 7}, "interactions[0].request.uri: Input should be a valid string"),
    ({"request.method": ["GET"]}, "interactions[0].request.method: Input should be a valid string"),
    ({"request.uri": "http://[::1"}, "interactions[0].request.uri: Value error, not a URL"),
    ({"request.headers": "Accept: */*"}, "interactions[0].request.headers: Input should be a valid dictionary"),
    ({"response.headers": "text/html"}, "interactions[0].response.headers: Input should be a valid dictionary"),
    ({"response.headers": {"Content-Length": 12}}, "response.headers.Content-Length: Value error, a header value must be"),
    ({"response.headers": {"X": ["a", 1]}}, "response.headers.X: Value error, a header value must be"),
    ({"response.body": ["a", "b"]}, "interactions[0].response.body: not an object"),
    ({"response.body": {"string": {"a": 1}}}, "interactions[0].response.body.string: Input should be a valid string"),
    ({"response.status.code": "200"}, "interactions[0].response.status.code: Input should be a valid integer"),
    ({"response.status.code": True}, "interactions[0].response.status.code: Input should be a valid integer"),
    ({"response.status.code": 10 ** 12}, "interactions[0].response.status.code: Input should be less than"),
]


@pytest.mark.parametrize("changes, message", WRONG_TYPES, ids=[",".join(c) + f"-{i}" for i, (c, _) in enumerate(WRONG_TYPES)])
def test_cassette_field_of_the_wrong_type(tmp_path, changes, message):
    pack = _pack(tmp_path, cassette_text=json.dumps({"version": 1, "interactions": [_interaction(**changes)]}))
    one_clear_line(run("ask", "--replay", str(pack), "--no-model"), message)
    checked = run("fixtures", "check", str(pack))
    assert checked.exit_code == 1 and message in checked.output and "0 valid, 1 invalid" in checked.output, checked.output


def test_search_base_url_that_is_not_a_url(tmp_path):
    pack = _pack(tmp_path, lambda c: c["search"].update(base_url="http://[::1"))
    one_clear_line(run("ask", "--replay", str(pack), "--no-model"), "field 'search.base_url': Value error, not a URL")


def test_a_recording_with_utf8_headers_and_a_lone_surrogate_replays(tmp_path):
    """Valid JSON that httpx would not take as is: non-ASCII header text, an unpaired \\ud800."""
    cassette = json.loads((CHINA / "cassette.json").read_text(encoding="utf-8"))
    for item in cassette["interactions"]:
        item["response"]["headers"]["X-Note"] = ["caf\u00e9 \u4e2d\u6587"]
        if "/search" not in item["request"]["uri"]:  # the search reply must stay JSON
            item["response"]["body"]["string"] += "\ud800"
    pack = _pack(tmp_path, cassette_text=json.dumps(cassette))
    result = run("ask", "--replay", str(pack), "--no-model", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answer"] == "40"


def test_eval_records_a_bad_pack_and_goes_on(tmp_path):
    shutil.copytree(CHINA, tmp_path / "packs" / "a-bad")
    (tmp_path / "packs" / "a-bad" / "cassette.json").write_text(
        json.dumps({"version": 1, "interactions": [_interaction(**{"response.body": ["a"]})]}), encoding="utf-8")
    shutil.copytree(CHINA, tmp_path / "packs" / "b-good")
    out = tmp_path / "eval.jsonl"
    result = run("eval", str(tmp_path / "packs"), "--no-model", "--json", "--out", str(out))
    # every pack ran and is recorded; the exit says one is invalid (its scores would pass for
    # the set's): bad data, not counted as a crash
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert result.stderr.strip().splitlines()[-1] == (f"error: of 2 cases, 1 is an invalid pack, not scored; their lines "
                                                      f"in {out} hold the error")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a-bad", "paris-2024-china-gold"]
    assert "cassette.json: interactions[0].response.body: not an object" in records[0]["error"]
    assert records[1]["answer"]["answer"] == "40"
    summary = json.loads(result.stdout)
    assert (summary["packs"], summary["invalid"], summary["crashes"], summary["answered"]) == (2, 1, 0, 1)


@pytest.mark.parametrize("arguments, message", [
    ({"choices": "40"}, "argument 'choices': Input should be a valid list, got str '40'"),
    ({"choices": [1, 2]}, "argument 'choices' item 0: Input should be a valid string, got int 1"),
    ({"now": 5}, "argument 'now': Input should be a valid datetime, got int 5"),
    ({"now": "garbage"}, "now takes a date or date-time (ISO 8601: 2024-08-11 or 2024-08-11T12:00:00Z), got 'garbage'"),
    ({"language": 5}, "argument 'language': Input should be a valid string, got int 5"),
    ({"question": 123}, "argument 'question': Input should be a valid string, got int 123"),
    ({"question": b"bytes"}, "argument 'question': Input should be a valid string"),
    ({"require_latest": "yes"}, "argument 'require_latest': Input should be a valid boolean"),
    ({"page_timeout": 0}, "argument 'page_timeout': Input should be greater than 0"),
    ({"page_timeout": float("nan")}, "argument 'page_timeout': Input should be a finite number"),
    ({"capabilities": "realtime_search"}, "argument 'capabilities': Input should be a valid list"),
    ({"transport": "http://x"}, "argument 'transport': Input should be an instance of AsyncBaseTransport"),
    ({"progress": 5}, "argument 'progress': Input should be callable"),
    ({"replay": 7}, "argument 'replay': Input should be a valid string"),
], ids=lambda v: ",".join(v) if isinstance(v, dict) else None)
def test_library_arguments_of_the_wrong_type_name_the_argument(tmp_path, arguments, message):
    from orchestrator.api import ask
    from orchestrator.errors import InputError

    arguments = {"question": "Who won the 2024 election?", "use_model": False, "searxng": NOWHERE, "data_dir": tmp_path,
                 **arguments}
    with pytest.raises(InputError) as raised:
        ask(**arguments)
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_library_choices_as_a_tuple_still_answer():
    from orchestrator.api import ask

    answer = ask(replay=CHINA, use_model=False, choices=("38", "40"))
    assert answer.answer == "40" and answer.choice_index == 1


@pytest.mark.parametrize("name, value, message", [
    ("ORCHESTRATOR_HOME", "~nosuchuser0/x", "--data-dir: cannot expand '~nosuchuser0/x'"),
    ("ORCHESTRATOR_MODEL", "~0", "--model: cannot expand '~0'"),
    ("ORCHESTRATOR_POLICY", "p" * 5000, "--policy: cannot read"),
    ("ORCHESTRATOR_SEARXNG_URL", "http://[::1", "ORCHESTRATOR_SEARXNG_URL must be an http(s) URL"),
    ("ORCHESTRATOR_SEARXNG_URL", "https://a.example:99999", "ORCHESTRATOR_SEARXNG_URL must be an http(s) URL"),
], ids=["home-unknown-user", "model-unknown-user", "policy-name-too-long", "searxng-unparsable", "searxng-bad-port"])
def test_environment_values_found_by_fuzzing(name, value, message):
    """Found by tests/fuzz: a RuntimeError, an OSError, and a ValueError once the run began.
    A URL from the environment is named by its variable: no flag was given."""
    one_clear_line(run("ask", "Who won the 2024 election?", "--no-model", env={name: value}), message)


@pytest.mark.parametrize("value", ["garbage", "10.0.0.0/8,garbage"])
def test_a_bad_network_list_is_one_line_before_the_run(value):
    """It had been read first inside the run's concurrent fetches, and surfaced as a failed
    task group's traceback."""
    one_clear_line(run("ask", "--replay", str(CHINA), "--no-model", env={"ORCHESTRATOR_ALLOW_NETWORKS": value}),
                   "ORCHESTRATOR_ALLOW_NETWORKS: 'garbage' is not a network")


def test_a_choice_that_is_not_utf8():
    one_clear_line(run("ask", "Who won the 2024 election?", "--choice", "a\udcff", "--no-model", "--searxng", NOWHERE),
                   "choice 1 is not valid UTF-8")


@pytest.mark.parametrize("args", [["show", "ab\udcff"], ["diff", "\udcff", "last"], ["sources", "x\udcff"]])
def test_a_trace_id_that_is_not_utf8(args):
    one_clear_line(run("trace", *args), "no trace with id")


@pytest.mark.parametrize("language", ["xx", "sw", "tlh"])
def test_a_language_the_caller_names_must_be_a_supported_one(language):
    one_clear_line(run("ask", "--replay", str(CHINA), "--no-model", "--language", language), "is not supported; supported: en, zh")


@pytest.mark.parametrize("language", ["", "  "])
def test_an_empty_language_is_refused_not_read_as_detect(language):
    one_clear_line(run("ask", "--replay", str(CHINA), "--no-model", "--language", language), "language is empty")


def test_a_language_tag_is_read_in_any_case():
    lower = json.loads(run("ask", "--replay", str(CHINA), "--no-model", "--json", "--language", "zh-cn").stdout)
    upper = json.loads(run("ask", "--replay", str(CHINA), "--no-model", "--json", "--language", "ZH-CN").stdout)
    assert lower["status"] == "answered" and lower["text"] == upper["text"]


def test_an_unexpected_error_in_one_case_is_its_crash_and_the_eval_goes_on(tmp_path):
    from orchestrator.answer import Answer
    from orchestrator.evaluate import Scores, record_each

    def ask_one(name: str):
        if name == "b":
            raise StopIteration  # a bug in the pipeline, not a bad pack
        return name, Answer(question=name, status="abstained", text="no"), None

    scores, out = Scores(), tmp_path / "out.jsonl"

    def score(name: str, answer: Answer, extra) -> None:
        scores.abstained += answer.status == "abstained"

    record_each(["a", "b", "c"], str, ask_one, score, scores, out=out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "b", "c"] and (scores.packs, scores.crashes) == (3, 1)
    assert records[1]["error"] == "internal error: StopIteration"
    assert scores.summary()["abstention_rate"] == 1.0  # of the two answers scored, not of the three cases


def test_a_model_that_cannot_be_used_ends_the_eval_keeping_what_was_recorded(tmp_path):
    from orchestrator.answer import Answer
    from orchestrator.errors import ModelUnavailable
    from orchestrator.evaluate import Scores, record_each

    def ask_one(name: str):
        if name == "b":  # the model server went away: every later case would fail alike
            raise ModelUnavailable("cannot reach the model server")
        return name, Answer(question=name, status="abstained", text="no"), None

    scores, out = Scores(), tmp_path / "out.jsonl"
    with pytest.raises(ModelUnavailable):
        record_each(["a", "b", "c"], str, ask_one, lambda *_: None, scores, out=out)
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a"]


def test_a_data_dir_that_is_a_file_is_one_line_not_a_traceback(tmp_path):
    # refused before the run: the model, the traces and the cache all live in it
    (tmp_path / "home.json").write_text("{}", encoding="utf-8")
    result = run("ask", "--replay", str(CHINA), "--data-dir", str(tmp_path / "home.json"))
    one_clear_line(result, f"--data-dir {tmp_path / 'home.json'}: cannot create this folder")


def test_record_refuses_an_out_path_that_is_a_file_before_asking_the_web(tmp_path):
    (tmp_path / "pack.json").write_text("{}", encoding="utf-8")
    one_clear_line(run("record", "Who won?", "--out", str(tmp_path / "pack.json"), "--no-model", "--searxng", NOWHERE),
                   "is a file; a pack is a directory")
    assert (tmp_path / "pack.json").read_text(encoding="utf-8") == "{}"
    # under a file, or where no folder can be made: what the live run fetched would be lost after it
    one_clear_line(run("record", "Who won?", "--out", str(tmp_path / "pack.json" / "x"), "--no-model",
                       "--searxng", NOWHERE), f"--out {tmp_path / 'pack.json' / 'x'} cannot be written: Not a directory")
    one_clear_line(run("record", "Who won?", "--out", "/proc/orchestrator-pack", "--no-model", "--searxng", NOWHERE),
                   "--out /proc/orchestrator-pack cannot be written")
    assert not (tmp_path / "x").exists()
    for bad in ("../../evil", "..", "a b", ""):  # the id is also the pack's directory name
        one_clear_line(run("record", "Who won?", "--out", str(tmp_path / "p"), "--id", bad, "--no-model", "--searxng",
                           NOWHERE), "is no pack name")


def test_trace_list_refuses_a_question_filter_that_is_not_text():
    one_clear_line(run("trace", "list", "--question", "\udcff"), "--question is not valid UTF-8 text")
