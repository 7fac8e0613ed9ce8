"""Pages in the question's own language answer it offline: its verbs are read on them
("ha vinto" for who won), its filler and passive words are read in the question ("wurde ...
gewählt": who was elected), and its national media count as media."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.kb.offline import ask_offline, documents_file

# The team's own short reports of real events, in their languages.
DOCS = [
    {"url": "https://www.ansa.it/sito/notizie/sport/tennis/2025/01/26/sinner-vince-a-melbourne.html",
     "title": "Tennis: Sinner vince a Melbourne",
     "text": "Jannik Sinner ha vinto l'Australian Open 2025 battendo in finale Alexander Zverev in tre set. "
             "Per l'azzurro è il secondo titolo consecutivo a Melbourne.",
     "published_at": "2025-01-26", "publisher": "ANSA"},
    {"url": "https://www.corriere.it/sport/tennis/25_gennaio_26/sinner-zverev-finale.shtml",
     "title": "Sinner batte Zverev in finale",
     "text": "A Melbourne Jannik Sinner ha conquistato l'Australian Open 2025: in finale ha battuto Alexander Zverev.",
     "published_at": "2025-01-26", "publisher": "Corriere della Sera"},
    {"url": "https://www.tagesschau.de/inland/bundestag-kanzlerwahl-merz.html",
     "title": "Merz im zweiten Wahlgang gewählt",
     "text": "Friedrich Merz ist im Bundestag im zweiten Wahlgang zum Bundeskanzler gewählt worden. "
             "Er erhielt 325 Stimmen.",
     "published_at": "2025-05-06", "publisher": "tagesschau"},
    {"url": "https://www.zeit.de/politik/deutschland/2025-05/kanzlerwahl-bundestag-merz",
     "title": "Kanzlerwahl im Bundestag",
     "text": "Im zweiten Anlauf hat der Bundestag Friedrich Merz zum Bundeskanzler gewählt.",
     "published_at": "2025-05-06", "publisher": "Die Zeit"},
]


@pytest.fixture
def docs(tmp_path):
    return documents_file(tmp_path / "languages.jsonl", DOCS)


@pytest.mark.parametrize("question, now, expected", [
    ("Chi ha vinto l'Australian Open 2025?", datetime(2025, 1, 27, tzinfo=UTC), "Jannik Sinner"),
    ("Wer wurde zum Bundeskanzler gewählt?", datetime(2025, 5, 7, tzinfo=UTC), "Friedrich Merz"),
])
def test_a_who_question_is_answered_from_pages_in_its_language(docs, question, now, expected):
    answer = ask_offline(question, docs, now)
    assert (answer.status, answer.answer) == ("answered", expected), answer.warnings
    assert {c.tier for c in answer.citations} == {"media"}


def test_a_lone_report_the_rules_read_by_its_words_needs_a_second_source(tmp_path):
    """One Al Arabiya report gives the 2034 host and, in the same sentence, the 2030 hosts; the
    words near the question's verb are the 2030 ones. A trusted report alone answers only in a
    language whose sentences the rules read."""
    doc = {"url": "https://www.alarabiya.net/sport/2024/12/11/world-cup-2034-host",
           "title": "فيفا يمنح السعودية استضافة كأس العالم 2034",
           "text": "منح فيفا السعودية حق استضافة كأس العالم 2034، فيما تستضيف المغرب وإسبانيا والبرتغال نسخة 2030.",
           "published_at": "2024-12-11", "publisher": "العربية"}
    answer = ask_offline("أي دولة ستستضيف كأس العالم 2034؟", documents_file(tmp_path / "one.jsonl", [doc]),
                         datetime(2024, 12, 12, tzinfo=UTC))
    assert answer.status == "abstained", answer.answer
