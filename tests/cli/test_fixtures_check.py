"""`orchestrator fixtures check DIR`: one line per pack, ok or the error; non-zero when any is invalid."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from orchestrator.cli import app
from tests.conftest import FIXTURES, USA

runner = CliRunner()


def test_the_shipped_fixtures_are_valid():
    result = runner.invoke(app, ["fixtures", "check", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert sum(line.startswith("ok ") for line in lines) >= 3 and "0 invalid" in lines[-1]


def test_invalid_packs_are_named_and_fail(tmp_path):
    shutil.copytree(USA, tmp_path / "good")
    shutil.copytree(USA, tmp_path / "no-question")
    case = json.loads((tmp_path / "no-question" / "case.json").read_text(encoding="utf-8"))
    del case["question"]
    (tmp_path / "no-question" / "case.json").write_text(json.dumps(case), encoding="utf-8")
    shutil.copytree(USA, tmp_path / "bad-json")
    (tmp_path / "bad-json" / "cassette.json").write_text("{not json", encoding="utf-8")

    result = runner.invoke(app, ["fixtures", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert "question" in result.output and "cassette.json" in result.output and "1 valid, 2 invalid" in result.output

    result = runner.invoke(app, ["fixtures", "check", str(tmp_path), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["valid"], report["invalid"]) == (1, 2)
    by_name = {r["pack"].rsplit("/", 1)[-1]: r for r in report["packs"]}
    assert by_name["good"]["ok"] and not by_name["no-question"]["ok"] and not by_name["bad-json"]["ok"]
    assert "question" in by_name["no-question"]["error"]


def test_no_packs_or_no_directory(tmp_path):
    empty = runner.invoke(app, ["fixtures", "check", str(tmp_path)])
    assert empty.exit_code == 2 and empty.stdout == ""
    assert empty.stderr == f"error: no packs found under {tmp_path}\n"  # one error line, on stderr like the others
    missing = runner.invoke(app, ["fixtures", "check", str(tmp_path / "missing")])
    assert missing.exit_code != 0 and "not a directory" in missing.output


def test_a_pack_that_ask_would_refuse_or_misread_is_invalid(tmp_path):
    for name, change, error in (("blank", {"question": "   "}, "the question is empty"),
                                ("twice", {"choices": ["40", "40"]}, "repeats an earlier choice"),
                                ("klingon", {"language": "tlh"}, "language 'tlh' is not supported")):
        shutil.copytree(USA, tmp_path / name)
        case = json.loads((tmp_path / name / "case.json").read_text(encoding="utf-8"))
        (tmp_path / name / "case.json").write_text(json.dumps({**case, **change}), encoding="utf-8")
        result = runner.invoke(app, ["fixtures", "check", str(tmp_path / name), "--json"])
        assert result.exit_code == 1, result.output
        reported = json.loads(result.stdout)["packs"][0]["error"]
        assert reported.startswith(f"{tmp_path / name / 'case.json'}: ") and error in reported, reported
