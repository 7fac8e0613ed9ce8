"""Questions in other languages read as the English rules read them (verify/gloss.py)."""

from __future__ import annotations

import pytest

from orchestrator.verify.gloss import ascii_digits, known_share, reading, unread_words
from orchestrator.verify.numbers import find_numbers


@pytest.mark.parametrize("question, language, expected", [
    ("Combien de médailles d'or la Chine a-t-elle remportées à Paris 2024 ?", "fr", "how many gold medals China won Paris 2024?"),
    ("중국은 금메달을 몇 개 땄나요?", "ko", "China gold medals how many won?"),  # particles attach: stems
    ("Сколько золотых медалей завоевал Китай в Париже?", "ru", "how many gold medals won China Paris?"),  # declined forms
    ("چین در المپیک ۲۰۲۴ چند مدال طلا گرفت؟", "fa", "China Olympics 2024 how many gold medals won?"),  # Persian digits
    ("Hány aranyérmet nyert Kína?", "hu", "how many gold medals won China?"),
])
def test_a_question_reads_as_english_words(question, language, expected):
    assert reading(question, language) == expected


@pytest.mark.parametrize("question, language", [
    ("Wie viele Silbermedaillen haben die USA gewonnen?", "de"),  # another locale's name (Swedish, Danish...)
    ("Wie viele Silbermedaillen haben die Vereinigten Staaten gewonnen?", "de"),  # declined
    ("Сколько серебряных медалей завоевали США?", "ru"),  # the short forms the press writes
    ("Сколько серебряных медалей завоевали Соединённые Штаты?", "ru"),  # ё, where Babel writes е
    ("アメリカは銀メダルをいくつ獲得しましたか？", "ja"),
    ("米国は銀メダルをいくつ獲得しましたか？", "ja"),
    ("¿Cuántas medallas de plata ganó EE. UU.?", "es"),
    ("Quantas medalhas de prata os EUA ganharam?", "pt"),
    ("ABD kaç gümüş madalya kazandı?", "tr"),
    ("Πόσα ασημένια μετάλλια κέρδισαν οι ΗΠΑ;", "el"),
    ("अमेरिका ने कितने रजत पदक जीते?", "hi"),
])
def test_the_united_states_however_a_language_writes_it(question, language):
    """Before, these read as a question about no country, and China's silver count answered."""
    assert "United States" in reading(question, language)


def test_english_and_chinese_are_read_as_they_are():
    for question, language in [("How many gold medals did China win?", "en"), ("中国金牌数", "zh"), ("中国金牌数", "zh-CN")]:
        assert reading(question, language) == question


def test_unknown_words_are_left_out_and_names_kept():
    assert reading("Wer gewann die Vuelta?", "de") == "who won?"  # German nouns are capitalised: no names
    assert reading("Wer gewann die Tour de France?", "de") == "who won France?"  # a country still is one
    assert reading("Qui a gagné le Tour de France hier ?", "fr") == "who won Tour France yesterday?"


def test_the_lexicon_that_knows_more_words_scores_higher():
    text = "Berapakah bilangan pingat emas yang dimenangi oleh China?"
    assert known_share(text, "ms") > known_share(text, "id")
    assert known_share(text, "en") == 0.0  # no lexicon gloss for English


@pytest.mark.parametrize("text", ["فازت الصين بـ ٤٠ ميدالية", "چین ۴۰ مدال", "चीन ने ४० पदक", "จีนได้ ๔๐ เหรียญ"])
def test_every_scripts_digits_are_numbers(text):
    assert [m.value for m in find_numbers(text)] == [40.0]
    assert ascii_digits(text).count("40") == 1


def test_the_words_a_reading_leaves_out_are_told():
    assert unread_words("Qui a remporté l'omnium féminin aux Jeux de Paris 2024 ?", "fr") == ["omnium", "féminin"]
    assert unread_words("Combien de médailles d'or la Chine a-t-elle remportées à Paris 2024 ?", "fr") == []
    assert unread_words("Who won the omnium?", "en") == []  # English is read as written
    # a run of Japanese characters is no word: the rule never reads it as one unread
    assert unread_words("2024年のパリオリンピックで女子オムニウムを制したのは誰ですか？", "ja") == []


def test_a_name_may_open_the_question_where_a_capitalised_word_follows():
    """"Ekrem İmamoğlu hangi şehrin ...": two capitals at the start are a name, read as written;
    a lone capital opening the question still tells no name from a capitalised first word."""
    from orchestrator.verify.gloss import unread_names

    assert unread_words("Ekrem İmamoğlu hangi şehrin belediye başkanlığını kazandı?", "tr") == []
    assert reading("Ekrem İmamoğlu hangi şehrin belediye başkanlığını kazandı?", "tr").startswith("Ekrem İmamoğlu")
    assert unread_names("Harris ha ottenuto 312 voti?", "it") == ["Harris"]


@pytest.mark.parametrize("question, language, expected", [
    ("Wer hat den Friedensnobelpreis 2024 gewonnen?", "de", "who Nobel Prize in peace 2024 won?"),  # one compound
    ("Ki kapta a 2024-es béke Nobel-díjat?", "hu", "who received 2024 Nobel Prize in peace?"),  # category first
    ("چه کسی جایزه صلح نوبل ۲۰۲۴ را برد؟", "fa", "who Nobel Prize in peace 2024 won?"),  # "prize peace Nobel"
    ("Quel film a remporté l'Oscar du meilleur film en 2025 ?", "fr", "which film won Oscar for best picture 2025?"),
])
def test_an_awards_category_reads_as_english_writes_it(question, language, expected):
    """verify/categories.py reads "the Nobel Prize in peace", never "Nobel Prize peace"."""
    assert reading(question, language) == expected


def test_a_question_asking_none_of_who_what_when_asks_whether():
    assert reading("La France a-t-elle remporté 14 médailles d'or ?", "fr") == "did France won 14 gold medals?"
    assert reading("Combien de médailles d'or la France a-t-elle remportées ?", "fr").startswith("how many")

    # a bare interrogative asks what it asks: "Welche drei Forscher ...?" is no yes/no question
    assert reading("Welche drei Forscher haben sich den Chemie-Nobelpreis 2024 geteilt?", "de").startswith("which")


@pytest.mark.parametrize("question, language, expected", [
    ("Qui a été nommé Premier ministre en septembre 2024 ?", "fr", "who was named prime minister September 2024?"),
    ("¿Quién fue elegido presidente de México?", "es", "who was elected president Mexico?"),
    ("Кто был избран мэром в сентябре?", "ru", "who was elected mayor September?"),
])
def test_a_passive_and_a_month_read_as_english_writes_them(question, language, expected):
    """"Who named ...?" asked who named someone, and a month's name went unread."""
    assert reading(question, language) == expected


def test_a_languages_filler_words_are_no_unread_words():
    """Indonesian "sebagai" (as) says nothing the reading needs; an unknown content word still counts."""
    assert unread_words("Siapa yang dilantik sebagai presiden Indonesia?", "id") == []
    assert unread_words("Siapa yang dilantik sebagai kepala otorita?", "id") == ["kepala", "otorita"]
    # outside the Latin alphabet a word of four letters says as much: "کشتی" (wrestling) had
    # been left out, and Iran's medals in all sports answered its wrestlers'
    assert unread_words("کشتی ایران در پاریس چند مدال گرفت؟", "fa") == ["کشتی"]
    assert unread_words("ایران در المپیک پاریس چند مدال گرفت؟", "fa") == []


@pytest.mark.parametrize("question, language, expected", [
    # vowel signs are part of a word: "मिलीं" (got) had been read as Mali ("माली" without its marks)
    ("लोकसभा चुनाव 2024 में भाजपा को कितनी सीटें मिलीं?", "hi", "election 2024 how many seats?"),
    ("ما الدولة التي ستستضيف كأس العالم 2034؟", "ar", "which country will host World Cup 2034?"),  # was a yes/no
    ("Đội tuyển nào vô địch AFF Cup 2024?", "vi", "which team champion AFF Cup 2024?"),
])
def test_which_one_is_asked_in_any_script(question, language, expected):
    assert reading(question, language) == expected


@pytest.mark.parametrize("question, language, expected", [
    ("Quel pays a remporté le plus de médailles d'or à Paris 2024 ?", "fr", "which country won most gold medals Paris 2024?"),
    ("Les États-Unis ont-ils remporté plus de médailles d'or que la Chine à Paris 2024 ?", "fr",
     "did United States won more gold medals than China Paris 2024?"),
    ("Haben die USA bei Paris 2024 mehr Goldmedaillen gewonnen als China?", "de",
     "did have United States Paris 2024 more gold medals won than China?"),
    # "más" is "the most" where the question asks which and compares with nothing
    ("¿Qué país ganó más medallas de oro en París 2024?", "es", "which country won most gold medals Paris 2024?"),
    ("Какая страна завоевала больше всего золотых медалей в Париже 2024?", "ru",
     "which country won most gold medals Paris 2024?"),  # "всего" alone is "in total"
    # before a number, "more than"; "del 2024" is "of the", no "than": no name follows it
    ("Quel pays a remporté plus de 30 médailles d'or à Paris 2024 ?", "fr", "which country won more than 30 gold medals Paris 2024?"),
    ("Quale paese ha vinto più medaglie d'oro alle Olimpiadi del 2024?", "it", "which country won most gold medals Olympics 2024?"),
    ("Les États-Unis ont-ils remporté plus de médailles qu'Israël ?", "fr", "did United States won more medals than Israel?"),
])
def test_a_comparative_and_a_superlative_read_as_english_writes_them(question, language, expected):
    assert reading(question, language) == expected


def test_a_word_for_than_is_read_only_after_a_comparative():
    """"que" is mostly "that": alone it is no comparison."""
    assert "than" not in reading("Qui a dit que la Chine a gagné ?", "fr")


def test_a_comparison_the_gloss_cannot_place_is_told():
    """"中国より多く", "Çin'den daha fazla": what is compared comes before the comparative, so
    the reading has "more" and no "than"; asked which, "more" is "the most"."""
    from orchestrator.verify.gloss import compares_unread

    assert compares_unread(reading("2024年のパリオリンピックでアメリカは中国より多くの金メダルを獲得しましたか？", "ja"))
    assert compares_unread(reading("ABD Paris 2024'te Çin'den daha fazla altın madalya kazandı mı?", "tr"))
    assert not compares_unread(reading("Les États-Unis ont-ils remporté plus de médailles d'or que la Chine ?", "fr"))
    assert not compares_unread(reading("¿Qué país ganó más medallas de oro en París 2024?", "es"))
    # which of two it names: "Did China or France win more gold medals?" (in English too)
    assert not compares_unread(reading("Did China or France win more gold medals at Paris 2024?", "en"))
    assert not compares_unread(reading("Hat Frankreich oder China bei Paris 2024 mehr Goldmedaillen gewonnen?", "de"))


def test_a_question_word_opening_the_question_is_no_name():
    """"Apakah" (whether) is a stop word of Indonesian: no name the reading left out."""
    from orchestrator.verify.gloss import unread_names

    assert unread_names("Apakah Amerika Serikat memenangkan lebih banyak medali emas daripada Tiongkok?", "id") == []


def test_english_which_more_asks_which_most():
    """"Which candidate won more electoral votes?" names nothing to compare with: it asks which
    won the most (it had answered the bystander Kamala Harris). A comparison keeps its "more"."""
    assert reading("Which candidate won more electoral votes in 2024?", "en") == \
        "Which candidate won the most electoral votes in 2024?"
    assert reading("Which won more gold medals, China or the United States?", "en") == \
        "Which won more gold medals, China or the United States?"
    assert reading("Did Harris win more electoral votes than Trump?", "en") == "Did Harris win more electoral votes than Trump?"
