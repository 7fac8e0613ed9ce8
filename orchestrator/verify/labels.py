"""A number that names rather than counts: "a Category 3 hurricane", "Game 7", "Flight 5342",
"Proposition 50". It answers no "how many" question ("How many people did Cuba evacuate?" is
not 3), unless the question writes the label's word ("Which category was the storm?")."""

from __future__ import annotations

import re

from orchestrator.verify.numbers import NumberMention

# capitalised words a number names something after: not "won the game 40-22", a score
_LABELS = ("Category", "Level", "Stage", "Phase", "Game", "Round", "Week", "Chapter", "Section", "Article", "Flight",
           "Class", "Grade", "Tier", "Type", "Model", "Version", "Season", "Episode", "Amendment", "Route", "Highway",
           "Interstate", "Gate", "Terminal", "Runway", "District", "Ward", "Precinct", "Proposition", "Prop", "Measure",
           "No", "Number", "Apollo", "Artemis")
_LABELLED = re.compile(rf"\b({'|'.join(_LABELS)})\.?[ \t]+$")


def is_label(text: str, mention: NumberMention, question: str) -> bool:
    """Is the number written right after a capitalised word it names a thing by, a word the
    question does not ask about?"""
    label = _LABELLED.search(text, max(0, mention.start - 16), mention.start)
    return label is not None and mention.unit is None and \
        re.search(rf"\b{label.group(1)}", question, re.I) is None
