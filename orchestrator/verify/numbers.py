"""Number normalisation for cross-checking figures found in web pages.

Pages state one quantity in many scripts: "40", "４０", "四十", "forty",
"1.2万", "1.2 million".  The verifier compares *values*, so this module
reduces every mention to a float plus a little context (its unit, whether it
is an ordinal) that lets a caller skip numbers that are not counts, such as
the 8 and 11 of "8月11日".

Arithmetic is done in Decimal and converted to float once at the end, so
"1.2万" is exactly 12000.0 rather than 12000.000000000002.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from orchestrator.verify import percents
from orchestrator.verify.cjk_numerals import CN_CHARS, DIGIT, UNIT_CHARS, numeral_run

__all__ = ["NumberMention", "find_numbers", "parse_number", "same_number"]


@dataclass(frozen=True)
class NumberMention:
    """One number in a text.  unit is a CJK measure word or date part that
    immediately follows (枚, 人, 年, 月, 日...), "%" for percentages, else
    None; English nouns ("126 medals") are not units.  ordinal marks 第二,
    "second", "2nd", which rank rather than count."""

    value: float
    text: str  # always the exact slice source[start:end], unit included
    start: int
    end: int
    unit: str | None
    ordinal: bool = False


def same_number(a: float, b: float) -> bool:
    """Equal up to float noise; figures from different pages are compared
    after different scalings (1.2 * 10**6 vs 1200000)."""
    return math.isclose(a, b, rel_tol=1e-9)


# --- character classes (digits and CJK numerals: orchestrator/verify/cjk_numerals.py) ---

_UNIT_ALIASES = {"個": "个"}
_YEN = re.compile("日(?:元(?!旦)|[圆圓](?![满滿]))")  # 元旦 New Year's Day, 圆满 "successfully"

_SP = "[ \t\u00a0\u202f]"  # web pages often put a no-break space in "1.2 million"
_PERCENT = re.compile(percents.AFTER, re.I)
_SCALE_AFTER = re.compile(
    rf"{_SP}+(hundred|thousand|million|billion|trillion)(?![A-Za-z])", re.I
)
# "$10bn", "£2.5m", "€40k": a scale written short, glued to an amount (after a currency sign
# only: "5m" alone is five metres)
_SHORT_SCALES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion", "tn": "trillion"}
_SCALE_SHORT = re.compile(rf"({'|'.join(sorted(_SHORT_SCALES, key=len, reverse=True))})(?![A-Za-z])", re.I)
CURRENCY_SIGNS = "$€£¥"
_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.I)
# Clock times are not quantities; two-digit minutes keep scores like 3:2.
_TIME = re.compile(rf"{DIGIT}{{1,2}}[:：]{DIGIT}{{2}}(?:[:：]{DIGIT}{{2}})?(?!{DIGIT})")
_SIGNED_START = re.compile(rf"[-−]?{DIGIT}")
_JOINS_HYPHEN = re.compile(r"[0-9A-Za-z０-９%％]")  # "10-20", "F-35", "4.25%-4.50%": hyphen, not minus
_DIGIT_RUN = re.compile(rf"{DIGIT}+(?:[.,．]{DIGIT}+)*")

_CANDIDATE = re.compile(
    rf"第|百分之|[-−]?{DIGIT}|[{CN_CHARS}]|(?<![A-Za-z])[A-Za-z]+"
)

_WORDS: dict[str, tuple[str, int, bool]] = {}  # word -> (kind, value, ordinal)
for _i, _w in enumerate("zero one two three four five six seven eight nine".split()):
    _WORDS[_w] = ("zero" if _i == 0 else "ones", _i, False)
for _i, _w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen "
                        "seventeen eighteen nineteen".split()):
    _WORDS[_w] = ("teens", 10 + _i, False)
for _i, _w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split()):
    _WORDS[_w] = ("tens", 20 + 10 * _i, False)
_WORDS["hundred"] = ("hundred", 100, False)
for _w, _v in {"thousand": 10**3, "million": 10**6, "billion": 10**9,
               "trillion": 10**12}.items():
    _WORDS[_w] = ("scale", _v, False)
for _i, _w in enumerate("first second third fourth fifth sixth seventh eighth ninth".split()):
    _WORDS[_w] = ("ones", 1 + _i, True)
for _i, _w in enumerate("tenth eleventh twelfth thirteenth fourteenth fifteenth "
                        "sixteenth seventeenth eighteenth nineteenth".split()):
    _WORDS[_w] = ("teens", 10 + _i, True)
for _i, _w in enumerate("twentieth thirtieth fortieth fiftieth sixtieth "
                        "seventieth eightieth ninetieth".split()):
    _WORDS[_w] = ("tens", 20 + 10 * _i, True)
del _i, _w, _v
_WORD = re.compile(r"[A-Za-z]+")
# a fraction's numerator: "two-thirds", "three-quarters", "one third" (not "two quarters later", a count)
_FRACTION = re.compile(r"-(?:half|halves|quarters?)\b|[-\s](?:thirds?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
                       re.I)
_WORD_SEP = re.compile(rf"{_SP}+and{_SP}+|{_SP}+|-", re.I)


def _match_end(pattern: re.Pattern, text: str, pos: int) -> int:
    """Where ``pattern`` ends at ``pos``; callers have seen it start there."""
    match = pattern.match(text, pos)
    return match.end() if match else pos + 1


# --- mention assembly --------------------------------------------------------

def _to_float(value: Decimal) -> float | None:
    f = float(value)
    return f if math.isfinite(f) else None


def _finish(text: str, start: int, num_start: int, end: int, value: Decimal,
            ordinal: bool = False, unit: str | None = None):
    """Attach a following %/measure word, then build the mention."""
    if unit is None:
        m = _PERCENT.match(text, end)
        if m and not ordinal:
            unit, end = "%", m.end()
        elif not ordinal and percents.BEFORE.search(text, max(0, num_start - 6), num_start):  # "yüzde 52,18"
            unit = "%"
        elif text.startswith("위", end) and not ordinal:  # Korean "종합 8위": eighth place, a rank
            unit, ordinal, end = "위", True, end + 1
        elif _YEN.match(text, end) and not (num_start > 0 and text[num_start - 1] == "月"):
            unit, end = "日元", end + 2  # "3000日元" is yen, not day 3000; "1月1日元旦" stays a day
        elif end < len(text) and text[end] in UNIT_CHARS:
            unit = _UNIT_ALIASES.get(text[end], text[end])
            # "8月11号": 号 after a month is a day of month
            if unit == "号" and num_start > 0 and text[num_start - 1] == "月":
                unit = "日"
            end += 1
    f = _to_float(value)
    if f is None:
        return None, end
    return NumberMention(f, text[start:end], start, end, unit, ordinal), end


def _match_arabic(text: str, pos: int, strict: bool):
    """A number starting with a digit or minus sign, plus scale/ordinal/unit."""
    d = pos
    negative = False
    if text[pos] in "-−":
        d = pos + 1
        negative = pos == 0 or not _JOINS_HYPHEN.match(text[pos - 1])
    prev = text[d - 1] if d > 0 else ""
    prev2 = text[d - 2] if d > 1 else ""
    if (prev.isascii() and prev.isalpha()) or (prev == "-" and prev2.isascii() and prev2.isalpha()):
        return None, _match_end(_DIGIT_RUN, text, d)  # model names, codes: A380, COVID-19
    t = _TIME.match(text, d)
    if t:
        return None, t.end()
    found = numeral_run(text, d, strict, lone_ok=True)
    if found is None:  # an over-long digit string
        return None, _match_end(_DIGIT_RUN, text, d)
    value, end, only_arabic = found
    start = pos if negative else d
    if negative:
        value = -value
    if only_arabic:
        s = _SCALE_AFTER.match(text, end)
        if s:
            value *= _WORDS[s.group(1).lower()][1]
            return _finish(text, start, d, s.end(), value)
        short = _SCALE_SHORT.match(text, end)
        if short and prev and prev in CURRENCY_SIGNS:
            return _finish(text, start, d, short.end(), value * _WORDS[_SHORT_SCALES[short.group(1).lower()]][1])
        o = _ORD_SUFFIX.match(text, end)
        if o and value == value.to_integral_value() and value >= 0:
            return _finish(text, start, d, o.end(), value, ordinal=True)
    return _finish(text, start, d, end, value)


def _match_words(text: str, pos: int):
    """English cardinals/ordinals: "one hundred and twenty-six", "twenty-first"."""
    total = current = 0
    last = last_scale = None
    has_hundred = ordinal = False
    end = None
    i = pos
    after_and = False
    while True:
        m = _WORD.match(text, i)
        info = _WORDS.get(m.group().lower()) if m else None
        if m is None or info is None:
            break
        kind, v, is_ord = info
        if kind == "zero":
            ok = last is None
        elif kind == "ones":
            ok = last in (None, "hundred", "scale", "tens")
        elif kind in ("teens", "tens"):
            ok = last in (None, "hundred", "scale")
        elif kind == "hundred":
            ok = last in ("ones", "teens", "tens") and not has_hundred and not after_and
        else:  # scales must descend: "one million two thousand"
            ok = (current > 0 and not after_and
                  and (last_scale is None or v < last_scale))
        if not ok:
            break
        if kind == "hundred":
            current *= 100
            has_hundred = True
        elif kind == "scale":
            total += current * v
            current, has_hundred, last_scale = 0, False, v
        else:
            current += v
        last, end = kind, m.end()
        if is_ord or kind == "zero":
            ordinal = is_ord
            break
        sep = _WORD_SEP.match(text, end)
        if not sep:
            break
        after_and = "and" in sep.group().lower()
        if after_and and last not in ("hundred", "scale"):
            break  # "one and two" is two numbers
        i = sep.end()
    word_end = _match_end(_WORD, text, pos)
    if end is None:
        return None, word_end
    if not ordinal and (fraction := _FRACTION.match(text, end)):
        return None, fraction.end()  # "a two-thirds supermajority" states no two
    value = Decimal(total + current)
    if ordinal:  # "second place": English ordinals take no unit
        return NumberMention(float(value), text[pos:end], pos, end, None, True), end
    return _finish(text, pos, pos, end, value)


def _match_at(text: str, pos: int, strict: bool):
    """Try to read one mention at pos -> (mention or None, next scan position)."""
    ch = text[pos]
    if ch == "第":
        found = numeral_run(text, pos + 1, strict, lone_ok=True)
        if found is None:
            return None, pos + 1
        value, end, _ = found
        return _finish(text, pos, pos + 1, end, value, ordinal=True)
    if text.startswith("百分之", pos):  # "百分之三十" = 30%
        found = numeral_run(text, pos + 3, strict, lone_ok=True)
        if found is not None:
            value, end, _ = found
            return _finish(text, pos, pos + 3, end, value, unit="%")
        return None, pos + 1
    if ch.isascii() and ch.isalpha():
        return _match_words(text, pos)
    if _SIGNED_START.match(text, pos):
        return _match_arabic(text, pos, strict)
    if ch in CN_CHARS:
        found = numeral_run(text, pos, strict, lone_ok=not strict)
        if found is None:
            return None, pos + 1
        value, end, _ = found
        return _finish(text, pos, pos, end, value)
    return None, pos + 1


# --- public API --------------------------------------------------------------

def parse_number(text: str) -> float | None:
    """Value of ONE number expression ("四十", "1.2 million", "3.5%"), or None.

    An attached unit is tolerated ("40枚" -> 40.0) but any other trailing or
    leading text makes it not a number ("40 medals" -> None).
    """
    s = text.strip()
    if not s:
        return None
    mention, _ = _match_at(s, 0, strict=False)
    if mention is None or mention.end != len(s):
        return None
    return mention.value


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in text, in order and non-overlapping."""
    mentions: list[NumberMention] = []
    pos = 0
    while (m := _CANDIDATE.search(text, pos)) is not None:
        mention, nxt = _match_at(text, m.start(), strict=True)
        if mention is not None:
            if mentions and (time := _with_hundredths(text, mentions[-1], mention)) is not None:
                mentions[-1] = time
            else:
                mentions.append(mention)
        pos = max(nxt, m.start() + 1)
    return mentions


def _with_hundredths(text: str, seconds: NumberMention, after: NumberMention) -> NumberMention | None:
    """"46秒40" is one time, 46.40 seconds: the digits right after "秒" are its hundredths,
    never a number of their own."""
    digits = after.text
    if seconds.unit or text[seconds.end:after.start] != "秒" or len(digits) != 2 or not digits.isdigit():
        return None
    return NumberMention(seconds.value + int(digits) / 100, text[seconds.start:after.end], seconds.start, after.end, None)


_AMOUNT_MARK = re.compile(rf"[{CURRENCY_SIGNS}%]|\b(?:million|billion|trillion)\b|万|亿", re.I)


def amount_marks(text: str) -> int:
    """How many kinds of amount mark a number is written with: currency, percent sign,
    scale ("$5 million": 2, "5 million": 1, "40枚": 0). Such marks belong to the value as
    the sources state it."""
    return len({m.group(0).lower() for m in _AMOUNT_MARK.finditer(text)})
