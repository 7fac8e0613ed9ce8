"""Which country holds a place ("Which country finished fourth on the medal table?"): the
country a sentence places there, an ordinal beside a rank word ("Australia placed fourth"),
or the country in a table's row whose rank column holds it. The countries merely named
near the ordinal ("Japan finished third ... Australia placed fourth") hold other places."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.verify.candidates import Found
from orchestrator.verify.entities import countries_in, country_name, owner
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.passages import Passage
from orchestrator.verify.tables import ROW_STRENGTH, column_claims

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
# "finished fourth", "came second", "placed third", "ranked fifth", "ended up sixth"; "was 4th"
_RANKING = r"finish(?:ed|es)?|came|comes?|plac(?:ed|es)?|rank(?:ed|s)?|end(?:ed|s)?(?:\s+up)?"
_ORDINAL = rf"({'|'.join(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\b"
_PLACED = re.compile(rf"\b(?:{_RANKING}|was|were|is|are)\s+(?:in\s+)?(?:the\s+)?{_ORDINAL}", re.I)
_RANKED = re.compile(rf"\b(?:{_RANKING})\s+(?:in\s+)?(?:the\s+)?{_ORDINAL}", re.I)
_NAMED_PLACE = re.compile(rf"\b{_ORDINAL}\s+place\b", re.I)  # "first place overall" (a gloss of "종합 1위")
REACH = 30  # characters between a rank word and the ordinal it places


def _place_number(written: str) -> int:
    """A place as its number: "third" and "3rd" are 3."""
    word = written.lower()
    return int(word[:-2]) if word[0].isdigit() else ORDINALS.index(word) + 1


# the first place, said as topping a ranking: "topped the Paris 2024 medal table", "led the standings"
_TOPPED = re.compile(r"\b(?:topped|tops|top|headed|heads|led|leads)\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
                     r"(?:table|standings|rankings?|leaderboard|chart|tally)\b", re.I)
_RUNNER_UP = re.compile(r"\brunners?[\s-]+up\b", re.I)
# a place asked in Chinese or Japanese: "金牌榜第一名", "排名第二的国家", "第3位"; not "第33届" (an edition)
_CJK_PLACE = re.compile(r"(?:(?:排名|位列|名列|位居|排在)(?:[^第，。？?]{0,6}?)(第[一二三四五六七八九十\d]{1,3})|"
                        r"(第[一二三四五六七八九十\d]{1,3})[名位])")  # "位列奖牌榜第四"


# a place asked relative to another's: "finished just behind Japan", "ranked right above France"
_RELATIVE = re.compile(rf"\b(?:{_RANKING})\s+(?:(?:just|right|immediately|directly|one\s+place)\s+)?"
                       r"(?:behind|ahead\s+of|below|above)\s+(?:the\s+)?(?-i:[A-Z])", re.I)


def asks_relative_place(question: str) -> bool:
    """Does the question ask who stands next to another on a ranking ("Which country finished
    just behind Japan?")? The rules read places as stated, and reckon none from another's."""
    return _RELATIVE.search(question) is not None


def placed_places(text: str) -> set[int]:
    """The places ``text`` writes as places ("finished third", "ranked 5th", "topped the
    table" is first); not "its first gold"."""
    return {_place_number(m.group(1)) for m in _PLACED.finditer(text)} | ({1} if _TOPPED.search(text) else set())


def asked_place(question: str, ranked: bool = False) -> int | None:
    """The place a question asks who holds: "Which country finished fourth?" -> 4; "Who was
    second?" -> 2 unless only a place on a ranking counts (``ranked``: "was first to ban" is
    no finish)."""
    if _TOPPED.search(question):  # "Which country topped the medal table?"
        return 1
    if _RUNNER_UP.search(question):  # "Which country was runner-up on the medal table?"
        return 2
    if cjk := _CJK_PLACE.search(question):
        return next((int(n.value) for n in find_numbers(cjk.group(1) or cjk.group(2)) if n.ordinal), None)
    match = (_RANKED if ranked else _PLACED).search(question) or _NAMED_PLACE.search(question)
    if not match:
        return None
    return _place_number(match.group(1))


def place_holders(passages: list[Passage], texts: dict[int, str], place: int, rank_words: Sequence[str],
                  aliases: Sequence[Sequence[str]], language: str) -> list[Found]:
    """The country each passage or table places at ``place``, named in ``language`` as the
    other country answers are."""
    words = [w.lower() for w in rank_words]
    found: list[Found] = []
    for passage in passages:
        places = countries_in(passage.text, aliases)
        for mention in find_numbers(passage.text):
            near = passage.text[max(0, mention.start - REACH):mention.start].lower()
            if not mention.ordinal or mention.value != place or not any(w in near for w in words):
                continue
            code = owner(places, mention, passage.text)
            if code:
                found.append(Found(country_name(code, language), country_name(code, language), passage, passage.score))
    for claim in column_claims(texts, aliases, rank_words):
        if claim.value == place:
            found.append(Found(country_name(claim.owner, language), country_name(claim.owner, language), claim.passage,
                               ROW_STRENGTH))
    return found
