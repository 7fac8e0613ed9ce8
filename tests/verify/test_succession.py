"""Who leaves an office answers no question about who holds it (verify/succession.py)."""

import pytest

from orchestrator.verify.succession import asks_about_leaving, leaving


@pytest.mark.parametrize("text, name, expected", [
    ("Meridian Airlines said its board had ousted Tomás Ortega and named Lucía Fernández as CEO.", "Tomás Ortega", True),
    ("Meridian Airlines said its board had ousted Tomás Ortega and named Lucía Fernández as CEO.", "Lucía Fernández", False),
    ("Meridian Airlines names Lucía Fernández CEO after Ortega ousted", "Ortega", True),
    ("It appointed Markus Brändli as CEO, replacing Mario Greco, who is stepping down.", "Mario Greco", True),
    ("It appointed Markus Brändli as CEO, replacing Mario Greco, who is stepping down.", "Markus Brändli", False),
    ("Markus Brändli succeeds longtime chief executive Mario Greco.", "Mario Greco", True),
    ("Markus Brändli succeeds longtime chief executive Mario Greco.", "Markus Brändli", False),
    ("Mario Greco was replaced by Markus Brändli in July.", "Markus Brändli", False),
    ("Outgoing CEO Mario Greco thanked the staff.", "Mario Greco", True),
    ("Mario Greco will leave at the end of June.", "Mario Greco", True),
    ("Mario Greco said the insurer had a record year.", "Mario Greco", False),
    # one who died holds no post now
    ("Pope Francis dies on Easter Monday aged 88", "Francis", True),
    ("Cardinals gathered for the funeral of Pope Francis.", "Francis", True),
    ("Pope Francis celebrated Easter Mass.", "Francis", False),
])
def test_the_one_leaving_a_post(text, name, expected):
    start = text.index(name)
    assert leaving(text, start, start + len(name)) is expected


def test_a_question_about_the_one_leaving_keeps_them():
    assert asks_about_leaving("Who was ousted as chief executive of Meridian Airlines?")
    assert asks_about_leaving("Whom did Markus Brändli replace?")
    assert not asks_about_leaving("Who will replace Mario Greco as chief executive?")
    assert not asks_about_leaving("Who is the chief executive of Meridian Airlines?")
    assert asks_about_leaving("Which pope died in April?")


def test_an_ousted_chief_executive_is_no_candidate():
    from orchestrator.verify.answer_types import kind_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.predicate import predicate_of

    question = "Who is the chief executive of Meridian Airlines?"
    text = "Meridian Airlines said on Thursday its board had ousted Tomás Ortega and named Lucía Fernández as CEO."
    found = kind_candidates("person", [Passage(0, text, 0, 1.0)], question, "en",
                            predicate=predicate_of(question, [["meridian airlines"]]))
    assert {f.value for f in found} == {"Lucía Fernández"}


def test_a_title_asked_for_is_a_persons_never_the_body_it_was_of():
    from orchestrator.verify.answer_types import kind_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.predicate import predicate_of

    question = "Who is Intel's new CEO?"
    text = ("Intel on Wednesday named Lip-Bu Tan, the former chief executive of Cadence Design Systems, as its new "
            "CEO, effective 18 March.")
    found = kind_candidates("person", [Passage(0, text, 0, 1.0)], question, "en", predicate=predicate_of(question, [["intel"]]))
    assert {f.value for f in found} == {"Lip-Bu Tan"}


def test_whom_one_succeeds_is_the_one_written_as_leaving():
    from orchestrator.verify.answer_types import kind_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.predicate import predicate_of

    question = "Who does the winner of Poland's presidential election succeed?"
    won = ("Karol Nawrocki has won Poland's presidential election, defeating Rafał Trzaskowski with 50.89% of the "
           "vote.")
    sworn = "Karol Nawrocki will be sworn in as president on 6 August, succeeding Andrzej Duda."
    found = kind_candidates("person", [Passage(0, won, 0, 1.0), Passage(1, sworn, 0, 1.0)], question, "en",
                            predicate=predicate_of(question, [["poland"]]))
    assert {f.value for f in found} == {"Andrzej Duda"}
    assert asks_about_leaving("Whom will she replace as chief executive?")
