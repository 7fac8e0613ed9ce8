"""Who holds an office: "Who is the CEO of Intel?", "Who was elected pope?", "Who is the
leader of the Conservative Party?". The answer's quote must write the office (a page on
the Australian election names no pope, "Starmer became prime minister ..., ending 14 years of
Conservative government" no Conservative leader), and asked who holds it now, no quote may
tell that the answer has left it ("Pope Francis ... died on Monday", "Jagmeet Singh lost his
seat and resigned") or is yet to take it ("Brian Niccol will become its chairman and chief
executive on September 9")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.state import Candidate
from orchestrator.verify.question import OFFICES, asking_sentence, word_stem

# offices one person holds at a time; not the honorifics and qualifiers among OFFICES
HELD = (OFFICES | {"leader", "coach", "manager", "captain", "speaker", "host", "head", "director"}) - {
    "mr", "mrs", "ms", "dr", "sir", "dame", "rev", "gen", "interim", "acting", "vice", "deputy", "prime", "attorney"}
# "Who is the CEO of Intel?", "Who was elected pope?", "Who became prime minister?", "Who is Boeing's CEO?"
_HOLDER_ASKED = re.compile(r"^\s*who\s+(is|are|was|were|became|becomes|will\s+become|has\s+become|had\s+become)\s+"
                           r"(?:(?:named|elected|appointed|chosen|picked|made|sworn\s+in)\s+(?:as\s+)?)?(.*)", re.I)
_SECOND = ("vice", "deputy")  # the office next to the one they qualify
_KIN = re.compile(r"\b(?:father|mother|son|daughter|wife|husband|brother|sister|parent|child)", re.I)
# the holder gone, or not there yet, in the clause after the name
_GONE = re.compile(r"(?:(?!\b(?:after|before|when|while|since|because|who|which|whom|replacing|succeeding|"
                   r"following|than)\b)[^.;!?]){0,80}?\b(?:died|dies|has\s+died|resign(?:ed|s)|stepp?(?:ed|s)\s+down|was\s+(?:ousted|fired|"
                   r"removed)|retired|retires|will\s+(?:become|take\s+over|succeed|replace|start|join|step\s+down)|is\s+"
                   r"(?:set|due|expected)\s+to\s+(?:become|take\s+over|succeed|replace|start))\b", re.I)


def asked_office(question: str) -> tuple[str, bool] | None:
    """The office a question asks the holder of, lower-cased ("ceo" of "Who is the CEO of
    Intel?", "minister" of "Who became prime minister?"), and whether it asks who holds it
    now ("is", "are"); None where it asks no office (a kinship is no office)."""
    asked = _HOLDER_ASKED.match(asking_sentence(question))
    if asked is None or _KIN.search(asked.group(2)):
        return None
    phrase = re.split(r"\s+(?:of|at|for|in|on|after|before|since|from|who|that|to)\s+|[?,]", asked.group(2))[0]
    phrase = re.split(r"['’]s\s+", phrase)[-1]  # "Boeing's CEO": the office after the owner
    words = [w.lower() for w in re.findall(r"[\w\-]+", phrase)[:4]]
    held = [i for i, w in enumerate(words) if w in HELD]
    if not held:
        return None
    at = held[-1]  # "vice president" is another office than "president"
    office = f"{words[at - 1]} {words[at]}" if at and words[at - 1] in _SECOND else words[at]
    return office, asked.group(1).lower() in ("is", "are")


def office_unsaid(winner: Candidate, question: str, pages: Sequence[str] = (),
                  aliases: Sequence[Sequence[str]] = ()) -> str | None:
    """Why the answer does not stand as the office's holder (no quote writes the office, nor
    another name the policy's ``aliases`` give it: "chief executive" for CEO; its quotes or
    the ``pages`` they are from tell it has left the office or is yet to take it: a headline
    "Starbucks taps Brian Niccol as CEO" over "Niccol will become its chairman and chief
    executive on September 9"), or None."""
    asked = asked_office(question)
    if asked is None:
        return None
    office, now = asked
    quotes = [s.quote for s in winner.supports if not s.stale and not s.superseded] or [s.quote for s in winner.supports]
    second, _, held = office.rpartition(" ")
    forms = (word_stem(held), *(name.lower() for group in aliases if any(held in name.lower().split() for name in group)
                                for name in group)) if not second else ()
    # "vice president" written so; "president" never only as the vice president's title
    said = re.compile(rf"\b{second}[\s-]+{re.escape(word_stem(held))}" if second else
                      "|".join("".join(rf"(?<!{s} )(?<!{s}-)" for s in _SECOND) + re.escape(f) for f in forms), re.I)
    if not any(said.search(quote) for quote in quotes):
        return f"no quote of {winner.display!r} says {office!r}"
    if now and any(_gone_or_to_come(text, winner) for text in (*quotes, *pages)):
        return f"the sources tell that {winner.display!r} has left the office or is yet to take it"
    return None


def _gone_or_to_come(text: str, winner: Candidate) -> bool:
    """Does a clause after the answer's name tell it left the office or will take it?"""
    last = (winner.display or winner.value).split()[-1]
    return any(_GONE.match(text, m.end()) for m in re.finditer(rf"\b{re.escape(last)}\b", text))
