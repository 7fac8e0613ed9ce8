"""Rates asked by their kind: "What is the Bank of England's interest rate?" is answered by a
percentage written as that rate ("cut interest rates to 4%"), never by another rate the same
report gives ("Inflation stood at 3.6%"). The words of one kind name the same rate: a central
bank's policy rate is also its base, bank or funds rate."""

from __future__ import annotations

import re

from orchestrator.verify.numbers import NumberMention

# each kind of rate and the words that name it
RATE_KINDS: dict[str, frozenset[str]] = {
    "interest": frozenset({"interest", "policy", "base", "bank", "funds", "deposit", "lending", "cash", "repo", "discount",
                           "borrowing", "fed", "reserve", "overnight", "refinancing", "benchmark"}),
    "inflation": frozenset({"inflation", "cpi", "prices"}),
    "unemployment": frozenset({"unemployment", "jobless"}),
    "growth": frozenset({"growth", "gdp"}),
    "mortgage": frozenset({"mortgage"}),
    "tax": frozenset({"tax", "tariff"}),
    "savings": frozenset({"savings"}),
}
_WORDS = sorted({w for words in RATE_KINDS.values() for w in words}, key=len, reverse=True)
# what a question asks with (a percentage, not an exchange rate nor a birth rate per thousand;
# a target range is two numbers, no one rate)
# (or as the rate a bank sets: "the Bank of England's rate", "the Fed's rate", "the central bank's rate")
RATE_ASKED = re.compile(rf"\bwhat\s+(?:is|was|are|were|will\s+be)\b[^?]{{0,60}}?\b({'|'.join(_WORDS)})"
                        r"(?:\s+of(?:\s+(?-i:[A-Z])[\w\-]*){1,2})?(?:['’]s)?(?:\s+facility)?\s+rates?\b(?!\s+(?:target\s+)?range)", re.I)
_CLAUSE = re.compile(r"[,;:()—–]|\b(?:and|but|while|whereas|after|before|as)\b", re.I)
_REACH = 60  # characters before a percentage where the rate it gives is named


def asked_rate(question: str) -> str | None:
    """The kind of rate the question asks for ("interest" for "the Bank of England's interest rate")."""
    asked = RATE_ASKED.search(question)
    return next((kind for kind, words in RATE_KINDS.items() if asked.group(1).lower() in words), None) if asked else None


def of_another_rate(text: str, mention: NumberMention, kind: str) -> bool:
    """Does the clause before the percentage name another kind of rate and not the asked one
    ("Inflation stood at 3.6%" for the interest rate)?"""
    before = _CLAUSE.split(text[max(0, mention.start - _REACH):mention.start])[-1].lower()
    named = {k for k, words in RATE_KINDS.items() if any(re.search(rf"\b{w}\b", before) for w in words)}
    return bool(named) and kind not in named
