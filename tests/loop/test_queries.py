"""Follow-up queries (orchestrator/loop/queries.py): the question's keywords without filler,
its time window, the policy's synonyms, names from the best passages; never one sent before."""

from __future__ import annotations

from datetime import UTC, datetime

from orchestrator.loop.queries import followup_queries, passage_names, plain_keywords, synonym_swap, time_words
from orchestrator.state import Evidence, Intent

NOW = datetime(2024, 8, 12, 9, 0, tzinfo=UTC)
ALIASES = [["美国", "United States", "U.S.", "USA"], ["金牌", "gold"]]
QUESTION = "How many gold medals did the U.S. win at the Paris 2024 Olympics?"


def test_keywords_keep_names_and_drop_filler():
    assert plain_keywords(QUESTION) == ["gold", "medals", "U.S.", "win", "Paris", "2024", "Olympics"]
    assert plain_keywords("美国代表团的金牌是多少？") == ["美国代表团的金牌"]


def test_the_time_window_in_words():
    assert time_words(QUESTION, Intent(needs_fresh=True, year=2024), NOW, None) == ""  # already in the question
    assert time_words("Who won the Tour de France?", Intent(needs_fresh=True, year=2023), NOW, None) == "2023"
    assert time_words("Who was elected mayor on Tuesday?", Intent(needs_fresh=True), NOW, 7) == "August 2024"
    assert time_words("谁当选了市长？", Intent(needs_fresh=True), NOW, 7) == "2024年8月"


def test_synonyms_from_the_policy_in_the_same_script():
    assert synonym_swap(QUESTION, ALIASES) == "How many gold medals did the United States win at the Paris 2024 Olympics?"
    assert synonym_swap("Who won the Tour de France?", ALIASES) == ""


def test_names_the_best_passages_add():
    page = Evidence(url="https://a.test", ok=True, text=(
        "The Paris 2024 Olympics gold medal table was topped by the United States. "
        "Katie Ledecky won gold in Paris. Katie Ledecky swam the 800m. On Friday the Games closed."))
    intent = Intent(needs_fresh=True, terms=[["gold"], ["paris"], ["olympics"]])
    names = passage_names("How many gold medals did the U.S. win at the Paris 2024 Olympics?", intent, [page])
    assert names[0] == "Katie Ledecky" and "Friday" not in names and "Paris" not in names and "The Paris" not in names


def test_never_a_query_sent_before_and_at_most_the_limit():
    intent = Intent(needs_fresh=True, year=2024, terms=[["gold"]])
    first = followup_queries(QUESTION, intent, ALIASES, [], None, [QUESTION], NOW, None, limit=1)
    assert first == ["gold medals U.S. win Paris 2024 Olympics"]
    second = followup_queries(QUESTION, intent, ALIASES, [], None, [QUESTION, *first], NOW, None, limit=3)
    assert second == ["gold medals United States win Paris 2024 Olympics"]
    assert followup_queries(QUESTION, intent, ALIASES, [], None, [QUESTION, *first, *second], NOW, None) == []


def test_closed_choices_each_get_a_query_after_the_keywords():
    """Each choice in quotes, so the pages that state it as written come first."""
    intent = Intent(needs_fresh=True, year=2024)
    queries = followup_queries("Which airline was sued over chronically delayed flights?", intent, ALIASES, [], None,
                               [], NOW, None, limit=3, choices=["Southwest Airlines", "Delta", "the carrier"])
    assert queries == ["airline sued over chronically delayed flights 2024", "airline sued over chronically delayed flights "
                       '"Southwest Airlines"', 'airline sued over chronically delayed flights "Delta"']


def test_keywords_of_other_languages_are_whole_words():
    """A follow-up for a question in another language searches its words as written: before,
    only ASCII letters were read ("termin", "dailles") and a Russian question searched "2024"."""
    assert plain_keywords("À quelle place la France a-t-elle terminé au tableau des médailles ?")[-3:] == \
        ["tableau", "des", "médailles"]
    assert "terminé" in plain_keywords("À quelle place la France a-t-elle terminé ?")
    assert plain_keywords("Сколько золотых медалей завоевал Узбекистан в Париже 2024?") == \
        ["Сколько", "золотых", "медалей", "завоевал", "Узбекистан", "Париже", "2024"]
    assert "مصر" in plain_keywords("كم عدد الميداليات الذهبية التي فازت بها مصر في أولمبياد باريس 2024؟")
    # Japanese: kanji and katakana runs, without the hiragana particles and endings
    assert plain_keywords("2024年のパリオリンピックで日本は金メダルをいくつ獲得しましたか？") == \
        ["2024", "年", "パリオリンピック", "日本", "金", "メダル", "獲得"]
