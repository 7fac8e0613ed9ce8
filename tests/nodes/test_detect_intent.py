import pytest

from orchestrator.nodes.detect_intent import detect
from orchestrator.policy import load_policy
from tests.conftest import ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")


def run(question, require_latest=None):
    return detect(question, now_year=2026, language=None, require_latest=require_latest, policy=POLICY)


@pytest.mark.parametrize("question, fresh, kind, topic", [
    ("2024年巴黎奥运会中国代表团金牌数", True, "number", "olympics"),
    ("How many gold medals did the United States win at the Paris 2024 Olympics?", True, "number", "olympics"),
    ("Who was elected mayor of New York City on Tuesday?", True, "person", "elections"),
    ("When did the Federal Reserve last cut interest rates?", True, "date", "central_banks"),
    ("Write a Python function that reverses a string", False, "code", None),
    ("2 + 2 * 3", False, "text", None),
    ("What is a prime number?", False, "text", None),
    ("Where will the next summit be held?", True, "place", None),
    ("最新的美国失业率是多少", True, "number", "statistics"),
    ("The oldest player to win a match this season: how old is she?", True, "number", None),  # an age is a number
])
def test_rules(question, fresh, kind, topic):
    intent = run(question)
    assert (intent.needs_fresh, intent.answer_type, intent.topic) == (fresh, kind, topic)


@pytest.mark.parametrize("question, topic", [
    ("The Trump administration plans to increase the federal law enforcement presence in which city?", None),
    ("Which player made the final selection for the squad?", None),  # no election
    ("Which country held elections on Sunday?", "elections"),  # plural of a keyword
    ("How many people voted in the referendum?", "elections"),
])
def test_topic_keywords_are_whole_words(question, topic):
    assert run(question).topic == topic


def test_require_latest_forces_retrieval():
    assert run("What is a prime number?", require_latest=True).needs_fresh


def test_language_and_cross_language_terms():
    intent = run("2024年巴黎奥运会中国代表团金牌数")
    assert intent.language == "zh"
    assert ["金牌", "gold"] in intent.terms


@pytest.mark.parametrize("question", [
    "what is the shortest highway in the US in feet?",  # superlative, unit, named thing: a fact
    "What is the capital of France?",
    "What is the tallest building in the world?",
    "Who is the prime minister of Japan?",  # "prime" is no maths when the question names a country
    "What is the population of Tokyo?",
    "What is the name of this dazzling amphibian?",  # one thing in the world, not a word's meaning
    "What is that new app everyone is talking about?",
])
def test_factual_questions_without_a_time_word_retrieve(question):
    assert run(question).needs_fresh


@pytest.mark.parametrize("question", [
    "What is a prime number?", "What is photosynthesis?", "Define entropy", "explain recursion",
    "什么是通货膨胀", "区块链是什么意思", "solve 2x + 3 = 7",
])
def test_definitions_and_maths_stay_local(question):
    assert not run(question).needs_fresh


@pytest.mark.parametrize("question, volatility", [
    ("Which state is known as the Ocean State?", "stable"),  # what a thing is known as
    ("On July 4, 1776, the Congress adopted the Declaration of Independence in which city?", "stable"),  # long past
    ("Marie Curie was best known for studying which phenomenon?", "stable"),  # what a person is known for
    ("Who wrote “Ode to Joy”?", "stable"),  # who made a work named in quotes
    ("Which board game was invented in the 1930s during the Great Depression?", "stable"),  # a decade long past
    ("Which US holiday falls on the third Monday of February every year?", "annual"),  # recurs by the calendar
    ("How many people visit the Louvre every year?", "annual"),  # a yearly figure changes yearly
    ("Which state is known as the Ocean State this year?", "news"),  # a time word asks for news
    ("Which state banned ultraprocessed foods in public schools?", "news"),
    ("Who wrote the executive order on tariffs?", "news"),  # no work named in quotes: the news of who did
    ("Which singer is known for her world tour this month?", "news"),
    ("Which band was formed in the 1990s and reunited this week?", "news"),
])
def test_a_settled_fact_is_retrieved_from_pages_of_any_age(question, volatility):
    intent = run(question)
    assert intent.needs_fresh and intent.volatility == volatility
