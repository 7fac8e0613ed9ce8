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


# what a new value replaced: "at around 0 to 0.1 percent instead of minus 0.1 percent"
_INSTEAD_OF = re.compile(r"\b(?:instead\s+of|rather\s+than|replacing|in\s+place\s+of)\s+(?:the\s+|an?\s+)?"
                         r"(?:(?:minus|negative|previous|old|former)\s+)?$", re.I)


def held_before(text: str, mention: NumberMention) -> bool:
    """Is the number the value before a change the same clause tells ("to 4% from 4.25%",
    "instead of minus 0.1 percent")?"""
    before = text[max(0, mention.start - _REACH):mention.start]
    return _FROM.search(before) is not None or _INSTEAD_OF.search(before) is not None


# "How many medals did the US lose?", "How many jobs were added?": the verb of change asked
_CHANGE_ASKED = re.compile(r"\bhow\s+many\b[^?]*?\b(?:(?:did|do|does|will|would|has|have|had)\b[^?]*?\b"
                           r"(lose|gain|add|shed|drop|cut|flip)|(?:were|was|been)\s+(lost|gained|added|shed|dropped|cut|flipped))\b",
                           re.I)
_FORMS = {"lose": "lose|loses|lost|losing", "gain": "gain|gains|gained|gaining", "add": "add|adds|added|adding",
          "shed": "shed|sheds|shedding", "drop": "drop|drops|dropped|dropping", "cut": "cut|cuts|cutting",
          "flip": "flip|flips|flipped|flipping"}
_PAST = {"lost": "lose", "gained": "gain", "added": "add", "shed": "shed", "dropped": "drop", "cut": "cut",
         "flipped": "flip"}


def asked_change(question: str) -> str | None:
    """The verb of change a count question asks of ("lose" of "How many medals did the US
    lose?"); None where it asks none."""
    asked = _CHANGE_ASKED.search(question)
    if asked is None:
        return None
    return asked.group(1).lower() if asked.group(1) else _PAST[asked.group(2).lower()]


def counts_the_change(text: str, mention: NumberMention, verb: str) -> bool:
    """Is the number what the verb of change takes, at most three words on ("lost 251 seats",
    "lost all but two")? Not the level the change ended at ("fell to 125"), nor a number
    of a clause that changes nothing ("finished with 125 medals")."""
    before = text[max(0, mention.start - _REACH):mention.start]
    taken = re.search(rf"\b(?:{_FORMS[verb]})\s+(?:[\w'’\-]+\s+){{0,3}}$", before, re.I)
    return taken is not None and re.search(r"\b(?:to|at|with)\s+(?:a\s+|an\s+|the\s+)?$", before, re.I) is None


_RISE = (r"ros[ea]|rise[sn]?|rising|jump\w*|climb\w*|gain\w*|increas\w*|surg\w*|soar\w*|grew|grow\w*|rall(?:y|ied|ies)"
         r"|hike[sd]?|hiking|rais\w+|up")
_FALL = (r"fell|fall\w*|drop\w*|declin\w*|slid\w*|slump\w*|plung\w*|tumbl\w*|sank|sink\w*|decreas\w*|down|lost|"
         r"los(?:e|es|ing)|cut\w*|lower\w*|shr[aiu]nk\w*|shrink\w*")
# "By how much did Starbucks shares fall?": the way the value moved, asked
_WAY_ASKED = re.compile(rf"\bhow\s+much\b[^?]*?\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))\b", re.I)


def asked_way(question: str) -> str | None:
    """"rise" or "fall": the way a question asks a value moved ("By how much did shares
    fall?"), or None."""
    asked = _WAY_ASKED.search(question)
    return None if asked is None else "rise" if asked.group("rise") else "fall"


def moved_the_other_way(text: str, mention: NumberMention, way: str) -> bool:
    """Is the number taken by a verb of the other way ("Starbucks shares jumped 24%", asked
    by how much they fell)? Such a question's premise is false, and its number no answer."""
    other = _FALL if way == "rise" else _RISE
    return re.search(rf"\b(?:{other})\s+(?:by\s+)?(?:[\w'’\-]+\s+){{0,2}}$",
                     text[max(0, mention.start - _REACH):mention.start], re.I) is not None


# a value's move said by a verb of moving only (not "lost the election", "set up", "cut ties")
_MOVED_UP = r"ros[ea]|rise[sn]?|rising|jump\w*|climb\w*|surg\w*|soar\w*|rall(?:y|ied|ies)|increas\w*"
_MOVED_DOWN = r"fell|fall\w*|drop\w*|declin\w*|slid\w*|slump\w*|plung\w*|tumbl\w*|sank|sink\w*|decreas\w*"


def claimed_way(question: str) -> str | None:
    """"rise" or "fall": the way a yes/no claim says a value moved ("Did Starbucks shares
    fall?"), or None."""
    fall, rise = re.search(rf"\b(?:{_MOVED_DOWN})\b", question, re.I), re.search(rf"\b(?:{_MOVED_UP})\b", question, re.I)
    return None if bool(fall) == bool(rise) else "fall" if fall else "rise"


def moved_only_the_other_way(text: str, words: list[str], way: str) -> bool:
    """Does ``text`` say a thing the claim names (``words``) moved the other way and never the
    claimed way ("Starbucks shares jumped 24.5%", asked whether they fell)?"""
    def moved(verbs: str) -> bool:
        return any(re.search(rf"\b{re.escape(w)}\s+(?:[\w'’\-]+\s+){{0,2}}?(?:{verbs})\b", text, re.I) for w in words)
    return moved(_MOVED_UP if way == "fall" else _MOVED_DOWN) and not moved(_MOVED_DOWN if way == "fall" else _MOVED_UP)
