"""A named award asked in one of its categories: "the 2024 Nobel Prize in Physics",
"the Oscar for Best Picture". A passage about the same award in another category ("Han
Kang had won the Nobel Prize in Literature", "the literature prize") answers nothing about
the asked one, however well it names the award, unless it also names the asked category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestrator.verify.gloss import categories_in_english

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
# a category won at a ceremony: "won best international feature at the 2025 Oscars", "won record of
# the year at the 2025 Grammys" (its own kind of name: "best ...", "... of the year")
_WON_AT = re.compile(r"\b(?:won|win|wins|winning|for)\s+(?:the\s+)?(best(?:\s+[a-z][\w\-]*){1,3}?|[a-z][\w\-]*\s+of\s+the\s+year)"
                     r"\s+(?:award\s+)?at\s+the\s+(?:\d{4}\s+)?([A-Z][\w'’\-]*)")
# how such a category is written in a passage: "won best picture", "album of the year"
_BEST = re.compile(r"\bbest\s+([a-z][\w\-]*)")
_OF_THE_YEAR = re.compile(r"\b([a-z][\w\-]*)\s+(?:and\s+[a-z][\w\-]*\s+)?of\s+the\s+year\b")
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
    telling: str | None = None  # a ceremony's category, by the word telling it from the others: "picture" of best picture


def asked_category(question: str) -> Category | None:
    found = _ASKED.search(question)
    if found:
        name = [w.lower() for w in found.group(1).split()]
        written = _WORD.findall(found.group(2).lower())
        words = frozenset(written) - _NOT_CATEGORIES
        # "the Oscar for best actress": a ceremony's category, as "won best actress at the Oscars" is
        # (not one named in full, "best performance by a lead actress", whose telling words come after "by")
        telling = written[1] if written[0] == "best" and len(written) > 1 \
            and not re.match(r"\s*by\b", question[found.end():]) else None
        return Category(name[-1], frozenset(name), words, telling) if words and name[-1] in AWARDS else None
    if (won := _WON_AT.search(question)) and won.group(2).lower() in AWARDS:  # "won best picture at the Oscars"
        head, written = won.group(2).lower(), _WORD.findall(won.group(1).lower())
        telling = written[1] if written[0] == "best" else written[0]  # best *international* feature; *record* of the year
        return Category(head, frozenset({head}), frozenset(written) - _NOT_CATEGORIES - {"of"}, telling)
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
    if named := _named_as_ceremonies_do(low, asked):
        return named == "another"
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
    # another award, whose capitalised name follows no word of the asked one's, unless the
    # text names the asked award ("the Norwegian Nobel Committee awarded the Peace Prize")
    owned = bool(owners) and re.search(rf"\b(?:{owners})\b", low) is not None
    for m in re.finditer(rf"\b(?:({owners})|the)\s+([a-z][\w\-]*)\s+{head}\b" if owners else
                         rf"\bthe\s+()([a-z][\w\-]*)\s+{head}\b", low):
        if m.group(1) or owned or not text[m.start(2)].isupper():
            said.append(m.group(2))
    # "won the prize in physiology or medicine"; not "announced the prize in Stockholm"
    said += [m.group(1) for m in re.finditer(rf"\bthe\s+{head}\s+(?:in|for)\s+([a-z][\w\-]*)", low)
             if text[m.start(1)].islower()]
    return any(w not in asked.name and w not in _NOT_CATEGORIES and not w.isdigit() for w in said)


def _named_as_ceremonies_do(low: str, asked: Category) -> str | None:
    """For a category named as a ceremony's are ("best international feature", "record of the
    year"): "asked" where the lower-cased text names it, "another" where it names only
    another of that form ("best picture", "album of the year"), else None."""
    if asked.telling is None:
        return None
    form = _BEST if "best" in asked.words else _OF_THE_YEAR
    said = [m.group(1) for m in form.finditer(low)]
    if form is _OF_THE_YEAR:  # "record and song of the year": both
        said += re.findall(r"\b([a-z][\w\-]*)\s+and\s+[a-z][\w\-]*\s+of\s+the\s+year\b", low)
    if not said:
        return None
    return "asked" if asked.telling in said else "another"


def names_the_asked_ceremony_category(text: str, asked: Category) -> bool:
    """A ceremony's category is part of every result it names ("Adrien Brody breaks record for
    longest acceptance speech" says nothing of best director): does the text name the asked
    one, or at least the word telling it from the others ("won the supporting acting awards")?
    True for other awards' categories, which a passage may leave to its page."""
    if asked.telling is None:
        return True
    low = text.lower()
    return _named_as_ceremonies_do(low, asked) == "asked" or re.search(rf"\b{re.escape(asked.telling)}\b", low) is not None


_CLAUSE_CUT = re.compile(r";|,\s+(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+")


def of_another_category(text: str, at: int, asked: Category, language: str = "en") -> bool:
    """Does the clause of ``text`` holding position ``at`` (a name's) write the asked award in
    another category ("Victor Ambros and Gary Ruvkun won the prize in physiology or medicine
    ..., and on Tuesday Hinton and Hopfield won the physics prize": Ambros's clause), as
    its page's ``language`` writes it?"""
    if at < 0:
        return False
    cuts = [0, *(m.end() for m in _CLAUSE_CUT.finditer(text)), len(text)]
    begin = max(c for c in cuts if c <= at)
    end = min((m.start() for m in _CLAUSE_CUT.finditer(text, at)), default=len(text))
    return another_category(categories_in_english(text[begin:end], language), asked)


def _says(low: str, word: str) -> bool:
    """Does the lower-cased text write the category word, or a longer one's other form
    ("economic" for economics)?"""
    return re.search(rf"\b{re.escape(word)}\b" if len(word) <= 6 else rf"\b{re.escape(word[:6])}", low) is not None
