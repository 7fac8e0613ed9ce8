"""The figures a question states about what it asks ("Which state was struck by 32
tornadoes?", "sued for $10 billion"): a name is its answer only where a sentence states the
same figure of the same thing. Another state, hit by a dozen tornadoes in the same storm, or
with 32 people injured, is a bystander."""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestrator.verify.date_parts import is_date_part
from orchestrator.verify.nearby import around, writes
from orchestrator.verify.numbers import NumberMention, amount_marks, find_numbers, same_number
from orchestrator.verify.question import keywords

# "Formula 1", "Proposition 50", "Inside Out 2": part of a name (not "About 3.6 million",
# capitalised because it opens the sentence)
_NAMED_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w.]*[\s\-]*$")
_NOUN_AFTER = re.compile(r"[\s\-]*([a-z][a-z\-]+(?:\s+[a-z][a-z\-]+)?)")  # "32 tornadoes", "58 positive cases"
NOUN_REACH = 3  # words either side of the figure where a sentence names what it counts ("magnitude 5.2")


@dataclass(frozen=True)
class Figure:
    value: float
    nouns: tuple[str, ...] = ()  # what it counts, the words after it ("positive", "cases"); none for an
    # amount or a share ("$10 billion", "30%")


def asked_figures(asking: str) -> list[Figure]:
    """The figures written in digits in the asking sentence, with the noun they count; not
    years nor days of a date, ordinals, a figure that is part of a name, nor small whole
    numbers ("a 3D map", "a 2-1 win"), which sentences often word otherwise."""
    figures = []
    for mention in find_numbers(asking):
        if mention.ordinal or not any(ch.isdigit() for ch in mention.text) or is_date_part(asking, mention):
            continue
        if _NAMED_BEFORE.search(asking[:mention.start]):
            continue
        if mention.value < 10 and float(mention.value).is_integer():
            continue
        noun = _NOUN_AFTER.match(asking, mention.end)
        amount = mention.unit or amount_marks(asking[max(0, mention.start - 1):mention.end])  # "$10 billion", "30%"
        figures.append(Figure(mention.value, tuple(keywords(noun.group(1))) if noun and not amount else ()))
    return figures


def states_figures(text: str, figures: list[Figure]) -> bool:
    """Does ``text`` state one of the ``figures`` (in any form the number reader knows),
    with one of the words for what it counts beside it ("58 cases" for "58 positive cases")?"""
    return not figures or any(same_number(m.value, f.value) and _counts(text, m, f.nouns)
                              for m in find_numbers(text) for f in figures)


def _counts(text: str, mention: NumberMention, nouns: tuple[str, ...]) -> bool:
    near = around(text, mention.text, NOUN_REACH, mention.start)
    return not nouns or any(writes(near, noun) for noun in nouns)
