"""A named award asked in one of its categories: "the 2024 Nobel Prize in Physics",
"the Oscar for Best Picture". A passage about the same award in another category ("Han
Kang had won the Nobel Prize in Literature", "the literature prize") answers nothing about
the asked one, however well it names the award, unless it also names the asked category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "Nobel Prize in Physics", "Oscar for Best Picture": a capitalised name, then in/for and the
# category's one to three words (up to the question's next preposition or its end)
# (nor a question word or verb after it, as a gloss in its language's order writes: "Nobel Prize
# in peace who won?")
_ASKED = re.compile(r"\b((?:[A-Z][\w'’\-]*\s+)*[A-Z][\w'’\-]*)\s+(?:in|for)\s+((?:(?!(?:at|in|on|for|of|and|by|to|the|a|an|"
                    r"this|last|next|with|who|what|which|when|where|how|won|received)\b)[A-Za-z][\w\-]*\s*){1,3})")
# "Nobel Peace Prize": the category written between the award's own first word (no article,
# no "Sunday's") and its singular head ("the Grammy Awards" is a ceremony, not a category)
_HEAD = r"(Prize|Award|Medal|Trophy)\b"
_BEFORE_HEAD = re.compile(rf"\b(?!The\b)([A-Z][\w\-]*)(?![’'])\s+((?:[A-Z][\w\-]*\s+){{1,2}}){_HEAD}")
# a first ever asked of the whole award: "the first South Korean to win a Nobel Prize"
_FIRST_TO_WIN = re.compile(r"\bfirst\b[^?]{0,60}?\bto\s+(?:win|receive|be\s+awarded)\s+(?:an?\s+|the\s+)?"
                           rf"([A-Z][\w\-]*)\s+{_HEAD}")
_WORD = re.compile(r"[a-z][\w\-]*")
# a Nobel Prize's category as Chinese writes it ("诺贝尔文学奖"), in English words
_CJK_CATEGORIES = {"文学": "literature", "和平": "peace", "物理学": "physics", "物理": "physics", "化学": "chemistry",
                   "生理学或医学": "medicine", "医学": "medicine", "经济学": "economics"}
_CJK_NOBEL = re.compile(rf"诺贝尔({'|'.join(sorted(_CJK_CATEGORIES, key=len, reverse=True))})奖")
# what has categories: an award ("in show" at a dog show, "in New York" at a parade are no category)
AWARDS = {"prize", "prizes", "award", "awards", "oscar", "oscars", "grammy", "grammys", "emmy", "emmys", "tony", "tonys",
           "bafta", "baftas", "globe", "globes", "medal", "trophy"}
# nor is a word of the award's own name ("the Nobel Memorial Prize in Economic Sciences")
_NOT_CATEGORIES = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "year", "years", "next", "last", "first",
                   "memorial"}


@dataclass(frozen=True)
class Category:
    head: str  # the award's last word, lower-cased: "prize", "oscar"
    name: frozenset[str]  # all the award's words: "nobel", "prize"
    words: frozenset[str]  # the asked category's: "physics"; "best", "picture"


def asked_category(question: str) -> Category | None:
    found = _ASKED.search(question)
    if found:
        name = [w.lower() for w in found.group(1).split()]
        words = frozenset(_WORD.findall(found.group(2).lower())) - _NOT_CATEGORIES
        return Category(name[-1], frozenset(name), words) if words and name[-1] in AWARDS else None
    if before := _BEFORE_HEAD.search(question):  # "the 2024 Nobel Peace Prize"
        head = before.group(3).lower()
        words = frozenset(_WORD.findall(before.group(2).lower())) - _NOT_CATEGORIES
        return Category(head, frozenset({before.group(1).lower(), head}), words) if words else None
    if cjk := _CJK_NOBEL.search(question):  # "2024年诺贝尔化学奖": the category, as English pages write it
        return Category("prize", frozenset({"nobel", "prize"}), frozenset({_CJK_CATEGORIES[cjk.group(1)]}))
    # the first to win it at all: one category's first ("the first South Korean to win the
    # literature prize") is a narrower claim, so every category is another one
    if first := _FIRST_TO_WIN.search(question):
        head = first.group(2).lower()
        return Category(head, frozenset({first.group(1).lower(), head}), frozenset())
    return None


def another_category(text: str, asked: Category) -> bool:
    """Does ``text`` write the asked award in a category other than the asked one ("Nobel
    Prize in Literature", "the literature prize"), and never the asked one?"""
    low = text.lower()
    if any(_says(low, w) for w in asked.words):
        return False
    head = re.escape(asked.head)
    owners = "|".join(re.escape(w) for w in asked.name if w != asked.head)
    # "the Nobel Prize in Literature", not "announced the prize in Stockholm"
    said = re.findall(rf"\b(?:{owners})\s+{head}\s+(?:in|for)\s+([a-z][\w\-]*)", low) if owners else []
    # the award under another capitalised name, written in full ("the Sveriges Riksbank Prize in
    # Economic Sciences in Memory of Alfred Nobel", "the Nobel Memorial Prize in Economic Sciences")
    if owners and re.search(rf"\b(?:{owners})\b", low):
        said += [m.group(1).lower() for m in re.finditer(rf"\b[A-Z][\w\-]*\s+(?i:{head})\s+(?:in|for)\s+([A-Z][\w\-]*)", text)]
    # "the Nobel Peace Prize", "the literature prize"; not "the International Booker prize",
    # another award, whose capitalised name follows no word of the asked one's
    for m in re.finditer(rf"\b(?:({owners})|the)\s+([a-z][\w\-]*)\s+{head}\b" if owners else
                         rf"\bthe\s+()([a-z][\w\-]*)\s+{head}\b", low):
        if m.group(1) or not text[m.start(2)].isupper():
            said.append(m.group(2))
    return any(w not in asked.name and w not in _NOT_CATEGORIES and not w.isdigit() for w in said)


def _says(low: str, word: str) -> bool:
    """Does the lower-cased text write the category word, or a longer one's other form
    ("economic" for economics)?"""
    return re.search(rf"\b{re.escape(word)}\b" if len(word) <= 6 else rf"\b{re.escape(word[:6])}", low) is not None
