"""The sides of a tally: "312 electoral votes to Democrat Kamala Harris's 226", "312
electoral votes, to 226 for Vice President Kamala Harris", "beat them 3 to 1". The second
number counts what the first counts, and belongs to the name written with it; the first
belongs to the other side. A standing written as a series counts alike too: "Japan finished
third with 20 gold medals, ahead of Australia with 18 and France with 16", "Labour won 411
seats, the Conservatives 121"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.verify.numbers import NumberMention

# between the two numbers: the first one's measure words, "to" or "versus", and at most the
# second side's name in the possessive ("to Democrat Kamala Harris's")
_BETWEEN = re.compile(r"^[^\d.;:!?。；]{0,40}?,?\s+(?:to|versus|vs\.?|against)\s+(?P<owner>[^\d.;:!?,]{0,40}?['’]s\s+)?$",
                      re.I)
_FOR = re.compile(r"^\s+(?:\w+\s+){0,2}?for\s+(?P<owner>(?:[A-Z][\w.\-’']*\s*){1,5})")  # "226 for Vice President Kamala Harris"


# "54% of the vote, defeating incumbent John Roe, who received 46%": the second side is the
# one a relative clause gives it to
_WHO_GOT = re.compile(r"^[^\d.;:!?。；]{0,80}?\b(?P<owner>(?:[A-Z][\w.\-’']*\s+){0,3}[A-Z][\w.\-’']*),?\s+who\s+"
                      r"(?:received|got|won|took|had|earned|garnered|secured|polled)\s+$")
_WITH = re.compile(r"\bwith\s+$", re.I)  # "... Australia with 18"
# a count changing to a number is no second side: "the 7.7 earthquake ... has risen to 1,644"
_CHANGED_TO = re.compile(r"\b(?:ris(?:en|es|ing)|rose|climb\w*|increas\w*|jump\w*|grow\w*|grew|fell|fall\w*|drop\w*|"
                         r"declin\w*|soar\w*|surg\w*|swell\w*|swollen)\s+to\s+$", re.I)
# "won 72 seats, the Scottish National Party 9, Reform UK 5 and the Green Party 4": a list
# whose later names are each followed by a bare number (and nothing else before the next item)
_LISTED = re.compile(r"^[^\d.;:!?。；]{0,40}?(?:,|\band)\s+(?:the\s+)?(?:[A-Z][\w.\-’'&]*\s+){1,5}$")
_ITEM_END = re.compile(r"\s*(?:[,;.]|and\b|$)")
_SENTENCE_END = re.compile(r"[.;:!?。；]")


def tally_first(text: str, mention: NumberMention, mentions: Sequence[NumberMention]) -> NumberMention | None:
    """The number ``mention`` counts alike: the tally's first when it is the second, or the
    one before it in a series of "with N" or of names with bare numbers in one sentence."""
    previous = max((m for m in mentions if m.end <= mention.start), key=lambda m: m.end, default=None)
    if previous is None:
        return None
    between = text[previous.end:mention.start]
    if (_BETWEEN.search(between) and not _CHANGED_TO.search(between)) or _WHO_GOT.search(between):
        return previous
    if _LISTED.match(between) and _ITEM_END.match(text, mention.end):
        return previous
    in_series = _WITH.search(text[:mention.start]) and _WITH.search(text[:previous.start])
    return previous if in_series and not _SENTENCE_END.search(between) else None


# the words comparing one count with another: "second only to the 27", "two more than in Tokyo"
COMPARING = r"than|second only to|compared (?:with|to)|up from|down from|as many as|the same as"
# "The 20 golds were second only to the 27 Japan won": the second counts what the first does
_COMPARED_TO = re.compile(rf"^[^\d.;:!?。；]{{0,60}}?\b(?:{COMPARING})\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def compared_first(text: str, mention: NumberMention, mentions: Sequence[NumberMention]) -> NumberMention | None:
    """The number ``mention`` is compared with, written just before it ("second only to the 27")."""
    previous = max((m for m in mentions if m.end <= mention.start and not m.ordinal), key=lambda m: m.end, default=None)
    return previous if previous and _COMPARED_TO.match(text[previous.end:mention.start]) else None


def second_owner(text: str, first: NumberMention, second: NumberMention) -> str:
    """The name written for a tally's second number, or "" where none is."""
    between = _BETWEEN.search(text[first.end:second.start]) or _WHO_GOT.search(text[first.end:second.start])
    if between and between.group("owner"):
        return between.group("owner")
    written_for = _FOR.match(text[second.end:])
    return written_for.group("owner") if written_for else ""


def other_side(text: str, mention: NumberMention, mentions: Sequence[NumberMention], named: Sequence[str]) -> bool:
    """Is ``mention`` the side of a tally that belongs to someone the question does not name
    (its lower-case words ``named``)? The second number when its owner is not named; the
    first when the second's owner is."""
    def ours(owner: str) -> bool:
        return any(w in named for w in re.findall(r"\w+", owner.lower()))

    first = tally_first(text, mention, mentions)
    if first is not None:
        owner = second_owner(text, first, mention)
        return bool(owner) and not ours(owner)
    following = [m for m in mentions if m.start >= mention.end]
    second = min(following, key=lambda m: m.start, default=None)
    if second is None or tally_first(text, second, mentions) is not mention:
        return False
    return ours(second_owner(text, mention, second))
