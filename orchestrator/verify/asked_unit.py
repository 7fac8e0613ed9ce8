"""The unit a number question asks for, and whether a number is written in it.

"What percentage of adults ...?" is answered by a percentage and "How much money did it
cost?" by an amount of money. For these the unit written on the number ("9.3%", "$134
million", "5 million euros") says what it measures, the way the noun beside a count does
("40 gold medals", verify/measures.py): a bare "28" or "3,000" never answers them, and a
percentage or an amount needs no question word beside it to be read as the one asked."""

from __future__ import annotations

import re

from orchestrator.verify.numbers import NumberMention
from orchestrator.verify.rates import RATE_ASKED

PERCENT, MONEY = "percent", "money"

_PERCENT_ASKED = re.compile(r"\b(?:what|which)\s+(?:percentage|percent|per\s+cent)\b|\bhow\s+many\s+(?:percent|per\s+cent)\b|"
                            r"\bby\s+what\s+(?:percentage|percent)\b|百分之几|百分比|多少百分点|"
                            + RATE_ASKED.pattern, re.I)  # "What is the Bank of England's interest rate?"
# "how much" asks money where the question says what is paid: "how much aid", "how much did it cost"
_PAID = (r"money|cash|costs?|costing|spen[dt]|spending|pa(?:y|id|ying)|price[ds]?|worth|fund(?:s|ing)?|aid|budget|"
         r"raised?|sold|sells?|sale|earn(?:s|ed)?|revenue|fined?|compensation|bonus|salary|salaries|valued?|bids?|"
         r"charged?|donat(?:e|ed|ion)|win|won|wins|winnings|prize")  # "How much did McIlroy win?": prize money
_MONEY_ASKED = re.compile(rf"\bhow\s+much\b[^?]*?\b(?:{_PAID})\b|\b(?:{_PAID})\b[^?]*?\bhow\s+much\b|"
                          r"\b(?:at|for)\s+what\s+(?:price|cost|sum)\b|\bprice\s+tag\b|"
                          r"\bwhat\s+(?:is|was|will\s+be|would\s+be)\s+the\s+(?:[\w-]+\s+){0,3}(?:price|cost)\b|"
                          r"多少钱|花费了?多少|价格是?多少|售价是?多少|金额是?多少", re.I)

_CURRENCY_SIGN = re.compile(r"(?:[A-Z]{1,3})?[$€£¥₹]\s?$")  # "$5 million", "US$ 5", "€2 trillion"
_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?|euros?|pounds?(?!\s+of)|yuan|yen|rupees?|francs?|pesos?|r?oubles?|rubles?|"
                             r"USD|EUR|GBP|CNY|RMB|JPY|INR)\b|\s*(?:美元|欧元|英镑|日元|港元|元|块)", re.I)

_CJK_CURRENCY = {"元", "块", "日元"}  # the number reader takes these as its unit ("500万元"); "美元" and the rest follow it


# "How many years were the Games postponed?": a duration, written in its unit ("a delay of two
# days" is no count of years)
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
_DURATION_ASKED = re.compile(rf"\bhow\s+many\s+({'|'.join(_TIME_UNITS)})s?\b", re.I)
# as Chinese asks it ("历时多少天", "几年") and writes it after the number ("53天", "5个月")
_CJK_TIME_UNITS = {"秒": "second", "分钟": "minute", "小时": "hour", "天": "day", "周": "week", "个月": "month", "年": "year",
                   "岁": "year"}  # an age: "古克什夺冠时多少岁？" is answered by "18岁", never by a score's "7.5"
_CJK_DURATION_ASKED = re.compile(rf"(?:多少|几)个?({'|'.join(sorted(_CJK_TIME_UNITS, key=len, reverse=True))})")


def asked_unit(question: str) -> str | None:
    """``PERCENT``, ``MONEY``, a unit of time ("year" for "how many years") or None (a count,
    or an amount of something else)."""
    if _PERCENT_ASKED.search(question):
        return PERCENT
    if _MONEY_ASKED.search(question):
        return MONEY
    if duration := _DURATION_ASKED.search(question):
        return duration.group(1).lower()
    cjk = _CJK_DURATION_ASKED.search(question)
    return _CJK_TIME_UNITS[cjk.group(1)] if cjk else None


def currency_sign(text: str, mention: NumberMention) -> re.Match | None:
    """The currency sign written right before ``mention``, if any."""
    return _CURRENCY_SIGN.search(text, max(0, mention.start - 4), mention.start)


def written_in(text: str, mention: NumberMention, unit: str) -> bool:
    """Is ``mention`` written in ``unit`` in ``text``: a percentage ("62%", "28 percent",
    "百分之四十"), a unit of time ("two years"), or money (a currency sign before it or a
    currency after it)?"""
    if unit == PERCENT:
        return mention.unit == "%"
    if unit in _TIME_UNITS:  # "two years", "a 3-year delay", "53天", "5个月"
        cjk = "|".join(re.escape(c) for c, english in _CJK_TIME_UNITS.items() if english == unit)
        return re.match(rf"\s*-?\s*{unit}s?\b", text[mention.end:mention.end + 16], re.I) is not None \
            or re.match(rf"(?:{cjk})", text[mention.end - len(mention.unit or ""):mention.end + 3]) is not None
    return bool(mention.unit in _CJK_CURRENCY or currency_sign(text, mention) or _CURRENCY_AFTER.match(text, mention.end))


# a unit written after a number, in short or in full: "89.45m", "50 kg", "89.45 metres", "5 percent"
_UNIT = re.compile(r"\s?(km/h|km|cm|mm|kg|mph|kph|ft|mi|lbs?|m|g|s|%)(?![\w/])|\s+(metres?|meters?|kilometres?|kilometers?|"
                   r"kilograms?|grams?|seconds?|feet|foot|miles?|pounds?|percent|per\s+cent)\b", re.I)
_SHORT = {"metre": "m", "meter": "m", "kilometre": "km", "kilometer": "km", "kilogram": "kg", "gram": "g", "second": "s",
          "feet": "ft", "foot": "ft", "mile": "mi", "pound": "lb", "lbs": "lb", "percent": "%", "per cent": "%"}


def unit_after(text: str, end: int) -> str | None:
    """The unit written right after a number ending at ``end``, in its short form."""
    found = _UNIT.match(text, end)
    if found is None:
        return None
    unit = re.sub(r"\s+", " ", (found.group(1) or found.group(2)).lower())
    if unit not in _SHORT and len(unit) > 3:  # "metres", "miles": a full name's plural
        unit = unit.removesuffix("s")
    return _SHORT.get(unit, unit)
