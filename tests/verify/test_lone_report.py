"""A lone trusted report answers alone only where the rules read its page's language."""

from orchestrator.policy import load_policy
from orchestrator.state import Candidate, Evidence, Support
from orchestrator.verify.lone_report import unread_lone_report
from tests.conftest import ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")


def _one_report(title: str, text: str, quote: str) -> tuple[Candidate, list[Evidence]]:
    page = Evidence(url="https://www.example-news.com/a", ok=True, title=title, tier="media", weight=2.0, text=text)
    return Candidate(value="x", display="x", kind="person", supports=[Support(source=0, quote=quote, weight=1.0, why="media")]), [page]


def test_an_english_page_answers_alone_though_its_headline_names_read_as_another_language():
    """"São Paulo beat Palmeiras 2-1 to win Campeonato Paulista" alone reads as Portuguese."""
    headline = "São Paulo beat Palmeiras 2-1 to win Campeonato Paulista"
    winner, evidence = _one_report(headline, f"{headline}\nThe club ended a title drought with a win in the second leg "
                                             "of the final on Sunday, its fans filling the stadium.", headline)
    assert unread_lone_report(winner, evidence, POLICY) is None


def test_a_page_in_another_language_needs_a_second_source():
    text = "Il Consiglio ha nominato il nuovo presidente della società durante la riunione di ieri sera a Roma."
    winner, evidence = _one_report("Nominato il nuovo presidente", text, text)
    assert "Italian" in unread_lone_report(winner, evidence, POLICY)
