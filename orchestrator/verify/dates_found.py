"""Dates stated in passages, normalised to ISO (YYYY-MM-DD). Relative dates ("on Tuesday",
"yesterday", "昨天") are resolved against the page's own date, never against today."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from orchestrator.verify.candidates import Found
from orchestrator.verify.count_owner import another_s, counted_subject
from orchestrator.verify.incidental import in_dateline
from orchestrator.verify.nearby import around, stem, writes
from orchestrator.verify.passages import Passage
from orchestrator.verify.place_holders import ORDINALS
from orchestrator.verify.question import keywords, word_stem

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_PATTERNS: list[tuple[re.Pattern, tuple[str, ...]]] = [
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("m", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I), ("d", "m", "y")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "mn", "d")),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), ("y", "mn", "d")),
]

# "Jan. 19", "19 January" with no year: the page's date tells which (month names capitalised,
# so "may 5" stays a verb and a number)
_YEARLESS: list[tuple[re.Pattern, tuple[str, ...]]] = [
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)"), ("m", "d")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?!,?\s*\d)"), ("d", "m")),
    # "8月11日闭幕", "8월 11일": month and day written without the year
    (re.compile(r"(?<![\d年년])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), ("mn", "d")),
    (re.compile(r"(?<![\d년])(\d{1,2})\s*월\s*(\d{1,2})\s*일"), ("mn", "d")),
]


def as_date(text: str) -> date | None:
    """``text`` read as one whole date ("11 August 2024", "March 2, 2025", "2024-08-11"), else None."""
    for pattern, order in _PATTERNS:
        if (whole := pattern.fullmatch(text.strip())) is not None:
            return _to_date(dict(zip(order, whole.groups())))
    return None


def written_at(day: date, text: str) -> int | None:
    """Where ``text`` writes ``day``: in full, or by its month and day alone ("on 11 August",
    "Feb. 22"), not as its dateline; None where it writes it nowhere."""
    for pattern, order in _PATTERNS + _YEARLESS:
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups()))
            found = _to_date({**parts, "y": parts.get("y", str(day.year))})
            if found == day and not in_dateline(text, match.start(), match.end()):  # "PARIS, Aug 11 (Reuters) -" files it
                return match.start()
    return None


def _nearest(parts: dict[str, str], anchor: date, ahead: bool = True) -> date | None:
    """The day of that month and day closest to the page's date ("Jan. 19" on a page of
    late December is next January's); a day months ahead only where the sentence tells of
    what is to come (``ahead``): "after the January 5 door-plug blowout" on a page of August
    is this January's, not next."""
    days = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _to_date({**parts, "y": str(y)}))]
    if not ahead:
        days = [d for d in days if d - anchor <= _SOON] or days
    return min(days, key=lambda d: abs(d - anchor)) if days else None


_SOON = timedelta(days=60)  # a yearless day this far after its page's date is told as still to come
# what is still to come, in the sentence before a yearless day: "will land on March 6"
_TO_COME = re.compile(r"\b(?:will|shall|to\s+be|set\s+to|due|scheduled|expected|plans?|next|upcoming|until|from|"
                      r"starting|begins?|effective)\b[^.!?]*$", re.I)


def _to_date(parts: dict[str, str]) -> date | None:
    try:
        month = int(parts["mn"]) if "mn" in parts else _MONTHS[parts["m"].lower().rstrip(".")[:3] if parts["m"].lower() != "sept" else "sep"]
        return date(int(parts["y"]), month, int(parts["d"]))
    except (KeyError, ValueError):
        return None


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RELATIVE = re.compile(r"\b(?:on |last )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(yesterday|today)\b|(昨天|今天|前天)", re.I)
_OFFSETS = {"yesterday": -1, "today": 0, "昨天": -1, "今天": 0, "前天": -2}


_AHEAD = re.compile(r"\b(?:this|next|coming|until|by|before)\s+$", re.I)
# a sentence telling what is yet to happen ("the court is scheduled to take up the case
# Friday", "will vote on Tuesday"): its weekday lies ahead
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|set|expected|due|slated|poised|going)\s+to|"
                     r"plans?\s+to|to\s+be\s+held|"
                     # foreseen: "Most economists expect the BOJ to raise its rate on Friday"
                     r"(?:expect|predict|forecast)(?:s|ed)?\b[^.,;!?]*?\bto|likely\s+to|could|might|(?-i:may))\b"
                     r"(?:[^.,;!?]|\.(?=\d))*$", re.I)  # in the weekday's own clause (a decimal point ends none)
_FUTURE_REACH = 80  # characters before the weekday where its sentence's tense is read


def resolve_relative(text: str, page_date: date) -> date | None:
    """The date a relative expression names, counted back from the page's date: a weekday
    means the latest such day on or before it ("on Tuesday" in a Thursday page is two days
    back). None for a weekday that may lie ahead ("this Friday", "by Monday", "next
    Tuesday", "the court will hear the case Friday"): which week it falls in is not
    written."""
    match = _RELATIVE.search(text)
    return _resolved(text, match, page_date) if match else None


def _resolved(text: str, match: re.Match, page_date: date) -> date | None:
    weekday, word, chinese = match.groups()
    if weekday and (_AHEAD.search(text, max(0, match.start() - 12), match.start())
                    or _FUTURE.search(text, max(0, match.start() - _FUTURE_REACH), match.start())):
        return None
    if weekday:
        back = (page_date.weekday() - _WEEKDAYS.index(weekday.lower())) % 7
        return page_date - timedelta(days=back)
    return page_date + timedelta(days=_OFFSETS[(word or chinese).lower()])


_ASKING = {"date", "day", "time", "year", "month", "week", "when", "which", "what"}
DATE_REACH = 12  # words either side of a date where what happened on it is written


def said_of_the_date(question: str, names: list[list[str]]) -> list[str]:
    """The question's words for what happened on the date it asks ("presented", "born",
    "launch", "touch down"): its content words less the names, numbers and asking words."""
    named = {w for group in names for phrase in group for w in phrase.lower().split()}
    return [w for w in keywords(question) if w not in named and w not in _ASKING and not w.isdigit()]


# "In what year did ...?", "which year": a year is asked, not a day
_ASKS_YEAR = re.compile(r"\b(?:what|which)\s+year\b|哪一年|哪年", re.I)
_YEAR = re.compile(r"(?<![\d,.\-/])(19\d{2}|20\d{2})(?![\d,.\-/%]|\s*年\s*\d)")
_ATTRIBUTIVE = re.compile(r"\s+([A-Za-z][\w\-]*)")  # "the 2032 Olympic Games": the year of what it names


def asks_year(question: str) -> bool:
    return _ASKS_YEAR.search(question) is not None


# "At what time did the earthquake strike?": an hour of the day, which no date answers
_ASKS_TIME_OF_DAY = re.compile(r"\b(?:what|which)\s+(?:time\s+of\s+(?:the\s+)?day|time|hour)\b(?!\s+(?:zone|frame|period|limit))"
                               r"|几点|什么时刻", re.I)


def asks_time_of_day(question: str) -> bool:
    return _ASKS_TIME_OF_DAY.search(question) is not None


_ASKS_AHEAD = re.compile(r"\bwhen\s+(?:will|is\s+the\s+next|are\s+the\s+next)\b", re.I)


def asks_ahead(question: str) -> bool:
    """Does the question ask when something is yet to happen ("When will ...?", "When is the
    next ...?"): a day before it was asked is no answer."""
    return _ASKS_AHEAD.search(question) is not None


def year_candidates(passages: list[Passage], question: str, page_dates: dict[int, date] | None = None,
                    said: Sequence[str] = (), subject: Sequence[str] = (),
                    aliases: Sequence[Sequence[str]] = ()) -> list[Found]:
    """A year question's answers: the years written in digits ("in the 1995 final"), alone or
    in a date, as ``date_candidates`` reads them. A day resolved from "on Saturday" writes no
    year, so it states none; nor does a year written before another thing's name than the
    question's ("the 2032 Olympic Games" for the Commonwealth Games), nor one another name
    owns in its clause (verify/count_owner.py)."""
    asked = set(keywords(question)) | {w.lower() for w in subject}
    bare = []
    for passage in passages:
        for match in _YEAR.finditer(passage.text):
            named = _ATTRIBUTIVE.match(passage.text, match.end())
            if named and named.group(1)[0].isupper() and word_stem(named.group(1)) not in {word_stem(w) for w in asked}:
                continue
            bare.append(Found(match.group(1), match.group(0), passage, passage.score, start=match.start()))
    dated = [f for f in _dates(passages, page_dates or {}) if _YEAR.search(f.display)]
    years = [Found(f.value[:4], f.display, f.passage, f.strength, start=f.start) for f in dated]
    spans = {(id(f.passage), f.start, f.start + len(f.display)) for f in years}  # a date's year is read with it
    found = years + [f for f in bare if not any(id(f.passage) == p and s <= f.start < e for p, s, e in spans)]
    if owner := counted_subject(question, aliases):  # "Brisbane will host the 2032 Summer Olympics": not Melbourne's year
        found = [f for f in found if not another_s(f.passage.text, f.start, f.start + len(f.display), owner)]
    return _told(found, said, subject)


def date_candidates(passages: list[Passage], page_dates: dict[int, date] | None = None,
                    said: Sequence[str] = (), subject: Sequence[str] = ()) -> list[Found]:
    """Absolute dates in the passages, and relative or yearless ones ("on Tuesday", "Jan. 19")
    where the page has a date. With ``said`` (said_of_the_date), only a date written within
    ``DATE_REACH`` words of one of those words: "... won the prize on Thursday" tells no
    date of its presentation; and with ``subject`` (the question's name words), not one of
    what another name did ("Odysseus landed on Feb. 22, 2024, ... since Apollo 17" is no
    date of Apollo 17's landing)."""
    return _told(_dates(passages, page_dates or {}), said, subject)


def _told(found: list[Found], said: Sequence[str], subject: Sequence[str]) -> list[Found]:
    """The dates written beside what the question says happened (``said``), by no other doer."""
    ordinals = [w for w in said if w in ORDINALS or w == "last"]  # "its first gold": the first one's date only

    def tells(f: Found) -> bool:
        near = around(f.passage.text, f.display, DATE_REACH, f.start if f.start >= 0 else None, conjoined=True)
        return any(writes(near, w) for w in said) and all(writes(near, w) for w in ordinals)

    told = [f for f in found if not said or (tells(f) and not _done_by_another(f, said, subject)
                                             and not _of_another_event(f, [*said, *subject])
                                             and not in_dateline(f.passage.text, f.start, f.start + len(f.display)))]
    asked_end = _range_end_asked(said)
    told = [f for f in told if (side := _range_side(f)) is None or side == asked_end]
    return _nearest_to_what_happened(_over_the_telling(told, said), said)


# a date opening or closing a span: "between 19 April and 1 June", "from 19 April to 1 June"
_OPENS_RANGE = re.compile(r"\b(?:between|from)\s+$", re.I)
_CLOSES_RANGE = re.compile(r"\b(?:between|from)\s+[^.;]{3,40}?\s+(?:and|to|until|till|through)\s+$", re.I)
_END_WORDS = {"end", "ended", "ends", "ending", "finish", "finished", "close", "closed", "conclude", "concluded", "last"}
_START_WORDS = {"begin", "began", "begun", "start", "started", "open", "opened", "commence", "commenced", "first"}


def _range_side(f: Found) -> str | None:
    """"start" or "end" for a date opening or closing a span, else None."""
    if f.start < 0:
        return None
    before = f.passage.text[max(0, f.start - 60):f.start]
    return "start" if _OPENS_RANGE.search(before) else "end" if _CLOSES_RANGE.search(before) else None


def _range_end_asked(said: Sequence[str]) -> str | None:
    """Which end of a span the question asks ("When did voting end?": "end"); a span's dates
    answer nothing else."""
    words = {w.lower() for w in said}
    return "end" if words & _END_WORDS else "start" if words & _START_WORDS else None


# the day a thing was said, not the day it happened: "Intel said on Monday that Gelsinger had retired"
_TELLING = re.compile(r"\b(?:said|says|announced|announces|told|tells|reported|reports|confirmed|confirms|"
                      r"disclosed|discloses|stated|revealed|reveals)\s+(?:on\s+)?$", re.I)
_TELLING_WORDS = {"say", "said", "announce", "announced", "tell", "told", "report", "reported", "confirm",
                  "confirmed", "disclose", "disclosed", "state", "stated", "reveal", "revealed"}


def _over_the_telling(found: list[Found], said: Sequence[str]) -> list[Found]:
    """Where a passage dates both the telling and what it tells ("Intel said on Monday that
    Gelsinger had retired ... effective December 1"), the telling's date goes: the question
    asks when he retired, unless it asks when it was said."""
    if _TELLING_WORDS & {w.lower() for w in said}:
        return found

    def telling(f: Found) -> bool:
        return f.start >= 0 and _TELLING.search(f.passage.text[max(0, f.start - 30):f.start]) is not None
    told_of = {id(f.passage) for f in found if f.start >= 0 and not telling(f)}
    return [f for f in found if not (telling(f) and id(f.passage) in told_of)]


# "following the general election of 4 July 2024": the date of the noun before "of"
_OF_EVENT = re.compile(r"\b([a-z][a-z\-]+)\s+of\s+(?:the\s+)?$")
_TIMES_OF = {"night", "morning", "evening", "afternoon", "day", "week", "weekend", "month", "year", "end", "start",
             "beginning", "middle", "date", "dates", "days", "eve", "as", "because", "ahead", "instead"}


def _of_another_event(found: Found, asked: Sequence[str]) -> bool:
    """Is the date written as another event's ("the general election of 4 July 2024" for
    when Starmer became prime minister): right after a noun and "of", the noun none of the
    question's words (nor a time: "the night of 4 July")?"""
    before = _OF_EVENT.search(found.passage.text, max(0, found.start - 40), max(found.start, 0))
    if before is None or found.start < 0 or before.group(1) in _TIMES_OF:
        return False
    noun = before.group(1)
    return not any(word_stem(w) == word_stem(noun) for w in asked)


def _nearest_to_what_happened(found: list[Found], said: Sequence[str]) -> list[Found]:
    """Of several dates in one passage, those nearest to one of the ``said`` words: "CAS ruled
    on Aug. 10 that the inquiry ... filed during the Aug. 5 final" dates the ruling on the
    10th; the 5th is the final's."""
    spots: dict[int, list[int]] = {}  # passage -> where the said words are written
    for f in found:
        if id(f.passage) not in spots:
            text = f.passage.text.lower()
            spots[id(f.passage)] = [m.start() for w in said for m in re.finditer(rf"(?<!\w){re.escape(stem(w))}", text)]

    def distance(f: Found, spot: int) -> int:
        return min(abs(f.start - spot), abs(f.start + len(f.display) - spot))
    claimed = set()
    for passage, where in spots.items():
        dated = [f for f in found if id(f.passage) == passage and f.start >= 0]
        claimed |= {id(min(dated, key=lambda f: distance(f, spot))) for spot in where if dated}
    return [f for f in found if id(f) in claimed or f.start < 0 or not spots[id(f.passage)]]


# the name doing what happened, right before its verb: "Odysseus landed", "Athena lander touched"
_DOER_BEFORE = re.compile(r"((?:[A-Z][\w\-]*(?:['’]s)?\s+(?:(?:of|for|and|the)\s+(?=[A-Z]))?)+)(?:[a-z]+\s+){0,2}$")


def _done_by_another(found: Found, said: Sequence[str], subject: Sequence[str]) -> bool:
    """Is the verb nearest the date (one of ``said``, written in lower case) done by a name
    that is none of the question's (nor spelt out by its initials)?"""
    if not subject:
        return False
    text = found.passage.text
    at = text.find(found.display)
    verbs = [m for w in said for m in re.finditer(rf"(?<![\w]){re.escape(stem(w))}", text) if text[m.start()].islower()]
    if at < 0 or not verbs:
        return False
    verb = min(verbs, key=lambda m: abs(m.start() - at))
    doer = _DOER_BEFORE.search(text, max(0, verb.start() - 60), verb.start())
    words = [re.sub(r"['’]s$", "", w) for w in doer.group(1).split() if w[0].isupper()] if doer else []
    words = words[1:] if words[:1] == ["The"] else words
    initials = "".join(w[0] for w in words).lower()  # "CAS" is the Court of Arbitration for Sport
    asked = {w.lower() for w in subject}
    return bool(words) and not ({w.lower() for w in words} & asked or initials in asked)


def _dates(passages: list[Passage], page_dates: dict[int, date]) -> list[Found]:
    found: list[Found] = []
    for passage in passages:
        anchor = page_dates.get(passage.source)
        if anchor:
            for match in _RELATIVE.finditer(passage.text):
                resolved = _resolved(passage.text, match, anchor)
                if resolved:
                    found.append(Found(resolved.isoformat(), match.group(0), passage, passage.score * 0.8, start=match.start()))
            for pattern, order in _YEARLESS:
                for match in pattern.finditer(passage.text):
                    ahead = _TO_COME.search(passage.text, 0, match.start()) is not None
                    if (day := _nearest(dict(zip(order, match.groups())), anchor, ahead)) is not None:
                        found.append(Found(day.isoformat(), match.group(0), passage, passage.score * 0.9, start=match.start()))
        for pattern, order in _PATTERNS:
            for match in pattern.finditer(passage.text):
                parsed = _to_date(dict(zip(order, match.groups())))
                if parsed and 1990 <= parsed.year <= 2100:
                    found.append(Found(parsed.isoformat(), match.group(0), passage, passage.score, start=match.start()))
    return found
