"""Which of the names in a sentence fills the question's slot."""

from orchestrator.verify.alignment import FLOOR, Predicate, alignment, predicate_of

TEXT = "Narendra Modi arrived in Washington on Wednesday and met President Donald Trump at the White House."


def _at(name: str) -> tuple[int, int]:
    start = TEXT.index(name)
    return start, start + len(name)


def test_the_name_next_to_what_happened_outweighs_the_bystander():
    predicate = predicate_of("Which world leader arrived in Washington for a two-day visit?", [["washington"]])
    assert "arrived" in predicate.words and "washington" not in predicate.words and predicate.kinds == ("world", "leader")
    modi, trump = alignment(TEXT, *_at("Narendra Modi"), predicate), alignment(TEXT, *_at("Donald Trump"), predicate)
    assert modi == 1.0 and FLOOR < trump < 0.6


def test_the_kind_noun_counts_only_in_apposition():
    text = "IOC members meeting in Tokyo elected the Australian city of Brisbane."
    predicate = Predicate(kinds=("city",))
    brisbane = text.index("Brisbane")
    tokyo = text.index("Tokyo")
    assert alignment(text, brisbane, brisbane + 8, predicate) > 0.8
    assert alignment(text, tokyo, tokyo + 5, predicate) == FLOOR  # "city" is six words away


def test_no_predicate_word_in_the_passage_leaves_the_floor_and_none_asked_leaves_one():
    assert alignment("Taylor Swift sang.", 0, 12, Predicate(words=("nominations",))) == FLOOR
    assert alignment("Taylor Swift sang.", 0, 12, Predicate()) == 1.0


def test_those_beaten_in_a_list_fill_no_winners_slot():
    from orchestrator.verify.alignment import beaten
    text = ("Carpenter took home best pop vocal album, beating industry veterans Ariana Grande, newcomer Doechii and "
            "Charli XCX. Earlier, the band beat Coldplay, and Oasis won the rock award.")

    def at(name):
        return text.index(name), text.index(name) + len(name)
    assert beaten(text, *at("Ariana Grande")) and beaten(text, *at("Doechii")) and beaten(text, *at("Charli XCX"))
    assert beaten(text, *at("Coldplay")) and not beaten(text, *at("Oasis")) and not beaten(text, *at("Carpenter"))
    predicate = Predicate(words=("won", "album"))
    assert alignment(text, *at("Doechii"), predicate) == 0.0 and alignment(text, *at("Carpenter"), predicate) > FLOOR


def test_a_possessive_kind_noun_asks_for_its_noun():
    predicate = predicate_of("Scientists mapped which animal's brain?", [])
    assert predicate.kinds == ("animal",) and "brain" in predicate.words


def test_its_name_asks_for_what_the_sentence_before_introduced():
    from orchestrator.verify.alignment import kind_nouns
    assert kind_nouns("The mayor said she is founding a new civic movement. What is its name?") == ("movement",)
    assert kind_nouns("A probe reached Mars. What was the probe's name?") == ("probe",)
    assert kind_nouns("A lunar lander touched down. What was its name?") == ("lander",)
