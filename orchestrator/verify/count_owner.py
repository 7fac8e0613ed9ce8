"""Whose count a number is. A count question about one name ("How many seats did Reform UK
win?") takes no number that another name owns in its clause: "Labour won 411 seats", "the
Liberal Democrats won 72 seats, ..., Reform UK 5 and the Green Party 4" give Reform UK 5
and nothing else; nor does a year question ("after Melbourne in 1956 and Sydney in 2000").
Countries are read by their own owner (verify/entities.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.verify.entities import country_of
from orchestrator.verify.incidental import after_dateline
from orchestrator.verify.proper_names import NAME, NOT_NAMES
from orchestrator.verify.question import contains, only_function_words

# "How many seats did the Conservatives win", "how many Oscars has The Brutalist won", "What
# percentage of the vote did the AfD win", "In what year did Sydney host ...": the name the
# count, the share or the date is of, right after the auxiliary
_COUNTED = re.compile(r"\b(?i:how\s+(?:many|much)|what\s+(?:year|percentage|percent|share|proportion|place|rank|position)|"
                      r"when|where)\b[^?]*?\b(?:did|does|do|has|have|had|will|would|"
                      r"could)\s+(?:[Tt]he\s+)?((?:[A-Z][\w'’.\-]*)(?:\s+(?:of\s+)?[A-Z][\w'’.\-]*)*)")
# "Did the Eaton Fire burn more than 20,000 acres?": whether, of the name right after the auxiliary
_WHETHER = re.compile(r"\s*(?i:did|does|do|has|have|had|was|were|is|are)\s+(?:[Tt]he\s+)?"
                      r"((?:[A-Z][\w'’.\-]*)(?:\s+(?:of\s+)?[A-Z][\w'’.\-]*)*)(?=\s+[a-z])")  # then its verb
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“‘(]?[A-Z])|\n")
# a list of counts gives each its own clause: "..., Reform UK 5 and the Green Party 4"
# (and in the other supported languages, whose pages a glossed question reads: "El PP obtuvo 137
# escaños y el PSOE 121", "Путин получил 76,69%, а Грудинин 11,77%")
_CLAUSE_BREAK = re.compile(r"[,;:()—–、，；]|\b(?:and|while|whereas|but|y|e|et|und|en|i|oraz|и|а|но|ve|dan|và|és|och|og|ja|"
                           r"και|și|a|ale|aber|mais|pero|ma|mas|maar|ama|tetapi|nhưng)\b")
_MAKER = re.compile(r"\bby\s+$")  # "the film directed by Sean Baker won five": the film's five
# what was won is no owner: "Carney ... won the Liberal Party leadership with 85.9 percent" is his
_WON_THING = re.compile(r"\b(?:won|wins|win|winning|took|takes|taking|secured|securing|claimed|claiming)\s+(?:the\s+)?$",
                        re.I)
# words too common to a kind of name to tell one from another: the Green Party is not the SNP,
# the Palisades fire not the Eaton Fire
_GENERIC = {"party", "team", "club", "united", "city", "national", "league", "group", "company", "corp", "inc",
            "fire", "wildfire", "storm", "hurricane", "typhoon", "cyclone", "earthquake", "quake", "flood", "bank", "fund"}
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# "beating Robert Jenrick by 53,806 votes to 41,388", "won 312 electoral votes to Harris's
# 226": two sides' counts, the sentence's doer's first, the second the other's or the one
# written with it (not a range: "rose from 5% to 10%")
_OTHER_OWNER = r"(?:(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)['’]s?\s+)?"
_SECOND_OF_PAIR = re.compile(rf"(?<!from )\b\d[\d,.]*\s+(?:[a-z]+\s+){{0,2}}to\s+{_OTHER_OWNER}$")
_FIRST_OF_PAIR = re.compile(rf"\s+(?:[a-z]+\s+){{0,2}}to\s+{_OTHER_OWNER}\d")


def counted_subject(question: str, aliases: Sequence[Sequence[str]]) -> str | None:
    """The name a count, a year or a place question is about, unless it is a country's: "How
    many seats did the Conservatives win?" -> Conservatives; "When did Sydney host?" ->
    Sydney; "Where did the SPD finish?" -> SPD; "Did the Eaton Fire burn more than 20,000
    acres?" -> Eaton Fire."""
    asked = _COUNTED.search(question) or _WHETHER.match(question)
    if asked is None:
        return None
    written = asked.group(1)
    # a country however written ("US", "Team USA"); "Reform UK" and "BSW" are parties
    country = country_of(written, aliases) is not None or (written.isupper() and len(written) <= 2)
    return None if country or only_function_words(written.split()) else written


def _stem(word: str) -> str:
    return re.sub(r"(?:['’]s|s)$", "", word.lower())


def telling_words(name: str) -> list[str]:
    """The words that tell a name apart, lower-cased: "borussia" and "dortmund" of Borussia
    Dortmund, "chiefs" of the Kansas City Chiefs, none of the Green Party's."""
    return [w.lower() for w in _WORD.findall(name)
            if len(w) >= 4 and not only_function_words([w]) and _stem(w) not in _GENERIC]


def _telling_stems(name: str) -> set[str]:
    """The stems of a name's telling words ("conservative" of the Conservatives); its whole
    lower-cased form where it has none ("UK")."""
    return {_stem(w) for w in telling_words(name)} or {name.lower()}


def names_subject(text: str, subject: str) -> bool:
    """Does ``text`` write the counted name, whole or by a word that tells it apart
    ("Conservative" for the Conservatives, "Lavreysen" for Harrie Lavreysen)?"""
    written = {_stem(w) for w in _WORD.findall(text)}
    return any(w in written if " " not in w else contains(text.lower(), w) for w in _telling_stems(subject))


def _bounds(pattern: re.Pattern, text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The span around ``text[start:end]`` between the last match of ``pattern`` before it and
    the first after it, within ``lo``..``hi``."""
    before = [m.end() for m in pattern.finditer(text, lo, start)]
    after = pattern.search(text, end, hi)
    return (before[-1] if before else lo), (after.start() if after else hi)


def _owners(text: str, start: int, end: int) -> list[str]:
    """The names written in ``text[start:end]`` that can own a count: not a maker after "by",
    nor a capitalised word that opens no name ("The", "Friday")."""
    found = []
    for match in NAME.finditer(text, start, end):
        words = [w for w in match.group(0).split() if w.lower().strip(".") not in NOT_NAMES]
        if words and not only_function_words(words) and not _MAKER.search(text, start, match.start()) \
                and not _WON_THING.search(text, start, match.start()):
            found.append(" ".join(words))
    return found


def _opening_name(text: str, opens: int) -> re.Match | None:
    """The name a sentence starting at ``opens`` opens with, if it opens with one."""
    return NAME.match(text, len(text) - len(text[opens:].lstrip()))


def _other_side(text: str, opens: int, start: int, end: int, subject: str) -> bool | None:
    """Of two sides' counts ("Badenoch ... beating Jenrick by 53,806 votes to 41,388"), is the
    number at ``text[start:end]`` the side ``subject`` is not? The first is the sentence's
    doer's, the second the other's; None where the number is no side of a pair, or the
    sentence opens with no name."""
    doer = _opening_name(text, opens)
    if doer is None:
        return None
    doer_asked = names_subject(doer.group(0), subject)
    if (second := _SECOND_OF_PAIR.search(text[opens:start])):
        return not names_subject(second.group("owner"), subject) if second.group("owner") else doer_asked
    if _FIRST_OF_PAIR.match(text, end) and (doer_asked or names_subject(text[doer.end():start], subject)):
        return not doer_asked
    return None


# a clause giving the count to a group the sentence has not named: "..., giving the coalition 215 seats"
_GIVEN = re.compile(r"\W*(?:giving|gave|gives|leaving|left|handing|handed)\s+(?:the|its|their)\s+[\w\-]+(?:\s+[\w\-]+)?\s+$",
                    re.I)


def another_s(text: str, start: int, end: int, subject: str) -> bool:
    """Is the number at ``text[start:end]`` another name's than ``subject``'s: a name other than it owns the
    number's clause ("after Labour won 411 seats"), or, in a clause with no name of its own,
    its sentence opens with another name and names the subject nowhere before the number?"""
    opening = len(text) - len(after_dateline(text))  # "PARIS, Aug 11 (Reuters) -" owns nothing
    if start < opening:
        return False
    sentence = _bounds(_SENTENCE_END, text, start, end, opening, len(text))
    if (side := _other_side(text, sentence[0], start, end, subject)) is not None:
        return side
    clause = _bounds(_CLAUSE_BREAK, text, start, end, *sentence)
    if names_subject(text[clause[0]:clause[1]], subject):
        return False
    if _GIVEN.match(text, clause[0], start):  # "Komeito 24, giving the coalition 215 seats": the coalition's
        return True
    if (owners := _owners(text, clause[0], start)):
        return not any(names_subject(name, subject) for name in owners)
    if names_subject(text[sentence[0]:start], subject):
        return False
    first = _opening_name(text, sentence[0])
    return first is not None and bool(_owners(text, first.start(), first.end()))
