"""An interim, acting or caretaker office asked for is answered only from a sentence that
says so: the permanent holder named beside it is a bystander."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orchestrator.verify.candidates import Found
from orchestrator.verify.passages import Passage
from orchestrator.verify.qualified_office import asked_qualifier, named_so, states_qualifier
from tests.kb.offline import ask_offline, documents_file


@pytest.mark.parametrize("asking, qualifier", [
    ("Who became Starbucks interim CEO?", "interim"),
    ("Who is South Korea's acting president?", "acting"),
    ("Who was named acting attorney general?", "acting"),
    ("Who leads the caretaker prime minister's cabinet?", "caretaker"),
    ("Who is the interim head coach of the Jets?", "interim"),
    # no title qualified: an acting award, an interim report, a permanent office
    ("Which Hollywood veteran won her first acting award?", None),
    ("Which company released an interim report on the crash?", None),
    ("Who became Starbucks CEO?", None),
])
def test_the_qualified_office_a_question_asks(asking, qualifier):
    assert asked_qualifier(asking) == qualifier


def test_a_sentence_states_the_qualifier():
    assert states_qualifier("CFO Rachel Ruggeri was named interim CEO.", "interim")
    assert not states_qualifier("Brian Niccol will become chairman and CEO.", "interim")
    assert states_qualifier("Brian Niccol will become chairman and CEO.", None)  # nothing asked


def test_the_name_is_written_with_the_qualifier_beside_it():
    # South Korea, 27 December 2024: the acting president impeached, the finance minister acting next
    text = ("The National Assembly voted on Friday to impeach acting president Han Duck-soo, less than two weeks "
            "after it impeached President Yoon Suk Yeol. Finance Minister Choi Sang-mok became acting president.")
    passage = Passage(0, text, 0, 1.0)

    def so(name):
        return named_so(Found(name, name, passage, 1.0, start=text.index(name)), "acting")
    assert so("Han Duck-soo") and so("Choi Sang-mok") and not so("Yoon Suk Yeol")
    assert named_so(Found("Yoon Suk Yeol", "Yoon Suk Yeol", passage, 1.0, start=text.index("Yoon")), None)  # none asked


# The team's own short reports of a real event (Starbucks, August 2024).
DOCS = [
    {"url": "https://www.reuters.com/business/retail-consumer/starbucks-names-chipotle-ceo-niccol-2024-08-13/",
     "title": "Starbucks names Chipotle's Brian Niccol as CEO",
     "text": "Starbucks said on Tuesday that Brian Niccol will become chairman and chief executive on Sept. 9, "
             "replacing Laxman Narasimhan. Chief financial officer Rachel Ruggeri will serve as interim CEO "
             "until Niccol joins.",
     "published_at": "2024-08-13", "publisher": "Reuters"},
    {"url": "https://apnews.com/article/starbucks-ceo-niccol-narasimhan",
     "title": "Starbucks replaces its CEO after a sales slump",
     "text": "Brian Niccol will become chairman and CEO of Starbucks next month, the company said Tuesday. "
             "CFO Rachel Ruggeri was named interim CEO in the meantime.",
     "published_at": "2024-08-13", "publisher": "AP"},
]


@pytest.mark.parametrize("choices", [None, ["Brian Niccol", "Rachel Ruggeri", "Laxman Narasimhan"]])
def test_the_interim_holder_is_answered_not_the_permanent_one(tmp_path, choices):
    """Both reports name Niccol as the coming CEO in the sentence that best matches "became
    ... CEO"; he had been the answer for the interim one."""
    docs = documents_file(tmp_path / "starbucks.jsonl", DOCS)
    answer = ask_offline("Who became Starbucks interim CEO?", docs, datetime(2024, 8, 14, tzinfo=UTC),
                         choices=choices)
    assert (answer.status, answer.answer) == ("answered", "Rachel Ruggeri"), answer.warnings
