"""Editions of an event named by their host (orchestrator/verify/editions.py)."""

from orchestrator.verify.editions import (
    count_of_another_edition,
    described_of_another_edition,
    hosts_named,
    of_another_edition,
)


def test_an_edition_is_named_by_its_host_and_year_or_games():
    assert hosts_named("How many medals did India win at the Tokyo Olympics?") == {"tokyo"}
    assert hosts_named("India ended the Olympic Games Paris 2024 with six medals") == {"paris"}
    assert hosts_named("the Los Angeles 2028 Games and Rio de Janeiro 2016") == {"los angeles", "rio de janeiro"}
    assert hosts_named("The 2022 Beijing Winter Olympics") == {"beijing"}
    assert hosts_named("at the Olympics Paris 2024") == {"paris"}
    assert hosts_named("at the Tokyo Games, not the Commonwealth Games") == {"tokyo"}


def test_a_month_a_season_or_a_span_of_years_names_no_host():
    assert hosts_named("in January 2024, at the 2024 Summer Olympics, from 2004-08") == set()
    assert hosts_named("at the Decanter World Wine Awards 2025, the UEFA Women's Euros 2025") == set()


PAGE = "India ended the Olympic Games Paris 2024 with six medals. India's six medals in Paris left it 71st."


def test_a_passage_about_another_edition_says_nothing_of_the_asked_one():
    assert of_another_edition("India ended the Olympic Games Paris 2024 with six medals.", PAGE, {"tokyo"})
    assert of_another_edition("India's six medals in Paris left it 71st.", PAGE, {"tokyo"})  # the page's edition
    # it also names the asked host, or the question names none: it may speak of it
    assert not of_another_edition("India won seven medals in Tokyo, six in Paris.", PAGE, {"tokyo"})
    assert not of_another_edition("India's six medals in Paris left it 71st.", PAGE, {"paris"})
    assert not of_another_edition("India's six medals in Paris left it 71st.", PAGE, set())
    assert not of_another_edition("India's six medals in Paris left it 71st.", PAGE, {"india paris"})
    # another edition named to compare with is not what the passage tells of
    assert not of_another_edition("Its 18 golds are one more than in Athens 2004.", PAGE, {"paris"})
    assert not of_another_edition("No gold, its first Games without one since Rio 2016.", PAGE, {"paris"})


def test_a_count_is_the_edition_written_nearest_it():
    text = ("The team finished the Olympic Games Paris 2024 with 18 gold medals, beating the 17 won at Athens 2004 and "
            "at Tokyo 2020.")
    assert count_of_another_edition(text, text.index("18"), text, {"tokyo"})
    assert not count_of_another_edition(text, text.index("18"), text, {"paris"})
    india = "India finished the Paris Olympics with no gold, after winning seven medals including one gold in Tokyo."
    assert not count_of_another_edition(india, india.index("seven"), india, {"tokyo"})


def test_a_host_across_a_comparison_is_the_compared_counts():
    page = ("Japan ended the Paris Olympics third, its best Games abroad, with 20 golds in Paris. "
            "The 20 golds were second only to the 27 Japan won at the Tokyo Games.")
    text = page.split(". ")[1]
    assert count_of_another_edition(text, text.index("20"), page, {"tokyo"})
    assert not count_of_another_edition(text, text.index("27"), page, {"tokyo"})


def test_a_city_medals_were_won_in_names_the_edition_of_its_count():
    india = ("India finished the Paris Olympics with no gold medal, its first Games without one since Rio 2016, "
             "after winning seven medals including one gold in Tokyo.")
    assert count_of_another_edition(india, india.index("one gold"), india, {"paris"})
    assert not count_of_another_edition(india, india.index("one gold"), india, {"tokyo"})


def test_a_count_bound_to_no_host_is_of_the_edition_its_page_writes_most():
    page = "Japan won 45 medals in Paris and placed third. Japan's 45 medals were 20 gold, 12 silver and 13 bronze."
    text = page.split(". ")[1]
    assert count_of_another_edition(text, text.index("20"), page, {"tokyo"})
    assert not count_of_another_edition(text, text.index("20"), page, {"paris"})
    both = page + " Tokyo 2020 gave it 27 golds. Tokyo 2020 was its best Games."  # no one edition leads
    assert not count_of_another_edition(text, text.index("20"), both, {"tokyo"})


def test_a_name_described_as_of_another_edition():
    text = "Neeraj Chopra, the javelin gold medallist in Tokyo, took silver behind Arshad Nadeem, who won gold."
    end = len("Neeraj Chopra")
    assert described_of_another_edition(text, end, frozenset({"paris"}))
    assert not described_of_another_edition(text, end, frozenset({"tokyo"}))
    assert not described_of_another_edition(text, end, frozenset())
    assert not described_of_another_edition(text, text.index(", who"), frozenset({"paris"}))  # Nadeem: none given
