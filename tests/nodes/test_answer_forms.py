"""Which words of a scene-setting question a passage must share, and how a number is written
in the short answer."""

from orchestrator.nodes.generate_answer import short_answer
from orchestrator.state import Candidate
from orchestrator.verify.question import asking_sentence


def test_the_sentence_that_asks_is_the_last_one():
    question = ("The mayor said the city will sell a \u201cgreen pass\u201d to visitors, letting them park anywhere. "
                "Around how much will the pass cost?")
    assert asking_sentence(question) == "Around how much will the pass cost?"
    assert asking_sentence("How many golds did China win?") == "How many golds did China win?"
    assert asking_sentence("中国队获得多少金牌？") == "中国队获得多少金牌？"


def test_amounts_keep_their_currency_and_scale_counts_do_not_keep_their_counter():
    def number(value, display):
        return Candidate(value=value, display=display, kind="number", score=1.0, supports=[])
    assert short_answer("5000000", number("5000000", "$5 million")) == "$5 million"
    assert short_answer("3.5", number("3.5", "3.5%")) == "3.5%"
    assert short_answer("40", number("40", "40枚")) == "40"
    assert short_answer("126", number("126", "126")) == "126"
    name = Candidate(value="Brisbane", display="Brisbane", kind="place", score=1.0, supports=[])
    assert short_answer("Brisbane", name) == "Brisbane"


def test_an_amount_is_displayed_as_a_source_writes_it_in_full():
    from orchestrator.verify.agreement import tally
    from orchestrator.verify.candidates import Found
    from orchestrator.verify.passages import Passage
    from tests.verify.test_agreement import NOW, POLICY, page

    evidence = [page("https://a.example/x", "The pass will cost 5 million, officials said."),
                page("https://b.example/y", "A $5 million pass, the mayor said.")]
    found = [Found("5000000", "5 million", Passage(0, evidence[0].text, 0, 1.0), 1.0),
             Found("5000000", "$5 million", Passage(1, evidence[1].text, 0, 1.0), 1.0)]
    [candidate] = tally(found, evidence, POLICY, NOW, 14).candidates
    assert candidate.display == "$5 million"


def test_a_model_sentence_states_the_value_as_a_number_or_a_whole_word_not_inside_a_date():
    from orchestrator.nodes.generate_answer import sentence_is_faithful, states_value

    # rank 1 is not stated by "August 11, 2024" (a helper saw this sentence pass the guard)
    assert not states_value("As of August 11, 2024, the United States finished on the Paris 2024 medal table.", "1")
    assert states_value("As of August 11, 2024, the United States finished first.", "1")
    assert states_value("截至8月11日，中国代表团共获得40枚金牌", "40") and not states_value("截至8月11日", "11")
    assert states_value("Brisbane will host the 2032 Games.", "Brisbane") and not states_value("Brisbanes", "Brisbane")
    assert states_value("中国队位列第二", "中国")
    assert not sentence_is_faithful("The United States finished on the medal table on August 11, 2024.", "1",
                                    "August 11, 2024 the United States finished first")


def test_a_name_is_answered_without_the_kind_the_question_names_before_it():
    def name(value, kind="name"):
        return Candidate(value=value, display=value, kind=kind, score=1.0, supports=[])
    storm = "What is the name of the storm system slowly churning in the Caribbean?"
    assert short_answer("Tropical Storm Melissa", name("Tropical Storm Melissa"), storm) == "Melissa"
    assert short_answer("Hurricane Erin", name("Hurricane Erin"), "What is the name of the hurricane?") == "Erin"
    cheney = "Dick Cheney died this week. Under which president did he serve?"
    assert short_answer("President George W. Bush", name("President George W. Bush", "person"), cheney) == "George W. Bush"
    # a name the kind heads, a kind the question does not name, a choice, a bare kind: as written
    idaho = "He pleaded guilty to killing four students at which university?"
    assert short_answer("University of Idaho", name("University of Idaho", "organisation"), idaho) == "University of Idaho"
    assert short_answer("Mount Etna", name("Mount Etna", "place"), "Which Italian volcano erupted?") == "Mount Etna"
    assert short_answer("Hurricane Erin", name("Hurricane Erin"), "") == "Hurricane Erin"
    assert short_answer("Hurricane", name("Hurricane"), "What is the name of the hurricane?") == "Hurricane"
    # the kind inside a name is no title before it
    dating = "Which app, where women share dating tips, was hacked?"
    assert short_answer("Apple App Store", name("Apple App Store", "organisation"), dating) == "Apple App Store"
    center = "What is the name of the hurricane?"
    assert short_answer("National Hurricane Center", name("National Hurricane Center"), center) == "National Hurricane Center"
