"""What befell the people a number counts: killed, injured, missing, displaced, arrested.
"The death toll has risen to 3,600, with 5,017 people injured and 160 still missing" gives
three counts of people; asked how many died, only 3,600 answers, however near "people"
stands to 5,017."""

from __future__ import annotations

import re

from orchestrator.verify.numbers import NumberMention

# each state's words as a question or a sentence writes them
_STATES = {
    "dead": r"died|dead|deaths?|death\s+toll|killed|killing|kills|fatalities|fatally|perished|lives\s+lost|"
            r"dying|死亡|遇难|罹难|丧生",
    "injured": r"injured|injuring|injuries|wounded|wounding|hurt|受伤|伤",
    "missing": r"missing|unaccounted|失踪",
    "displaced": r"displaced|displacing|evacuated|homeless|流离失所|撤离",
    "arrested": r"arrested|arrests?|detained|detentions?|被捕|拘留",
}
_WORDS = {state: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I) for state, words in _STATES.items()}
_AFTER_WORDS = 4  # "22 people were confirmed dead": the state within four words after the number
_STOP = re.compile(r"[.;:!?,]|\b(?:and|or|with|while|but)\b", re.I)  # where a number's own words end


def asked_state(question: str) -> str | None:
    """The one state the question counts people in ("How many people died?": dead), if any."""
    states = [state for state, words in _WORDS.items() if words.search(question)]
    return states[0] if len(states) == 1 else None


def number_state(text: str, mention: NumberMention) -> str | None:
    """The state the sentence writes its number's people in: the nearest state word after
    it within its own words ("5,017 people injured", "160 still missing"), else the nearest
    before it in its sentence ("killed 3,600", "the death toll ... has risen to 3,600",
    "killed 12 people and injured 40")."""
    rest = text[mention.end:]
    stop = _STOP.search(rest)
    after = " ".join(rest[:stop.start() if stop else len(rest)].split()[:_AFTER_WORDS])
    if (state := _nearest(after, first=True)) is not None:
        return state
    before = re.split(r"[.;!?]\s", text[:mention.start])[-1]
    return _nearest(before, first=False)


def _nearest(window: str, first: bool) -> str | None:
    found = [(m.start(), state) for state, words in _WORDS.items() for m in words.finditer(window)]
    if not found:
        return None
    return (min(found) if first else max(found))[1]
