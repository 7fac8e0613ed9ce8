from pathlib import Path

import pytest
from typer.testing import CliRunner

from orchestrator.cli import app
from orchestrator.errors import PolicyInvalid
from orchestrator.policy import load_policy, parse_policy
from tests.conftest import ROOT

DEFAULT = ROOT / "policies" / "default.yaml"


def test_default_policy_loads_with_required_topics():
    policy = load_policy(DEFAULT)
    for topic in ("olympics", "statistics", "central_banks", "elections", "nobel"):
        assert topic in policy.topics
    assert policy.freshness_days("event") == 30


@pytest.mark.parametrize("url, topic, tier", [
    ("https://www.reuters.com/world/x", None, "media"),
    ("https://www.cbc.ca/news/politics/x", None, "media"),  # a public broadcaster of another English-speaking country
    ("https://www.abc.net.au/news/x", None, "media"),
    ("https://olympics.com/en/paris-2024/medals", "olympics", "official"),
    ("https://olympics.com/en/paris-2024/medals", None, "other"),
    ("https://www.bls.gov/cpi/", None, "official"),
    ("https://notreuters.com/x", None, "other"),
    ("https://blog.example.net/x", None, "other"),
])
def test_tier_of(url, topic, tier):
    assert load_policy(DEFAULT).tier_of(url, topic) == tier


def test_unknown_key_is_named_with_its_line():
    text = DEFAULT.read_text().replace("  max_pages: 8", "  max_pages: 8\n  bogus_key: 1")
    line = text.splitlines().index("  bogus_key: 1") + 1
    with pytest.raises(PolicyInvalid, match=rf"f.yaml: line {line} rules.bogus_key: unknown key"):
        parse_policy(text, "f.yaml")


@pytest.mark.parametrize(("old", "new"), [("volatility: event", "volatility: nonsense"),
                                          ("default_volatility: news", "default_volatility: news\nunmarked_volatility: nonsense")])
def test_unknown_volatility_reference_is_refused(old, new):
    text = DEFAULT.read_text().replace(old, new)
    with pytest.raises(PolicyInvalid, match="nonsense"):
        parse_policy(text, "f.yaml")


def test_invalid_yaml_names_the_line():
    with pytest.raises(PolicyInvalid, match="bad.yaml: line 2 invalid YAML"):
        parse_policy("version: 1\ntiers: : :\n", "bad.yaml")


def test_missing_file(tmp_path):
    with pytest.raises(PolicyInvalid, match="cannot read"):
        load_policy(Path(tmp_path / "none.yaml"))


def test_a_misspelt_key_is_named_before_the_key_it_leaves_missing(tmp_path):
    """A policy with "tier:" for "tiers:" said only "tiers: Field required"; the unknown key,
    with its line, says what to fix."""
    text = DEFAULT.read_text().replace("\ntiers:", "\ntier:", 1)
    line = text.splitlines().index("tier:") + 1
    with pytest.raises(PolicyInvalid, match=rf"^f.yaml: line {line} tier: unknown key; tiers: Field required$"):
        parse_policy(text, "f.yaml")


def test_every_problem_is_listed(tmp_path):
    """It said "rules.bogus_key: unknown key (and 3 more)", the other three left unsaid."""
    (tmp_path / "p.yaml").write_text("rules:\n  bogus_key: 1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["policy", "check", str(tmp_path / "p.yaml")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.output
    problems = result.stderr.removeprefix(f"error: {tmp_path / 'p.yaml'}: ").strip().split("; ")
    assert problems[0] == "line 2 rules.bogus_key: unknown key" and len(problems) == 4
    assert all(p.endswith(": Field required") for p in problems[1:])
