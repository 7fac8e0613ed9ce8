"""An office the question asks about, written in a sentence only as another person's title,
makes no one else in it the holder: for "Who will be the vice president?", "Donald Trump
won, defeating Vice President Kamala Harris" makes Trump no vice president; "His running
mate, JD Vance, will be vice president" still may, and so may a sentence telling who
succeeds whom."""

from __future__ import annotations

import re

from orchestrator.verify.name_words import lexicon
from orchestrator.verify.proper_names import CAPITAL
from orchestrator.verify.succession import tells_succession

# "Who is the prime minister of Canada?", "Who will be the vice president after ...?",
# "Who is South Korea's acting president?": the verb, then up to three words ending in the
# office, before its complement or the question's end
_ASKED = re.compile(r"^\W*who\s+(is|was|are|were|will\s+be|would\s+be|became|becomes|will\s+become)\s+"
                    r"(?:the\s+|(?:[\w\-]+\s+){0,2}[\w\-]+['’]s\s+)(?:current\s+|next\s+|new\s+)?((?:[a-z\-]+\s+){0,2}?[a-z\-]+)"
                    r"(?=\s+(?:of|in|for|at|after|before|from)\b|\s*\?|\s*$)", re.I)
_NOW = {"is", "was", "are", "were"}  # who holds it (or held it then), not who is to
# a title right before a name: "Vice President Kamala Harris", "prime minister Mark Carney"
_NAME_AFTER = re.compile(rf"\s+{CAPITAL}[\w'’\-]*")


def asked_office(question: str, held: bool = False) -> str | None:
    """The office a "who is/will be the <office>" question asks for, lower-cased ("vice
    president"), if its last word is a title of an office (name_words.yaml); with ``held``,
    only where it asks who holds it ("who is", not "who will be")."""
    asked = _ASKED.match(question)
    if asked is None or (held and asked.group(1).lower() not in _NOW):
        return None
    offices = {word for group in lexicon()["offices"] for word in group.split()}
    return asked.group(2).lower() if asked.group(2).split()[-1].lower() in offices else None


def only_anothers_title(text: str, start: int, end: int, office: str | None) -> bool:
    """Does the sentence write the asked ``office`` only as the title of a name other than the
    one at ``start``-``end`` (each time right before a capitalised name that is not it), and
    tell no succession ("Merz will succeed Chancellor Olaf Scholz" may make Merz chancellor)?"""
    if office is None or start < 0 or tells_succession(text):
        return False
    said = [m.end() for m in re.finditer(rf"(?<![\w\-]){re.escape(office)}(?![\w\-])", text, re.I)]
    return bool(said) and all((named := _name_after(text, at)) is not None and named != start and not start <= at < end
                              for at in said)


def _name_after(text: str, at: int) -> int | None:
    """Where the capitalised name right after position ``at`` starts, if one does."""
    name = _NAME_AFTER.match(text, at)
    return None if name is None else name.end() - len(name.group(0).lstrip())
