""""How many times" when the honest answer is zero, through the whole graph on a small pack
written here with real facts: England have never won the men's European Championship
(runners-up in 2021 and 2024; Spain beat them 2-1 in the Euro 2024 final on 14 July 2024)."""

import sys

from orchestrator import ask
from tests.conftest import FIXTURES

sys.path.insert(0, str(FIXTURES))
from packkit import SEARCH_BLOCK, head, html_page, interaction, paragraphs, search_interaction, write_pack  # noqa: E402

QUESTION = "How many times has England won the European Championship?"
PAGES = [
    ("https://www.bbc.com/sport/football/euro-2024-final-report", "Spain beat England to win Euro 2024 - BBC Sport",
     "2024-07-14T22:30:00+00:00",
     ["Spain won Euro 2024 with a 2-1 win over England in the final in Berlin on Sunday.",
      "England have never won the European Championship, and they lost a second successive final after defeat by "
      "Italy at Wembley in 2021."]),
    ("https://www.reuters.com/sports/soccer/england-wait-goes-on-2024-07-15/", "England's wait goes on | Reuters",
     "2024-07-15T08:00:00+00:00",
     ["England's men have still never won the European Championship after Spain beat them 2-1 in Berlin.",
      "Spain's fourth European Championship title is a record."]),
]


def build(tmp_path, pages):
    results = [(url, title, body[0], date, "google") for url, title, date, body in pages]
    interactions = [search_interaction(QUESTION, results)]
    for url, title, date, body in pages:
        html = html_page("en", head(title, description=body[0], site=title.split(" - ")[-1].split(" | ")[-1],
                                    og_type="article", og_title=title, published=date, url=url),
                         f"<main><article><h1>{title}</h1>\n{paragraphs(body)}</article></main>\n")
        interactions.append(interaction(url, html))
    case = {"id": "euro-england-never", "question": QUESTION, "asked_at": "2024-07-16T09:00:00+00:00",
            "language": "en", "search": SEARCH_BLOCK}
    return write_pack(tmp_path / "pack", case, interactions)


def test_never_is_answered_zero_with_citations(tmp_path):
    answer = ask(replay=build(tmp_path, PAGES), use_model=False)
    assert (answer.status, answer.answer) == ("answered", "0")
    assert "0 (never)" in answer.text
    assert answer.citations and all("never" in c.quote for c in answer.citations)


def test_without_a_never_no_number_is_invented(tmp_path):
    pages = [(url, title, date, [s for s in body if "never" not in s]) for url, title, date, body in PAGES]
    answer = ask(replay=build(tmp_path, pages), use_model=False)
    assert answer.status == "abstained" and answer.answer is None
