"""A running total ("bringing its gold tally to 13", "for a career total of 35") is the count
so far; a number the same sentence adds to it first ("won two gold medals on Saturday") is
one day's. Asked how many a side has won, the total answers; asked about one day ("on
Saturday", "yesterday", "on August 3"), the day's count does."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence

from orchestrator.verify.date_parts import is_date_part
from orchestrator.verify.measures import TOTAL, bound_measure
from orchestrator.verify.numbers import NumberMention, find_numbers
from orchestrator.verify.question import contains

_RAISING = (r"bring|brings|bringing|brought|take|takes|taking|took|raise|raises|raising|raised|push|pushes|pushing|"
            r"pushed|lift|lifts|lifting|lifted|boost|boosts|boosting|boosted|move|moves|moving|moved|extend|extends|"
            r"extending|extended|increase|increases|increasing|increased|up|ups|upping|upped")
_TOTAL = r"(?:total|tally|haul|count)"
# the words right before the total's number
_RUNNING = re.compile(
    rf"(?:\b(?:{_RAISING})\s+(?:[\w'’\-]+\s+){{0,4}}?{_TOTAL}(?:\s+(?:at|in|for|of)(?:\s+[\w'’\-]+){{1,3}})?\s+to"
    # "bringing her career total to", "his gold tally at the Paris Olympics to"
    rf"|\b{_TOTAL}\s+(?:now\s+)?(?:stands|stood|is|was|sits)\s+at"  # "its tally now stands at"
    rf"|\bfor\s+an?\s+(?:[\w\-]+\s+){{0,2}}?{_TOTAL}\s+of"  # "for a career total of"
    r"|\b(?:giving|gives|gave|leaving|leaves|left)\s+(?:it|them|him|her)"  # "won two more, giving it 60 seats"
    r"|(?:总数|总计|累计获得|累计)(?:达到|升至|增至|已达)?)\s*$", re.I)
_REACH = 60  # characters before a number where its running-total phrase is read
_BARE = {"total", "tally", "haul", "count", "overall"}  # a total's own words, saying nothing of what it sums

_WEEKDAY = "|".join(calendar.day_name)
_ONE_DAY = re.compile(rf"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening)|on (?:{_WEEKDAY})|"
                      rf"(?:{_WEEKDAY})['’]s)\b|今天|昨天|当天|单日", re.I)


# what a count is reached to, loosely, right before it: "took the U.S. to 40", "共获得40枚" (in
# all), "通算" (so far); no count of one day's wins, whatever the day its clause names
_REACHED = re.compile(r"\b(?:to|tally\s+of|total\s+of)\s+$|(?:共|总共|一共|累计|合计|累計|通算|合計)"
                      r"(?:获得|獲得|夺得|拿下|赢得|で)?(?:金牌|金メダル)?\s*$", re.I)


def reached_so_far(text: str, at: int) -> bool:
    """Is the number at ``at`` a count reached so far ("to take the U.S. to 40 gold medals"),
    by the loose reading a count asked of one day needs?"""
    return _REACHED.search(text, max(0, at - 20), max(0, at)) is not None


def is_running_total(text: str, mention: NumberMention) -> bool:
    """Is the number the total so far that its sentence brings something to?"""
    return _running_phrase(text, mention) is not None


def _running_phrase(text: str, mention: NumberMention) -> str | None:
    found = _RUNNING.search(text[max(0, mention.start - _REACH):mention.start])
    return found.group(0).lower() if found else None


def summed_measure(text: str, mention: NumberMention, mentions: Sequence[NumberMention],
                   measures: Mapping[str, Sequence[str]], bound: str | None) -> str | None:
    """The measure of a number ``bound`` to one by the words beside it. A running total's is
    the one its phrase names, however far ("his gold tally at the Paris Olympics to three":
    golds; "its medal tally to 40": medals in total); where the phrase says only "total"
    ("bringing her career total to 35"), it sums what its sentence added ("won three
    Grammys"), not medals in total."""
    phrase = _running_phrase(text, mention) if bound in (None, TOTAL) else None
    if phrase is None:
        return bound
    named = {name for name, words in measures.items() for word in words
             if word.lower() not in _BARE and contains(phrase, word.lower())}
    if named:  # a part over the total: "gold medal tally" counts golds
        return next(iter(named - {TOTAL}), TOTAL) if len(named - {TOTAL}) <= 1 else None
    added = added_to(text, mention, mentions)
    return bound_measure(text, added, mentions, measures) if added else None


def added_to(text: str, mention: NumberMention, mentions: Sequence[NumberMention]) -> NumberMention | None:
    """The number a running total sums, written before it in its sentence ("two" of "won two
    gold medals on Saturday, bringing its medal tally to 40"); None for any other number."""
    if not is_running_total(text, mention):
        return None
    return max((m for m in mentions if m.end <= mention.start), key=lambda m: m.end, default=None)


def adds_to_a_total(text: str, mention: NumberMention, mentions: Sequence[NumberMention]) -> bool:
    """Does a running total follow the number in its sentence ("won two golds on Saturday,
    bringing its tally to 13": two is what was added)?"""
    return any(m.start > mention.end and is_running_total(text, m) for m in mentions)


def asks_one_day(question: str) -> bool:
    """Does the question ask about one day ("on Saturday", "yesterday", "on August 3")?"""
    return _ONE_DAY.search(question) is not None or any(
        1 <= m.value <= 31 and is_date_part(question, m) for m in find_numbers(question))


def of_another_span(text: str, mention: NumberMention, mentions: Sequence[NumberMention], one_day: bool,
                    one_game: bool = False) -> bool:
    """Is the number the count of another span than the one asked: one day's, added to a
    running total, where the total so far is asked, or the total where one day is; a season's
    or a career's where one game is ("who ran for 2,005 yards in the regular season, was held
    to 57 yards" in the Super Bowl)?"""
    if one_game and _SEASON_LONG.match(text, mention.end):
        return True
    return is_running_total(text, mention) if one_day else adds_to_a_total(text, mention, mentions)


# a number's noun, then the season or career it was counted over
_SEASON_LONG = re.compile(r"\s+(?:[\w\-]+\s+){0,2}?(?:in|during|over|for|this|last)\s+(?:the\s+|this\s+|his\s+|her\s+|"
                          r"their\s+|its\s+)?(?:regular\s+)?(?:season|career)\b", re.I)
# one game or final asked about by its name, no season or career: "in Super Bowl LIX", "in the final"
_ONE_GAME = re.compile(r"\b(?:in|at|during)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’\-]*\s+){0,3}(?:final|game|match|race|"
                       r"Super\s+Bowl(?:\s+[LXVI]+)?|Game\s+\d+)\b", re.I)


def asks_one_game(question: str) -> bool:
    """Does the question ask about one game, its final or a named one, and not a season's or a career's count?"""
    return _ONE_GAME.search(question) is not None and re.search(r"\b(?:season|career)\b", question, re.I) is None


# what is still to come after the number, in its clause: "with four seats ... still to be counted"
_PENDING = re.compile(r"[^.;,]{0,80}?\b(?:still|yet)\s+to\s+be\s+(?:counted|declared|decided|allocated|awarded|called|"
                      r"announced|determined)\b", re.I)


# "has forecast sales of 15 million", "expects to hire 2,000": what is foreseen, not done
_FORESEEN = re.compile(r"\b(?:forecast(?:s|ed|ing)?|project(?:s|ed|ing)|predict(?:s|ed|ing)?|expect(?:s|ed|ing)?|"
                       r"target(?:s|ed|ing)?|aim(?:s|ed|ing)?\s+(?:to|for)|outlook)\b[^.;,]{0,60}$", re.I)
_FORESEEN_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:target|forecast|projection)s?\b", re.I)  # "its 2% target"
_FORESIGHT_ASKED = re.compile(r"\b(?:forecast|project|predict|expect|target|aim|outlook|will|plan)", re.I)


def is_foreseen(text: str, mention: NumberMention, question: str) -> bool:
    """Is the number a forecast, a target or an expectation ("has forecast sales of 15
    million Switch 2 units", "its 2% target"), no count of what was done, unless the
    question asks for one?"""
    return (_FORESEEN.search(text[max(0, mention.start - 80):mention.start]) is not None
            or _FORESEEN_AFTER.match(text, mention.end) is not None) and not _FORESIGHT_ASKED.search(question)


# how far a count has got, not what anyone won: "With 649 of 650 seats declared", "80% of votes counted"
_PROGRESS = re.compile(r"(?:\s+(?:out\s+)?of\s+(?:the\s+)?[\d,.]+%?)?\s+(?:[a-z]+\s+){0,3}?(?:now\s+|so\s+far\s+|"
                       r"(?:have|has)\s+been\s+)?(?:declared|counted|tallied|reporting)\b(?!\s+(?:by|for|as)\b)", re.I)
_PROGRESS_VERB = re.compile(r"\b(?:declared|counted|tallied|reporting)\b", re.I)


def is_progress(text: str, mention: NumberMention, question: str) -> bool:
    """Is the number how far a count has got ("With 649 of 650 seats declared", "with 95%
    of the vote counted"), no party's or candidate's share of it, unless that is asked
    ("How many seats have been declared?")?"""
    return _PROGRESS.match(text, mention.end) is not None and _PROGRESS_VERB.search(question) is None


def is_pending(text: str, mention: NumberMention, question: str) -> bool:
    """Is the number what is still to be counted or decided ("with four seats elected by
    voters abroad still to be counted"), no part of what was won, unless that is asked?"""
    return _PENDING.match(text, mention.end) is not None and not re.search(r"\b(?:still|yet)\b", question, re.I)
