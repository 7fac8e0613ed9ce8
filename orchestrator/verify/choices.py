"""Closed choices: which choice each passage states."""

from __future__ import annotations

import re

from orchestrator.verify.candidates import Found
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.passages import Passage
from orchestrator.verify.question import contains, is_cjk, keywords


def _word_hit(word: str, low: str) -> bool:
    """A word or its stem (first five letters: "costs" ~ "cost", "tariffs" ~ "tariff")."""
    if contains(low, word):
        return True
    return len(word) >= 6 and not is_cjk(word) and re.search(r"(?<![a-z])" + re.escape(word[:5]), low) is not None


def choice_support(choice: str, passage_text: str, words: list[str] | None = None) -> float:
    """0..1: how fully a passage states a choice: its whole phrase, else its ``words`` (by
    default its content words). A choice with numbers ("$5 million", "Four") needs those
    very numbers in the passage, whichever words are counted."""
    low = passage_text.lower()
    wanted = [m.value for m in find_numbers(choice) if not m.ordinal]
    if wanted:
        present = {m.value for m in find_numbers(passage_text)}
        if not all(v in present for v in wanted):
            return 0.0
    if len(choice) >= 3 and contains(low, choice.lower()):
        return 1.0
    words = [w for w in (words if words is not None else keywords(choice)) if not any(ch.isdigit() for ch in w)]
    if not words:
        return 1.0 if wanted else 0.0
    return sum(_word_hit(w, low) for w in words) / len(words)


def choice_candidates(passages: list[Passage], choices: list[str]) -> list[Found]:
    """Each choice is a candidate. A passage supports a choice in proportion to how fully it
    states it, and only as far as it is about the question; words shared by every choice
    ("Due to ...") say nothing about which one is right."""
    shared = set.intersection(*(set(keywords(c)) for c in choices)) if choices else set()
    found: list[Found] = []
    for index, choice in enumerate(choices):
        distinctive = [w for w in keywords(choice) if w not in shared] or None
        for passage in passages:
            strength = max(choice_support(choice, passage.text), choice_support(choice, passage.text, distinctive))
            if strength >= 0.5:
                found.append(Found(choice, choice, passage, strength ** 2 * passage.score, index))
    return found
