"""Title-cased headlines: their capitalised common words are no names."""

from orchestrator.verify.answer_types import kind_candidates
from orchestrator.verify.headline_case import capitalised_in_prose, sentence_cased
from orchestrator.verify.name_words import lower_case_words
from orchestrator.verify.passages import Passage

_BODY = ("The insurer names a new chief executive to succeed the old one as growth slows and tariffs bite. "
         "The chief financial officer speaks too. Analysts at Apple said an apple a day helps.")


def _cased(text: str, *others: str) -> str:
    texts = [text, *others]
    common = lower_case_words(texts)
    return sentence_cased(text, common, capitalised_in_prose(texts, common))


def test_a_title_cased_headline_keeps_capitals_only_for_names():
    assert _cased("Zurich Insurance Names Lucía Fernández To Succeed Greco As Chief Executive", _BODY) == \
        "Zurich Insurance names Lucía Fernández to succeed Greco as chief executive"
    assert _cased("Apple Appoints Sabih Khan Chief Operating Officer As Growth Slows", _BODY) == \
        "Apple Appoints Sabih Khan chief Operating officer as growth slows"  # "Apple" is a name in prose


def test_prose_and_short_titles_are_read_as_written():
    assert _cased(_BODY) == _BODY
    assert _cased("Taylor Swift Wins", _BODY) == "Taylor Swift Wins"  # too short to tell
    assert _cased("Donald Trump met Keir Starmer and Emmanuel Macron in Rome", _BODY) == \
        "Donald Trump met Keir Starmer and Emmanuel Macron in Rome"


def test_the_names_of_a_title_cased_headline_answer_without_its_verbs():
    texts = ["Zurich Insurance Names Lucía Fernández To Succeed Greco As Chief Executive",
             "Chief Financial Officer Markus Brändli Speaks As Growth Slows", _BODY]
    passages = [Passage(i, t, 0, 1.0) for i, t in enumerate(texts)]
    found = {f.value for f in kind_candidates("person", passages, "Who was named chief executive of Zurich?", "en")}
    assert {"Lucía Fernández", "Markus Brändli"} <= found
    assert not any("Succeed" in v or "Speaks" in v for v in found)
