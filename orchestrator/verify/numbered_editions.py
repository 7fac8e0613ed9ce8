"""Editions of an event told apart by their number: "Super Bowl LVII", "the 97th Academy
Awards", "Game 7", "Flight 5". A question about one is not answered by a passage about another: "Eagles rout
Chiefs to win Super Bowl LIX" tells nothing of who won Super Bowl LVII, unless the passage
also writes the asked one ("... two years after losing Super Bowl LVII to them")."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_NAME = r"((?:[A-Z][\w'’\-]*\s+){0,3}[A-Z][\w'’\-]*)"
# an event's name and its Roman number after it, an ordinal before it
_ROMAN = re.compile(rf"\b{_NAME}\s+([MDCLXVI]{{2,}})\b")
_ORDINAL = re.compile(rf"\b(\d+(?:st|nd|rd|th))\s+{_NAME}")
# and an Arabic number after it: "Game 7", "Flight 5" (not a date's day: "June 6", nor a degree: "Category 4")
_NUMBERED = re.compile(rf"\b{_NAME}\s+(\d{{1,3}})\b(?![,.]?\d|\s*%)")
_SCALES = {"category", "level", "grade", "class", "tier", "type", "phase", "magnitude", "force"}  # a degree, no edition
_DAYS_OF = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.I)


@lru_cache(maxsize=256)  # asked of every candidate a passage gives
def _numbered(text: str) -> frozenset[tuple[str, str]]:
    """(the event's last word, lower-cased; its number as written) of each numbered edition."""
    found = {(m.group(1).split()[-1].lower(), m.group(2)) for m in _ROMAN.finditer(text)}
    found |= {(m.group(1).split()[-1].lower(), m.group(2)) for m in _NUMBERED.finditer(text)
              if not _DAYS_OF.fullmatch(m.group(1).split()[-1]) and m.group(1).split()[-1].lower() not in _SCALES}
    return frozenset(found | {(m.group(2).split()[-1].lower(), m.group(1).lower()) for m in _ORDINAL.finditer(text)})


@lru_cache(maxsize=64)  # asked of every candidate a page gives: its edition is read once
def _page_edition(page: str, events: frozenset[str]) -> tuple[str, str] | None:
    """The page's edition of one of ``events``: the one it numbers most often, and first where
    two tie (its lead's)."""
    told = [(m.start(), (m.group(1).split()[-1].lower(), m.group(2))) for m in (*_ROMAN.finditer(page),
                                                                               *_NUMBERED.finditer(page))]
    counts = Counter(key for _, key in told if key[0] in events)
    return min(counts, key=lambda key: (-counts[key], min(at for at, k in told if k == key))) if counts else None


def asked_editions(question: str) -> frozenset[tuple[str, str]]:
    return _numbered(question)


def of_another_numbered_edition(passage: str, asked: frozenset[tuple[str, str]], page: str = "") -> bool:
    """Does the passage write an asked event with another number, or as the one before ("The
    previous test flight, on June 6, ..." asked of Flight 5), and never the asked one? One
    numbering none is of its ``page``'s edition: the one it numbers most ("Chiefs beat 49ers to
    repeat as Super Bowl champions" on a page about Super Bowl LVIII that recalls Super Bowl LI)."""
    if not asked:
        return False
    said = _numbered(passage)
    events = {event for event, _ in asked}
    if page and not any(event in events for event, _ in said) and (main := _page_edition(page, frozenset(events))):
        if main not in asked:
            return True
    if any(event == asked_event and number != asked_number and (asked_event, asked_number) not in said
           for event, number in said for asked_event, asked_number in asked):
        return True
    return any((event, number) not in said and re.search(rf"\b(?:previous|prior|preceding|earlier)\s+(?:\w+\s+)?{event}s?\b",
                                                         passage, re.I) is not None for event, number in asked)


def only_other_editions(pages: list[str], asked: frozenset[tuple[str, str]]) -> bool:
    """Do the pages write an asked event only with other numbers ("the 97th Academy Awards",
    asked of the 96th)? Then the pages that write no number tell of those editions too."""
    if not asked or not pages:  # most questions number no edition: no page is read for one
        return False
    said = frozenset().union(*(_numbered(page) for page in pages))
    return not asked & said and any(of_another_numbered_edition(page, asked) for page in pages)
