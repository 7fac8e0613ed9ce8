"""The source plan's freshness window: the policy's volatility class, widened by the period
the question names, and none for a settled past year."""

from datetime import UTC, datetime
from types import SimpleNamespace

from orchestrator.nodes.detect_intent import detect
from orchestrator.nodes.plan_sources import make_plan, period_days, plan_sources
from orchestrator.policy import load_policy
from orchestrator.trace.recorder import TraceRecorder
from tests.conftest import ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")
DECEMBER = datetime(2025, 12, 26, 9, tzinfo=UTC)


def window(question: str, now: datetime = DECEMBER, closed: bool = False) -> float | None:
    intent = detect(question, now_year=now.year, language=None, require_latest=None, policy=POLICY)
    return make_plan(question, intent, POLICY, now, closed).freshness_days


def test_the_period_a_question_names_widens_the_window():
    news = POLICY.freshness_days("news")
    assert period_days("Which movie won best picture at this year's Academy Awards?", DECEMBER) == 360
    assert period_days("今年的诺贝尔文学奖得主是谁？", DECEMBER) == 360
    assert period_days("Which bill passed this month?", DECEMBER) == 26
    assert window("Which movie won best picture at this year's Academy Awards?") == 360
    assert window("Which region faced severe flooding this week?") == news  # a week is inside the window already
    assert window("Which bill passed this month?", datetime(2025, 12, 3, tzinfo=UTC)) == news  # never narrows


def test_a_day_of_the_last_week_widens_a_results_window_to_it():
    friday = datetime(2025, 4, 18, 9, tzinfo=UTC)
    results = POLICY.freshness_days("results")
    assert results < 5
    # the Masters ended on Sunday the 13th; its reports came out that day and the next
    assert window("Which golfer completed the career grand slam last weekend?", friday) == 7
    assert window("Which team won the NBA championship this week?", friday) == 5  # since Monday
    assert window("What share of the vote did the AfD win in Sunday's election?", friday) == 6
    assert window("Who won the run-off vote on Sunday?", friday) == 6
    assert window("Who won the election yesterday?", friday) == results  # inside the window already
    assert window("Who won the election last week?", friday) == 12
    assert window("Who won the election?", friday) == results  # no day named: the class's window
    assert period_days("Who won on Friday?", friday) == 1  # today
    assert period_days("Who won the most seats in the election?", friday) is None


def test_a_past_year_is_a_settled_record():
    assert window("Who won the 2023 Nobel Prize in Literature?") is None
    # ... unless the question asks about now and only refers back to it
    assert window("Who was found guilty this week of defaming a worker after the 2020 election?") is not None
    # ... or names the year a record runs from: the record is news now
    assert window("Which state announced a nuclear plant, its first since 1989?") == POLICY.freshness_days("news")
    assert window("美国队自2004年以来首次夺得该项目金牌的选手是谁？") is not None


def test_closed_choices_with_no_time_word_topic_or_recent_year_take_the_unmarked_window():
    annual, news = POLICY.freshness_days("annual"), POLICY.freshness_days("news")
    assert POLICY.unmarked_volatility is None  # off in the shipped policy: the default window
    question = "Which state banned ultraprocessed foods in public schools?"
    assert window(question, closed=True) == news
    unmarked = POLICY.model_copy(update={"unmarked_volatility": "annual"})

    def plan(question: str, closed: bool = True) -> float | None:
        intent = detect(question, now_year=2025, language=None, require_latest=None, policy=unmarked)
        return make_plan(question, intent, unmarked, DECEMBER, closed).freshness_days

    assert plan(question) == annual
    assert plan(question, closed=False) == news  # an open answer keeps the default window
    assert plan("Which state banned ultraprocessed foods this week?") == news
    assert plan("Which company announced job cuts?") == news  # "announced": news


def test_the_trace_names_the_window_or_its_absence():
    outputs = []
    for question in ("Who won the 2023 Nobel Prize in Literature?", "Which movie won best picture at this year's Academy Awards?"):
        intent = detect(question, now_year=DECEMBER.year, language=None, require_latest=None, policy=POLICY)
        trace = TraceRecorder(question=question, asked_at=DECEMBER.isoformat(), config={})
        runtime = SimpleNamespace(context=SimpleNamespace(trace=trace, policy=POLICY, clock=lambda: DECEMBER))
        plan_sources({"question": question, "intent": intent}, runtime)
        outputs.append(trace.nodes[0]["output"])
    assert outputs[0].endswith("window=none (any age counts)") and "None" not in outputs[0]
    assert outputs[1].endswith("window=360d")
