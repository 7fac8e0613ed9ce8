"""A value that changed: "cut interest rates to 4% from 4.25%", "the toll rose to 3,600,
up from 2,700". The number after "from" is what held before the change: asked for the value
now, it is no answer; asked what the value was before the change ("the rate before the
cut"), only it answers."""

from __future__ import annotations

import re

from orchestrator.verify.numbers import NumberMention

_CHANGE = (r"cut|cuts|cutting|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|hike[sd]?|hiking|"
           r"increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|"
           r"drop(?:s|ped|ping)?|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|slash(?:es|ed|ing)?|trim(?:s|med|ming)?|"
           r"grew|grow(?:s|n|ing)?|shr[aiu]nk(?:s|ing)?|chang(?:e|es|ed|ing)|up|down")
# "from" right before the number, with a word of change before it in its clause: "cut rates
# to 4% from 4.25%", "down from 2,700"; not a range ("from 10 to 12 weeks") nor a source
# ("3,000 from Texas")
_FROM = re.compile(rf"\b(?:{_CHANGE})\b[^.;:!?]{{0,80}}?\bfrom\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){{0,2}}?$", re.I)
# the question asks what held before a change: "the rate before the August cut"
_BEFORE_ASKED = re.compile(r"\b(?:before|prior\s+to|ahead\s+of)\s+(?:the\s+|its\s+|their\s+|this\s+|last\s+|that\s+)?"
                           r"(?:[\w\-]+\s+){0,3}?(?:cut|hike|increase|rise|raise|reduction|decrease|change|drop|fall)s?\b",
                           re.I)
_REACH = 100  # characters before a number where its change is read


def asks_before_change(question: str) -> bool:
    return _BEFORE_ASKED.search(question) is not None


def held_before(text: str, mention: NumberMention) -> bool:
    """Is the number the value before a change the same clause tells ("to 4% from 4.25%")?"""
    return _FROM.search(text[max(0, mention.start - _REACH):mention.start]) is not None
