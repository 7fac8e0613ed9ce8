"""A person asked by place ("Who was third?") is one a clause places there: "won the Tour for
the third time" places no one third. Documents in the project's own words, real results."""

from datetime import UTC, datetime

from tests.kb.offline import ask_offline, documents_file

TOUR = {"url": "https://www.reuters.com/sports/cycling/pogacar-wins-tour-2024-07-21/",
        "title": "Pogacar wins Tour de France for third time",
        "text": "Tadej Pogacar won the Tour de France for the third time on Sunday, sealing victory in the final time "
                "trial in Nice. Jonas Vingegaard finished second overall and Remco Evenepoel was third.",
        "published_at": "2024-07-21", "publisher": "Reuters"}
NOW = datetime(2024, 7, 22, 12, tzinfo=UTC)


def test_who_was_third_is_the_one_placed_third(tmp_path):
    docs = documents_file(tmp_path / "tour.jsonl", [TOUR])
    third = ask_offline("Who was third in the 2024 Tour de France?", docs, NOW)
    assert (third.status, third.answer) == ("answered", "Remco Evenepoel"), third.warnings
    second = ask_offline("Who finished second in the 2024 Tour de France?", docs, NOW)
    assert (second.status, second.answer) == ("answered", "Jonas Vingegaard"), second.warnings


def test_the_third_time_places_no_one(tmp_path):
    text = "Tadej Pogacar won the Tour de France for the third time on Sunday, sealing victory in the final time trial."
    docs = documents_file(tmp_path / "tour.jsonl", [TOUR | {"text": text}])
    third = ask_offline("Who was third in the 2024 Tour de France?", docs, NOW)
    assert third.status == "abstained" and third.answer is None, third.answer
