"""A tournament's stage, bound to the name written right before it: "Spain beat France 2-1 in
the semi-final, while England beat the Netherlands" gives the semi-final to France; "narrow
wins over France in the quarter-final and England in the semi-final" gives each its own. A
question asking one stage ("Who did Spain beat in the semi-final?") is answered by the name
the passage binds to it, where it binds one, never by a name bound to another stage, nor
from a passage writing only other stages."""

from __future__ import annotations

import re

# the stages, the longest first, "semi-final" never read as "final"
_STAGE = re.compile(r"(?<![\w-])(?:(?:(quarter)|(semi))[- ]?)?finals?\b|\b(round\s+of\s+(?:16|sixteen|32))\b", re.I)
_BINDS = 30  # characters between a name's end and the stage written after it ("France 2-1 in the")
# a stage written before the name it binds: "a 70-run semi-final win over New Zealand"
_BINDS_BEFORE = re.compile(r"^[-\s]*(?:win|victory|defeat|loss|clash|match|game|tie)?\s*(?:over|against|to|of|by|with)\s+"
                           r"(?:the\s+)?$", re.I)


def _stage(match: re.Match) -> str:
    return "quarter" if match.group(1) else "semi" if match.group(2) else \
        re.sub(r"\s+", " ", match.group(3).lower()) if match.group(3) else "final"


def asked_stage(question: str) -> str | None:
    found = _STAGE.search(question)
    return _stage(found) if found else None


def of_another_stage(text: str, start: int, end: int, asked: str | None) -> bool:
    """Is the name at ``text[start:end]`` bound to a stage other than the ``asked`` one, or,
    where the passage binds the asked stage to a name, not that name?"""
    if asked is None or start < 0:
        return False
    found = list(_STAGE.finditer(text))
    stages = [(m.start(), _stage(m)) for m in found]
    own = next((stage for at, stage in stages if 0 <= at - end <= _BINDS and "," not in text[end:at]), None) \
        or next((_stage(m) for m in found if _BINDS_BEFORE.match(text[m.end():start])), None)
    if own is not None:
        return own != asked
    if stages and all(stage != asked for _, stage in stages):
        return True  # "Spain beat France in the semi-final, while England beat the Netherlands": no final's
    # a round's name bound to another ("... beat the Netherlands" beside "France in the semi-final");
    # a final is also the whole event's name ("trailing 3-0 in the Final"), bound to no one
    return asked != "final" and any(stage == asked for _, stage in stages) \
        and not _near_the_asked(text, start, stages, asked)


def _near_the_asked(text: str, start: int, stages: list[tuple[int, str]], asked: str) -> bool:
    """Does the asked stage's mention follow the name closely, whatever binds it?"""
    return any(stage == asked and 0 <= at - start <= _BINDS * 2 and "," not in text[start:at] for at, stage in stages)
