"""A citation is kept only if its quote states the answer and something the question asks
about; a country is stated in any form the reader takes for it ("the Spanish government")."""

import json
from datetime import UTC, datetime

from orchestrator.api import ask
from orchestrator.net.limited import NoNetworkTransport
from orchestrator.verify.question import question_terms
from orchestrator.verify.quotes import states_claim


def test_a_quote_states_a_value_and_the_question_s_subject():
    terms = question_terms("How many gold medals did China win?", [])
    assert states_claim("China won 40 gold medals.", "40", "40", terms)
    assert not states_claim("China won many medals.", "40", "40", terms)  # no value
    assert not states_claim("It was 40 degrees.", "40", "40", terms)  # nothing the question asks about


def test_names_answering_together_are_stated_by_a_quote_writing_each():
    terms = question_terms("Who won the 2024 Nobel Prize in Chemistry?", [])
    joined = "David Baker, Demis Hassabis and John Jumper"
    said = "David Baker of the University of Washington and Demis Hassabis and John Jumper of Google DeepMind won the prize."
    assert states_claim(said, joined, joined, terms)
    assert not states_claim("David Baker and Demis Hassabis won the prize.", joined, joined, terms)
    pair = "Geoffrey Hinton and John Hopfield"
    assert states_claim("Geoffrey Hinton of Toronto and John Hopfield of Princeton won the prize.", pair, pair, terms)


def test_countries_answering_together_are_stated_in_any_language():
    """A French answer "Chine, États-Unis (ex aequo)" stands on an English quote naming
    China and the United States; a quote naming one of them states no tie."""
    terms = question_terms("Which country won the most gold medals at Paris 2024?", [])
    quote = "China and the United States both finished with 40 gold medals at Paris 2024."
    assert states_claim(quote, "China, United States", "Chine, États-Unis (tied)", terms, countries=True)
    # a country in another form counts only for an answer of countries
    adjectives = "Chinese and American athletes each won 40 gold medals at Paris 2024."
    assert states_claim(adjectives, "China, United States", "Chine, États-Unis (tied)", terms, countries=True)
    assert not states_claim(adjectives, "China, United States", "Chine, États-Unis (tied)", terms)
    assert not states_claim("China finished with 40 gold medals.", "China, United States", "Chine, États-Unis (tied)",
                            terms, countries=True)


def test_a_country_answer_is_stated_by_its_adjective_but_not_by_another_country():
    terms = question_terms("Which country fined the airline?", [])
    quote = "The Portuguese regulator fined the airline 2 million euros."
    assert not states_claim(quote, "Portugal", "Portugal", terms)  # as written, no "Portugal"
    assert states_claim(quote, "Portugal", "Portugal", terms, countries=True)
    assert not states_claim(quote, "Spain", "Spain", terms, countries=True)


def test_a_country_named_only_by_its_adjective_answers_with_that_quote(tmp_path):
    doc = {"url": "https://www.reuters.com/world/regulator-fines-airline-2025-03-10/", "title": "Regulator fines airline over delays",
           "text": "The Portuguese regulator fined the airline 2 million euros on Monday over repeated delays.",
           "published_at": "2025-03-10", "publisher": "News"}
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    answer = ask("Which country's regulator fined the airline over delays?", knowledge_base=path, sources=["kb"],
                 transport=NoNetworkTransport(), now=datetime(2025, 3, 12, tzinfo=UTC), use_model=False)
    assert (answer.status, answer.answer) == ("answered", "Portugal")
    assert [c.quote for c in answer.citations] == [doc["text"]]
