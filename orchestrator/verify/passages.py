"""Splitting page text into passages and ranking them against the question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SENTENCE_END = re.compile(rf"(?<=[。！？!?；;])|(?<=[.])(?=\s+[A-Z\"“{_CJK}])|\n+")
_WORD = re.compile(rf"[{_CJK}]+|[A-Za-z][A-Za-z'’\-]*|\d+(?:[.,]\d+)*")
_STOP = set("""a an the of in on at to for by with from and or is are was were be been being do does did has have had
how many much what which who whom whose when where why will would can could should this that these those it its
as about into than then there their they them he she his her we our you your i me my not no yes if so but
total number amount 's""".split())
_CJK_STOP = set("的了是在和与及年月日数多少几个什么哪谁吗呢么")


def is_cjk(text: str) -> bool:
    return bool(re.search(f"[{_CJK}]", text))


def keywords(text: str) -> list[str]:
    """Content words: lower-cased Latin words without stop words, and CJK bigrams."""
    out: list[str] = []
    for token in _WORD.findall(text):
        if re.match(f"[{_CJK}]", token):
            chars = [c for c in token]
            grams = ["".join(chars[i:i + 2]) for i in range(len(chars) - 1)] or chars
            out.extend(g for g in grams if not all(c in _CJK_STOP for c in g))
        else:
            word = token.lower().strip("'’-")
            if word and word not in _STOP and len(word) > 1:
                out.append(word)
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Passage:
    source: int  # index of the evidence it came from
    text: str  # a literal substring of that evidence's text
    start: int
    score: float = 0.0


def split_passages(text: str, source: int, max_chars: int = 400) -> list[Passage]:
    """Sentences (kept as literal substrings of ``text``), long ones cut at ``max_chars``."""
    passages: list[Passage] = []
    pos = 0
    for piece in _SENTENCE_END.split(text):
        if piece is None:
            continue
        start = text.find(piece, pos)
        if start < 0:
            continue
        pos = start + len(piece)
        stripped = piece.strip()
        if len(stripped) < 8:
            continue
        offset = start + piece.find(stripped)
        for cut in range(0, len(stripped), max_chars):
            chunk = stripped[cut:cut + max_chars]
            passages.append(Passage(source, chunk, offset + cut))
    return passages


def match_score(question_keywords: list[str], passage: str) -> float:
    """0..1: share of the question's keywords in the passage, blended with fuzzy overlap."""
    if not question_keywords:
        return 0.0
    low = passage.lower()
    hits = sum(1 for k in question_keywords if k in low)
    coverage = hits / len(question_keywords)
    fuzzy = fuzz.token_set_ratio(" ".join(question_keywords), low) / 100
    return 0.75 * coverage + 0.25 * fuzzy


def rank_passages(question_keywords: list[str], passages: list[Passage], top: int | None = None) -> list[Passage]:
    scored = [Passage(p.source, p.text, p.start, match_score(question_keywords, p.text)) for p in passages]
    scored.sort(key=lambda p: p.score, reverse=True)
    return scored[:top] if top else scored
