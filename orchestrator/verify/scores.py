"""Scores ("40-22", "2–0"): a side of one counts only the points or goals a question asks
about, and only the side of the team the question names. The sides are written winner
first, in the order the teams are named: "Eagles beat Chiefs 40-22" gives the Eagles 40,
"Real Madrid 2-0 Borussia Dortmund" gives Dortmund 0."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.verify.alignment import beaten, beats_next
from orchestrator.verify.count_owner import telling_words
from orchestrator.verify.numbers import NumberMention

SCORING = re.compile(r"\b(?:goals?|points?|runs?|scored?|scores|scoring|tries|wickets|sets|games)\b|比分|进球|得分", re.I)
_SCORE = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}(?![\d,.])")
_REACH = 80  # characters before a score where the teams it is between are named
_LEADS_NEXT = re.compile(r"^\s+(?:led|leads|leading)\b", re.I)  # "the Eagles led 24-0 at half-time"
# a margin asked ("How many points did they lead by?", "by how many goals"): no side of a score is one
ASKS_MARGIN = re.compile(r"\bhow\s+many\b[^?]*\b(?:lead|led|leads|win|won|wins|beat|lost|lose|loses)\s+by\b|"
                         r"\bby\s+how\s+many\b|\bmargin\b", re.I)

# ... and is answered only by a number written as one: "won by six runs", "a 6-run win", "a
# margin of 12 points", "beat them by 3 goals"; never a total ("RCB made 190 for 9")
_BY_BEFORE = re.compile(r"\b(?:by|margin\s+of)\s+(?:just\s+|only\s+|a\s+mere\s+)?$", re.I)
_MARGIN_AFTER = re.compile(r"-?\s*(?:goals?|points?|runs?|wickets?|strokes?|shots?|votes?|seats?|lengths?|seconds?)?[\s-]"
                           r"(?:win|wins|victory|victories|lead|leads|margin|defeat|loss|triumph)\b", re.I)


def written_as_margin(text: str, mention: NumberMention) -> bool:
    """Is the number written as what one side won or led by ("by six runs", "a 6-run win")?"""
    return _BY_BEFORE.search(text[max(0, mention.start - 20):mention.start]) is not None \
        or _MARGIN_AFTER.match(text, mention.end) is not None


# a win's or a lead's verb before "by N": "beat Max Verstappen by two points", "leads by 3"
_WON_BY = re.compile(r"\b(?:beat|beats|beating|defeat\w*|edg\w+|won|wins?|winning|lead|leads|leading|led|lost|loses?|"
                     r"losing|trail\w*|ahead|behind|clear)\b[^.;:!?]{0,60}$", re.I)


def margin_of_a_win(text: str, mention: NumberMention) -> bool:
    """Is the number what a win or a lead was by ("beat Max Verstappen by two points", "a
    6-run win")? No count of either side's: asked how many points Verstappen finished with,
    2 is none."""
    before = text[max(0, mention.start - 80):mention.start]
    return _MARGIN_AFTER.match(text, mention.end) is not None or (
        _BY_BEFORE.search(before[-20:]) is not None and _WON_BY.search(before) is not None)


def score_at(text: str, mention: NumberMention) -> re.Match | None:
    """The score ("2-0", "3–1") the number is one side of, if it is."""
    return next((m for m in _SCORE.finditer(text, max(0, mention.start - 6), mention.end + 6)
                 if m.start() <= mention.start < m.end()), None)


def whose_side(text: str, score: re.Match, mention: NumberMention, team: Sequence[str]) -> bool | None:
    """Is ``mention`` the side of the score that ``team`` (its lower-cased names) scored?
    None where the sentence does not say which team is which."""
    first = mention.start == score.start()
    low = text.lower()
    # a team as the question writes it, or by a word that tells it apart ("Eagles" of the
    # Philadelphia Eagles)
    for name in (spelling for written in team for spelling in (written, *telling_words(written))):
        at = low.rfind(name, max(0, score.start() - _REACH), score.start())
        if at >= 0:
            end = at + len(name)
            if beaten(text, at, end):  # "Eagles beat Chiefs 40-22": the Chiefs' is the second
                return not first
            if beats_next(text, end) or _LEADS_NEXT.match(text[end:]) or not text[end:score.start()].strip():
                # "Eagles beat", "Eagles led", "Real Madrid 2-0"
                return first
        if low[score.end():].lstrip().startswith(name):  # "2-0 Borussia Dortmund"
            return not first
    return None
