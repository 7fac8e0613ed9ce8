"""Names as the pages write them: a name with particles is one name ("Luiz Inácio Lula da
Silva", "Ursula von der Leyen"), a country is also named by its people's word ("Canadian
Prime Minister Mark Carney" is Canada's), and the side that beat another may go by its
state's or city's name ("São Paulo beat Palmeiras")."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.kb.offline import ask_offline, documents_file

# The team's own short reports of real events.
DOCS = [
    {"url": "https://www.reuters.com/world/americas/lula-wins-brazil-runoff-2022-10-31/",
     "title": "Lula wins Brazil's presidential runoff",
     "text": "Former president Luiz Inácio Lula da Silva won Brazil's presidential runoff on Sunday, "
             "defeating incumbent Jair Bolsonaro with 50.9% of the valid votes.",
     "published_at": "2022-10-31", "publisher": "Reuters"},
    {"url": "https://apnews.com/article/brazil-election-lula-bolsonaro-runoff",
     "title": "Brazil's Lula stages comeback",
     "text": "Leftist Luiz Inácio Lula da Silva won Brazil's presidential runoff, beating Jair Bolsonaro by "
             "about two million votes. Lula will take office on 1 January.",
     "published_at": "2022-10-31", "publisher": "AP"},
    {"url": "https://www.bbc.com/news/articles/von-der-leyen-second-term",
     "title": "Von der Leyen wins second term",
     "text": "The European Parliament re-elected Ursula von der Leyen as President of the European Commission "
             "on Thursday, with 401 votes in favour.",
     "published_at": "2024-07-18", "publisher": "BBC News"},
    {"url": "https://www.dw.com/en/von-der-leyen-re-elected-commission-president",
     "title": "EU lawmakers back von der Leyen",
     "text": "Ursula von der Leyen was re-elected President of the European Commission by the European "
             "Parliament in Strasbourg, winning 401 of 707 votes cast.",
     "published_at": "2024-07-18", "publisher": "DW"},
    {"url": "https://www.cbc.ca/news/politics/g7-kananaskis-opens",
     "title": "G7 leaders gather in Kananaskis",
     "text": "Leaders of the Group of Seven gathered in Kananaskis, Alberta, on Sunday for a summit hosted by "
             "Canadian Prime Minister Mark Carney.",
     "published_at": "2025-06-16", "publisher": "CBC News"},
    {"url": "https://www.theglobeandmail.com/politics/article-g7-summit-kananaskis-carney/",
     "title": "Carney opens G7 summit",
     "text": "Canadian Prime Minister Mark Carney opened the G7 summit in Kananaskis with a call for steady "
             "trade among allies.",
     "published_at": "2025-06-16", "publisher": "The Globe and Mail"},
    {"url": "https://www.espn.com/soccer/report/_/gameId/sao-paulo-palmeiras-paulista-final",
     "title": "São Paulo beat Palmeiras to win the Campeonato Paulista",
     "text": "São Paulo beat Palmeiras 2-0 at the Morumbi on Sunday to win the Campeonato Paulista, their "
             "first title since 2005. Luciano and Gabriel Sara scored the goals.",
     "published_at": "2021-05-24", "publisher": "ESPN"},
    {"url": "https://www.theguardian.com/football/2021/may/24/sao-paulo-palmeiras-paulista-final",
     "title": "São Paulo end title drought against rivals Palmeiras",
     "text": "São Paulo won the Campeonato Paulista with a 2-0 victory over Palmeiras in the final on Sunday, "
             "Luciano opening the scoring before the break.",
     "published_at": "2021-05-24", "publisher": "The Guardian"},
]


@pytest.fixture
def docs(tmp_path):
    return documents_file(tmp_path / "names.jsonl", DOCS)


@pytest.mark.parametrize("question, now, expected", [
    ("Who won Brazil's presidential runoff?", datetime(2022, 11, 1, tzinfo=UTC), "Luiz Inácio Lula da Silva"),
    ("Who was re-elected President of the European Commission?", datetime(2024, 7, 19, tzinfo=UTC),
     "Ursula von der Leyen"),
    ("Who is the prime minister of Canada?", datetime(2025, 6, 17, tzinfo=UTC), "Mark Carney"),
])
def test_a_name_is_answered_whole_as_the_pages_write_it(docs, question, now, expected):
    answer = ask_offline(question, docs, now)
    assert (answer.status, answer.answer) == ("answered", expected), answer.warnings


@pytest.mark.parametrize("question", [
    "Who beat Palmeiras in the Campeonato Paulista final?",
    "Which team beat Palmeiras in the Campeonato Paulista final?",
    "Which club defeated Palmeiras in the Campeonato Paulista final?",
])
def test_the_side_that_beat_another_is_answered_though_it_goes_by_a_place_name(docs, question):
    """"São Paulo beat Palmeiras": the side is named as its state and city are, and it is the
    one doing the asked thing; "Luciano opening the scoring" and "at the Morumbi" had answered."""
    answer = ask_offline(question, docs, datetime(2021, 5, 25, tzinfo=UTC))
    assert (answer.status, answer.answer) == ("answered", "São Paulo"), answer.warnings
