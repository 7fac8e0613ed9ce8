"""Who follows whom in an office. One leaving it ("ousted Tomás Ortega", "replacing Mario
Greco, who is stepping down", "outgoing CEO Greco", "after Ortega ousted", "Pope Francis
dies", "the late Pope Francis") no longer holds
(or soon leaves) the post, so answers no question about who holds it now or next; who held
it before or after a named person is told only by a passage telling the succession."""

from __future__ import annotations

import re

# "Who was prime minister before Keir Starmer?": whoever held it next to a named person
_NEXT_TO_NAMED = re.compile(r"\b(?:before|after)\s+(?:[A-Z][\w.'’-]*\s*){1,4}\??\s*$")
# how a page tells who came before or after whom
_SUCCESSION = re.compile(r"\b(?:succee\w*|successor\w*|preced\w*|predecessor\w*|replac\w*|took over from|"
                         r"outgoing|ousted|unseated)\b", re.I)

# a verb or a word before the name that makes it the one leaving, up to four words (a title)
# between: "replacing longtime CEO Mario Greco"; not "replaced by", "succeeded by" (the new
# one), nor past a conjunction ("ousted Tomás Ortega and named Lucía Fernández")
_BEFORE = re.compile(r"\b(?:oust(?:s|ed|ing)?|fir(?:es|ed|ing)|sack(?:s|ed|ing)?|replac(?:es|ing)|replaced(?!\s+by\b)|"
                     r"succeed(?:s|ing)?|succeeded(?!\s+by\b)|outgoing|departing|ending|predecessor|late|"
                     r"(?:death|funeral)\s+of)"
                     r"\s+(?:(?!(?:and|or|but|as|to|by|with|while)\b)[\w.'’-]+\s+){0,4}$", re.I)
# what follows the name: "Greco, who is stepping down", "Ortega ousted", "Greco will leave"
_AFTER = re.compile(r"^(?:['’]s)?\s*(?:,\s*who\s+)?(?:(?:is|was|has|had|will|would)\s+(?:been\s+)?)?"
                    r"(?:ousted|fired|sacked|stepping\s+down|step(?:s|ped)?\s+down|resign\w*|leav(?:e|es|ing)|left|"
                    r"retir(?:e|es|ed|ing)|depart\w*|di(?:es|ed)|passed\s+away)\b", re.I)
# the one leaving asked by the verb: "Who does the winner succeed?", "Whom did Brändli
# replace?" (not "Who will replace Greco?", which asks the one coming)
_FOLLOWED = r"\b(?:did|does|do|will|would)\s+(?!replace|succeed)[^?]*?\b(?:replace|succeed)\b"
_ASKS_WHOM_FOLLOWED = re.compile(rf"{_FOLLOWED}|\bpredecessor\b", re.I)
# a question about the one leaving: "Who was ousted?"
_ASKS_LEAVING = re.compile(r"\b(?:oust\w*|fired|sacked|resign\w*|step(?:s|ped)?\s+down|leav\w*|left|retir\w*|"
                           rf"outgoing|former|previous|predecessor|depart\w*|di(?:es|ed)|death|late)\b|{_FOLLOWED}", re.I)


def asks_whom_followed(question: str) -> bool:
    return _ASKS_WHOM_FOLLOWED.search(question) is not None


def asks_about_leaving(question: str) -> bool:
    return _ASKS_LEAVING.search(question) is not None


def leaving(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` written as the one leaving a post?"""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(_BEFORE.search(text[max(sentence_start, start - 60):start]) or _AFTER.match(text[end:end + 60]))


def asks_who_came_next(question: str) -> bool:
    return _NEXT_TO_NAMED.search(question) is not None


def tells_succession(text: str) -> bool:
    return _SUCCESSION.search(text) is not None
