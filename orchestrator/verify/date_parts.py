"""Numbers that are parts of a date: a day next to a month's name ("11 August", "Aug. 11",
"le 11 août", "8月11日", "8월 11일"), or a year. They are never counts, whatever words stand
near them. Month names come from Babel's locale data, so every supported language is covered
without a hand-kept list."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from babel.dates import get_month_names

from orchestrator.lexicon import SUPPORTED
from orchestrator.verify.numbers import NumberMention, find_numbers

# The languages the product reads (orchestrator/lexicon); Babel has month names for each.
LOCALES = SUPPORTED
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # how a date answer is written ("2024-08-11")
_IN_ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
_DATE_UNITS = {"年", "月", "日", "号", "년", "월", "일"}  # CJK date parts follow the number
_CONNECT = r"[\s\u00a0.,]*(?:de\s+|of\s+|del\s+)?"  # "11 de agosto", "11th of August", "11. August"


@lru_cache(maxsize=1)
def _month_pattern() -> tuple[re.Pattern, re.Pattern]:
    names: set[str] = {"sept"}
    for locale in LOCALES:
        # Abbreviations only in English: elsewhere they are everyday words ("set", "ago").
        for width in ("wide", "abbreviated") if locale == "en" else ("wide",):
            for context in ("format", "stand-alone"):
                for name in get_month_names(width, context, locale).values():
                    name = name.strip(". ").lower()
                    if len(name) >= 3 and not any(ch.isdigit() for ch in name):
                        names.add(name)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    before = re.compile(rf"(?<!\w)(?:{alternatives})\.?[\s\u00a0]*$", re.I)  # "Aug. 11", "August 11"
    after = re.compile(rf"^(?:st|nd|rd|th|er|º)?{_CONNECT}(?:{alternatives})(?!\w)", re.I)  # "11 August", "11th of Aug"
    return before, after


@lru_cache(maxsize=1)
def _english_months() -> dict[str, int]:
    months = {}
    for width in ("wide", "abbreviated"):
        months.update({name.strip(".").lower(): number for number, name in get_month_names(width, "format", "en").items()})
    return months


def month_number(word: str) -> int | None:
    """1..12 for an English month name ("February", "Feb"), else None."""
    return _english_months().get(word.strip(".").lower())


def is_date_part(text: str, mention: NumberMention) -> bool:
    """Whether ``mention`` (found in ``text``) is a day, a month or a year of a date."""
    if mention.unit in _DATE_UNITS:
        return True
    tail = text[mention.end:mention.end + 2]
    if tail[:1] in ("년", "월", "일") or tail.strip()[:1] in ("년", "월", "일"):
        return True
    if not float(mention.value).is_integer() or mention.unit == "%":
        return False
    value = int(mention.value)
    if 1900 <= value <= 2100 and mention.unit is None and mention.text.strip().isdigit():
        return True  # a bare year
    if 1 <= value <= 31 and any(m.start() < mention.start < m.end() for m in _IN_ISO_DATE.finditer(
            text, max(0, mention.start - 8), min(len(text), mention.end + 3))):
        return True  # the month or day of "2024-09-01": a page's date run into its text
    if 1 <= value <= 31:
        before, after = _month_pattern()
        return bool(before.search(text[max(0, mention.start - 16):mention.start])
                    or after.match(text[mention.end:mention.end + 24]))
    return False


@lru_cache(maxsize=12)
def _names_of_month(month: int) -> re.Pattern:
    names = set()
    for locale in LOCALES:
        for width in ("wide", "abbreviated") if locale == "en" else ("wide",):
            for context in ("format", "stand-alone"):
                names.add(get_month_names(width, context, locale)[month].strip(". ").lower())
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)|{month}[月월]", re.I)  # CJK runs on: "2024年8月"


def writes_day(text: str, day: date) -> bool:
    """Does the text write this day of its month ("2 August", "Aug. 2", "le 2 août", "8月2日")?"""
    month = _names_of_month(day.month)
    return any(m.value == day.day and is_date_part(text, m) and month.search(text[max(0, m.start - 16):m.end + 24])
               for m in find_numbers(text))


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEK = timedelta(days=7)


def names_the_day(text: str, day: date, page_date: date | None) -> bool:
    """Does the text write the day: by its date, or by its weekday on a page of the week after
    ("won three Grammys on Sunday" on Tuesday's page)?"""
    return writes_day(text, day) or (page_date is not None and timedelta(0) < page_date - day < _WEEK
                                     and day.strftime("%A") in _WEEKDAY.findall(text))


def names_another_day(text: str, day: date, page_date: date | None) -> bool:
    """Does the text tell of another day of the month than the day ("touched down on March 6"
    asked of March 7) or, on a page of that week, of another weekday ("Blue Ghost touched down
    on Sunday" asked of Monday), and not of the day?"""
    if names_the_day(text, day, page_date):
        return False
    month = _names_of_month(day.month)
    if any(m.value != day.day and 1 <= m.value <= 31 and is_date_part(text, m)
           and month.search(text[max(0, m.start - 16):m.end + 24]) for m in find_numbers(text)):
        return True  # "touched down on March 6" asked of March 7
    return page_date is not None and timedelta(0) <= page_date - day < _WEEK and any(
        name != day.strftime("%A") for name in _WEEKDAY.findall(text))
