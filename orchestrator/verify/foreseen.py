"""A result foreseen is no result: "Our critics expect Conclave or Anora to win", "former
champion John McEnroe said he expects Djokovic to win in four sets", "Shearer predicted a 2-1
win for England", "Alcaraz, the favourite to win". What is expected, predicted or tipped
says nothing of what happened, whoever it names. A leaf: yes/no and name readers import it."""

from __future__ import annotations

import re
from collections.abc import Sequence

# the text before a claim's word, ending where the foreseen result is written: "expect X or Y to ",
# "tipped to ", "the favourite to ", "predicted a 2-1 "
FORESEEN_BEFORE = re.compile(r"\b(?:(?:expect|predict|tipp?|fancie?|favou?r)(?:s|ed|ing)?\b[^.;:!?]{0,60}?\bto|"
                             r"favou?rites?\s+to|odds\s+(?:on\s+)?to|chances?\s+(?:to|of)|"
                             r"(?:predict|forecast)(?:s|ed|ing)?\s+(?:an?|the)(?:\s+[\w\-]+)?)\s+(?:\w+\s+)?$", re.I)
# a foresight verb right before a name: "he expects Djokovic", "bookmakers tipped Sinner"
_FORESIGHT_BEFORE_NAME = re.compile(r"\b(?:expect|predict|tipp?|fancie?|back)(?:s|ed|ing)?\s+$", re.I)
# asked of a forecast itself: "Who was favoured by bookmakers ...?", "Who did McEnroe tip?"
_ASKS_FORESIGHT = re.compile(r"\b(?:expect|predict|tip|tipped|favou?r|fancie|forecast|odds|bookmaker)", re.I)


def foreseen_doer(text: str, start: int, end: int, verb: Sequence[str], question: str) -> bool:
    """Is the name at ``text[start:end]`` only foreseen to do the asked verb ("he expects
    Djokovic to win", "Alcaraz, the favourite to win"), unless the question asks a forecast?"""
    if not verb or start < 0 or _ASKS_FORESIGHT.search(question):
        return False
    forms = "|".join(map(re.escape, verb))
    to_do = re.match(rf"\s+(?:to|will|would)\s+(?:\w+\s+)?(?:{forms})\b", text[end:end + 40], re.I)
    if to_do and _FORESIGHT_BEFORE_NAME.search(text, max(0, start - 30), start):
        return True
    return re.match(rf",?\s+(?:the\s+|a\s+)?(?:(?:heavy|clear|narrow|strong)\s+)?(?:favou?rite|tipped|expected|predicted|"
                    rf"likely|backed)\s+to\s+(?:{forms})\b", text[end:end + 60], re.I) is not None


def only_foreseen(text: str, verb: Sequence[str], question: str) -> bool:
    """Does ``text`` write the asked verb only as foreseen ("John McEnroe said he expects
    Djokovic to win in four sets")? None of its names did it, unless a forecast is asked."""
    if not verb or _ASKS_FORESIGHT.search(question):
        return False
    said = [m.start() for m in re.finditer(rf"\b(?:{'|'.join(map(re.escape, verb))})\b", text, re.I)]
    return bool(said) and all(FORESEEN_BEFORE.search(text, max(0, at - 90), at) for at in said)
