"""A number that names a thing is no count (orchestrator/verify/labels.py), nor is one of
another noun a word on (orchestrator/verify/measures.py)."""

from tests.verify.counts import numbers


def test_a_number_naming_a_thing_counts_nothing():
    """"a Category 3 hurricane" had answered how many people Cuba evacuated."""
    text = ("Cuba, where the storm made a second landfall as a Category 3 hurricane on October 29, reported no "
            "deaths after evacuating more than 735,000 people.")
    assert numbers("How many people did Cuba evacuate ahead of the hurricane?", text) == ["735000"]
    # the question asking for the label is answered by it; a score after a lower-case word is no label
    assert numbers("What category was the hurricane at landfall?", "It made landfall as a Category 5 hurricane.") == ["5"]
    assert numbers("How many points did the Eagles score?", "The Eagles won the game 40-22.") == ["40"]


def test_a_count_of_another_noun_a_word_on_is_no_answer():
    """"score five unearned runs" had answered how many championships the Dodgers have won."""
    text = "Errors let the Dodgers score five unearned runs to win their eighth championship."
    assert numbers("How many championships have the Dodgers won?", text) == []
    assert numbers("How many golds did China win?", "China won 40 gold medals.") == ["40"]


def test_a_word_joined_to_a_number_by_a_hyphen_is_what_it_counts():
    """"denying three-peat" had answered how many Super Bowls the Eagles have won with 3."""
    assert numbers("How many Super Bowls have the Eagles won?", "Eagles rout Chiefs to win Super Bowl LIX, denying three-peat") == []
    assert numbers("How many Olympic titles has she won?", "The three-time Olympic champion won again.") == ["3"]
    assert numbers("How many days did the visit last?", "He began a four-day visit.") == ["4"]
    # what it counts stands beside it, however far the question's other words are
    text = "In Bangkok, more than 1,000 km away, a 30-storey skyscraper under construction collapsed."
    assert numbers("How many storeys was the building that collapsed in Bangkok?", text) == ["30"]


def test_what_a_count_question_counts_ends_at_its_verb():
    """"six astronauts" had answered how many sunrises the astronauts see."""
    text = "The novel follows six astronauts over a single day in which they witness 16 sunrises."
    assert numbers("How many sunrises do the astronauts see?", text) == ["16"]
    assert numbers("How many astronauts does the novel follow?", text) == ["6"]


def test_a_things_size_counts_only_what_it_is_made_of():
    text = ("The LDP won 191 seats and Komeito 24, giving the coalition 215 seats, short of the 233 needed for a "
            "majority in the 465-seat House of Representatives.")
    assert numbers("How many seats did Komeito win?", text) == ["24"]
    assert numbers("How many seats does the lower house have?", "Komeito won seats in the 465-seat lower house.") == ["465"]
