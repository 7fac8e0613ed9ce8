"""Headlines in title case ("Zurich Names Lucía Fernández To Succeed Greco As Chief Executive")
capitalise every word, so a run of capitals there is no name ("To Succeed Greco As"). The
name readers see such a line with the words the pages write in lower case elsewhere in lower
case, and the rest, the names, as written. Only letters' case changes, so every position in
the text holds."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_SEGMENT = re.compile(r"[^\n.!?|:]+")  # a line, a sentence or a headline's part ("... | The Week")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_MIN_WORDS = 4
_CAPITALISED_SHARE = 0.8
_MIN_COMMON = 2  # capitalised words the pages also write in lower case: "Names", "To", "As"


def _title_cased(words: Sequence[re.Match], common: set[str]) -> bool:
    if len(words) < _MIN_WORDS:
        return False
    capitalised = [w.group(0) for w in words if w.group(0)[0].isupper()]
    return (len(capitalised) >= _CAPITALISED_SHARE * len(words)
            and sum(w.lower() in common for w in capitalised[1:]) >= _MIN_COMMON)


def _segments(text: str, common: set[str]) -> Iterator[tuple[list[re.Match], bool]]:
    """Each line or sentence's words (positions in ``text``), and whether it is title-cased."""
    for segment in _SEGMENT.finditer(text):
        words = [m for m in _WORD.finditer(text, segment.start(), segment.end())]
        yield words, _title_cased(words, common)


def capitalised_in_prose(texts: Sequence[str], common: set[str]) -> set[str]:
    """The words ``texts`` capitalise after a sentence's first word outside title-cased lines:
    names ("Apple" beside "an apple"), which keep their capital in a headline too."""
    return {w.group(0) for text in texts for words, titled in _segments(text, common) if not titled
            for w in words[1:] if w.group(0)[0].isupper()}


def sentence_cased(text: str, common: set[str], names: set[str]) -> str:
    """``text`` with each title-cased line's capitalised words after its first in lower case
    where the pages write them so (``common``) and never capitalise them in prose (``names``)."""
    titled = [words for words, titled in _segments(text, common) if titled]
    if not titled:
        return text
    chars = list(text)
    for words in titled:
        for word in words[1:]:
            written = word.group(0)
            low = written.lower()
            if low in common and written not in names and len(low) == len(written):
                chars[word.start():word.end()] = low
    return "".join(chars)
