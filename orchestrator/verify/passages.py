"""Splitting page text into passages and ranking them against the question."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SENTENCE_END = re.compile(rf"(?<=[。！？!?；;])|(?<=[.])(?=\s+[A-Z\"“{_CJK}])|\n+")
_WORD = re.compile(rf"[{_CJK}]+|[A-Za-z][A-Za-z'’\-]*|\d+(?:[.,]\d+)*")
_STOP = set("""a an the of in on at to for by with from and or is are was were be been being do does did has have had
how many much what which who whom whose when where why will would can could should this that these those it its
as about into than then there their they them he she his her we our you your i me my not no yes if so but
number amount 's""".split())
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


def contains(low_text: str, term: str) -> bool:
    """Is ``term`` in the lower-cased text: as a substring for CJK, as whole words otherwise."""
    if is_cjk(term) or not term[:1].isalnum():
        return term in low_text
    return _term_pattern(term).search(low_text) is not None


@lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern:
    return re.compile(r"(?<![a-z0-9])" + re.escape(term) + r"(?![a-z0-9])")


def question_terms(question: str, aliases: list[list[str]]) -> list[list[str]]:
    """The question's terms, each a group of equivalent words: alias groups found in the
    question (so "金牌" also matches "gold"), then the remaining content words."""
    low = question.lower()
    groups: list[list[str]] = []
    for group in aliases:
        words = [w.lower() for w in group]
        hit = next((w for w in sorted(words, key=len, reverse=True) if contains(low, w)), None)
        if hit:
            groups.append(words)
            low = low.replace(hit, " ")
    groups += [[word] for word in keywords(low)]
    return groups


_CAPITALISED = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*")


def named_terms(question: str, aliases: list[list[str]]) -> list[list[str]]:
    """The things the question names: alias groups holding a capitalised word (China, Paris,
    Olympics) found in it, and other capitalised phrases of an English question."""
    low = question.lower()
    groups: list[list[str]] = []
    for group in aliases:
        words = [w.lower() for w in group]
        if any(w[:1].isupper() for w in group) and any(contains(low, w) for w in words):
            groups.append(words)
            for w in words:
                low = low.replace(w, " ")
    for match in _CAPITALISED.finditer(question):
        phrase = match.group(0).lower()
        if contains(low, phrase) and phrase not in _STOP:
            groups.append([phrase])
    return groups


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


def coverage(terms: list[list[str]], text: str) -> float:
    """Share of the question's term groups found in ``text``."""
    low = text.lower()
    return sum(1 for group in terms if any(contains(low, word) for word in group)) / len(terms) if terms else 0.0


def match_score(terms: list[list[str]], passage: str, title: str = "") -> float:
    """0..1: how well a passage matches the question. Terms found only in the page's title
    count half: a sentence leans on its headline for what it is about."""
    if not terms:
        return 0.0
    own = coverage(terms, passage)
    with_title = coverage(terms, passage + "\n" + title) if title else own
    fuzzy = fuzz.token_set_ratio(" ".join(group[0] for group in terms), passage.lower()) / 100
    return 0.8 * (own + with_title) / 2 + 0.2 * fuzzy


def rank_passages(terms: list[list[str]], passages: list[Passage], titles: dict[int, str] | None = None,
                  top: int | None = None) -> list[Passage]:
    titles = titles or {}
    scored = [Passage(p.source, p.text, p.start, match_score(terms, p.text, titles.get(p.source, ""))) for p in passages]
    scored.sort(key=lambda p: p.score, reverse=True)
    return scored[:top] if top else scored
