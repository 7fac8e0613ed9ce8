"""A side's role asked for ("Who was the Pacers coach?") is answered only by a passage
naming that side and the role: "Coach Mark Daigneault's team" on a report of the Finals is
the other side's coach. A role of another kind is no answer either: "Their coach Luis
Enrique" is no player."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orchestrator.verify.answer_types import kind_candidates
from orchestrator.verify.passages import Passage
from orchestrator.verify.predicate import predicate_of
from orchestrator.verify.role_owner import role_owners, side_role, tells_of_the_role, titled_as_another_role
from tests.kb.offline import ask_offline, documents_file

ASKED = datetime(2025, 6, 24, tzinfo=UTC)
QUESTION = "Who was the Pacers coach in the 2025 NBA Finals?"

# The team's own short reports of the 2025 NBA Finals (Oklahoma City beat Indiana in seven games).
THUNDER = [
    {"url": "https://apnews.com/article/nba-finals-game-7-thunder-pacers",
     "title": "Thunder beat Pacers in Game 7 to win the NBA title",
     "text": "The Oklahoma City Thunder beat the Indiana Pacers 103-91 in Game 7 of the NBA Finals on Sunday. "
             "Coach Mark Daigneault's team won 68 regular-season games, the most in the league.",
     "published_at": "2025-06-23", "publisher": "AP"},
    {"url": "https://www.reuters.com/sports/basketball/thunder-crowned-nba-champions-2025-06-23/",
     "title": "Thunder crowned NBA champions after beating Pacers",
     "text": "Oklahoma City beat the Indiana Pacers in Game 7 of the NBA Finals. Coach Mark Daigneault's side "
             "had the league's best record.",
     "published_at": "2025-06-23", "publisher": "Reuters"},
]
PACERS = [
    {"url": "https://www.espn.com/nba/story/_/id/pacers-carlisle-game-7",
     "title": "Carlisle proud of Pacers after Game 7 loss",
     "text": "Pacers coach Rick Carlisle said he was proud of his players after the Game 7 loss in the NBA Finals.",
     "published_at": "2025-06-23", "publisher": "ESPN"},
    {"url": "https://www.indystar.com/story/sports/nba/pacers/2025/06/23/rick-carlisle-game-7/",
     "title": "Rick Carlisle on the Pacers' Finals run",
     "text": "Indiana Pacers coach Rick Carlisle praised Tyrese Haliburton after the NBA Finals ended in Game 7.",
     "published_at": "2025-06-23", "publisher": "IndyStar"},
]


def _owners(question: str, names: list[list[str]]) -> list:
    role = side_role(predicate_of(question, names))
    return role_owners(question, names, role) if role else []


def test_the_role_s_side_is_the_name_written_beside_it():
    assert _owners(QUESTION, [["pacers"], ["nba"]]) == [["pacers"]]
    assert _owners("Who captained RCB to the IPL title?", [["rcb"], ["ipl"]]) == [["rcb"]]
    assert _owners("Who won the NBA Finals?", [["nba"]]) == []


def test_a_passage_tells_of_the_role_where_it_names_the_side_and_the_role():
    assert tells_of_the_role("Pacers coach Rick Carlisle said so.", [["pacers"]], "coach")
    assert tells_of_the_role("Inter coach Simone Inzaghi said so.", [["inter milan"]], "coach")  # a word of its name
    assert not tells_of_the_role("Coach Mark Daigneault's team won 68 games.", [["pacers"]], "coach")
    assert not tells_of_the_role("The Thunder beat the Pacers 103-91.", [["pacers"]], "coach")


def test_another_side_s_coach_is_no_answer(tmp_path):
    answer = ask_offline(QUESTION, documents_file(tmp_path / "docs.jsonl", THUNDER), ASKED)
    assert answer.answer != "Mark Daigneault", (answer.status, answer.answer)


def test_the_side_s_own_coach_answers(tmp_path):
    answer = ask_offline(QUESTION, documents_file(tmp_path / "docs.jsonl", THUNDER + PACERS), ASKED)
    assert answer.answer == "Rick Carlisle", (answer.status, answer.answer, answer.warnings)


@pytest.mark.parametrize(("text", "asked", "other"), [
    ("Their coach Luis Enrique was booked.", "player", True),
    ("RCB captain Rajat Patidar led the side.", "player", False),  # a captain plays
    ("Striker Harry Kane spoke after the game.", "coach", True),
    ("Manager Arne Slot spoke after the game.", "coach", False),  # both lead from the bench
])
def test_a_role_of_another_kind(text, asked, other):
    start = text.index(next(w for w in ("Luis", "Rajat", "Harry", "Arne") if w in text))
    assert titled_as_another_role(text, start, asked) is other


def test_a_coach_is_no_answer_about_a_player():
    question = "Which PSG player was booked in the final?"
    names = [["psg"]]
    passages = [Passage(0, "Their coach Luis Enrique was booked in the final, as was Vitinha.", 0, 1.0)]
    found = kind_candidates("person", passages, question, "en", predicate=predicate_of(question, names))
    assert "Luis Enrique" not in {f.value for f in found}


def test_a_side_wins_a_competition_not_its_coach():
    from tests.verify.counts import POLICY
    question = "Who won the 2025 Club World Cup?"
    names = [["club world cup"]]
    passages = [Passage(0, "Chelsea head coach Enzo Maresca won the expanded 32-team tournament in his first "
                           "season at the club.", 0, 1.0)]
    predicate = predicate_of(question, names, POLICY.shapes.predicates)
    found = kind_candidates("person", passages, question, "en", POLICY.aliases, predicate=predicate)
    assert "Enzo Maresca" not in {f.value for f in found}
    asked = "Who won Coach of the Year?"  # a coach asked for is one
    predicate = predicate_of(asked, [], POLICY.shapes.predicates)
    passages = [Passage(0, "Thunder coach Mark Daigneault won Coach of the Year.", 0, 1.0)]
    assert "Mark Daigneault" in {f.value for f in kind_candidates("person", passages, asked, "en", POLICY.aliases,
                                                                   predicate=predicate)}
