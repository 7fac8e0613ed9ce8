"""Splitting page text into passages and ranking them against the question's terms
(orchestrator/verify/question.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from orchestrator.verify.question import CJK, contains_any

# Abbreviations that stand before a name and never end a sentence: a person's title
# ("Vermont Sen. Bernie Sanders", "Gov. Gavin Newsom"), a place's or a case's word ("St.
# Louis", "Coyote vs. Acme", "Roe v. Wade").
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Maj", "Sgt",
                       "Capt", "Cmdr", "Adm", "Rev", "Prof", "Pres", "Supt", "Atty", "Det")
_BEFORE_NAME = (*TITLE_ABBREVIATIONS, "St", "Mt", "Ft", "vs", "v")


def _not_after(words: tuple[str, ...]) -> str:
    """Lookbehinds refusing a full stop right after any of ``words`` (Python's lookbehinds are
    fixed-width: one per word length)."""
    lengths = sorted({len(w) for w in words})
    return "".join(rf"(?<!\b(?:{'|'.join(w for w in words if len(w) == n)})\.)" for n in lengths)


# A sentence ends at a full stop before a capital, but not after an initial ("John M. Jumper",
# "K.P. Sharma Oli", "the U.S. Army"), a time of day ("at 3:34 a.m. EST") or a title.
_SENTENCE_END = re.compile(rf"(?<=[。！？!?；;])|(?<=[.])(?<![\s.][A-Z]\.)(?<![ap]\.m\.){_not_after(_BEFORE_NAME)}"
                           rf"(?=\s+[A-Z\"“{CJK}])|\n+")
# A page's byline and time stamp, which extraction may run into its headline and first
# sentence ("... a fourth title By The Guardian staff October 27, 2023 08:00 UTC New Zealand
# are ...", "... 卫冕失败 By 澎湃新闻 staff ..."), end the one and open the other, and are no
# passage: the outlet wins nothing the headline says ("Chiefs Beaten By Eagles" is no byline).
_DATE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}"
_BYLINE = re.compile(rf"(?:(?<=[^\s.])\s+|^)By\s+(?:(?:[A-Z]|(?![a-z])[^\W\d_])[\w.'’\-]*\s+){{1,5}}?"
                     rf"(?:staff\b(?:\s+{_DATE})?|{_DATE})"
                     r"(?:\s+\d{1,2}:\d\d(?:\s+[AP]M)?(?:\s+[A-Z]{2,4})?)?(?=\s+(?:[A-Z]|[^\x00-\x7f])|\s*$)")


@dataclass(frozen=True)
class Passage:
    source: int  # index of the evidence it came from
    text: str  # a literal substring of that evidence's text
    start: int
    score: float = 0.0


def on_row_line(text: str, at: int) -> bool:
    """Is ``text[at]`` on a line of a table's rows ("| 7 | Great Britain | 14 | ...")? Its
    numbers count only under their header (verify/tables.py), never as a sentence's."""
    return text[text.rfind("\n", 0, at) + 1:].lstrip().startswith("|")


def split_passages(text: str, source: int, max_chars: int = 400) -> list[Passage]:
    """Sentences (kept as literal substrings of ``text``), long ones cut at ``max_chars``."""
    passages: list[Passage] = []
    pos = 0
    for piece in (part for sentence in _SENTENCE_END.split(text) if sentence for part in _BYLINE.split(sentence)):
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
    return sum(1 for group in terms if contains_any(low, group)) / len(terms) if terms else 0.0


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
