"""Chinese numerals, with Arabic digits allowed inside them ("1.2万", "3万5千", "两千零二十四"),
and Korean ones ("1천728만7천513"): the longest valid numeral at a position, as an exact
Decimal. orchestrator/verify/numbers.py finds them among the other forms a page writes a
number in."""

from __future__ import annotations

import re
from decimal import Decimal

from orchestrator.verify import percents

# ASCII and fullwidth digits, and the digits of the supported scripts that have their own:
# Arabic-Indic (٤٠), Persian (۴۰), Devanagari (४०), Thai (๔๐).
DIGIT = "[0-9０-９\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u0e50-\u0e59]"
# Thousands groups must be exactly three digits, otherwise "40,27" (a list)
# would read as 4027.  Space-separated groups ("1 234") are deliberately not
# joined: in running text the space usually separates two numbers.
# A comma before one or two digits is a decimal comma where "per cent" marks the number
# (orchestrator/verify/percents.py): "87,28%", "yüzde 52,18".
_DECIMAL_COMMA = re.compile(rf"{DIGIT}+,{DIGIT}{{1,2}}")
_ARABIC = re.compile(
    rf"{DIGIT}+,{DIGIT}{{1,2}}(?!{DIGIT})(?=(?:{percents.AFTER}))"
    rf"|{percents.BEFORE_LOOKBEHIND}{DIGIT}+,{DIGIT}{{1,2}}(?![0-9,])"
    rf"|(?:{DIGIT}{{1,3}}(?:,{DIGIT}{{3}}(?!{DIGIT}))+|{DIGIT}+)(?:[.．]{DIGIT}+)?",
    re.I,
)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．" + "".join(chr(base + d) for base in (0x660, 0x6F0, 0x966, 0xE50) for d in range(10)),
                           "0123456789." + "0123456789" * 4)
_MAX_DIGITS = 40  # longer digit strings are identifiers, not quantities

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3,
              "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Korean writes the same units in Hangul between its digits: "1천728만7천513표" is 17,287,513
# votes (a unit never opens a number, so "천안" and "만약" are none)
_CN_SMALL = {"十": 10, "百": 100, "千": 1000, "십": 10, "백": 100, "천": 1000}
_CN_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "만": 10**4, "억": 10**8}
CN_CHARS = "".join([*_CN_DIGITS, *_CN_SMALL, *_CN_BIG])

# CJK measure words and date suffixes that attach to a number.  Date parts
# get their own units (年/月/日) so callers can drop them from comparisons.
UNIT_CHARS = set("枚个個名人块项次届位元年月日号天岁场")

_MAX_RUN = 32  # tokens; bounds the prefix back-off on pathological input


# A token is (kind, value, is_cjk); kind is digit | zero | small | big.
_Token = tuple[str, Decimal, bool]


def _arabic_value(s: str) -> Decimal | None:
    s = s.translate(_FULLWIDTH)
    s = s.replace(",", ".") if _DECIMAL_COMMA.fullmatch(s) else s.replace(",", "")
    return Decimal(s) if len(s) <= _MAX_DIGITS else None



def _is_one_to_nine(v: Decimal) -> bool:
    return v == v.to_integral_value() and 1 <= v <= 9


def _parse_section(tokens: list[_Token]) -> Decimal | None:
    """Below 万: digits multiplied by 十/百/千, e.g. 两千零二十四."""
    value = Decimal(0)
    digit: Decimal | None = None
    last_unit: Decimal | None = None
    prev, digit_after_unit = None, False
    for kind, v, _ in tokens:
        if kind == "zero":  # 零 only marks a gap ("一百零五"); "二零" is not a section
            if digit is not None:
                return None
        elif kind == "digit":
            if digit is not None:  # two digits in a row: not positional here
                return None
            digit, digit_after_unit = v, prev == "small"
        else:
            if last_unit is not None and v >= last_unit:  # units must descend
                return None
            if digit is None:
                if v != 10:  # only 十 may stand alone ("十一"); "百度" is a name
                    return None
                digit = Decimal(1)
            value += digit * v
            digit, last_unit = None, v
        prev = kind
    if digit is not None:
        if digit_after_unit and last_unit is not None and last_unit >= 100 and _is_one_to_nine(digit):
            value += digit * last_unit / 10  # colloquial "一百五" = 150
        else:
            value += digit
    return value


def _parse_big(tokens: list[_Token]) -> Decimal | None:
    """A亿B, then A万B within each part, so "一万亿" is (一万) x 亿.

    At most one 亿 and one 万 per part keeps recursion shallow, so a long
    run of numeral characters cannot make parsing quadratic.
    """
    for big in (Decimal(10**8), Decimal(10**4)):
        idxs = [i for i, t in enumerate(tokens) if t[0] == "big" and t[1] == big]
        if not idxs:
            continue
        if len(idxs) > 1:
            return None
        left, right = tokens[:idxs[0]], tokens[idxs[0] + 1:]
        lv = _parse_big(left) if left else None
        if lv is None:
            return None
        rv: Decimal | None
        if not right:
            rv = Decimal(0)
        elif len(right) == 1 and right[0][0] == "digit" and _is_one_to_nine(right[0][1]):
            rv = right[0][1] * big / 10  # colloquial "三万五" = 35000
        else:
            rv = _parse_big(right)
            if rv is None or rv >= big:
                return None
        return lv * big + rv
    return _parse_section(tokens)


def _parse_tokens(tokens: list[_Token], strict: bool) -> Decimal | None:
    if len(tokens) > 1 and all(c and k in ("digit", "zero") for k, _, c in tokens):
        # Positional digits, as in years "二〇二四".  In free text two-digit
        # runs are usually ranges ("七八个" = seven or eight), so need 3-4.
        if strict and not 3 <= len(tokens) <= 4:
            return None
        return Decimal("".join(str(int(v)) for _, v, _ in tokens))
    return _parse_big(tokens)


def _next_token(text: str, i: int) -> tuple[_Token, int] | None:
    m = _ARABIC.match(text, i)
    if m:
        v = _arabic_value(m.group())
        return (("digit", v, False), m.end()) if v is not None else None
    if i < len(text) and text[i] in CN_CHARS:
        ch = text[i]
        if ch in _CN_DIGITS:
            tok = ("zero" if _CN_DIGITS[ch] == 0 else "digit", Decimal(_CN_DIGITS[ch]), True)
        elif ch in _CN_SMALL:
            tok = ("small", Decimal(_CN_SMALL[ch]), True)
        else:
            tok = ("big", Decimal(_CN_BIG[ch]), True)
        return tok, i + 1
    return None


def _read_run(text: str, pos: int) -> tuple[list[_Token], list[int]]:
    """Numeral tokens from pos, stopping where no longer numeral could be
    valid ("十十", "一百二三", a second 万).  Cutting there keeps the
    back-off in numeral_run short on long runs of numeral characters."""
    tokens: list[_Token] = []
    ends: list[int] = []
    last_small = None  # 十/百/千 must descend until the next 万/亿
    bigs: set[Decimal] = set()
    digits_in_row = 0
    i = pos
    while len(tokens) < _MAX_RUN and (nxt := _next_token(text, i)) is not None:
        tok, i_next = nxt
        kind, v, cjk = tok
        if kind in ("digit", "zero"):
            units_seen = bool(bigs) or last_small is not None
            if digits_in_row and (units_seen or not cjk or not tokens[-1][2]):
                break  # digits only run together in positional form (二〇二四)
            if not (kind == "zero" and units_seen):  # 零 in 一千零一 marks a gap
                digits_in_row += 1
        else:
            if digits_in_row >= 2:
                break
            digits_in_row = 0
            if kind == "small":
                if last_small is not None and v >= last_small:
                    break
                last_small = v
            else:
                if v in bigs:
                    break
                if v == 10**8:
                    bigs.clear()  # 万 may reappear after 亿: 一亿五千万
                bigs.add(v)
                last_small = None
        tokens.append(tok)
        ends.append(i_next)
        i = i_next
    return tokens, ends


def numeral_run(text: str, pos: int, strict: bool, lone_ok: bool):
    """Longest valid numeral starting at pos -> (value, end, only_arabic)."""
    tokens, ends = _read_run(text, pos)
    if tokens and (tokens[0][0] == "big" or (tokens[0][0] == "small" and tokens[0][1] != 10)):
        return None  # nothing starting with 万/亿/百/千 is a number ("百度", "万一")
    # Back off from the longest run: "2024一起" is 2024 followed by a word.
    for n in range(len(tokens), 0, -1):
        value = _parse_tokens(tokens[:n], strict)
        if value is None:
            continue
        end = ends[n - 1]
        if n == 1 and tokens[0][2] and strict and not lone_ok:
            # A lone 一/两/三... is mostly part of a word (一些, 两岸, 三亚);
            # trust it only before a measure word ("一枚", "两人").
            if end >= len(text) or text[end] not in UNIT_CHARS:
                return None
        return value, end, n == 1 and not tokens[0][2]
    return None
