"""Editions told apart by their number (orchestrator/verify/numbered_editions.py)."""

from orchestrator.verify.numbered_editions import asked_editions, of_another_numbered_edition, only_other_editions


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


def test_pages_numbering_only_another_edition_tell_of_it_where_they_write_no_number():
    asked = asked_editions("Which film won best picture at the 96th Academy Awards?")
    pages = ["Anora took the top prize at the 97th Academy Awards on Sunday.", "Oscars: Anora wins best picture."]
    assert only_other_editions(pages, asked)
    assert not only_other_editions(pages + ["A year ago, at the 96th Academy Awards, Oppenheimer won."], asked)
    assert not only_other_editions(pages[1:], asked)  # no page numbers it: nothing tells which edition
    assert not only_other_editions(pages, asked_editions("Which film won best picture at the 2025 Oscars?"))


def test_games_of_another_kind_are_another_edition():
    from orchestrator.verify.editions import asked_season, of_another_season
    winter = asked_season("Which city will host the 2028 Winter Olympics?")
    assert winter == "winter" and asked_season("Which city will host the 2028 Olympics?") is None
    assert of_another_season("The next Summer Olympics will be held in Los Angeles in 2028.", winter)
    assert not of_another_season("Los Angeles will host the 2028 Games.", winter)  # no kind named
    assert not of_another_season("After the Summer Games, the Winter Games go to Milan.", winter)


def test_an_arabic_number_after_the_event_numbers_it_too():
    """"Who won Game 7?" had answered the Oilers from "beat the Florida Panthers 5-1 in Game 6";
    "Where did Starship's booster land on Flight 5?" the Gulf of Mexico, from the flight before."""
    game = asked_editions("Who won Game 7 of the 2024 Stanley Cup Final?")
    assert game == {("game", "7")}
    assert of_another_numbered_edition("The Edmonton Oilers beat the Florida Panthers 5-1 in Game 6 on Friday.", game)
    assert not of_another_numbered_edition("The Panthers won Game 7 2-1 on Monday.", game)
    flight = asked_editions("Where did Starship's booster land on Flight 5?")
    assert of_another_numbered_edition("The previous test flight, on June 6, ended with the booster in the Gulf of "
                                       "Mexico.", flight)
    # a date's day and a degree are no editions
    assert not asked_editions("What happened on June 6?")
    assert not asked_editions("Did Milton make landfall as a Category 4 hurricane?")


def test_a_passage_numbering_no_edition_is_of_its_page_s():
    """"Chiefs beat 49ers 25-22 in overtime to repeat as Super Bowl champions" had answered who
    won Super Bowl LI, which its page recalls once after naming Super Bowl LVIII."""
    page = ("Chiefs beat 49ers 25-22 in overtime to repeat as Super Bowl champions\nThe Kansas City Chiefs beat the "
            "San Francisco 49ers in Super Bowl LVIII. It was the second Super Bowl to go to overtime, after the "
            "Patriots' 34-28 win over the Falcons in Super Bowl LI.")
    headline = "Chiefs beat 49ers 25-22 in overtime to repeat as Super Bowl champions"
    assert of_another_numbered_edition(headline, asked_editions("Who won Super Bowl LI?"), page)
    assert not of_another_numbered_edition(headline, asked_editions("Who won Super Bowl LVIII?"), page)
    assert not of_another_numbered_edition(headline, asked_editions("Who won Super Bowl LI?"), headline)
