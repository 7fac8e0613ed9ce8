"""Who does the asked verb in a passage: its subject ("Trump posthumously awarded Kirk"),
its agent ("... awarded by Trump"), the one its agent noun names ("its translator Deborah
Smith"), or several doing it together ("Geoffrey Hinton and John Hopfield won")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from orchestrator.verify.incidental import after_dateline
from orchestrator.verify.predicate import BEAT_VERBS, Predicate

# the one an object question asks for, right after the verb done to it ("had knocked out
# Bayern Munich"), and the name right before that verb doing it ("Real Madrid had")
_PARTICLE = r"(?:\s+(?:out|off|up|down|over|in|back))?"


def done_by_another(text: str, start: int, predicate: Predicate) -> bool:
    """Does a name other than the question's doer do the asked verb to the name at ``start``
    ("Real Madrid had knocked out Bayern Munich" for which club Dortmund knocked out)?"""
    forms = "|".join(map(re.escape, predicate.done))
    before = text[max(0, start - 120):start]
    verb = re.search(rf"\b(?:{forms})\w*{_PARTICLE}\s+(?:the\s+)?$", before, re.I)
    if verb is None:
        return False
    doer = re.search(rf"((?:(?-i:[A-Z])[\w.'’\-]*\s+){{1,4}}){_DOING_AUX}$", before[:verb.start()])
    return doer is not None and not set(doer.group(1).lower().split()) & set(predicate.by)


# with the perfect's auxiliaries of other languages read alike: "Sinner ha vinto", "Barnier a remporté"
_DOING_AUX = r"(?:(?:has|have|had|will|would|also|\w+ly|ha|hanno|a|ont|han|har|heeft|hat)\s+){0,2}"
_SENTENCE = re.compile(r"[.!?][\"”’']?\s*$")  # a headline drops "was": "Kirk awarded Medal of Freedom"


def doer(text: str, start: int, end: int, verb: tuple[str, ...]) -> bool:
    """Is ``text[start:end]`` the one doing what the asked verb says: its subject in the active
    voice in a sentence ("Trump posthumously awarded Kirk the medal.", "Mats Malm, the
    academy's secretary, announced"; a headline's "Kirk awarded Medal of Freedom" is
    passive, its "'Anora' wins best picture" active), its agent ("... awarded by Trump"), or
    the one its agent noun names ("its translator Deborah Smith", "Referee Wayne Barnes")?"""
    if _OF_ANOTHER.search(text, max(0, start - 60), start):  # "David Baker of the University of Washington"
        return False
    subject, agent = doing_patterns(verb)
    did = subject.match(text[end:end + 140])
    if did and (_SENTENCE.search(text) or not re.search(r"(?:ed|en)$", did.group(0))):
        return True
    before = text[max(0, start - 120):start]
    return agent.search(before) is not None or _agent_noun(before, verb) or _gapped(text, start, end, verb) \
        or bool(_WINNING & set(verb) and _LOST_IT_TO.search(before))


# the one another lost something to won it: "Peter Dutton lost the seat of Dickson ... to Labor
# candidate Ali France"; what stands between "to" and the name is a title, never a verb ("lost
# his bid to unseat Dutton")
_LOST_IT_TO = re.compile(r"\b(?:lost|loses|losing|ceded|conceded)\s+(?:[^.;!?]{1,100}?\s+)?to\s+"
                         r"(?:(?:the|a|an|(?-i:[A-Z])[\w'’\-]*|[a-z]+(?:ate|er|or|ist|ent|ant|al))\s+){0,3}$", re.I)


def _gapped(text: str, start: int, end: int, verb: tuple[str, ...]) -> bool:
    """Is the name the subject of the verb left out after "and", its object opening with the
    same word as the first one's ("Kieran Culkin won best supporting actor and Zoe Saldaña
    best supporting actress")?"""
    if not verb:
        return False
    forms = "|".join(map(re.escape, verb))
    first = re.search(rf"\b(?:{forms})\w*\s+([\w'’]+)[^.;!?]{{0,120}}?\band\s+$", text[max(0, start - 160):start], re.I)
    return first is not None and re.match(rf"\s+{re.escape(first.group(1))}\b", text[end:], re.I) is not None


# a name right after another's "of": its affiliation, or the rest of its name ("Bank of America")
_OF_ANOTHER = re.compile(r"[A-Z][\w.'’\-]*\s+of\s+(?:the\s+)?$")


def _agent_noun(before: str, verb: tuple[str, ...]) -> bool:
    """Does ``before`` end in the verb's agent noun ("translator", "referee", "winner")?"""
    last = re.search(r"([A-Za-z]+)\s+$", before)
    word = last.group(1).lower() if last else ""
    return any(word.startswith(form) for form in verb) and re.search(r"(?:er|or|ee|ist)$", word) is not None \
        and re.search(r"(?:ed|ing)$", word) is None


# What may stand between a subject and its verb: its affiliation ("David Baker of the
# University of Washington") and the others doing it with it ("and John Jumper of Google
# DeepMind won", "Geoffrey Hinton and John Hopfield won", "David Baker, Demis Hassabis and
# John Jumper won"): each of them did it
_CAPITALISED = r"(?-i:[A-Z])[\w.'’\-]*"
_AFFILIATION = rf"(?:\s+of\s+(?:the\s+)?{_CAPITALISED}(?:\s+(?:of\s+)?{_CAPITALISED}){{0,3}})?"


def _more_of(member: str, most: int = 3) -> str:
    """The rest of a run of ``member``s joined by "and", or listed with commas and ending in
    "and" ("A, B and C", "A, B, and C"): "Europe, and Madrid won" is two clauses."""
    return rf"(?:(?:\s*,\s*{member}){{1,{most}}},?\s+and\s+{member}|(?:\s+and\s+{member}){{1,{most}}})"


_CO_NAME = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}}{_AFFILIATION}"
_CO_SUBJECTS = rf"{_AFFILIATION}(?:{_more_of(_CO_NAME)})?"


def co_doers(text: str, names: Sequence[str], verb: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """The runs of ``names`` that ``text`` writes as doing the asked verb together, each where
    it starts and in the order written: "Geoffrey Hinton and John Hopfield won" gives [Geoffrey
    Hinton, John Hopfield], "David Baker, Demis Hassabis and John Jumper won" all three, as
    does "David Baker of the University of Washington and Demis Hassabis and John Jumper of
    Google DeepMind won"; asked who won or received,
    those a prize was awarded to together ("awarded ... to John Hopfield of Princeton
    University and Geoffrey Hinton"; "... to David Baker for ..., and jointly to Demis
    Hassabis and John Jumper")."""
    if not names or not verb:
        return []
    name = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    forms = "|".join(map(re.escape, verb))
    member = rf"(?<![\w\-])(?:{name})(?![\w\-]){_AFFILIATION}"
    runs = [(run.start(), run.group(0), run.end()) for run in
            re.finditer(rf"{member}{_more_of(member, 8)}(?=\s+{_DOING_AUX}(?:{forms})\w*\b)", text, re.I)]
    if _RECEIVING & set(verb):  # "awarded the prize to John Hopfield ... and Geoffrey Hinton": who won it
        group = rf"{member}(?:\s*,\s*{member})*(?:,?\s+and\s+{member})?"
        # "... to David Baker of the University of Washington for protein design, and jointly to Demis Hassabis and John Jumper"
        more = rf"(?:\s+for(?:\s+(?-i:[a-z])[\w\-]*){{1,8}})?,?\s+and\s+(?:jointly\s+|also\s+)?to\s+{group}"
        runs += [(given.start(1), given.group(1), given.end(1)) for given in
                 re.finditer(rf"{_GIVEN_TO}({group}(?:{more})?)", text, re.I)]
    together = [(at, [m.group(0) for m in re.finditer(rf"(?<![\w\-])(?:{name})(?![\w\-])", run)
                      if not _OF_ANOTHER.search(run, 0, m.start())])  # not "of the University ..."
                for at, run, end in runs if not _each_their_own(text, end)]
    return [(at, run) for at, run in together if len(run) > 1]


# a prize given to several: its winners are those it went to
_WINNING = {"win", "won", "wins", "winning"}
_RECEIVING = _WINNING | {"receive", "received", "receives"}
_GIVEN_TO = r"\b(?:awarded|gave|given|presented|handed|bestowed|went)\b[^.;]{0,100}?\bto\s+"


def _each_their_own(text: str, at: int) -> bool:
    """Does the verb at ``at`` take a plural object, or "respectively": each did it to a thing
    of their own ("Kieran Culkin and Zoe Saldaña won the supporting acting awards, for A Real
    Pain and Emilia Pérez")?"""
    taken = re.split(r"[,.;:!?]|\s(?:for|in|at|with|on)\s", text[at:at + 120], maxsplit=1)[0].split()[1:]
    last = taken[-1] if taken else ""
    return bool({"respectively", "each"} & {w.lower() for w in taken}) or (
        last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "ics")))


@lru_cache(maxsize=256)
def doing_patterns(verb: tuple[str, ...], reach: int = 80) -> tuple[re.Pattern, re.Pattern]:
    """The verb right after its subject, and the agent after "by": one pair per question.
    One who beat another in the asked thing won it ("The Eagles beat the Chiefs in Super Bowl
    LIX"), and so did one beating another to do it ("Eagles rout Chiefs 40-22 to win ...")."""
    forms = "|".join(map(re.escape, verb))
    done = f"{forms}|{BEAT_VERBS}" if _WINNING & set(verb) else forms
    return (re.compile(rf"[\"'’”]?(?:,[^,.;:!?]{{1,{reach}}},)?{_CO_SUBJECTS}\s+(?:{_DOING_AUX}|(?:{BEAT_VERBS})\s+"
                       rf"[^.;:!?]{{0,60}}?\bto\s+)(?:{done})\w*\b", re.I),
            re.compile(rf"\b(?:{forms})\w*\s+(?:\S+\s+){{0,6}}?by\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){{0,2}}$", re.I))


_APPOSITION_REACH = 130  # characters back to where a description of another name opens
_COMMA = re.compile(",")


def in_anothers_apposition(text: str, start: int, end: int, verb: tuple[str, ...]) -> bool:
    """Is the name inside the description of another name that does the verb ("Stephen Miran,
    newly confirmed after being nominated by President Donald Trump, dissented": not Trump)?
    A description this long is read here only, where it takes a name from the verb."""
    subject, _ = doing_patterns(verb, _APPOSITION_REACH)
    opening = len(text) - len(after_dateline(text))  # "SYDNEY, May 4 - ..." describes no one
    for comma in (m.start() for m in _COMMA.finditer(text, max(opening, start - _APPOSITION_REACH), start)):
        if re.search(r"[A-Z][\w.'’\-]*$", text[max(0, comma - 40):comma]) and (did := subject.match(text, comma)) \
                and did.end() > end:
            # a description, not a clause doing the verb itself ("MUNICH, June 1 - PSG won ..., beating")
            described = text[comma + 1:text.rfind(",", comma + 1, did.end())].lower()
            return not states_verb(described, verb)
    return False


def states_verb(low_text: str, verb: tuple[str, ...]) -> bool:
    """Does the lower-cased text write the asked verb in any of its forms?"""
    return verb_pattern(verb).search(low_text) is not None


_BEATING = re.compile(rf"\b(?:{BEAT_VERBS})\b")


def states_deed(low_text: str, verb: tuple[str, ...]) -> bool:
    """Does the lower-cased text write the asked verb, or for a win or a loss a verb of
    beating ("the Springboks beat New Zealand" tells who won, and who lost)?"""
    return states_verb(low_text, verb) or (bool({"won", "lost"} & set(verb)) and _BEATING.search(low_text) is not None)


@lru_cache(maxsize=256)
def verb_pattern(verb: tuple[str, ...]) -> re.Pattern:  # one pattern per question, not per name and form
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, verb)) + ")")
