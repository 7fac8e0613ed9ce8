"""Days counted from an event's start: "after day 7", "on the seventh day", "第七个比赛日",
"7日目". A question naming one asks what stood on that day of the event, which no calendar
date in it tells; a page's closing table or running total is of another day. So only a
passage that writes the same day tells of it (for a count: the count's own clause)."""

from __future__ import annotations

import re

from orchestrator.verify.numbers import find_numbers

_DAY_BEFORE = re.compile(r"\bday\s*$", re.I)  # "day 7", "Day seven"
_DAY_AFTER = re.compile(r"^\s*(?:(?:competition|match|racing|race)\s+)?day\b", re.I)  # "the 7th day", "seventh competition day"
_IDIOM = re.compile(r"\b(?:since|from)\s+day\s*$", re.I)  # "since day one" counts no day of an event
_CJK_DAY_NOUN = re.compile(r"^(?:比赛)?[日天]")  # "第七个比赛日", "第七个比赛天"
_LAST_DAY = 100  # no event runs longer in days counted so; "Day 2025" is no such day


def counted_days(text: str) -> set[int]:
    """The days of an event ``text`` counts, as numbers (not "8月2日", a day of a month)."""
    days = set()
    for m in find_numbers(text):
        if m.value != int(m.value) or not 1 <= m.value <= _LAST_DAY:
            continue
        before, after = text[max(0, m.start - 12):m.start], text[m.end:m.end + 24]
        if m.unit in ("天", "日"):  # "第7天", "第7日", "7日目"; a bare "2日" is a date
            counted = m.ordinal or after.startswith("目")
        elif m.unit == "个":
            counted = m.ordinal and _CJK_DAY_NOUN.match(after) is not None
        else:
            counted = (m.ordinal and _DAY_AFTER.match(after) is not None) or \
                (not m.ordinal and _DAY_BEFORE.search(before) is not None and not _IDIOM.search(before))
        if counted:
            days.add(int(m.value))
    return days


def asked_counted_day(question: str) -> int | None:
    """The one day of an event the question names ("How many golds did China have after day
    7?"), or None."""
    days = counted_days(question)
    return next(iter(days)) if len(days) == 1 else None
