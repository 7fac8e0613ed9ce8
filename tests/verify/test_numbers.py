import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orchestrator.verify.numbers import NumberMention, find_numbers, parse_number, same_number

PARSE_CASES = [
    # Arabic digits, separators, decimals, signs
    ("40", 40),
    ("1,234", 1234),
    ("1,234,567.5", 1234567.5),
    ("3.5", 3.5),
    ("0", 0),
    ("-3", -3),
    ("  126  ", 126),
    ("2024", 2024),
    # full-width
    ("４０", 40),
    ("１，２３４", None),  # full-width comma is a clause separator, not thousands
    ("３．５", 3.5),
    # Chinese numerals
    ("四十", 40),
    ("二十七", 27),
    ("一百二十六", 126),
    ("两千零二十四", 2024),
    ("十", 10),
    ("十一", 11),
    ("三万五千", 35000),
    ("一万零五", 10005),
    ("一千零十", 1010),
    ("一百五", 150),
    ("三万五", 35000),
    ("一万亿", 10**12),
    ("二〇二四", 2024),
    ("一", 1),
    ("两", 2),
    ("1.2万", 12000),
    ("3亿", 300_000_000),
    ("3万5千", 35000),
    ("三亿五千万", 350_000_000),
    ("百分之三十", 30),
    ("第二", 2),
    ("40枚", 40),
    # English words
    ("forty", 40),
    ("Forty", 40),
    ("forty-four", 44),
    ("one hundred twenty-six", 126),
    ("one hundred and twenty-six", 126),
    ("two thousand twenty-four", 2024),
    ("one million two hundred thousand", 1_200_000),
    ("zero", 0),
    ("twenty-first", 21),
    ("tenth", 10),
    ("2nd", 2),
    # scale words
    ("1.2 million", 1_200_000),
    ("3 billion", 3_000_000_000),
    ("2.5 thousand", 2500),
    ("1.2\u00a0million", 1_200_000),
    # percentages keep the number
    ("3.5%", 3.5),
    ("3.5 %", 3.5),
    ("12 percent", 12),
    ("３５％", 35),
    # not a (single) number
    ("", None),
    ("   ", None),
    ("abc", None),
    ("1 234", None),
    ("12,34", None),
    ("1.2.3", None),
    ("40 medals", None),
    ("9:00", None),
    ("百度", None),
    ("万一", None),
    ("million", None),
    ("one two", None),
    ("nan", None),
    ("inf", None),
    ("第", None),
]


@pytest.mark.parametrize("text,expected", PARSE_CASES)
def test_parse_number(text, expected):
    got = parse_number(text)
    if expected is None:
        assert got is None
    else:
        assert got is not None and same_number(got, expected)
        assert isinstance(got, float)


def _summary(text):
    return [(m.value, m.unit, m.ordinal) for m in find_numbers(text)]


def test_find_numbers_chinese_sentence():
    text = ("巴黎奥运会8月11日闭幕，中国体育代表团共获得40枚金牌、27枚银牌、24枚铜牌，"
            "奖牌总数91枚，位列金牌榜第二")
    assert _summary(text) == [
        (8, "月", False), (11, "日", False),
        (40, "枚", False), (27, "枚", False), (24, "枚", False), (91, "枚", False),
        (2, None, True),
    ]
    assert [m.text for m in find_numbers(text)] == ["8月", "11日", "40枚", "27枚", "24枚", "91枚", "第二"]


def test_a_korean_number_is_one_with_its_hangul_units():
    """"1천728만7천513표" (17,287,513 votes) had been read as 1, 728, 7 and 513: "몇 표를
    얻었나?" answered 874, the tail of the margin "289만1천874표"."""
    text = "이재명 후보는 1천728만7천513표를 얻어 김문수 후보를 289만1천874표 차로 이겼다. 인구 5천만 명"
    assert [m.value for m in find_numbers(text)] == [17287513, 2891874, 50000000]
    assert [m.value for m in find_numbers("천안에서 만약 2024년")] == [2024]  # a unit opens no number


def test_find_numbers_english_sentence():
    text = "The United States won forty gold medals and 126 medals in total, one more than in Tokyo."
    found = find_numbers(text)
    assert [(m.value, m.text, m.unit) for m in found] == [
        (40, "forty", None), (126, "126", None), (1, "one", None),
    ]
    assert found[0] == NumberMention(40.0, "forty", 22, 27, None)


FIND_CASES = [
    ("2024年8月11日", [(2024, "年", False), (8, "月", False), (11, "日", False)]),
    ("二〇二四年八月十一日", [(2024, "年", False), (8, "月", False), (11, "日", False)]),
    ("8月11号", [(8, "月", False), (11, "日", False)]),
    ("종합 8위에 올랐다", [(8, "위", True)]),  # Korean 위: a place on a table
    # 日元 / 日圓 is yen, never a day; a day stays a day before 元旦 or 圆满
    ("票价3000日元，约3亿日圓", [(3000, "日元", False), (300_000_000, "日元", False)]),
    ("1月1日元旦，8月11日圆满闭幕", [(1, "月", False), (1, "日", False), (8, "月", False), (11, "日", False)]),
    ("获得四十枚金牌", [(40, "枚", False)]),
    ("１２枚", [(12, "枚", False)]),
    ("一枚 两人 一百", [(1, "枚", False), (2, "人", False), (100, None, False)]),
    # lone 一/两 inside ordinary words are not numbers
    ("一些人 统一 两岸 唯一 十分 百度 千万 三亚", []),
    ("观众1.2万人，投资3亿元", [(12000, "人", False), (300_000_000, "元", False)]),
    ("增长3.5%，占百分之三十", [(3.5, "%", False), (30, "%", False)]),
    ("第1名 第十一届", [(1, "名", True), (11, "届", True)]),
    ("first, 2nd and 3rd place", [(1, None, True), (2, None, True), (3, None, True)]),
    ("1.2 million people and 3 billion dollars",
     [(1_200_000, None, False), (3_000_000_000, None, False)]),
    ("one hundred and twenty-six medals", [(126, None, False)]),
    ("between one and two", [(1, None, False), (2, None, False)]),
    ("forty percent", [(40, "%", False)]),
    ("opens at 9:00 on day 3", [(3, None, False)]),
    ("COVID-19 and the A380", []),
    ("pages 10-20, -5 degrees", [(10, None, False), (20, None, False), (-5, None, False)]),
    ("气温-5度", [(-5, None, False)]),
    ("1,234,567 and 40,27", [(1_234_567, None, False), (40, None, False), (27, None, False)]),
    ("2024一起", [(2024, None, False)]),
    ("七八个", [(8, "个", False)]),
    # a scale written short after a currency sign; glued to a bare number it is a unit ("5m" run)
    ("sued for $10bn, a £2.5m fine, €40k, $5M and $3.5tn", [(10**10, None, False), (2_500_000, None, False),
                                                           (40_000, None, False), (5_000_000, None, False),
                                                           (3.5 * 10**12, None, False)]),
    ("ran 5m in the 5k race at 10am", [(5, None, False), (5, None, False), (10, None, False)]),
]


@pytest.mark.parametrize("text,expected", FIND_CASES)
def test_find_numbers_cases(text, expected):
    assert _summary(text) == expected


def test_mention_text_includes_unit_and_scale():
    found = find_numbers("约1.2万人和1.2 million，以及3.5%")
    assert [m.text for m in found] == ["1.2万人", "1.2 million", "3.5%"]


def test_same_number():
    assert same_number(1.2 * 10**6, 1_200_000)
    assert same_number(0.1 + 0.2, 0.3)
    assert same_number(0.0, 0.0)
    assert not same_number(40, 41)
    assert not same_number(1_200_000, 1_200_001)


def test_mention_is_frozen():
    m = find_numbers("40枚")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.value = 41  # type: ignore[misc]


# --- properties --------------------------------------------------------------

# Mixes every script the parser knows with separators, so hypothesis reaches
# the interesting paths more often than plain st.text() does.
_NUMBERISH = st.lists(
    st.sampled_from(
        list("0123456789０１９,.．:：-−%％ 　\u00a0一二两零〇十百千万亿第枚个月日号年之分")
        + ["one", "twenty", "hundred", "million", "and", "first", "percent", "百分之", "x"]
    ),
    max_size=40,
).map("".join)


def _check_mentions(text):
    found = find_numbers(text)
    prev_end = 0
    for m in found:
        assert m.text == text[m.start:m.end]
        assert prev_end <= m.start < m.end
        prev_end = m.end
    return found


@settings(max_examples=300)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    parse_number(text)
    _check_mentions(text)


@settings(max_examples=300)
@given(_NUMBERISH)
def test_never_raises_on_numberish_text(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)
    _check_mentions(text)


@settings(max_examples=300)
@given(_NUMBERISH)
def test_every_mention_reparses_to_its_value(text):
    for m in find_numbers(text):
        # a per cent written before the number ("%52,18") marks its decimal comma from outside
        # the mention: reparsed, the number is written with its mark after it
        marked = m.unit == "%" and re.fullmatch(r"[0-9０-９]+,[0-9０-９]{1,2}", m.text) is not None
        value = parse_number(m.text + "%" if marked else m.text)
        assert value is not None and same_number(value, m.value), m


def test_a_per_cent_before_a_decimal_comma_reparses():
    """Hypothesis found "%0,0": its "0,0" alone is no number, though "%" made it 0.0."""
    (mention,) = find_numbers("%0,0")
    assert mention.text == "0,0" and parse_number(mention.text + "%") == mention.value == 0.0


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_roundtrip(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_roundtrip(n):
    digits = "零一二三四五六七八九"

    def section(k):  # k < 10000, standard form with 零 for gaps
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // unit % 10
            if d:
                if zero and out:
                    out += "零"
                out += digits[d] + name
                zero = False
            else:
                zero = True
        return out

    hi, lo = divmod(n, 10000)
    text = section(hi) + "万" if hi else ""
    if lo:
        text += ("零" if hi and lo < 1000 else "") + section(lo)
    assert parse_number(text) == n, text


def test_a_time_in_seconds_and_hundredths_is_one_number():
    # "以46秒40打破世界纪录": 46.40 seconds, no 40 of anything
    assert [(m.value, m.text) for m in find_numbers("以46秒40打破世界纪录")] == [(46.4, "46秒40")]
    assert [m.value for m in find_numbers("46秒和40枚")] == [46, 40]


@pytest.mark.parametrize("text, expected", [
    # a per cent written after the number, as a sign or a word: its comma is a decimal comma
    ("Putin erhielt 87,28% der Stimmen", [(87.28, "%")]),
    ("Union 28,5 %, AfD 20,8 %", [(28.5, "%"), (20.8, "%")]),
    ("Nawrocki zdobył 50,89 proc. głosów", [(50.89, "%")]),
    ("Prabowo memperoleh 58,59 persen suara", [(58.59, "%")]),
    ("получив 87,28 процента голосов", [(87.28, "%")]),
    ("50 Prozent der Stimmen", [(50.0, "%")]),
    # before it, in Turkish
    ("Erdoğan yüzde 52,18 oy aldı", [(52.18, "%")]),
    ("Erdoğan %52,18 oyla kazandı", [(52.18, "%")]),
    # without one, a comma still separates two numbers, or groups thousands
    ("the scores were 6,4 and 40,27", [(6.0, None), (4.0, None), (40.0, None), (27.0, None)]),
    ("1,234 people and 12,500% of it", [(1234.0, None), (12500.0, "%")]),
])
def test_a_decimal_comma_where_per_cent_marks_the_number(text, expected):
    assert [(m.value, m.unit) for m in find_numbers(text)] == expected


def test_the_month_and_day_of_an_iso_date_are_date_parts():
    """"... table 2024-09-01 PARIS, Sept 1 (Reuters)": the page's date, run into its text, had
    answered how many medals Great Britain won with 1."""
    from orchestrator.verify.date_parts import is_date_part

    text = "Britain hold second in Paralympic table 2024-09-01 PARIS, Sept 1 (Reuters) - China had 41 gold medals"
    assert [(m.value, is_date_part(text, m)) for m in find_numbers(text)] == [
        (2.0, False), (2024.0, True), (9.0, True), (1.0, True), (1.0, True), (41.0, False)]
    assert not any(is_date_part("won 12-10 and 9-01", m) for m in find_numbers("won 12-10 and 9-01"))


def test_a_fraction_s_numerator_is_no_count():
    """"Will Morena win a two-thirds supermajority?" had been read as a claim of two, and any
    page writing a number two answered it."""
    assert [m.value for m in find_numbers("a two-thirds supermajority, one third of voters, three-quarters of")] == []
    assert [m.value for m in find_numbers("two quarters later they won two golds in the second half")] == [2, 2, 2]
