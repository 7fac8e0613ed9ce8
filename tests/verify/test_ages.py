"""A person's age is no count (orchestrator/verify/ages.py)."""

from orchestrator.verify.ages import is_age
from orchestrator.verify.numbers import find_numbers
from tests.verify.counts import numbers


def test_an_age_in_apposition_counts_nothing():
    """"Pogačar, 26, of UAE Team Emirates" had answered how many Tour titles he has won."""
    text = "Pogačar, 26, of UAE Team Emirates, won four stages and his fourth Tour de France title."
    assert "26" not in numbers("How many Tour de France titles has Pogačar won?", text)
    assert numbers("How many goals did Doué score?", "Désiré Doué, 19, scored 2 goals in the final.") == ["2"]
    assert numbers("How many stages did she win?", "The 24-year-old won 3 stages; Kopecky, aged 29, won none.") == ["3"]


def test_an_age_answers_how_old_and_a_country_s_count_in_a_list_is_no_age():
    assert numbers("How old is Pogačar?", "Pogačar, 26, of UAE Team Emirates, won the Tour.") == ["26"]
    listed = "Gold medals by country: China, 40, and Japan, 20."
    assert not any(is_age(listed, mention) for mention in find_numbers(listed))


def test_asked_how_old_only_an_age_answers():
    """"Formula 1 world champion" tells no one's age; "died at 88", "at the age of 88" do."""
    assert numbers("How old is Lando Norris?", "Lando Norris became Formula 1 world champion for the first time.") == []
    assert numbers("How old was Pope Francis when he died?", "Pope Francis dies at 88, the Vatican said.") == ["88"]
    assert numbers("How old was Pope Francis when he died?", "Francis died on Monday at the age of 88.") == ["88"]
    assert numbers("How many cardinals will vote?", "Francis died at the age of 88; 135 cardinals will vote.") == ["135"]
    # an age at an event is told by the event's sentence
    assert numbers("How old was Pope Francis when he was elected?", "Pope Francis dies at 88, the Vatican said.") == []
    assert numbers("How old was Pope Francis when he died?", "He was elected in 2013. Francis died at 88.") == ["88"]
