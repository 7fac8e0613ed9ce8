"""A number that names a thing is no count (orchestrator/verify/labels.py)."""

from tests.verify.counts import numbers


def test_a_number_naming_a_thing_counts_nothing():
    """"a Category 3 hurricane" had answered how many people Cuba evacuated."""
    text = ("Cuba, where the storm made a second landfall as a Category 3 hurricane on October 29, reported no "
            "deaths after evacuating more than 735,000 people.")
    assert numbers("How many people did Cuba evacuate ahead of the hurricane?", text) == ["735000"]
    # the question asking for the label is answered by it; a score after a lower-case word is no label
    assert numbers("What category was the hurricane at landfall?", "It made landfall as a Category 5 hurricane.") == ["5"]
    assert numbers("How many points did the Eagles score?", "The Eagles won the game 40-22.") == ["40"]

