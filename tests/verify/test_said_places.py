"""Places on a table as pages in other languages write them: ordinal words in their genders
and cases, digits with an ordinal mark, and a number beside the language's word for place;
never a day of a date, a count of seats or a word that only shares an ordinal's stem."""

import pytest

from orchestrator.lexicon import SUPPORTED, lexicon
from orchestrator.verify.candidates import rank_candidates
from orchestrator.verify.passages import Passage
from orchestrator.verify.question import question_terms
from orchestrator.verify.quotes import states_claim
from orchestrator.verify.said_places import said_places


def places(text: str, language: str) -> list[tuple[int, str, bool]]:
    return [(p.value, text[p.start:p.end], p.beside_noun) for p in said_places(text, language)]


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "La France termine cinquième avec 16 médailles d'or.", [(5, "cinquième", False)]),
    ("fr", "à la 5e place, puis à la première place", [(5, "5e", True), (1, "première", True)]),
    ("de", "Deutschland belegt mit 33 Medaillen Platz zehn.", [(10, "zehn", True)]),
    ("de", "auf dem zehnten Platz, auf Rang 10, als 10. Platz", [(10, "zehnten", True), (10, "10", True), (10, "10.", True)]),
    ("es", "quinto puesto, tercer lugar, quinta posición y 5º lugar",
     [(5, "quinto", True), (3, "tercer", True), (5, "quinta", True), (5, "5º", True)]),
    ("ru", "Узбекистан занял пятое место, на 5-м месте", [(5, "пятое", True), (5, "5-м", True)]),
    ("it", "l'Italia ha chiuso al nono posto", [(9, "nono", True)]),
    ("pt", "O Brasil terminou em 20º lugar", [(20, "20º", True)]),
    ("tr", "Türkiye 5. sırada, beşinci sırada", [(5, "5.", True), (5, "beşinci", True)]),
    ("hu", "Magyarország a 10. helyen végzett", [(10, "10.", True)]),
    ("ja", "日本はメダル獲得数で3位となりました。", [(3, "3", True)]),
    # the article written onto the ordinal: "the fifth", "the first" (feminine, with its hamza)
    ("ar", "احتلت مصر المركز الخامس", [(5, "الخامس", True)]),
    ("ar", "حلت مصر في المرتبة الأولى", [(1, "الأولى", True)]),
    ("he", "ישראל סיימה במקום החמישי", [(5, "החמישי", True)]),
])
def test_a_place_as_the_language_writes_it(language, text, expected):
    assert places(text, language) == expected


@pytest.mark.parametrize("language, text", [
    ("de", "Am 11. August endeten die Spiele."),  # a day, not the 11th
    ("de", "Deutschland gewann zehn Goldmedaillen und fünfzig Medaillen."),  # counts; fünfzig carries fünfte's stem
    ("de", "Das war erst der Anfang."),  # erst (only) is no ordinal: erste less a letter
    ("fr", "La salle compte 2 places et 10 000 places assises."),  # seats: "places" is no place noun
    ("ru", "Осталось 2 места."),  # two seats
    ("en", "China finished second."),  # English ordinals are the number reader's
])
def test_no_place_where_none_is_written(language, text):
    assert [p for p in places(text, language) if p[2] or language == "de"] == []


def test_every_language_builds_its_reader():
    for language in SUPPORTED:
        list(said_places("1 2 3", language))  # num2words tables and place nouns compile
        assert lexicon(language).code == language


QUESTION = "À quelle place la France a-t-elle terminé au tableau des médailles de Paris 2024 ?"


def test_an_ordinal_is_a_place_only_near_a_place_word():
    placed = Passage(0, "La France termine cinquième avec 16 médailles d'or.", 0, 1.0)
    unplaced = Passage(1, "Pour la France, c'est la cinquième médaille d'or en escrime.", 0, 1.0)
    assert [f.value for f in rank_candidates([placed], QUESTION, [], (), "fr")] == ["5"]
    assert rank_candidates([unplaced], QUESTION, [], (), "fr") == []


def test_another_country_s_place_is_not_the_asked_one():
    passage = Passage(0, "L'Allemagne termine dixième et la France termine cinquième.", 0, 1.0)
    assert [f.value for f in rank_candidates([passage], QUESTION, [], (), "fr")] == ["5"]


def test_another_party_s_place_is_not_the_asked_one():
    question = "Where did the SPD finish in the German election?"
    headline = Passage(0, "Merz's conservatives win German election as AfD surges to second place", 0, 1.0)
    own = Passage(1, "The SPD finished third, its worst result in a federal election.", 0, 1.0)
    rank_words = ["finished", "place"]
    assert rank_candidates([headline], question, rank_words) == []
    assert [f.value for f in rank_candidates([headline, own], question, rank_words)] == ["3"]
    assert [f.value for f in rank_candidates([headline], question.replace("SPD", "AfD"), rank_words)] == ["2"]


def test_a_quote_states_a_place_in_the_question_s_language():
    terms = question_terms("Auf welchem Platz landete Deutschland im Medaillenspiegel?", [])
    quote = "Deutschland belegt mit 33 Medaillen Platz zehn."
    assert states_claim(quote, "10", "10", terms, language="de")
    assert not states_claim(quote, "10", "10", terms)  # English reads no "zehn"


@pytest.mark.parametrize("language, value, written", [
    ("en", 2, "2nd"), ("zh", 2, "第2"), ("ja", 3, "第3"), ("ko", 8, "8위"), ("fr", 5, "5e"), ("fr", 1, "1er"),
    ("es", 5, "5.º"), ("de", 10, "10."), ("ru", 5, "5-е"), ("ar", 5, "5"),
])
def test_a_place_is_answered_as_the_language_abbreviates_it(language, value, written):
    from orchestrator.verify.candidates import ordinal_text

    assert ordinal_text(value, language) == written


def test_a_german_place_ends_the_sentence_with_one_full_stop():
    from orchestrator.wording import answer_sentence

    assert answer_sentence("de", "10", "10.", "2024-08-11").endswith("Die geprüfte Antwort ist 10.")
