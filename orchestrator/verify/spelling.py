"""A word's other English spelling: British and American news write the same word two ways
("jewellery"/"jewelry", "favoured"/"favored", "aluminium"/"aluminum"), and a question in one
matches pages in the other only if its terms carry both. The pairs come from breame's
dictionaries (about 1,700 each way) rather than a hand list or suffix rules, which would
also rewrite "size" or "surprise"."""

from __future__ import annotations

from functools import lru_cache

from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS


@lru_cache(maxsize=4096)
def other_spellings(word: str) -> tuple[str, ...]:
    """The lower-cased ``word``'s spelling on the other side of the Atlantic, if it has one."""
    other = BRITISH_ENGLISH_SPELLINGS.get(word) or AMERICAN_ENGLISH_SPELLINGS.get(word)
    return (other,) if other and other != word else ()


def with_spellings(words: list[str]) -> list[str]:
    """``words`` with each one's other spelling after it."""
    return list(dict.fromkeys(w for word in words for w in (word, *other_spellings(word))))
