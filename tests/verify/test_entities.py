"""Countries across languages, and whose number a number is."""

from orchestrator.verify.entities import belongs_elsewhere, countries_in, owner
from orchestrator.verify.numbers import find_numbers

ALIASES = [["美国", "United States", "U.S.", "USA", "American"], ["中国", "China", "Chinese"]]


def test_one_country_in_any_language_and_script():
    codes = [code for _, code in countries_in("China, 中国, Chine, 中華人民共和国 and the U.S. (美国)", ALIASES)]
    assert codes[:3] == ["CN", "CN", "CN"] and codes[-2:] == ["US", "US"]


def test_a_number_belongs_to_the_last_country_before_it():
    text = "The United States finished top, taking the U.S. to 40 gold medals, level with China."
    places = countries_in(text, ALIASES)
    (forty,) = [m for m in find_numbers(text) if m.value == 40]
    assert owner(places, forty) == "US"
    assert belongs_elsewhere(places, forty, {"CN"}) and not belongs_elsewhere(places, forty, {"US"})
    assert not belongs_elsewhere(places, forty, set())  # a question naming no country filters nothing
