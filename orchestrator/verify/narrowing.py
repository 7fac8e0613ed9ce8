"""A count narrowed to a part of what it counts ("How many gold medals did the US win in
swimming?", "... among young voters", "... on the final day", "... in Pennsylvania") is
answered only by a sentence that states that part: the whole count ("40 gold medals") is no
answer to it, however well its page is sourced.

A narrowing phrase opens with a preposition that restricts (in, on, among, during, from,
against; not "for", which says for whom: "a visa for the ultra-wealthy") and holds lower-case words or a state's or province's name. What frames the
whole question is none: a year or a number ("in 2024"), a time ("on Sunday", "in total",
"so far"), an event's kind ("in the election", "at the Olympics": "at" never narrows), or
another capitalised name than a state's or province's ("in Paris", "in Tokyo")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from orchestrator.verify.entities import is_state_or_province
from orchestrator.verify.nearby import around, writes, written_at

_OPENING = re.compile(r"\b(?:in|on|among|during|from|against)\s+", re.I)  # not "for": "a visa for the ultra-wealthy"
_STOPS = {"in", "on", "at", "of", "among", "during", "from", "against", "for", "by", "with", "to", "and", "or",
          "since", "before", "after", "than", "this", "that", "which", "who", "when", "where", "while", "as",
          "did", "do", "does", "was", "were", "is", "are", "has", "have", "had", "will", "would", "so", "far"}
_ARTICLES = {"the", "a", "an", "its", "their", "his", "her"}
# times, totals and the kinds of event a whole question is about
_FRAMES = {"total", "all", "overall", "sum", "today", "tonight", "yesterday", "week", "weekend", "month", "year",
           "season", "history", "record", "end", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
           "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "olympics", "olympic", "games", "paralympics", "election", "elections",
           "race", "contest", "tournament", "championship", "championships", "competition", "cup", "event",
           "world", "edition", "medal", "medals", "career", "lifetime", "life", "parliament", "congress",
           "legislature", "table", "standings", "count", "tally", "place", "first", "second", "third", "latest",
           "recent", "past", "last", "next", "same", "period", "time", "country", "nation", "city", "state",
           "region", "area"}  # "live and work in the country": where the question is set


def narrowing_words(question: str, measure: Sequence[str] = ()) -> tuple[str, ...]:
    """The words of the question's narrowing phrases, lower-cased ("swimming"; "young",
    "voters"; "pennsylvania"; "乒乓球" from "中国乒乓球队"; "women" from "the United States
    women"; with the asked ``measure``'s words, "table tennis" from "How many table tennis
    gold medals"): each must be stated where the count is."""
    return tuple(dict.fromkeys(_narrowing(question) + _cjk_narrowing(question) + _sexes(question)
                               + _team_of(question) + _before_measure(question, tuple(measure))))


# words between "how many" and the measure that say how many of what, not which part
_COUNTING = {"more", "fewer", "less", "additional", "extra", "total", "overall", "new", "other", "different", "such"}


@lru_cache(maxsize=512)
def _before_measure(question: str, measure: tuple[str, ...]) -> tuple[str, ...]:
    """"How many table tennis gold medals": the lower-case words before the measure's word."""
    if not measure:
        return ()
    asking = re.search(r"\bhow\s+many\s+", question, re.I)
    words = "|".join(sorted(map(re.escape, measure), key=len, reverse=True))
    first = re.search(rf"\b(?:{words})\b", question[asking.end():], re.I) if asking else None
    before = question[asking.end():asking.end() + first.start()].split() if asking and first else []
    if not 0 < len(before) <= 3 or not all(re.fullmatch(r"[a-z][\w\-]*", w) for w in before):
        return ()  # the measure comes first ("how many medals won in total"), or a name stands there
    return tuple(w for w in before if w not in _FRAMES and w not in _COUNTING and w not in _STOPS)


# "China's diving team", "the U.S. swimming squad": one sport's team, not the whole delegation
_TEAM = re.compile(r"(?:['’]s|\bthe(?:\s+[A-Z][\w.]*)*)\s+((?:[a-z][\w\-]*\s+){1,2})(?:team|squad)\b")


# "Japan's wrestlers", "China's divers", "Australian swimmers": one sport's athletes, not the
# whole delegation
_ATHLETES = re.compile(r"(?:['’]s|\b[A-Z][\w.]*)\s+([a-z]+(?:ers|ists|ors|ts))\b")


def _team_of(question: str) -> tuple[str, ...]:
    team = [w for m in _TEAM.finditer(question) for w in m.group(1).split() if w not in _FRAMES and w not in _WHOLE]
    return tuple(team + [m.group(1) for m in _ATHLETES.finditer(question) if m.group(1) not in _WHOLE])


# the whole delegation's team, or all its athletes
_WHOLE = {"national", "olympic", "paralympic", "whole", "entire", "athletes", "competitors", "players", "members",
          "voters", "supporters", "fans", "officials", "leaders", "workers", "residents", "citizens", "ministers"}


# "the U.S. women", "men's": half of a team, wherever the question writes it
_SEX = re.compile(r"\b(women|men|female|male|girls|boys)(?:['’]s)?\b", re.I)


def _sexes(question: str) -> tuple[str, ...]:
    return tuple(m.group(1).lower() for m in _SEX.finditer(question))


# "中国乒乓球队", "跳水项目": a team or an event of one sport, not the whole delegation
_CJK_PART = re.compile(r"([\u4e00-\u9fff]{2,5}?)(?:队|项目|比赛)")
_CJK_FRAMES = re.compile(r"中国|美国|日本|英国|法国|德国|澳大利亚|俄罗斯|韩国|代表|体育|国家|奥运|巴黎|东京|北京|全部|所有|男子|女子")


# "多少枚网球金牌", "跳水金牌数": a sport written right before the medal it counts
_CJK_MEDAL_OF = re.compile(r"(?:多少|几)[枚块个]?([\u4e00-\u9fff]{2,4}?)(?:金牌|银牌|铜牌|奖牌)|"
                           r"的?([\u4e00-\u9fff]{2,4}?)(?:金牌|银牌|铜牌|奖牌)数")


def _cjk_narrowing(question: str) -> tuple[str, ...]:
    framed = _CJK_FRAMES.sub("|", question)
    parts = [_CJK_FRAMES.sub("", m.group(1)) for m in _CJK_PART.finditer(framed)]
    parts += [m.group(1) or m.group(2) for m in _CJK_MEDAL_OF.finditer(framed)]
    return tuple(p for p in parts if len(p) >= 2 and "|" not in p)


@lru_cache(maxsize=512)
def _narrowing(question: str) -> tuple[str, ...]:
    words: list[str] = []
    for opening in _OPENING.finditer(question):
        phrase = _phrase_after(question[opening.end():])
        if not phrase or any((w.lower() in _FRAMES and not _SPORT.match(" ".join(phrase[i:])))
                             or any(ch.isdigit() for ch in w) for i, w in enumerate(phrase)):
            continue
        named = [w for w in phrase if w[:1].isupper()]
        if named and not is_state_or_province(" ".join(named)):
            continue  # "in Paris", "for Team USA": a name that frames the question
        words += [w.lower() for w in phrase]
    return tuple(dict.fromkeys(words))


# a sport whose name opens with a frame's word: "in table tennis" narrows, "in the medal table" frames
_SPORT = re.compile(r"table\s+tennis\b", re.I)


def _phrase_after(rest: str) -> list[str]:
    """The content words of the phrase a preposition opens: up to the next function word or
    punctuation ("swimming at Paris 2024?" -> swimming)."""
    phrase: list[str] = []
    for token in re.finditer(r"[\w'’\-]+|[^\w\s]", rest):
        word = re.sub(r"['’]s$", "", token.group(0))
        low = word.lower()
        if not re.match(r"[\w]", word) or low in _STOPS:
            break
        if low in _ARTICLES and not phrase:
            continue
        phrase.append(word)
        if len(phrase) == 4:
            break
    return phrase


REACH = 10  # words either side of the count where its narrowing is written


def states_narrowing(text: str, words: tuple[str, ...], value: str = "", at: int | None = None) -> bool:
    """Does ``text`` (the sentence or table quote stating a count) state every narrowing word,
    in any of its forms ("swimming": swimmers, swimming), within ``REACH`` words of where it
    writes ``value``? "In swimming, the U.S. won 8 golds" does; "The U.S. has 9 gold medals,
    two behind China, but ... with swimming and gymnastics accounting for most" does not."""
    where = written_at(text, value, at)
    own, start = _own_clause(text, where)
    near = around(own, value, REACH, where - start if where >= 0 else None)
    clause = _cjk_clause(text, where)
    return all(w in clause if _CJK.match(w) else writes(near, w) for w in words)


# "China had reached 40 golds on Sunday when weightlifter Li Wenwen won ...": the sport is
# the other clause's, not the count's
_SUBORDINATE = re.compile(r"\s(?:when|while|whereas|after|before|although|though|because|but)\s", re.I)


def _own_clause(text: str, at: int) -> tuple[str, int]:
    """The part of ``text`` between the subordinating words around position ``at``, and where it starts."""
    if at < 0:
        return text, 0
    start = max((m.end() for m in _SUBORDINATE.finditer(text) if m.end() <= at), default=0)
    stop = next((m.start() for m in _SUBORDINATE.finditer(text) if m.start() > at), len(text))
    return text[start:stop], start


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _cjk_clause(text: str, at: int) -> str:
    """The clause, between Chinese commas and stops, that holds position ``at`` ("跳水队包揽了全部8枚金牌")."""
    if at < 0:
        return text
    start = max((m.end() for m in re.finditer(r"[，,。；;！？]", text[:at])), default=0)
    stop = re.search(r"[，,。；;！？]", text[at:])
    return text[start:at + stop.start()] if stop else text[start:]
