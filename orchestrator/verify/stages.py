"""A tournament's stage, bound to the name written right before it: "Spain beat France 2-1 in
the semi-final, while England beat the Netherlands" gives the semi-final to France; "narrow
wins over France in the quarter-final and England in the semi-final" gives each its own. A
question asking one stage ("Who did Spain beat in the semi-final?") is answered by the name
the passage binds to it, where it binds one, never by a name bound to another stage, nor
from a passage writing only other stages."""

from __future__ import annotations

import re
from dataclasses import dataclass

# the stages, the longest first, "semi-final" never read as "final"
_STAGE = re.compile(r"(?<![\w-])(?:(?:(quarter)|(semi))[- ]?)?finals?\b|\b(round\s+of\s+(?:16|sixteen|32))\b", re.I)
_BINDS = 30  # characters between a name's end and the stage written after it ("France 2-1 in the")
# a stage written before the name it binds: "a 70-run semi-final win over New Zealand"
_BINDS_BEFORE = re.compile(r"^[-\s]*(?:win|victory|defeat|loss|clash|match|game|tie)?\s*(?:over|against|to|of|by|with)\s+"
                           r"(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Stage:
    name: str  # "quarter", "semi", "final", "round of 16"
    event: frozenset[str] = frozenset()  # the event named right before it, lower-cased: {"wimbledon"} of "the Wimbledon final"

    def other_than(self, asked: Stage) -> bool:
        """Another stage, or the same one of another event ("the Wimbledon final" asked of the French Open's)."""
        return self.name != asked.name or bool(self.event and asked.event and not self.event & asked.event)


# no event's name: "in Friday's semi-final", "The final"
_NO_EVENT = {"the", "a", "an", "this", "last", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday", "in", "at", "on", "of", "and"}
_EVENT_BEFORE = re.compile(r"(?:[A-Z][\w'’\-]*\s+){1,3}$")


def _stage(text: str, match: re.Match) -> Stage:
    name = "quarter" if match.group(1) else "semi" if match.group(2) else \
        re.sub(r"\s+", " ", match.group(3).lower()) if match.group(3) else "final"
    event = _EVENT_BEFORE.search(text, 0, match.start())
    words = event.group(0).lower().split() if event else []
    return Stage(name, frozenset(w for w in words if w not in _NO_EVENT and not re.search(r"['’]s?$", w)))


def asked_stage(question: str) -> Stage | None:
    found = _STAGE.search(question)
    return _stage(question, found) if found else None


def of_another_stage(text: str, start: int, end: int, asked: Stage | None) -> bool:
    """Is the name at ``text[start:end]`` bound to a stage other than the ``asked`` one (or to
    the asked stage of another event), or, where the passage binds the asked stage to a name,
    not that name?"""
    if asked is None or start < 0:
        return False
    found = list(_STAGE.finditer(text))
    stages = [(m.start(), _stage(text, m)) for m in found]
    own = next((stage for at, stage in stages if 0 <= at - end <= _BINDS and "," not in text[end:at]), None) \
        or next((_stage(text, m) for m in found if _BINDS_BEFORE.match(text[m.end():start])), None)
    if own is not None:
        return own.other_than(asked)
    if stages and all(stage.other_than(asked) for _, stage in stages):
        return True  # "Spain beat France in the semi-final, while England beat the Netherlands": no final's;
        # "beat Novak Djokovic 6-2 6-2 7-6(4) in the Wimbledon final": no French Open final's
    # a round's name bound to another ("... beat the Netherlands" beside "France in the semi-final");
    # a final is also the whole event's name ("trailing 3-0 in the Final"), bound to no one
    return asked.name != "final" and any(stage.name == asked.name for _, stage in stages) \
        and not _near_the_asked(text, start, stages, asked)


def _near_the_asked(text: str, start: int, stages: list[tuple[int, Stage]], asked: Stage) -> bool:
    """Does the asked stage's mention follow the name closely, whatever binds it?"""
    return any(stage.name == asked.name and 0 <= at - start <= _BINDS * 2 and "," not in text[start:at] for at, stage in stages)
