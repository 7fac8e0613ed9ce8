"""Which pages a name answers from: a page must write a word of a name the question names."""

from orchestrator.nodes.cross_check import names_any
from orchestrator.state import Evidence


def _page(text: str) -> Evidence:
    return Evidence(url="https://example.org/a", ok=True, text=text)


def test_a_name_with_its_digits_is_one_word_and_a_year_alone_names_nothing():
    built = _page("Hassabis and Jumper built AlphaFold2, an AI model that predicts protein shapes.")
    assert names_any(built, [["alphafold2"]])  # "AlphaFold2" is the page's word, not "AlphaFold" and a 2
    assert not names_any(_page("A 2024 report on protein design."), [["paris 2024"]])  # the year tells no page
    assert names_any(_page("巴黎奥运会闭幕"), [["2024年巴黎奥运会"]]) is False  # a CJK run is read whole, as before
    assert names_any(_page("2024年巴黎奥运会闭幕"), [["2024年巴黎奥运会"]])
    # a word with accents is one word, written with or without them
    assert names_any(_page("Beyoncé's unreleased music was stolen in Atlanta."), [["beyoncé"]])
    assert names_any(_page("Beyonce's unreleased music was stolen in Atlanta."), [["beyoncé"]])


def test_an_office_tells_no_page_by():
    """"Boeing's CEO": any page about any company writes "CEO"; Intel's is not Boeing's."""
    from orchestrator.config import DEFAULT_POLICY
    from orchestrator.policy import load_policy
    from orchestrator.verify.question import named_terms

    names = named_terms("Who was named Boeing's CEO in 2024?", load_policy(DEFAULT_POLICY).aliases)
    assert not names_any(_page("Intel said its CEO Pat Gelsinger had retired."), names)
    assert names_any(_page("Boeing named Kelly Ortberg as chief executive."), names)


def test_a_country_is_named_by_its_peoples_word_too():
    """"hosted by Canadian Prime Minister Mark Carney" is about Canada's prime minister; a
    people's word in the question stays as it is ("Which Israeli city": not any page on Israel)."""
    from orchestrator.verify.question import named_terms, question_terms

    question = "Who is the prime minister of Canada?"
    page = _page("Leaders gathered in Kananaskis for a summit hosted by Canadian Prime Minister Mark Carney.")
    assert names_any(page, named_terms(question, []))
    assert ["canada", "canadian", "canadians"] in question_terms(question, [])
    assert ["israeli"] in question_terms("Which Israeli city was hit?", [])


def test_a_compass_word_alone_tells_no_page_by():
    """"South Korea" by "Korea": a page on a carmaker's chief who "ran operations in South
    America" had answered who is South Korea's president."""
    stellantis = _page("Filosa ran operations in South America before taking charge of North America.")
    assert not names_any(stellantis, [["south korea"]])
    assert names_any(_page("Lee Jae-myung was sworn in as Korea's president."), [["south korea"]])
    assert names_any(_page("Storms hit the north of England."), [["north"]])  # a compass word alone still names
