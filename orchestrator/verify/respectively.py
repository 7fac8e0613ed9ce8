"""Values a sentence gives "respectively": "the rates on the main refinancing operations, the
marginal lending facility and the deposit facility will be decreased to 4.25%, 4.50% and
3.75% respectively" gives the deposit facility 3.75%, and 4.25% to another item. A value of
such a list answers only the question about its own item; where no item is the asked one
alone, or the items cannot be told, none of them does."""

from __future__ import annotations

import re

from orchestrator.verify.question import keywords, word_stem

_RESPECTIVELY = re.compile(r",?\s+respectively\b", re.I)
_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# where a list's first item begins: after the last preposition of the words before it ("the
# interest rates on | the main refinancing operations", "decreased to | 4.25%", "ended with both | the booster")
_OPENING = re.compile(r".*\b(?:on|of|for|in|at|to|with|both|between|from|by)\s+", re.I | re.S)
_VALUE_OPENING = re.compile(r"(?:\S+\s+){0,8}?(?:on|of|for|in|at|to|with|between|from|by)\s+", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?=\s)")  # not a decimal point: "4.25%, 4.50% and 3.75%"
_VALUE_WORDS = 5  # a value is short: "4.50%", "in the Gulf of Mexico"


def bound_to_another_item(text: str, at: int, question: str) -> bool:
    """Is the value at ``text[at]`` one of a list the sentence gives "respectively", and its
    item not the one the question asks about?"""
    told = _RESPECTIVELY.search(text, max(at, 0))
    if at < 0 or told is None or _SENTENCE_END.search(text, at, told.start()):
        return False
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    chunks = _chunks(text, begin, told.start())
    holding = next((i for i, (start, end) in enumerate(chunks) if start <= at < end), None)
    first, shared = _first_value(text, chunks)
    if holding is None or holding < first:
        return False  # an item's own number ("the 113-seat legislature"), not one of the values
    count = len(chunks) - first
    if count < 2:
        return False  # one value is no list: nothing to give each item its own
    items = chunks[first - count + 1:first + 1] if shared else chunks[first - count:first]
    if first - count + (1 if shared else 0) < 0 or len(items) != count:
        return True  # values whose items the sentence does not list as many: whose is each goes unread
    texts = [text[start:end] for start, end in items]
    if (opening := _OPENING.match(texts[0])) and opening.end() < len(texts[0]):
        texts[0] = texts[0][opening.end():]  # "the interest rates on the main refinancing operations"
    # the last item runs on into what the list's values are ("the ship splashing down"): as
    # long as the others, it is the item ("the ship")
    longest = max(len(_content(t)) for t in texts[:-1])
    texts[-1] = " ".join(_content(texts[-1])[:longest])
    return _asked_item(texts, question) != holding - first


def _chunks(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """The spans between the separators of ``text[begin:end]``."""
    spans, at = [], begin
    for sep in _SEPARATOR.finditer(text, begin, end):
        spans.append((at, sep.start()))
        at = sep.end()
    return [*spans, (at, end)]


def _first_value(text: str, chunks: list[tuple[int, int]]) -> tuple[int, bool]:
    """Where the values' list begins among ``chunks`` (which end with it), and whether its
    first chunk holds the last item too ("the deposit facility will be decreased to 4.25%",
    "the Conservatives won 411")."""
    index = len(chunks)
    while index > 0:
        chunk = text[slice(*chunks[index - 1])]
        words = chunk.split()
        opening = _VALUE_OPENING.match(chunk)  # "in | the Gulf of Mexico", "decreased to | 4.25%"
        tail = chunk[opening.end():] if opening else chunk
        if (opening and len(words) - len(tail.split()) >= 2 and _a_value(tail)) \
                or (len(words) >= 3 and re.search(r"\d", words[-1])):
            return index - 1, True
        if not _a_value(tail):
            return index, False
        index -= 1
    return 0, False


def _a_value(words: str) -> bool:
    """Is ``words`` a value's few words, opening with it ("4.50%", "the Indian Ocean")?"""
    said = words.split()
    if not said or len(said) > _VALUE_WORDS:
        return False
    first = said[1] if said[0].lower() in ("the", "a", "an") and len(said) > 1 else said[0]
    return bool(re.match(r"[\d$€£¥]|[A-Z]", first))


def _content(item: str) -> list[str]:
    return [w for w in item.split() if w.lower() not in ("the", "a", "an")]


def _asked_item(items: list[str], question: str) -> int | None:
    """The item the question's words name more than any other does, if one does."""
    asked = {word_stem(w) for w in keywords(question)}
    said = [{word_stem(w) for w in keywords(item)} for item in items]
    shared = set.intersection(*said)
    scores = [len((words - shared) & asked) for words in said]
    best = max(scores)
    return scores.index(best) if best and scores.count(best) == 1 else None
