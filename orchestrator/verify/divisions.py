"""A division the question asks about ("the women's final", "the men's Ballon d'Or") is one a
passage must write, in itself or in its page's title: "Carlos Alcaraz retained his Wimbledon
title with victory over Novak Djokovic" tells nothing of who lost the women's final, and a
report that never writes "women" is no report of a women's event."""

from __future__ import annotations

import re

# each division and the words that write it
_WORDS = {
    "women": r"women|woman|ladies|female|girls?",
    "men": r"men|man|gentlemen|male|boys?",
    "mixed": r"mixed",
    "wheelchair": r"wheelchair",
    "junior": r"junior",
}
_ASKED = re.compile(r"\b(women|ladies|girls|men|gentlemen|boys|mixed|wheelchair|junior)['’]s?(?=\s)", re.I)
_SAME = {"ladies": "women", "girls": "women", "gentlemen": "men", "boys": "men"}


def asked_division(question: str) -> str | None:
    """The division a question asks about, written as an owner's ("the women's final", "the
    men's singles"), or None."""
    asked = _ASKED.search(question)
    if asked is None:
        return None
    word = asked.group(1).lower()
    return _SAME.get(word, word)


def states_division(text: str, division: str | None) -> bool:
    """Does the text write the asked division in any of its words ("women's", "female")? Men's
    events are often reported without the word ("Sinner beats Alcaraz to win Wimbledon"): a
    text writing no women's word may tell of them."""
    if division is None or _writes(text, division):
        return True
    return division == "men" and not _writes(text, "women")


def _writes(text: str, division: str) -> bool:
    return re.search(rf"\b(?:{_WORDS[division]})(?:['’]s?)?\b", text, re.I) is not None
