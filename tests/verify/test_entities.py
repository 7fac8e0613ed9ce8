"""Countries across languages, and whose number a number is."""

from orchestrator.verify.entities import belongs_elsewhere, countries_in, country_name, owner
from orchestrator.verify.numbers import find_numbers

ALIASES = [["美国", "United States", "U.S.", "USA", "American"], ["中国", "China", "Chinese"]]


def test_one_country_in_any_language_and_script():
    codes = [code for _, code in countries_in("China, 中国, Chine, 中華人民共和国 and the U.S. (美国)", ALIASES)]
    assert codes[:3] == ["CN", "CN", "CN"] and codes[-2:] == ["US", "US"]


def test_a_formal_name_is_read_whole_and_shown_as_written():
    # the Democratic Republic of the Congo is no Republic of the Congo, the longer name's tail;
    # Babel's English "Congo - Kinshasa" is shown as the formal name
    assert [c for _, c in countries_in("mpox spread in the Democratic Republic of the Congo and Burundi")] == ["CD", "BI"]
    assert [c for _, c in countries_in("a flood in the Republic of the Congo")] == ["CG"]
    assert [c for _, c in countries_in("talks between the Republic of Korea and Iran")] == ["KR", "IR"]
    assert (country_name("CD"), country_name("CG")) == ("Democratic Republic of the Congo", "Republic of the Congo")


def test_a_common_word_that_names_a_country_in_another_language_is_no_country():
    # "man" is the Isle of Man's name in some languages, "island" Iceland's: a name opens with a capital
    assert countries_in("In Jamaica, a man said the island had lost 28 people.", ALIASES) == [(3, "JM")]
    text = "In Jamaica, a man said 28 people died."
    assert owner(countries_in(text, ALIASES), find_numbers(text)[0]) == "JM"
    # a question typed all in lower case still names its countries
    assert [code for _, code in countries_in("did china or the usa win more golds?", ALIASES)] == ["CN", "US"]


def test_a_number_belongs_to_the_last_country_before_it():
    text = "The United States finished top, taking the U.S. to 40 gold medals, level with China."
    places = countries_in(text, ALIASES)
    (forty,) = [m for m in find_numbers(text) if m.value == 40]
    assert owner(places, forty) == "US"
    assert belongs_elsewhere(places, forty, {"CN"}) and not belongs_elsewhere(places, forty, {"US"})
    assert not belongs_elsewhere(places, forty, set())  # a question naming no country filters nothing


def test_a_possessive_names_its_country_and_owns_only_its_own_clause():
    text = "So the United States, with 44 silver medals to China's 27, placed first; Australia's 18 golds were a record."
    places = countries_in(text, ALIASES)
    assert [code for _, code in places] == ["US", "CN", "AU"]
    owners = {m.text: owner(places, m, text) for m in find_numbers(text)}
    assert owners == {"44": "US", "27": "CN", "first": "US", "18": "AU"}
    # "Pakistan's" is one token: the possessive ending is no part of the name
    text = "Behind Pakistan's Arshad Nadeem, the record throw of 92.97m won gold."
    assert countries_in(text, ALIASES) == [(7, "PK")]


def test_a_union_or_the_united_nations_is_no_country():
    from orchestrator.verify.entities import countries_in, country_of
    assert country_of("European Union") is None and country_of("United Nations") is None
    assert [code for _, code in countries_in("Imports from the European Union and Kosovo, the UN said.")] == ["XK"]


def test_respectively_pairs_the_listed_countries_with_the_numbers_in_order():
    for text in ("日本队以20枚金牌排名第三，澳大利亚队和东道主法国队分列第四、第五。",
                 "Australia and France finished fourth and fifth respectively."):
        places = countries_in(text)
        fourth, fifth = find_numbers(text)[-2:]
        assert (owner(places, fourth, text), owner(places, fifth, text)) == ("AU", "FR"), text
    # a list that does not pair up falls back to the last country named before the number
    text = "Japan and Australia were level, and France finished fifth respectively."
    assert owner(countries_in(text), find_numbers(text)[-1], text) == "FR"


def test_places_written_one_after_another_pair_up_without_respectively():
    """"The United States and China finished first and second" had placed China first."""
    text = "The United States and China finished first and second, both on 40 gold medals."
    first, second = [m for m in find_numbers(text) if m.ordinal]
    assert (owner(countries_in(text), first, text), owner(countries_in(text), second, text)) == ("US", "CN")
    text = "China and Japan were level on golds, and Japan finished third."  # one place: the last country named
    assert owner(countries_in(text), [m for m in find_numbers(text) if m.ordinal][0], text) == "JP"


def test_a_countrys_short_form_the_press_writes_names_it_on_a_page():
    """Babel gives 대한민국 and Соединённые Штаты; Korean and Russian pages write 한국 and США,
    which the lexicons gloss: a Yonhap quote saying 한국 states the answer 대한민국."""
    assert countries_in("한국은 파리 올림픽에서 금메달 13개를 땄다.") == [(0, "KR")]
    assert countries_in("США выиграли 40 золотых медалей.") == [(0, "US")]


def test_a_country_written_right_after_a_number_with_in_owns_it():
    """"... in Jamaica before landfall, and at least four in Haiti" had answered how many died in Jamaica with 4."""
    text = "At least three deaths were reported in Jamaica before landfall, and at least four in Haiti."
    four = next(m for m in find_numbers(text) if m.value == 4)
    assert owner(countries_in(text), four, text) == "HT"
    assert belongs_elsewhere(countries_in(text), four, {"JM"}, text)
