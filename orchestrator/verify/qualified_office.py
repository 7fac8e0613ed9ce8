"""A question asking for the holder of an interim, acting or caretaker office ("Who became
Starbucks' interim CEO?", "Who is South Korea's acting president?") is answered only from a
sentence that says so: "Brian Niccol will become chairman and CEO" names the permanent
holder, a bystander to the question however well it matches its other words."""

from __future__ import annotations

import re

from orchestrator.verify.candidates import Found
from orchestrator.verify.name_words import lexicon

# the qualifier, then up to three words ending in a title: "interim CEO", "acting attorney general"
_QUALIFIED = re.compile(r"\b(interim|acting|caretaker)\s+((?:[\w\-]+\s+){0,2}[\w\-]+)", re.I)


def asked_qualifier(question: str) -> str | None:
    """The qualifier of the office the question asks about, lower-cased; None where it asks
    no qualified office ("her first acting award" qualifies no title)."""
    titles = lexicon()["person_titles"]
    return next((m.group(1).lower() for m in _QUALIFIED.finditer(question)
                 if any(word.lower() in titles for word in m.group(2).split())), None)


def states_qualifier(text: str, qualifier: str | None) -> bool:
    """Does the sentence write the qualifier (any where: "will serve as interim CEO")?"""
    return qualifier is None or re.search(rf"\b{qualifier}\b", text, re.I) is not None


_BEFORE, _AFTER = 4, 5  # words before a name ("acting president Han Duck-soo") and after it ("... became acting president")


def named_so(found: Found, qualifier: str | None) -> bool:
    """Is the name written with the qualifier right beside it ("impeach acting president Han
    Duck-soo", "Choi Sang-mok became acting president")? "... after it impeached President
    Yoon Suk Yeol" in the same sentence names the president, not the acting one."""
    if qualifier is None or found.start < 0:
        return True
    text, end = found.passage.text, found.start + len(found.display)
    near = " ".join(text[:found.start].split()[-_BEFORE:] + text[end:].split()[:_AFTER])
    return states_qualifier(near, qualifier)
