"""A question that asks where a journey was going (or where it left from) is answered only
by a place the passage writes as that end of the journey."""

import pytest

from orchestrator.verify.answer_types import kind_candidates
from orchestrator.verify.direction import asked_end, at_end
from orchestrator.verify.passages import Passage


@pytest.mark.parametrize("question, end", [
    ("A cargo plane crashed shortly after takeoff en route to which city?", "to"),
    ("The ferry was bound for which island when it sank?", "to"),
    ("Which country was the convoy headed for?", "to"),
    ("The convoy was heading to what city?", "to"),
    ("The jet took off from which airport?", "from"),
    ("Where did the flight depart from?", "from"),
    ("Which city hosted the summit?", None),
    ("Soldiers from which nation were captured?", None),  # "from" alone is no journey
])
def test_the_asked_end_of_a_journey(question, end):
    assert asked_end(question) == end


def test_a_place_is_at_an_end_only_where_the_passage_writes_it_so():
    text = "The jet left Lisbon bound for Oslo, a Oslo-bound service; it crashed near Porto."
    lisbon, oslo, service, porto = (text.index(w) for w in ("Lisbon", "Oslo,", "Oslo-", "Porto"))
    assert at_end("from", text, lisbon, lisbon + 6) and not at_end("to", text, lisbon, lisbon + 6)
    assert at_end("to", text, oslo, oslo + 4) and at_end("to", text, service, service + 4)
    assert not at_end("to", text, porto, porto + 5) and not at_end("from", text, porto, porto + 5)
    assert at_end(None, text, porto, porto + 5) and at_end("to", text, -1, -1)  # nothing asked, or no position


def test_the_city_a_flight_crashed_in_is_no_answer_to_where_it_was_going():
    passages = [Passage(0, "The plane crashed in the western city of Valletta minutes after takeoff, officials said.", 0, 1.0),
                Passage(1, "The flight from Valletta to Edinburgh carried 180 people.", 0, 1.0)]
    question = "A passenger plane crashed minutes after takeoff en route to which city?"
    assert {f.value for f in kind_candidates("city", passages, question, "en")} == {"Edinburgh"}
    # asked where it crashed, both cities count as named places
    assert {"Valletta", "Edinburgh"} <= {f.value for f in kind_candidates("city", passages, "Which city did it fly over?", "en")}


def test_a_country_at_the_asked_end():
    passages = [Passage(0, "Migrants leaving Libya for Italy were rescued off Malta.", 0, 1.0)]
    found = kind_candidates("country", passages, "The boat was bound for which country?", "en")
    assert {f.value for f in found} == {"Italy"}


def test_only_a_place_question_asks_for_an_end():
    passages = [Passage(0, "Captain Rhys Talbot flew the jet from Valletta to Edinburgh.", 0, 1.0)]
    question = "Which pilot flew the jet that was bound for which city?"
    assert {f.value for f in kind_candidates("person", passages, question, "en")} == {"Rhys Talbot"}
