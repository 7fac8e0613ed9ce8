"""Editions told apart by their number (orchestrator/verify/numbered_editions.py)."""

from orchestrator.verify.numbered_editions import asked_editions, of_another_numbered_edition


def test_a_passage_about_another_numbered_edition_says_nothing_of_the_asked_one():
    """"Eagles rout Chiefs 40-22 to win Super Bowl LIX" had answered who won Super Bowl LVII."""
    asked = asked_editions("Who won Super Bowl LVII?")
    assert of_another_numbered_edition("Eagles rout Chiefs 40-22 to win Super Bowl LIX", asked)
    # one writing the asked edition too may tell of it; one naming no number is not judged
    assert not of_another_numbered_edition("The Chiefs beat the Eagles in Super Bowl LVII; the Eagles won Super Bowl LIX.",
                                           asked)
    assert not of_another_numbered_edition("The Eagles won the Super Bowl on Sunday.", asked)
    oscars = asked_editions("Who won best actress at the 97th Academy Awards?")
    assert of_another_numbered_edition("She had won at the 96th Academy Awards.", oscars)
    assert not of_another_numbered_edition("Mikey Madison won best actress at the 97th Academy Awards.", oscars)
    assert not asked_editions("Who won the Super Bowl?")
