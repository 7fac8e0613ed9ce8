"""An answer stands on the sources whose quotes survive the quote check: where one is left
out, the answer carries the single-source caution, or abstains where what is left is a page
the policy does not trust alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.kb.offline import ask_offline, documents_file

# The second page names him in full only where it says nothing of the office; its sentence
# about the office gives "Khan", so its quote cannot state "Sabih Khan".
SECOND = {"url": "https://9to5mac.com/2025/07/08/apple-coo-change/", "title": "Apple announces leadership change",
          "text": "Apple said on Tuesday that Sabih Khan succeeds Jeff Williams, who is retiring. "
                  "Khan, who joined the company in 1995, becomes chief operating officer.",
          "published_at": "2025-07-08", "publisher": "9to5Mac"}


def _first(url: str, publisher: str) -> dict:
    return {"url": url, "title": "Apple names Sabih Khan chief operating officer",
            "text": "Apple named Sabih Khan its chief operating officer on Tuesday, succeeding Jeff Williams, who is retiring.",
            "published_at": "2025-07-08", "publisher": publisher}


@pytest.mark.parametrize("first, expected", [
    (_first("https://www.reuters.com/technology/apple-names-sabih-khan-coo-2025-07-08/", "Reuters"), "answered"),
    (_first("https://www.macrumors.com/2025/07/08/apple-sabih-khan-coo/", "MacRumors"), "abstained"),
])
def test_an_answer_stands_on_the_quotes_that_state_it(tmp_path, first, expected):
    answer = ask_offline("Who is Apple's chief operating officer?", documents_file(tmp_path / "apple.jsonl", [first, SECOND]),
                         datetime(2025, 7, 10, tzinfo=UTC))
    assert answer.status == expected, answer.warnings
    assert any("left out" in w for w in answer.warnings)
    if expected == "answered":
        assert [c.publisher for c in answer.citations] == ["Reuters"]
        assert any(w.startswith("only 1 independent current source states 'Sabih Khan'") for w in answer.warnings)
