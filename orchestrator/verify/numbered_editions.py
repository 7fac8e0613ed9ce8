"""Editions of an event told apart by their number: "Super Bowl LVII", "the 97th Academy
Awards". A question about one is not answered by a passage about another: "Eagles rout
Chiefs to win Super Bowl LIX" tells nothing of who won Super Bowl LVII, unless the passage
also writes the asked one ("... two years after losing Super Bowl LVII to them")."""

from __future__ import annotations

import re
from functools import lru_cache

_NAME = r"((?:[A-Z][\w'’\-]*\s+){0,3}[A-Z][\w'’\-]*)"
# an event's name and its Roman number after it, an ordinal before it
_ROMAN = re.compile(rf"\b{_NAME}\s+([MDCLXVI]{{2,}})\b")
_ORDINAL = re.compile(rf"\b(\d+(?:st|nd|rd|th))\s+{_NAME}")


@lru_cache(maxsize=256)  # asked of every candidate a passage gives
def _numbered(text: str) -> frozenset[tuple[str, str]]:
    """(the event's last word, lower-cased; its number as written) of each numbered edition."""
    found = {(m.group(1).split()[-1].lower(), m.group(2)) for m in _ROMAN.finditer(text)}
    return frozenset(found | {(m.group(2).split()[-1].lower(), m.group(1).lower()) for m in _ORDINAL.finditer(text)})


def asked_editions(question: str) -> frozenset[tuple[str, str]]:
    return _numbered(question)


def of_another_numbered_edition(passage: str, asked: frozenset[tuple[str, str]]) -> bool:
    """Does the passage write an asked event with another number, and never the asked one?"""
    if not asked:
        return False
    said = _numbered(passage)
    return any(event == asked_event and number != asked_number and (asked_event, asked_number) not in said
               for event, number in said for asked_event, asked_number in asked)


def only_other_editions(pages: list[str], asked: frozenset[tuple[str, str]]) -> bool:
    """Do the pages write an asked event only with other numbers ("the 97th Academy Awards",
    asked of the 96th)? Then the pages that write no number tell of those editions too."""
    if not asked or not pages:  # most questions number no edition: no page is read for one
        return False
    said = frozenset().union(*(_numbered(page) for page in pages))
    return not asked & said and any(of_another_numbered_edition(page, asked) for page in pages)
