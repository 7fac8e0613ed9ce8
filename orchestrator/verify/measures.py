"""What a number measures. Each number in a sentence is bound to the measure word next to it
("40 gold", "24枚铜牌", "91 in total", "奖牌总数91枚"): the first one after it, else the
nearest one before it, never reaching past a neighbouring number nor past a noun of its own
("32 sports"). A question that names a
measure (the policy's ``measures:``: gold, bronze, total, seats, votes...) is answered only
by numbers bound to that measure, so a bronze count never answers a question about the
total, and a total never answers one about golds. A total is also what a number with no
measure word states ("won 126 medals")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from orchestrator.verify.asked_unit import unit_after
from orchestrator.verify.numbers import NumberMention
from orchestrator.verify.question import contains, only_function_words, word_stem
from orchestrator.verify.tally import compared_first, tally_first

TOTAL = "total"  # the measure a bare count ("126 medals") may state
DURATION = "duration"  # "为期17天": days, hours, years of age are no count of anything else
OTHER_NOUN = "other noun"  # "32 sports": a count of what no measure names, never a medal total
_DURATION_UNITS = {"天", "时", "分", "岁", "周"}
_REACH = 28  # characters a measure word may stand from its number
_LINK = re.compile(r"[\sのは为為是]*")  # what joins a CJK measure word to the number it labels
_CLAUSE = re.compile(r"[，,、；;。!！?？:：()（）]")  # a measure word does not reach across these
_OWN_NOUN = re.compile(r"\s+([a-z]{3,}s)\b")  # a plural noun right after a number is what it counts
# ... or a word on, which may say it too ("five unearned runs", "40 gold medals")
# (capitalised too: "two Australian Opens" counts those, not the Grand Slam titles asked)
_ITS_NOUN = re.compile(r"\s+(?:([a-zA-Z][a-z\-]+)\s+)?([a-zA-Z][a-z]{2,}s)\b")
# a word joined to a number word by a hyphen: "three-peat", "four-day", "three-time"
_JOINED_WORD = re.compile(r"-([a-z]{2,})\b", re.I)


@lru_cache(maxsize=64)
def _compiled(words: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern:
    """One pattern matching any measure word; longest first, whole words for Latin script."""
    alternatives = []
    for _, group in words:
        for word in group:
            escaped = re.escape(word.lower())
            alternatives.append((len(word), escaped if not word[:1].isascii() else rf"(?<![a-z]){escaped}(?![a-z])"))
    return re.compile("|".join(a for _, a in sorted(alternatives, reverse=True)))


def _key(measures: Mapping[str, Sequence[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, tuple(words)) for name, words in measures.items())


def _name_of(word: str, measures: Mapping[str, Sequence[str]]) -> str | None:
    low = word.lower()
    return next((name for name, words in measures.items() if low in (w.lower() for w in words)), None)


def question_measure(question: str, measures: Mapping[str, Sequence[str]]) -> str | None:
    """The measure the question asks for: the one it names; a total beats the parts it sums
    ("奖牌总数" names medals in total; "total gold medals" still asks for golds)."""
    low = question.lower()
    named = [name for name, words in measures.items() if any(contains(low, w.lower()) for w in words)]
    parts = [name for name in named if name != TOTAL]
    if len(parts) == 1:
        return parts[0]
    return TOTAL if TOTAL in named and not parts else None


# "14 of the 21 votes", "three out of five": a part, then the whole it is counted from
# "14 of the 21 votes", "37 of the state's 80 seats", "Eleven of our 14 experts"
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|our\s+|his\s+|her\s+)?"
                      r"(?:(?:[A-Za-z][\w\-]*\s+)?[\w\-]+['’]s?\s+)?", re.I)


def whole_after(text: str, mention: NumberMention, mentions: Sequence[NumberMention]) -> NumberMention | None:
    """The whole ``mention`` is a part of ("14" of "14 of the 21 votes"), if it is one."""
    following = min((m for m in mentions if m.start >= mention.end), key=lambda m: m.start, default=None)
    return following if following and _PART_OF.fullmatch(text, mention.end, following.start) else None


# "the last of the 650 seats", "all of the 21 votes": a part named by a word, then its whole
_WORDED_PART_OF = re.compile(r"\b(?:last|first|all|each|every\s+one|most|rest|remainder|majority|half|any|none|some|"
                             r"several|many|one|two|three)\s+of\s+the\s+$", re.I)


def is_whole(text: str, mention: NumberMention, mentions: Sequence[NumberMention], worded: bool = False) -> bool:
    """Is ``mention`` the whole a part is counted from ("21" of "14 of the 21 votes"; with
    ``worded``, asked of one owner's part, "650" of "the last of the 650 seats")? It counts
    every vote, not the ones a question about who got how many asks for ("the last of the 10
    inmates" still counts how many escaped)."""
    previous = max((m for m in mentions if m.end <= mention.start), key=lambda m: m.end, default=None)
    return (previous is not None and _PART_OF.fullmatch(text, previous.end, mention.start) is not None) \
        or (worded and _WORDED_PART_OF.search(text, max(0, mention.start - 40), mention.start) is not None)


def bound_measure(text: str, mention: NumberMention, mentions: Sequence[NumberMention],
                  measures: Mapping[str, Sequence[str]]) -> str | None:
    """The measure ``mention`` (one of ``mentions``, all found in ``text``) is bound to; a
    part's is its whole's ("14 of the 21 votes": votes)."""
    if mention.unit in _DURATION_UNITS:
        return DURATION
    if not measures:
        return None
    if unit_after(text, mention.end) not in (None, "%"):
        return OTHER_NOUN  # "took silver with 89.45m": a distance, no count of silvers
    whole = whole_after(text, mention, mentions)
    if whole is not None:
        return bound_measure(text, whole, [m for m in mentions if m is not mention], measures)
    pattern = _compiled(_key(measures))
    later = [m.start for m in mentions if m.start >= mention.end]
    earlier = [m.end for m in mentions if m.end <= mention.start]
    window = text[mention.end:min([mention.end + _REACH, *later])].lower()
    after = _CLAUSE.split(window, maxsplit=1)[0]
    found = pattern.search(after)
    # "銅メダル13個の合計45個": 合計 runs on into the 45 (no clause break, only a particle): the 45's
    # (a total only: "40金27银24铜" writes each medal after its number)
    labels_next = found is not None and not found.group(0).isascii() and after == window \
        and mention.end + len(window) in later and _LINK.fullmatch(after, found.end()) is not None \
        and _name_of(found.group(0), measures) == TOTAL
    if found and not labels_next:
        return _name_of(found.group(0), measures)
    if (noun := _OWN_NOUN.match(text, mention.end)) and not only_function_words([noun.group(1)]):
        return OTHER_NOUN  # "329 medal events in 32 sports": 32 counts sports, not the events before it
    before = _CLAUSE.split(text[max([mention.start - _REACH, *earlier, 0]):mention.start])[-1].lower()
    found_before = pattern.findall(before)
    if found_before:
        return _name_of(found_before[-1], measures)
    # a number set after its noun by a comma: "its larger number of silver medals, 44 to China's 27"
    if not before.strip() and (apposed := _APPOSED_TO.search(text[max(0, mention.start - _REACH):mention.start])):
        if named := pattern.findall(apposed.group(1).lower()):
            return _name_of(named[-1], measures)
    # "312 electoral votes to Harris's 226", "20 golds ... second only to the 27": votes, golds too
    first = tally_first(text, mention, mentions) or compared_first(text, mention, mentions)
    return bound_measure(text, first, [m for m in mentions if m is not mention], measures) if first else None


# the words of a clause a comma closes, right before a number: "number of silver medals, "
_APPOSED_TO = re.compile(r"([^,，;；.。]+),\s*$")

# two numbers of one run, the second with its noun left out: "with 18 gold medals and the
# host nation France fifth with 16"
_ELIDED_BETWEEN = re.compile(r"[^.;:!?]{0,80}\bwith\s+$")
_ELIDED_AFTER = re.compile(r"\s*(?:[.;,)]|$)")


def elided_measure(text: str, mention: NumberMention, mentions: Sequence[NumberMention],
                   measures: Mapping[str, Sequence[str]]) -> str | None:
    """The measure of a bare number whose noun the sentence leaves out because the number
    before it, in the same run ("with 18 gold medals and ... with 16"), names it; None
    otherwise. A bare 16 there is 16 golds, no total."""
    before = [m for m in mentions if m.end <= mention.start and not m.ordinal]  # not "fifth"
    if not before or not _ELIDED_AFTER.match(text, mention.end):
        return None
    previous = before[-1]
    between = text[previous.end:mention.start]
    if not (_ELIDED_BETWEEN.match(between) and re.search(r"\band\b|,", between)
            and re.search(r"\bwith\s+$", text[max(0, previous.start - 6):previous.start])):
        return None
    bound = bound_measure(text, previous, mentions, measures)
    return bound if bound not in (None, OTHER_NOUN, DURATION) else None


def answers_measure(asked: str | None, bound: str | None) -> bool:
    """Whether a number bound to ``bound`` can answer a question asking ``asked``. A question
    naming no measure counts something else ("for how many straight Summer Olympics"): a
    number bound to one ("44 silver medals") never answers it."""
    return bound == asked or (asked == TOTAL and bound is None) or (asked is None and bound == OTHER_NOUN)


# "How many European titles has Real Madrid won?", "How many IOC members voted ...": what is
# counted stands in the words right after "how many"
_COUNTED_NOUN = re.compile(r"\bhow\s+many\s+((?:[\w'’\-]+\s*){1,4})", re.I)
_ANY_COUNT = {"time", "occasion"}  # "has won it 15 times" counts titles too


@lru_cache(maxsize=256)  # read for every number mention a passage gives
def counted_words(question: str) -> tuple[str, ...] | None:
    """The words right after "how many" (what a count question counts), or None when the
    question counts nothing."""
    asked = _COUNTED_NOUN.search(question)
    if asked is None:
        return None
    # what "of" opens ("how many of the 630 seats"), up to the verb's auxiliary: "How many
    # sunrises do the astronauts see?" counts sunrises, not astronauts
    words = asked.group(1).split()
    while len(words) > 1 and (only_function_words(words[:1]) or words[0][0].isdigit()):
        words = words[1:]
    return tuple(words[:next((i for i, w in enumerate(words) if i and only_function_words([w])), len(words))])


def counts_joined(text: str, mention: NumberMention, question: str) -> bool:
    """Is ``mention`` joined by a hyphen to the word the question counts ("a 30-storey
    skyscraper" for how many storeys)?"""
    asked, joined = counted_words(question), _JOINED_WORD.match(text, mention.end)
    if not (asked and joined):
        return False
    return any(w.lower().startswith(word_stem(joined.group(1).lower())) for w in asked)


# a count of what a thing is made of: "How many storeys was the building?", "How many seats does the house have?"
_SIZE_ASKED = re.compile(r"\bhow\s+many\s+[\w\s'’\-]{1,60}?\b(?:is|was|are|were|has|have|had)\b", re.I)


# "How many seats are in Portugal's parliament?", "How many members does the council have?":
# the whole a body is made of ("89 of the 230 seats": 230), none of its parts
_WHOLE_ASKED = re.compile(r"\bhow\s+many\s+[\w\-]+(?:\s+[\w\-]+)?\s+(?:(?:are|were|is)\s+(?:there\s+)?(?:in|on)\b"
                          r"|(?:does|do|did)\s+[^?]{1,60}?\bhave\b)", re.I)


def asks_whole(question: str) -> bool:
    return _WHOLE_ASKED.search(question) is not None


def asks_size(question: str) -> bool:
    """Does the question count what a thing has or is made of ("a 30-storey skyscraper"
    answers it), not what was done ("the 465-seat lower house" is no count of seats won)?"""
    return _SIZE_ASKED.search(question) is not None


# "How many times has India won the Champions Trophy?" is answered by a number written as a
# count of times ("three times", "a three-time winner", "三次"), never by a bare one
# ("Chasing 252, India reached 254 for 6")
_TIMES_ASKED = re.compile(r"\bhow\s+many\s+times\b|几次|多少次", re.I)
_AS_TIMES = re.compile(r"\s*(?:-\s*)?(?:times?|occasions?)\b|\s*次", re.I)


def asks_times(question: str) -> bool:
    return _TIMES_ASKED.search(question) is not None


def written_as_times(text: str, mention: NumberMention) -> bool:
    return _AS_TIMES.match(text, mention.end) is not None


# "a two-time defending champion Jonas Vingegaard": the titles of the name the title goes before
_TITLED_AFTER = re.compile(r"-time\s+(?:[a-z][\w'’-]*\s+){0,3}([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")


def times_of_another(text: str, mention: NumberMention, names: Sequence[str]) -> bool:
    """Is "N-time" written as the title of a name after it that is none of the question's
    ``names`` ("ahead of two-time defending champion Jonas Vingegaard", asked how many times
    Pogačar won)?"""
    titled = _TITLED_AFTER.match(text, mention.end)
    if titled is None or not names:
        return False
    words = {w.lower() for w in titled.group(1).split()}
    return not any(words & {w.lower() for w in name.split()} for name in names)


_NOMINATED = re.compile(r"\bnominated\s+(?:for\s+)?(?:a\s+record\s+)?$", re.I)
_NOMINATED_ASKED = re.compile(r"\bnominat", re.I)


def counts_another_noun(text: str, mention: NumberMention, question: str) -> bool:
    """Is ``mention`` written with a plural noun of its own that is not what the question
    counts ("won the final with two goals", "scored five unearned runs", "denying a three-peat"
    for how many titles; "a three-time champion" counts them, "a four-day visit" days), or
    with a unit of measure the question does not count in ("the women's +81kg title", "the
    5,000m" for how many golds; "12 km" counts kilometres)?"""
    asked = counted_words(question)
    if _NOMINATED.search(text, max(0, mention.start - 30), mention.start) and not _NOMINATED_ASKED.search(question):
        return True  # "Taylor Swift, nominated six times, went home empty-handed": no six wins
    if asked is not None and (unit := unit_after(text, mention.end)) not in (None, "%"):
        return unit not in {unit_after(" " + w, 0) for w in asked}
    if asked is not None and (joined := _JOINED_WORD.match(text, mention.end)):  # "three-peat", not "three-time"
        return joined.group(1).lower() not in _ANY_COUNT and not counts_joined(text, mention, question)
    noun = _ITS_NOUN.match(text, mention.end)
    if asked is None or noun is None or only_function_words([noun.group(2)]):
        return False
    stem = noun.group(2)[:-1].lower()
    said = [stem] + ([noun.group(1).lower()] if noun.group(1) else [])  # "40 gold medals" counts golds too
    return stem not in _ANY_COUNT and not any(w.lower().startswith(word_stem(s)) or s.startswith(word_stem(w.lower()))
                                              for w in asked for s in said)


def counts_for_no_one(terms: Sequence[Sequence[str]], names: Sequence[Sequence[str]],
                      measures: Mapping[str, Sequence[str]]) -> bool:
    """Does a count question say only what is counted ("How many gold medals?"): no name and
    no word beside the measure's? China's 40 is no answer to it, nor is anyone else's."""
    measured = {w for words in measures.values() for phrase in words for w in phrase.lower().split()}
    return bool(terms) and not names and all(any(w.lower() in measured for w in g) for g in terms)
