"""Turn the intent into an ordered source plan from the policy: official endpoints first,
then search queries; the freshness window comes from the question's volatility class."""

from __future__ import annotations

import calendar
import re
from datetime import datetime

from langgraph.runtime import Runtime

from orchestrator.context import RunContext
from orchestrator.state import GraphState, Plan, PlannedSource
from orchestrator.verify.event_time import THIS_YEAR, asks_recent

# A question that names its period ("this year's Academy Awards", "so far this year", 今年)
# asks about all of it: a report from early in the period still answers it.
_THIS_MONTH = re.compile(r"\bthis month(?:['’]s)?\b|本月|这个月", re.I)
# Days of the last week or so: "this week", "last weekend", "on Sunday", "Sunday's election".
# A results page ages out in days, but one from Sunday tells of Sunday's final when asked on Friday.
_THIS_WEEK = re.compile(r"\bthis (?:past )?week(?:['’]s)?\b|本周|这周", re.I)
_LAST_WEEK = re.compile(r"\blast week(?:['’]s)?\b|上周", re.I)
_WEEKEND = re.compile(r"\b(?:this|last|past) weekend(?:['’]s)?\b|周末", re.I)
_YESTERDAY = re.compile(r"\byesterday(?:['’]s)?\b|昨天", re.I)
_WEEKDAYS = [day.lower() for day in calendar.day_name]  # Monday first, as datetime.weekday() counts
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})(?:['’]s)?\b", re.I)


def period_days(question: str, now: datetime) -> float | None:
    """Days back to the start of the period the question names in words, if it does. (Not
    a year by number: "2024年奥运会" asked mid-Games is about the Games' latest table, and
    a pre-Games forecast from January must not count.)"""
    if THIS_YEAR.search(question):
        return (now - now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)).days + 1
    if _THIS_MONTH.search(question):
        return (now - now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)).days + 1
    return week_days(question, now)


def week_days(question: str, now: datetime) -> float | None:
    """Days back to (and including) the day of the last week the question names: its week
    (since Monday), last week, the weekend (since Saturday), yesterday or a weekday (its
    latest, today included). The day's reports come out that day or the next."""
    today = now.weekday()
    if _LAST_WEEK.search(question):
        return today + 8
    if _THIS_WEEK.search(question):
        return today + 1
    back = [(today - 5) % 7 + 1] if _WEEKEND.search(question) else []
    back += [2] if _YESTERDAY.search(question) else []
    back += [(today - _WEEKDAYS.index(m.group(1).lower())) % 7 + 1 for m in _WEEKDAY.finditer(question)]
    return float(max(back)) if back else None


def make_plan(question: str, intent, policy, now: datetime, closed: bool = False) -> Plan:
    """The queries, official endpoints and freshness window. A question with closed choices
    and no time word, topic or recent year (``intent.unmarked``: "Which state banned
    ultraprocessed foods in public schools?") takes the policy's ``unmarked_volatility``: a
    page stating a given choice about the question's subject holds it however long ago it
    was reported. An open answer keeps the default window: on year-old pages the reader
    picks names about something else."""
    now_year = now.year
    topic = policy.topics.get(intent.topic) if intent.topic else None
    fill = {"question": question, "year": intent.year or now_year}
    queries = [q.format(**fill).strip() for q in (topic.queries if topic else ["{question}"])]
    direct = [PlannedSource(url=u.format(**fill), tier="official", why=f"official endpoint for {intent.topic}")
              for u in (topic.endpoints if topic else [])]
    # A question about a past year asks for a settled record: reports of it don't go stale.
    # One about this week that names a past year ("found guilty this week of defaming ...
    # after the 2020 election") is news that refers back.
    past = intent.year and intent.year < now_year and not asks_recent(question)
    volatility = policy.unmarked_volatility if closed and intent.unmarked and policy.unmarked_volatility else intent.volatility
    window = None if past else policy.freshness_days(volatility)
    period = period_days(question, now)
    if window is not None and period is not None:  # the question's own period widens the window, never narrows it
        window = max(window, float(period))
    return Plan(queries=list(dict.fromkeys(q for q in queries if q)), direct=direct,
                max_pages=policy.rules.max_pages, freshness_days=window)


def plan_sources(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    with ctx.trace.node("plan_sources", f"topic={state['intent'].topic} volatility={state['intent'].volatility}") as entry:
        plan = make_plan(state["question"], state["intent"], ctx.policy, ctx.clock(), closed=bool(state.get("choices")))
        window = "none (any age counts)" if plan.freshness_days is None else f"{plan.freshness_days:g}d"
        entry["output"] = f"{len(plan.direct)} direct, queries={plan.queries}, window={window}"
    return {"plan": plan, "round": 1}
