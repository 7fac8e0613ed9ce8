"""Which of the names in a sentence fills the question's slot? "Which world leader arrived in
Washington?" against "Modi arrived in Washington on Wednesday and met President Trump":
both are names in a matching sentence, but only Modi stands next to what the question
says happened. A candidate's support is scaled by how close it stands to the question's
predicate words (the words that say what happened, not the things the question names)."""

from __future__ import annotations

import re

from orchestrator.verify.question import CJK, is_cjk, keywords

FLOOR = 0.35  # a name in a passage that repeats none of the predicate still counts, a little
REACH = 4.0  # words: a predicate word this far away halves the support above the floor
_WORD = re.compile(rf"[{CJK}]|\w+")


def predicate_words(asking: str, names: list[list[str]]) -> list[str]:
    """The asking sentence's content words that are not part of what it names."""
    named = {w for group in names for phrase in group for w in phrase.lower().split()}
    return [w for w in keywords(asking) if w not in named and not w.isdigit()]


def _positions(low: str, word: str) -> list[int]:
    if is_cjk(word):
        return [m.start() for m in re.finditer(re.escape(word), low)]
    stem = word[:5] if len(word) >= 6 else word  # "topped" ~ "tops", "nominations" ~ "nominated"
    return [m.start() for m in re.finditer(r"(?<![\w])" + re.escape(stem), low)]


def alignment(text: str, start: int, end: int, words: list[str]) -> float:
    """FLOOR..1: 1 when a predicate word stands right next to the span ``text[start:end]``,
    less with every word between them."""
    if not words or start < 0:
        return 1.0
    low = text.lower()
    gaps = []
    for word in words:
        for at in _positions(low, word):
            between = low[end:at] if at >= end else low[at + len(word):start]
            gaps.append(len(_WORD.findall(between)))
    if not gaps:
        return FLOOR
    return FLOOR + (1 - FLOOR) * REACH / (REACH + min(gaps))
