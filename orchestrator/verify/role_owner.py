"""Whose role a question asks for: "the Pacers coach", "PSG's goalkeeper", "captained RCB".
A passage naming none of that side tells of somebody's coach, maybe the other side's ("Coach
Mark Daigneault's team won 68 games" on a report of the Finals), and one not writing the role
tells of no coach at all: only a passage writing both answers such a question. A role of
another kind answers none either: "Their coach Luis Enrique" is no player."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.verify.predicate import Predicate

# a person's role within a side, written beside the club or the country it plays for ("Who
# was Real Madrid's goalkeeper?", "Who captained ...?"); any other title (president, player)
# is held by many a name the pages give no person's sign
SIDE_ROLES = frozenset({"goalkeeper", "keeper", "captain", "coach", "manager", "quarterback", "pitcher", "striker",
                        "midfielder", "defender", "winger", "referee", "umpire"})


def role_in(words: Sequence[str]) -> str | None:
    """The side's role among ``words`` ("captained": captain), if any."""
    for word in words:
        if word in SIDE_ROLES or word.removesuffix("ed") in SIDE_ROLES:
            return word.removesuffix("ed") if word.removesuffix("ed") in SIDE_ROLES else word
    return None


def side_role(predicate: Predicate) -> str | None:
    """The side's role the question asks about, as its predicate or its kind ("Which goalkeeper")."""
    return role_in((*predicate.words, *predicate.kinds))


def role_owners(question: str, names: Sequence[Sequence[str]], role: str) -> list[Sequence[str]]:
    """The question's names it writes as the side of the asked ``role``: just before it ("the
    Pacers coach", "PSG's head coach") or just after it ("captained RCB", "coach of Inter")."""
    low, said = question.lower(), re.escape(role)
    owners = []
    for group in names:
        forms = "|".join(re.escape(form.lower()) for form in group)
        if re.search(rf"(?<!\w)(?:{forms})(?:['’]s?)?\s+(?:[\w\-]+\s+)?{said}"
                     rf"|{said}\w*\s+(?:of\s+|for\s+)?(?:the\s+)?(?:{forms})(?!\w)", low):
            owners.append(group)
    return owners


def tells_of_the_role(text: str, sides: Sequence[Sequence[str]], role: str) -> bool:
    """Does ``text`` name every one of the ``sides`` and write the ``role`` in any form
    ("coach", "coached", "coaches")? A side goes by any word of its name too ("Inter coach
    Simone Inzaghi" for the Inter Milan coach)."""
    low = text.lower()
    return re.search(rf"(?<!\w){re.escape(role)}", low) is not None and all(
        any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", low) for form in _short_forms(side)) for side in sides)


def _short_forms(side: Sequence[str]) -> set[str]:
    forms = {form.lower() for form in side}
    return forms | {word for form in forms for word in form.split() if len(word) > 3}


# what a side's roles are: who plays, who leads from the bench, who officiates
_STAFF, _OFFICIALS = frozenset({"coach", "manager"}), frozenset({"referee", "umpire"})


def _role_group(word: str) -> str:
    return "staff" if word in _STAFF else "official" if word in _OFFICIALS else "playing"


def asked_role(predicate: Predicate) -> str | None:
    """The role a question asks for, a player among them ("Which PSG player was sent off?")."""
    return side_role(predicate) or next((w for w in predicate.kinds if w in ("player", "players")), None)


_TITLE_BEFORE = re.compile(r"\b(" + "|".join(sorted(SIDE_ROLES | {"player"})) + r")s?\s+$", re.I)


def _titled_group(text: str, start: int) -> str | None:
    """The kind of role the name at ``start`` is titled with right before it, if any."""
    title = _TITLE_BEFORE.search(text, max(0, start - 30), start)
    return _role_group(title.group(1).lower()) if title else None


def titled_as_another_role(text: str, start: int, asked: str) -> bool:
    """Is the name at ``start`` titled with a role of another kind than the ``asked`` one
    ("Their coach Luis Enrique" answers no question about a player; "captain Rajat Patidar"
    is one)?"""
    group = _titled_group(text, start)
    return group is not None and group != _role_group(asked.removesuffix("s"))


def titled_as_staff(text: str, start: int) -> bool:
    """Is the name at ``start`` titled as a side's staff or official ("Chelsea head coach Enzo
    Maresca won the tournament"): the side wins, not its coach nor the referee?"""
    return _titled_group(text, start) not in (None, "playing")
