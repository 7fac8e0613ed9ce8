"""What is written near a value in a passage: the words either side of it, and whether a
word appears there in any of its forms ("swimming": swimmers; "launch": launched)."""

from __future__ import annotations

import re

from orchestrator.verify.question import is_cjk

_CLAUSE_END = re.compile(r";|\s[—–]\s|(?<=[a-z0-9])[.!?](?=\s+[A-Z])|[。！？；]")  # not "the U.S. won"


# a clause joined to another with its own doer: "Athena did not land upright, and the company
# ended the mission on March 7"
_CONJOINED = re.compile(r",\s+(?:and|but|while|whereas)\s+(?=(?:the|its|his|her|their|a|an)\b|[A-Z])")


def around(text: str, value: str, reach: int, at: int | None = None, conjoined: bool = False) -> str:
    """The ``reach`` words either side of where ``text`` writes ``value`` (at ``at``, else its
    first place), inside its clause (up to a semicolon, a dash or a sentence's end; with
    ``conjoined``, also a comma and a conjunction opening a clause of its own); the whole
    text where it does not write it."""
    at = written_at(text, value, at)
    if at < 0:
        return text
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    if conjoined:
        ends = sorted(ends + [m.end() for m in _CONJOINED.finditer(text)])
    start = max([e for e in ends if e <= at], default=0)
    stop = min([e for e in ends if e > at + len(value)], default=len(text))
    before = re.findall(r"\S+", text[start:at])[-reach:]
    after = re.findall(r"\S+", text[at:stop])[:reach + len(value.split())]
    return " ".join(before + after)


def writes(text: str, word: str) -> bool:
    """Does ``text`` write ``word`` in any of its forms (its first letters: "swimm" for
    swimming, "vote" for voters, "launc" for launched)?"""
    if is_cjk(word):  # unspaced: "8月11日闭幕" writes 闭幕 after a character, not a word's edge
        return word in text
    return re.search(r"(?<![\w])" + re.escape(stem(word).lower()), text.lower()) is not None


def stem(word: str) -> str:
    """A word's first letters, which its forms share: "swimm" of swimming, "launc" of launched."""
    return word[:max(4, len(word) - 3)] if len(word) > 4 else word


def written_at(text: str, value: str, at: int | None = None) -> int:
    """Where ``text`` writes ``value``: ``at`` when known, else its first place, else -1."""
    return at if at is not None else (text.find(value) if value else -1)
