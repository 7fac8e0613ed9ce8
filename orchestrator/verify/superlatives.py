"""Superlatives over what the pages state for each named thing ("which country won the most
gold medals"): the numbers each source gives every country, in its sentences or in a table
whose header names the asked measure; the top one (or the tied ones) per source."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.verify.candidates import Found
from orchestrator.verify.entities import country_name, country_of
from orchestrator.verify.measures import question_measure
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.passages import Passage
from orchestrator.verify.place_holders import ORDINALS, asked_place
from orchestrator.verify.predicate import noun_phrase
from orchestrator.verify.shapes import _country_marks, _per_source, _span, _top, claims, direction
from orchestrator.verify.spelling import other_spellings
from orchestrator.verify.tables import table_claims


def asks_the_most(question: str, policy) -> bool:
    """Does the question ask who has the most of a measure it names ("Which country won the
    most gold medals?", "gold medals most won which country?" as a gloss words it)?"""
    return question_measure(question, policy.measures) is not None and \
        direction(question, policy.shapes.more, policy.shapes.fewer) == "max" and not NTH_MOST.search(question)


_LAST = re.compile(r"\b(?:finish(?:ed|es)?|came|comes|placed?|ranked|was|were|is|are|end(?:ed|s)?)\s+(?:in\s+)?last\b"
                   r"(?!\s+(?:week|weekend|month|year|night|season|time|summer|winter|spring|autumn|fall|Monday|Tuesday|"
                   r"Wednesday|Thursday|Friday|Saturday|Sunday)\b)|"
                   r"\blast\s+place\b|\bbottom\s+of\s+the\s+(?:table|standings|rankings?)\b", re.I)


def asks_the_bottom(question: str, policy) -> bool:
    """Does the question ask who has the least of a measure ("the fewest gold medals") or
    who finished last? Pages give the leaders, seldom everyone: a name or a country merely
    named is no answer to it."""
    fewest = question_measure(question, policy.measures) is not None and \
        direction(question, policy.shapes.more, policy.shapes.fewer) == "min" and ranked_noun(question) is None
    return fewest or _LAST.search(question) is not None  # (a ranked noun read: "the fewest" said outright answers)


def superlative_candidates(passages: list[Passage], texts: dict[int, str], question: str, policy,
                           language: str) -> list[Found]:
    """Per source: the country (or the countries, tied) with the most (or least) of the asked
    measure among those its sentences or its table give it for. Needs a measure the question
    names, and a source that gives it for at least two countries."""
    if not asks_the_most(question, policy):
        return []  # the fewest: a page's table or sentences give the leaders, never every country
    asked, way = question_measure(question, policy.measures), "max"
    skip = {m.value for m in find_numbers(question)}
    found = claims(passages, lambda t: _country_marks(t, policy.aliases), asked, policy.measures, [], skip)
    found += table_claims(texts, policy.aliases, asked, policy.measures)
    out = []
    for source, values in _per_source(found).items():
        if len(values) < 2:
            continue
        top = sorted(_top(values, way))
        span = _span(texts[source], [values[o].passage for o in top]) or values[top[0]].passage
        value = ", ".join(country_name(code, "en") for code in top)
        display = ("、" if language.startswith("zh") else ", ").join(country_name(code, language) for code in top)
        if len(top) > 1:
            display += "（并列）" if language.startswith("zh") else " (tied)"
        out.append(Found(value, display, span, span.score))
    return out


def superlative_choices(found: list[Found], choices: Sequence[str], aliases: Sequence[Sequence[str]]) -> list[Found]:
    """The closed choice each source's leader is ("the most gold medals": United States). A
    tie, or a leader no choice names, stays what it is, a value that is no choice: with the
    choices "United States", "China", "Japan", a table where both lead on 40 answers neither
    alone, and outweighs a stale page where one of them led."""
    codes = [country_of(choice, aliases) for choice in choices]
    out = []
    for f in found:
        leaders = [country_of(name, aliases) for name in f.value.split(", ")]
        picked = [i for i, code in enumerate(codes) if code is not None and code in leaders]
        if len(leaders) == 1 and len(picked) == 1:
            out.append(Found(choices[picked[0]], choices[picked[0]], f.passage, f.strength, choice_index=picked[0]))
        else:
            out.append(f)
    return out


# "the most nominations", "the biggest share": the superlative and the noun it ranks by
# "the third most medals", "the second-largest": not the top, which is all the rules read
NTH_MOST = re.compile(r"\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))[\s-]+(?:most|largest|biggest|highest|"
                      r"fewest|least|lowest|smallest)\b", re.I)
# "the world's top killer", "the United States' highest honour": the superlative may follow
# an owner; "the most-nominated show" ranks by what the participle says (nominations)
_RANKED_NOUN = re.compile(r"\bthe\s+(?:[\w.]+(?:\s+[A-Z][\w.]*)*(?:'s|’s|'|’)\s+)?"
                          r"(?:most|fewest|least|biggest|largest|highest|lowest|top)"
                          r"(?:-(?P<ranked>[a-z]+ed)\b|\s+(?P<phrase>(?:[\w\-]+\s*){1,6}))", re.I)
# "most" as a quantifier ("the 15% rate for most imports") ranks nothing
_LEAD = r"(?:(?<!\bfor )(?<!\bof )(?<!\bin )most|biggest|largest|highest|top|tops|topped|lead|leads|led|leading|record)"
_LEAST = r"(?:fewest|least|lowest|smallest)"
NEAR = 4  # words between the superlative and the noun it ranks by


def _after_asking(pattern: re.Pattern, question: str) -> re.Match | None:
    """``pattern`` after the question word: what comes before it describes the event ("The
    largest manhunt in which state's history"), not the answer."""
    asking = re.search(r"\b(?:which|who|whom|what)\b", question, re.I)
    return pattern.search(question, asking.end()) if asking else None


def ranked_noun(question: str) -> str | None:
    """The noun a name question ranks by ("Which artist received the most nominations?":
    nominations), if it asks for the most or least of something."""
    match = _after_asking(_RANKED_NOUN, question)
    if not match:
        return None
    if match.group("ranked"):
        return match.group("ranked").lower()
    nouns = [w for w in noun_phrase(match.group("phrase")) if w.isalpha() and len(w) >= 4]  # "2025 MTV Video Music
    return nouns[-1] if nouns else None  # Awards nominations": the head noun ends the phrase


def states_the_top(text: str, noun: str, fewest: bool = False) -> bool:
    """Does the passage say who leads by ``noun`` ("leads the nominations with 12 nods", "a
    leading 10 nominations", "the most nominations"), not merely that one has some? With
    ``fewest``: who has the least of it ("the fewest medals"); "the most medals" says not."""
    lead = _LEAST if fewest else _LEAD
    stem = re.escape(noun[:6])
    gap = rf"(?:\W+\w+){{0,{NEAR}}}?\W+"
    return re.search(rf"\b{lead}\b{gap}{stem}|\b{stem}\w*{gap}{lead}\b", text, re.I) is not None


# a place in a sequence; an ordinal in digits before a name numbers an edition ("the 97th
# Academy Awards", told apart by verify/numbered_editions.py), no place the answer holds
_ASKED_ORDINAL = re.compile(rf"\bthe\s+({'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th)(?!\s+(?-i:[A-Z])))\b", re.I)


def asked_ordinal(question: str) -> str | None:
    """The place in a sequence the answer holds ("Which state became the second in the US to
    ban fluoride?": second), said after the question word, as a word."""
    match = _after_asking(_ASKED_ORDINAL, question)
    if not match:
        return None
    word = match.group(1).lower()
    return ORDINALS[int(word[:-2]) - 1] if word[0].isdigit() and 0 < int(word[:-2]) <= len(ORDINALS) else word


def states_ordinal(text: str, ordinal: str) -> bool:
    """Does the passage state that place ("the second state", "2nd")? The first state to
    ban it is no answer to which was the second."""
    number = ORDINALS.index(ordinal) + 1 if ordinal in ORDINALS else None
    numeral = rf"|\b{number}(?:st|nd|rd|th)\b" if number else ""
    return re.search(rf"\b{re.escape(ordinal)}\b{numeral}", text, re.I) is not None


def stating_the_top(question: str, passages: list[Passage], aliases: Sequence[Sequence[str]] = ()) -> list[Passage]:
    """For a question asking who has the most of something, the passages saying who leads by
    the ranked noun or a word the ``aliases`` group with it ("the most nods": "leads with 13
    nominations"); all of them for any other question."""
    if (noun := ranked_noun(question)) is None:
        return passages
    fewest = re.search(rf"\b{_LEAST}\b", question, re.I) is not None
    nouns = {noun, *other_spellings(noun), *(w.lower() for group in aliases if noun in (a.lower() for a in group) for w in group)}
    return [p for p in passages if any(states_the_top(p.text, n, fewest) for n in nouns)]


def stating_the_asked_rank(question: str, passages: list[Passage],
                           aliases: Sequence[Sequence[str]] = ()) -> list[Passage]:
    """The passages that can name the answer to a question asking for a rank among names:
    who leads by the ranked noun (``stating_the_top``), or who holds the asked place in a
    sequence ("the second state to ban"); all of them for any other question."""
    passages = stating_the_top(question, passages, aliases)
    if (nth := asked_ordinal(question)) is not None:
        passages = [p for p in passages if states_ordinal(p.text, nth)]
    if (most := NTH_MOST.search(question)) is not None:  # "the second most golds": said so, not "finished second"
        said = re.compile(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", most.group(0)))), re.I)
        passages = [p for p in passages if said.search(p.text)]
    if (place := asked_place(question)) is not None and place <= len(ORDINALS):  # "Who finished second?"
        passages = [p for p in passages if states_ordinal(p.text, ORDINALS[place - 1])]
    return passages
