"""A question's word matches a passage in any of its forms: "win" is "won", "夺得"."""

from orchestrator.policy import load_policy
from orchestrator.verify.question import inflected
from tests.conftest import ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")


def test_a_word_in_any_of_its_forms():
    win, land, gold = inflected([["win"], ["land"], ["金牌", "gold"]], POLICY.shapes.predicates)
    assert {"win", "won", "winning", "夺得"} <= set(win)
    assert {"land", "landed", "landing"} <= set(land) and "won" not in land
    assert gold[:2] == ["金牌", "gold"] and "won" not in gold


def test_a_word_with_either_apostrophe():
    from orchestrator.verify.question import contains
    assert contains("trump unleashed on rosie o'donnell.", "o’donnell")
    assert contains("mcdonald’s brings back monopoly", "mcdonald's")
    assert not contains("odonnell said", "o'donnell")


def test_a_group_matches_as_each_of_its_words_would():
    from orchestrator.verify.question import contains, contains_any
    group = ["won", "wins", "u.s.", "o'donnell", "金牌", "$5"]
    for text in ("she wins today", "the wonder years", "the u.s. team", "rosie o’donnell", "中国金牌榜", "a $5 fee",
                 "winsome us team", ""):
        assert contains_any(text, group) == any(contains(text, w) for w in group), text
