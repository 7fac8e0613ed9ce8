"""A person's age is no count: "Pogačar, 26, of UAE Team Emirates won four stages" answers
neither how many stages he won nor by how much; nor does "the 26-year-old" or "aged 26".
Only a question asking how old someone is is answered by one."""

from __future__ import annotations

import re

from orchestrator.verify.entities import country_of
from orchestrator.verify.numbers import NumberMention
from orchestrator.verify.proper_names import CAPITAL

# a name (or "The Spaniard") and a comma before the number, a comma or a closing bracket after
# it: "Pogačar, 26,", "Désiré Doué, 19, scored", "(Hopfield, 91)"; not a country's in a list
# ("China, 40, the United States, 40")
_APPOSED_BEFORE = re.compile(rf"({CAPITAL}[\w'’\-]*),\s*$")
_APPOSED_AFTER = re.compile(r"\s*[,)]")
# "aged 26", "at the age of 88", "died at 88"
_AGED = re.compile(r"\b(?:aged|age(?:\s+of)?|(?:died|dies|dead|passed\s+away)\s+at)\s+$", re.I)
_YEARS_OLD = re.compile(r"(?:-|\s+)years?[-\s]old\b", re.I)
_ASKS_AGE = re.compile(r"\bhow old\b|\bwhat age\b|\bat (?:the )?age of\b|\baged?\b|多大|几岁|年龄|岁数", re.I)


def asks_age(question: str) -> bool:
    return _ASKS_AGE.search(question) is not None


def is_age(text: str, mention: NumberMention) -> bool:
    """Is the number written as someone's age: after a name and a comma and closed by
    another ("Pogačar, 26,"), after "aged", "the age of" or "died at", or before "years old"
    ("the 26-year-old")?"""
    if mention.unit is not None or not mention.text.isdigit() or not 0 < mention.value < 130:
        return False
    before = text[max(0, mention.start - 40):mention.start]
    named = _APPOSED_BEFORE.search(before)
    return bool((named and not country_of(named.group(1)) and _APPOSED_AFTER.match(text, mention.end))
                or _AGED.search(before) or _YEARS_OLD.match(text, mention.end))


# "How old was Pope Francis when he was elected?": an age at an event, which its sentence tells
_AT_EVENT = re.compile(r"\bwhen\s+(?:he|she|they|it|[A-Z][\w'’\-]*)\s+(?:was\s+|were\s+|first\s+)?([a-z]{3,})", re.I)


def age_event(question: str) -> str | None:
    """The start of the event's word an age is asked at ("elec" of "when he was elected",
    "die" of "when she died"), or None."""
    asked = _AT_EVENT.search(question) if asks_age(question) else None
    if asked is None:
        return None
    word = asked.group(1).lower()
    return word[:4] if len(word) > 5 else word[:3]


def tells_event(text: str, mention: NumberMention, event: str) -> bool:
    """Does the number's sentence tell the event? "Pope Francis dies at 88" is no age at his
    election."""
    start = max(text.rfind(".", 0, mention.start), text.rfind(";", 0, mention.start)) + 1
    end = min((i for i in (text.find(".", mention.end), text.find(";", mention.end)) if i >= 0), default=len(text))
    return re.search(rf"\b{event}", text[start:end], re.I) is not None
