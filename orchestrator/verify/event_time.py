"""When does a sentence say its event happened? A page published this week may say "a year
ago, its lander Odysseus became the first...": the page is fresh, the event is not. Times
stated in the sentence ("a year ago", "last February", "in 2021", "in the 1800s", "去年", "三年前") are
resolved against the page's date; a sentence whose every stated time lies well outside the
question's time frame supports nothing about the question, however fresh its page.

Only clear statements of time count: a year as a modifier ("the 2024 election", "Paris
2024") is a name, not a time, and a sentence that also says "this week" or "on Sunday" is
about now."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from orchestrator.verify.date_parts import ISO_DAY, is_date_part, month_number, writes_day
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.question import keywords

SLACK = timedelta(days=30)  # an event this close to the frame may be its run-up or its report

_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 3, "few": 3}
_YEARS_AGO = re.compile(r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+years?\s+"
                        r"(?:ago|earlier|before)\b|\blast\s+year\b", re.I)
_AGO = re.compile(r"\b(\d+|an?|one|two|three|four|five|six|several|few)\s+(day|week|month|year)s?\s+ago\b", re.I)
_LAST = re.compile(r"\b[Ll]ast\s+(week|month|year|[A-Z][a-z]+)\b")
# "in 1857": a history told beside the news is no news either (four digits after "in" from 1600 are a year)
_IN_YEAR = re.compile(r"\b(?i:in|during|back in)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?((?:1[6-9]|20)\d\d)\b(?![-–]\d)")
# "during the 1800s", "in the late 1990s": a century where the digits end in 00 before 2000, else a decade
_DECADE = re.compile(r"\b(?i:in|during|back in)\s+the\s+(?:(?:early|late|mid-?)\s*)?((?:1[6-9]|20)\d0)s\b")
_RANGE = re.compile(r"\b(?i:from|between)\s+((?:19|20)\d\d)\s*(?:[-–]|to|and)\s*((?:19|20)?\d\d)\b")  # "from 2004-08"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# "the 2017 Academy Awards", "2023 Nobel", "The 2023 prize" (not "the 2024 film": this year's awards honour it)
_EDITION = re.compile(r"(?<!\d)((?:19|20)\d\d)\s+(?=[A-Z]|(?:prize|award|edition|final|games|championship|tournament|"
                      r"ceremony)s?\b)")
# Where a sentence turns to another event: "... the first repeat champion since Roger Federer
# won five titles from 2004-08" tells of Federer's time, not the winner's.
_CLAUSE = re.compile(r";|\s[—–]\s|\s(?:since|while|whereas|although|though)\s")
# A year a record or a first is measured from is no time of the event: "its best finish since
# the 2004 Athens Games", "the first since Rio 2016", "2004年以来", "tying the record set by
# Bobby Richardson in 1960". The question's own years are read without these too (nodes/detect_intent.py).
_RECORD_SET = (r"\brecord\b(?:\W+[\w'’-]+){0,6}?\W+(?:set|established)\s+(?:by\s+(?:[\w.'’-]+\s+){1,4}?)?"
               r"(?:back\s+)?in\s+(?:19|20)\d\d\b")
_RECORD_SET_RE = re.compile(_RECORD_SET)  # read for every candidate (nodes/cross_check.py)
SINCE = re.compile(r"\b[Ss]ince\s+(?:the\s+)?(?:[A-Za-z]+\s+)?(?:19|20)\d\d\b|(?:自\s*)?(?:19|20)\d\d\s*年?\s*(?:以来|起)|"
                   + _RECORD_SET)


def set_the_record(sentence: str, start: int) -> bool:
    """Is the name at ``start`` the one who set the record the event is measured by, in its
    own time ("tying the record set by Bobby Richardson in 1960"), no doer of the event?"""
    return any(m.start() < start < m.end() for m in _RECORD_SET_RE.finditer(sentence))
_CJK_AGO = re.compile(r"([一二两三四五六七八九十\d]+)年前|去年|前年|上个?月|上周|上星期")
_NOW = re.compile(r"\b(today|tonight|yesterday|this (?:week|month|year|weekend)|on (?:Monday|Tuesday|Wednesday|"
                  r"Thursday|Friday|Saturday|Sunday)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                  r"now|currently)\b|今天|昨天|本周|本月|今年|目前|日前", re.I)
_CJK_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _around(day: date, days: int) -> tuple[date, date]:
    return day - timedelta(days=days // 2), day + timedelta(days=days // 2)


def stated_times(sentence: str, page_date: date) -> list[tuple[date, date]]:
    """The spans of time the sentence states for what it reports, resolved against the page's date."""
    spans: list[tuple[date, date]] = []
    for count, unit in _AGO.findall(sentence):
        n = int(count) if count.isdigit() else _COUNTS[count.lower()]
        spans.append(_around(page_date - timedelta(days=n * _UNITS[unit.lower()]), _UNITS[unit.lower()]))
    for word in _LAST.findall(sentence):
        if word.lower() == "year":  # "last year": the calendar year before the page's
            spans.append(_year_span(page_date.year - 1))
        elif word.lower() in _UNITS:
            spans.append(_around(page_date - timedelta(days=_UNITS[word.lower()]), _UNITS[word.lower()]))
        elif (month := month_number(word)) is not None:
            # "last February": the latest February at least a season before the page (said in
            # March, it is the February a year before; the one just past is "in February")
            year = page_date.year if month <= page_date.month - 3 else page_date.year - 1
            spans.append((date(year, month, 1), date(year, month, 28)))
    spans += [_year_span(int(y)) for y in _IN_YEAR.findall(sentence)]
    for first in map(int, _DECADE.findall(sentence)):
        spans.append((date(first, 1, 1), date(first + (99 if first % 100 == 0 and first < 2000 else 9), 12, 31)))
    for first, last in _RANGE.findall(sentence):
        end = int(last) if len(last) == 4 else int(first[:2] + last)
        spans.append((date(int(first), 1, 1), date(max(end, int(first)), 12, 31)))
    for match in _CJK_AGO.finditer(sentence):
        text = match.group(0)
        if match.group(1):
            n = int(match.group(1)) if match.group(1).isdigit() else _CJK_DIGITS.get(match.group(1), 0)
            spans.append(_around(page_date - timedelta(days=365 * n), 365))
        elif text in ("去年", "前年"):
            spans.append(_year_span(page_date.year - (1 if text == "去年" else 2)))
        else:
            spans.append(_around(page_date - timedelta(days=30 if "月" in text else 7), 30 if "月" in text else 7))
    return spans


# a year the question asks about the time before: "Who won the previous final before 2025?"
_BEFORE_YEAR = re.compile(r"\b(?:before|prior\s+to|until)\s+((?:19|20)\d\d)\b", re.I)


def years_named(text: str) -> list[int]:
    """The years ``text`` names in digits, other than those a record runs from ("since 1989")
    and those it asks about the time before ("before 2025")."""
    return [int(y) for y in _YEAR.findall(_BEFORE_YEAR.sub(" ", SINCE.sub(" ", text)))]


# a sentence opening with its time, which sets the scene of every clause after it: "In 2017,
# ...", "2017年札幌亚冬会上，..."
_SCENE = re.compile(r"^\W*(?:(?:in|at|during)\s+(?:the\s+)?)?(?:19|20)\d\d(?!\d)[^,，.。;；]{0,30}[,，]", re.I)


def in_its_scene(sentence: str, clause: str) -> str:
    """``clause`` (of ``sentence``) with the time the sentence opens with, where it has one
    and the clause is not that opening: the time it tells of."""
    scene = _SCENE.match(sentence)
    return f"{scene.group(0)} {clause}" if scene and scene.group(0) not in clause else clause


def off_frame(sentence: str, page_date: date | None, frame: tuple[date, date] | None,
              years: Sequence[int] = (), editions: bool = False, count: bool = False) -> bool:
    """Every time the sentence states lies outside ``frame``, or the
    question names its ``years`` and the sentence names only others ("The 2023 prize went
    to ..." says nothing of the 2024 prize, nor "Last year's prize went to ..."); with ``editions`` (a question that says "this
    year"), only years naming an edition count ("the 2017 Academy Awards", not "Disney's
    record haul from 1954"), and only the year asked ("The 2023 prize" is last year's). A
    sentence that says "now" or states no time at all is about its page's date: off the
    frame when the page came out after it. Without a frame (a question of how things stand),
    only a sentence telling of years before its page ("four years ago") is off, and for a
    ``count``, one opening with a time years before it ("2017年札幌亚冬会上，中国代表团获得35枚奖牌"
    on a page of 2025 is no count of its Games; "won 20.8%, up from 10.3% in 2021" is now's). False where there is no page date to judge by."""
    named = {int(y) for y in (_EDITION if editions else _YEAR).findall(SINCE.sub(" ", sentence))}
    # an edition is of the year asked, not the one before this year's awards may honour
    # films of: "The 2023 prize went to ..." is no answer to who won it this year
    if years and named and not named & (set(years[-1:]) if editions else set(years)):
        return True
    if years and page_date and _PREVIOUS_EDITION.search(sentence) and page_date.year - 1 != max(years):
        return True  # "Last year's prize went to ...", on a page of 2024: the 2023 prize, whatever else is asked
    if years and page_date and _NEXT_EDITION.search(sentence) and max(years) <= page_date.year:
        return True  # "Next season's final will be played in Budapest": not the 2025 final's venue
    if page_date is not None and frame is None:
        # asked how things stand, a sentence telling how they stood years before its page
        # tells of then: "Four years ago Biden beat Trump with 306 electoral votes"
        scene = _SCENE.match(sentence)  # "2017年札幌亚冬会上，...": not "up from 10.3% in 2021"
        told = {int(y) for y in _YEAR.findall(scene.group(0))} if scene else set()
        return _YEARS_AGO.search(sentence) is not None or (count and bool(told) and max(told) < page_date.year - 1)
    if page_date is None or frame is None:
        return False
    # a page from after the frame that states no other time ("Han Kang wins the Nobel prize",
    # "on Thursday") reports its own time: the 2024 laureate, asked about the 2023 prize; one
    # from before a year the question names tells of that year only naming it or what will be
    # ("China won 40 gold medals" in 2024 is no count of the 2028 Games')
    later = page_date > frame[1] + SLACK
    earlier = bool(years) and page_date < frame[0] - SLACK and not named & set(years) and not _WILL_BE.search(sentence)
    spans = stated_times(SINCE.sub(" ", sentence), page_date)
    if _NOW.search(sentence) or not spans:
        return later or earlier
    return all(last < frame[0] or first > frame[1] for first, last in spans)


# the edition before the one asked, by what it is to the page, as what the sentence is about:
# "Last year's prize went to ..." (not "$21.50, down from last year's $25.67")
_PREVIOUS_EDITION = re.compile(r"^\W*(?:the\s+)?(?:last|previous|past)\s+year['’]s\b|^\W*去年的", re.I)
_NEXT_EDITION = re.compile(r"^\W*(?:the\s+)?next\s+(?:year|season)['’]s\b|^\W*明年的", re.I)
_WILL_BE = re.compile(r"\b(?:will|shall|to be|set to|due to|expected to|plans? to|going to|upcoming|next|future)\b|"
                    r"将|即将|将要|计划", re.I)


def clause_at(sentence: str, start: int) -> str:
    """The part of ``sentence`` around position ``start`` up to where it turns to another
    event (``_CLAUSE``); the whole sentence for an unknown position."""
    if start < 0:
        return sentence
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    begin = max(c for c in cuts if c <= start)
    return sentence[begin:min(c for c in cuts if c > start)]


_RECENT = re.compile(r"\b(today|tonight|yesterday|this (?:week|weekend|month|morning)|last (?:week|weekend|night|month)|"
                     r"recent(?:ly)?|(?:days?|weeks?) ago|just|latest|newly|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                     r"Saturday|Sunday))\b|今天|昨天|本周|上周|最近|近日|日前|刚刚", re.I)


def question_frame(question: str, years: list[int], asked: date, window_days: float | None) -> tuple[date, date] | None:
    """The time the question is about: when it asks about something recent ("this week",
    "days ago"), its freshness window before it was asked, widened by ``SLACK``; else the
    years it names, or the time up to a year it asks about the time before ("before 2025").
    None for a question about how things stand ("What is the mandatory retirement age for
    pilots?": set in 2007, true today)."""
    if window_days is not None and asks_recent(question):  # "found guilty this week of ... after the 2020 election": 2020 is a reference
        return asked - timedelta(days=window_days) - SLACK, asked + SLACK
    if not years and (before := _BEFORE_YEAR.search(question)):  # "before 2025": up to the end of 2024
        return date(1900, 1, 1), date(int(before.group(1)) - 1, 12, 31)
    if years:
        return date(min(years), 1, 1), date(max(years), 12, 31)
    return None


# "this year's Academy Awards", 今年: the year the question is asked in, named in words
THIS_YEAR = re.compile(r"\bthis year(?:['’]s)?\b|今年|本年度", re.I)
LAST_YEAR = re.compile(r"\blast year(?:['’]s)?\b|去年", re.I)
NEXT_YEAR = re.compile(r"\bnext year(?:['’]s)?\b|明年", re.I)


def asked_years(question: str, year: int | None, asked: date) -> list[int]:
    """The years a question is about: the one it names in digits, or when it says "this
    year" ("last year") the year it is asked in (the one before) and the one before that
    (this year's awards go to last year's films: "the 2024 film" is no other edition, "the
    2017 Academy Awards" is); "next year", the one after."""
    if year:
        return [year]
    if LAST_YEAR.search(question):
        return [asked.year - 2, asked.year - 1]
    if NEXT_YEAR.search(question):  # "next year's Super Bowl": not this year's, whose pages are all there is
        return [asked.year + 1]
    return [asked.year - 1, asked.year] if THIS_YEAR.search(question) else []


def asks_recent(question: str) -> bool:
    """Does the question ask about something recent ("this week", "days ago", "recently")?"""
    return _RECENT.search(question) is not None


_EARLIER, _LATER = "before|prior to|ahead of|until", "after|following|since"
_RELATION = re.compile(rf"\b({_EARLIER}|{_LATER})\s+((?:[\w'’\-]+\s*){{1,5}})", re.I)


def event_relation(question: str) -> tuple[bool, list[str]] | None:
    """Whether the question asks about the time before an event (True) or after it (False),
    and the event's words: "Who was prime minister before the UK general election?" ->
    (True, [uk, general, election]); None where it names no such event."""
    asked = _RELATION.search(question)
    if asked is None:
        return None
    return re.fullmatch(_EARLIER, asked.group(1).lower()) is not None, [w for w in keywords(asked.group(2))
                                                                           if not w.isdigit()][:3]


def across_the_event(relation: tuple[bool, list[str]] | None, sentence: str) -> bool:
    """Does the sentence tell of the other side of the question's event (``event_relation``):
    asked about the time before the election, "... appointed Sir Keir Starmer as Prime
    Minister, following the general election" tells of the time after it, and the other way
    round (the same event's words after the opposite word)?"""
    if relation is None:
        return False
    earlier, event = relation
    return any((re.fullmatch(_EARLIER, told.group(1).lower()) is not None) != earlier
               and any(w in keywords(told.group(2)) for w in event) for told in _RELATION.finditer(sentence))


# "as of August 2, 2024", "by 2 August", "截至2024年8月2日", "au 2 août", "bis zum 2. August",
# "hasta el 2 de agosto": the day the question asks about; so is "on" after a state ("did
# China have on August 2", "China's tally on 2 August"). Not "won on 2 August": an event's
# day, reported after it (a count of seats won on election day comes the next morning).
_AS_OF = re.compile(r"(?:\b(?:as of|as at|by the end of|at the end of|by|up to|until|through|bis zum|bis|stand|"
                    r"jusqu['’]au|au|en date du|à la date du|hasta el|a fecha de|al|a(?=\s+\d{1,2}\s+de\s)|fino al|entro il|"
                    r"até|tot|per|"
                    r"по состоянию на|на|к|do|na dzień|"
                    r"(?:have|has|had|hold|holds|held|stand|stands|stood|tally|count|total|standings)\s+on)\s+|"
                    r"截至|截止到?)([^,?;()¿？，]{0,40})", re.I)


_CJK_DAY = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")


def _days_named(text: str, asked: date, language: str | None) -> list[date]:
    """The days of a month ``text`` writes, the latest such day on or before ``asked`` where it
    gives no year. A date dateparser finds counts only where the words it read write that day:
    it reads "8月2日" as 10 December, so CJK dates are read here."""
    days = []
    for m in _CJK_DAY.finditer(text):
        year = int(m.group(1) or asked.year)
        try:
            day = date(year, int(m.group(2)), int(m.group(3)))
            days.append(day if m.group(1) or day <= asked else day.replace(year=year - 1))
        except ValueError:
            continue
    if days:
        return days
    from dateparser.search import search_dates  # loaded only for a question that may name a day

    settings = {"RELATIVE_BASE": datetime.combine(asked, time()), "PREFER_DATES_FROM": "past",
                "REQUIRE_PARTS": ["day", "month"]}
    found = search_dates(text, languages=[language] if language else None, settings=settings) or []
    return [moment.date() for said, moment in found
            if ISO_DAY.fullmatch(said.strip()) or writes_day(said, moment.date())]


def asked_as_of(question: str, asked: date, language: str | None = None) -> date | None:
    """The day a question asks a value as of, when it names one; a page published after it
    tells of a later day ("as of August 2" is not answered by the closing table of the 11th).
    Read in the question's own words: a gloss keeps no dates."""
    for match in _AS_OF.finditer(question):
        if not any(ch.isdigit() for ch in match.group(1)):
            continue
        days = _days_named(match.group(1), asked, language)
        if days:
            return days[0] if days[0] <= asked else None
    return None


def asked_event_day(question: str, asked: date, language: str | None = None) -> date | None:
    """A past day the question names other than as its as-of day ("How many gold medals did
    China win on August 2?", "the storm that hit on 3 March"): what happened that day. A page
    written days later tells of it only where it writes the day; its totals are of a later
    day. Read in the question's own words, only where a number in it is a day of a month."""
    if not any(1 <= m.value <= 31 and is_date_part(question, m) for m in find_numbers(question)):
        return None
    as_of = asked_as_of(question, asked, language)
    return next((day for day in _days_named(question, asked, language) if day < asked and day != as_of), None)


# a day named relative to the question's own: "yesterday" in the supported languages' words,
# "on Sunday" in English
_YESTERDAY = re.compile(r"\b(?:yesterday|hier|gestern|ayer|ieri|ontem|gisteren|igår|i\s+går|wczoraj|včera|dün|kemarin|"
                        r"вчера|учора)\b|昨天|昨日|어제", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ON_WEEKDAY = re.compile(rf"\bon\s+({'|'.join(_WEEKDAYS)})\b", re.I)


def asked_relative_day(question: str, asked: date) -> date | None:
    """The past day a question names relative to its own ("How many medals did the US win
    yesterday?", "... on Sunday?": the last such day before it)."""
    if _YESTERDAY.search(question):
        return asked - timedelta(days=1)
    if weekday := _ON_WEEKDAY.search(question):
        back = (asked.weekday() - _WEEKDAYS.index(weekday.group(1).lower())) % 7 or 7
        return asked - timedelta(days=back)
    return None


# a name's year ("Sydney in 2000"), or a number's ("down from 62 in 2019", "a record 19 in 2023",
# "303 seats in 2019")
_NAMED_YEAR = re.compile(r"([A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*|\d[\d,.]*%?(?:\s+[a-z]+)?)\s+in\s+((?:19|20)\d\d)\b")


def year_owned_elsewhere(text: str, start: int, end: int, asked: Sequence[int]) -> bool:
    """"Brisbane will host the Games, after Melbourne in 1956 and Sydney in 2000": a year
    written right after a name ("Sydney in 2000") or a number ("the BJP 33, down from 62 in
    2019") is that one's, so a question about 2000 is answered by Sydney, not by Brisbane,
    and one about 2019 by 62. Only where the sentence writes the asked year so
    and nowhere else, and the candidate's place is known (``start`` >= 0)."""
    if start < 0 or not asked:
        return False
    at_asked = [m.start() for m in _YEAR.finditer(text) if int(m.group(1)) in asked]
    owned = [m for m in _NAMED_YEAR.finditer(text) if int(m.group(2)) in asked]
    if not at_asked or len(owned) != len(at_asked):
        return False
    return not any(m.start(1) < end and start < m.end(1) for m in owned)
