"""Yes/no claims: a passage that states the question's claim (its names, numbers and
content words, the predicate in any of its forms, the question's subject placed before it)
supports "yes", or "no" when a negation stands in the claim's clause; a claim with a number
("Did the U.S. win 39 golds?") is checked against the number the pages give; "Did A win
more X than B?" is the comparison of A and B (shapes.py). Words are the policy's (``shapes:``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from orchestrator.verify.alignment import beaten
from orchestrator.verify.candidates import Found, number_candidates
from orchestrator.verify.changes import claimed_way, moved_only_the_other_way
from orchestrator.verify.date_parts import is_date_part, month_number
from orchestrator.verify.foreseen import FORESEEN_BEFORE
from orchestrator.verify.incidental import is_owner
from orchestrator.verify.numbers import CURRENCY_SIGNS, find_numbers, same_number
from orchestrator.verify.other_things import WIN_WORDS, done_to_another
from orchestrator.verify.passages import Passage
from orchestrator.verify.place_holders import asked_place, placed_places
from orchestrator.verify.question import contains, inflected, is_cjk, keywords, named_terms
from orchestrator.verify.shapes import (
    CLAIM_COVERAGE,
    NO,
    YES,
    _coverage,
    _find,
    _negated,
    _option_marks,
    _terms,
    comparison_candidates,
    comparison_options,
)

_NEGATED_QUESTION = re.compile(r"^\s*\w+n['’]t\b|^\s*(?:is|are|was|were|did|does|do|has|have|had|will|can)\s+"
                               r"[^?]{1,60}?\bnot\b", re.I)


def yes_no_candidates(passages: list[Passage], subject_passages: list[Passage], texts: dict[int, str],
                      titles: dict[int, str], question: str, policy, years_of: dict[int, int] | None = None,
                      superseded=None) -> list[Found]:
    """"yes" where a passage states the question's claim, "no" where it states its negation;
    a claim with a number or a comparison is checked against what the pages state instead.
    A negated question ("Did Athena not land upright?") gets neither: a bare "no" to it
    says one thing to one reader and the opposite to another."""
    if _NEGATED_QUESTION.search(question):
        return []
    options = comparison_options(question, policy.aliases) if re.search(r"\bthan\b|比", question) else None
    if options:
        found = comparison_candidates(passages, texts, question, options, policy)
        return [Found(YES if f.value == options[0] else NO, YES if f.value == options[0] else NO, f.passage,
                      f.strength) for f in found]
    stated = [m for m in find_numbers(question) if not m.ordinal and not is_date_part(question, m)
              and not question.startswith("ers", m.end)]  # "the 49ers" name a team, no count
    if stated:  # "Did the U.S. win 39 gold medals?": the pages' number says yes or no
        bare = question
        for m in sorted(stated, key=lambda m: -m.start):
            bare = bare[:m.start] + " " + bare[m.end:]
        words = [w for g in _terms(bare, policy) for w in g]
        numbers = number_candidates(subject_passages, bare, words, policy.measures, policy.aliases)
        if any(_is_money(question, m.start, m.text) for m in stated):  # "cost more than $400": 3.5 million consoles
            numbers = [f for f in numbers if _is_money(f.passage.text, f.at, f.display)]  # say nothing of it
        crossed = [f for f in numbers if any(_holds(_past(f), m, question) for m in stated)]
        if crossed and _ONCE_PAST.search(question):  # "Did gold top $3,500?": a record of $3,500.05 did,
            return [Found(YES, YES, f.passage, f.strength) for f in crossed]  # whatever it did since
        if superseded is not None:  # a mid-event figure newer reports replaced says nothing either way
            gone = superseded(numbers)
            numbers = [f for f in numbers if f.value not in gone]
        said = {id(f) for f in crossed}
        if _FUTURE_QUESTION.match(question):  # "Will the BOJ raise rates to 0.75%?": today's 0.5% is no "no"
            numbers = crossed
        return [Found(YES if id(f) in said else NO, YES if id(f) in said else NO, f.passage, f.strength) for f in numbers]
    groups = _terms(question, policy)
    names = [_with_head([w.lower() for w in g]) for g in named_terms(question, policy.aliases)]
    years = [g for g in groups if g[0].isdigit()]
    others = inflected([g for g in groups if g not in names and g not in years
                        and not any(contains(n, w) for n in (w for g in names for w in g) for w in g)],
                       policy.shapes.predicates)
    scene = [n for n in names[1:] if _sets_scene(question, n, policy.shapes.settings)]
    described = _descriptors(question, names[0] if names else [], others, texts)
    place = asked_place(question)
    # "Will Brisbane host ...?" reads what is still to come; "Was Brisbane chosen to host ...?" the choice itself
    ahead = _AHEAD.search(question) is not None or _FUTURE_QUESTION.match(question) is not None
    designation = _DESIGNATING.search(question) is None
    asked = _asked_doing(question, policy.shapes.predicates)  # "win" and "Eurovision 2025"
    marks = _marks(question)  # "the fifth straight", "on March 8": the claim says which
    way = claimed_way(question)  # "Did Starbucks shares fall?": not where they jumped
    out = []
    for passage in passages:
        low, title = passage.text.lower(), titles.get(passage.source, "").lower()
        page = texts.get(passage.source, "").lower()
        # the subject in the sentence itself; the other names and the year may stand in its headline,
        # a name setting the scene ("on the Moon") anywhere on its page
        if names and (_coverage(names[:1], low) < 1 or
                      _coverage([n for n in names if n not in scene], low + "\n" + title) < 1 or
                      _coverage(scene, page + "\n" + title) < len(scene) / max(len(scene), 1)):
            continue
        page_year = str((years_of or {}).get(passage.source, ""))
        if years and _coverage(years, low + "\n" + title + "\n" + page_year) < 1:
            continue
        claim = [g for g in others if g not in described or _coverage([g], low)]
        if not claim or _coverage(claim, low) < CLAIM_COVERAGE:
            continue
        if swapped_word(question, low, claim):
            continue  # "approves spot bitcoin exchange-traded products": no word of spot ether ones
        if way and moved_only_the_other_way(passage.text, [w for g in claim for w in g], way):
            out.append(Found(NO, NO, passage, passage.score))  # "Starbucks shares jumped 24.5%": they did not fall
            continue
        if (not ahead and _only_ahead(low, claim, designation)) or _only_ahead(low, claim, False, _POSSIBLE):
            continue  # "Nobel Peace Prize to be announced": no announcement yet, nor its denial
        if names and not _subject_states(passage.text, names[0], others, policy):
            continue  # "The U.S. finished top ..., level with China": the U.S. tops, not China
        if done_to_another(passage.text, *asked):
            continue  # "Israel's Yuval Raphael was second ... after winning the public vote": no Eurovision win
        told = _marks(passage.text)
        if any(kind in told and value not in told[kind] for kind, values in marks.items() for value in values):
            out.append(Found(NO, NO, passage, passage.score))  # "the fourth straight", "ended on March 7"
            continue
        if any(kind not in told for kind in marks):
            continue  # a passage writing no day says nothing of "on March 8"
        placed = _placed(low, place)
        if placed is None:
            continue  # "Did Japan finish second?": a passage placing it nowhere says neither
        negated = _negated(low, others + names, policy, question, claim=others)
        value = NO if negated or not placed or (names and _beaten_to_it(passage.text, names[0], others)) else YES
        out.append(Found(value, value, passage, passage.score))
    return out


def swapped_word(question: str, low: str, claim: list[list[str]]) -> bool:
    """Does the lower-cased passage ``low`` write another word where the question writes a
    claim word it lacks, between the same two words ("spot bitcoin exchange-traded" for
    "spot ether exchange-traded")? It states the claim of another thing."""
    words = re.findall(r"[\w'’\-]+", question.lower())
    missing = {w for g in claim if not any(_find(low, form) >= 0 for form in g) for w in g if not is_cjk(w)}
    for i in range(1, len(words) - 1):
        if words[i] in missing and (m := re.search(rf"(?<![\w-]){re.escape(words[i - 1])}\s+([\w'’\-]+)\s+"
                                                   rf"{re.escape(words[i + 1])}(?![\w-])", low)):
            return m.group(1) != words[i]
    return False


def _marks(text: str) -> dict[tuple[str, str | int], set[float]]:
    """The ordinals a text writes, by the word they qualify ("fifth straight": straight), and
    the days of a month, by the month ("March 8": 3)."""
    out: dict[tuple[str, str | int], set[float]] = {}
    for m in find_numbers(text):
        if m.ordinal:
            after = re.match(r"[\s\-]+([A-Za-z]+)", text[m.end:])
            key: tuple[str, str | int] | None = ("ordinal", after.group(1).lower()) if after else None
        elif 1 <= m.value <= 31 and is_date_part(text, m):
            near = re.findall(r"[A-Za-z]+", text[max(0, m.start - 12):m.start])[-1:] + \
                re.findall(r"[A-Za-z]+", text[m.end:m.end + 14])[:2]  # "March 8", "8 March", "8th of March"
            month = next((n for w in near if (n := month_number(w))), None)
            key = ("day", month) if month else None
        else:
            key = None
        if key:
            out.setdefault(key, set()).add(m.value)
    return out


# verbs that put a bound on the question's number: "Did the toll exceed 3,000?", "Did bitcoin hit
# $100,000?", "Did shares fall below $10?"
_PAST_WORDS = r"(?:exceed|top|surpass|pass|cross|go\s+over|rise\s+above|climb\s+above)(?:s|e?d|ped)?"
_REACH_WORDS = r"(?:reach|hit|break|broke|crack)(?:es|s|ed)?"
_BELOW_WORDS = r"(?:fall|drop|dip|sink)(?:s|ped)?\s+below"
_MONEY_SIGN = rf"(?:[{CURRENCY_SIGNS}]\s?)?"
# a bound the question puts on its number: "more than 30", "at least 15", "fewer than 20", "30 or more"
_BOUND_BEFORE = re.compile(r"\b(more\s+than|over|above|greater\s+than|at\s+least|no\s+fewer\s+than|no\s+less\s+than|"
                           r"fewer\s+than|less\s+than|under|below|at\s+most|no\s+more\s+than|"
                           rf"{_PAST_WORDS}|{_REACH_WORDS}|{_BELOW_WORDS})\s+{_MONEY_SIGN}$", re.I)
_BOUND_AFTER = re.compile(r"\s*(or\s+more|or\s+fewer|or\s+less|more\s+than|fewer\s+than)\b", re.I)
_AT_LEAST = ("at least", "no fewer than", "no less than", "or more")
_AT_MOST = ("at most", "no more than", "or fewer", "or less")
_BELOW = ("fewer than", "less than", "under", "below")
_PAST_VERB, _REACH_VERB, _BELOW_VERB = (re.compile(words) for words in (_PAST_WORDS, _REACH_WORDS, _BELOW_WORDS))
# a bound crossed once is crossed, whatever the value did after: "Did gold top $3,500?"
_ONCE_PAST = re.compile(rf"^\s*(?:did|has|have|had)\b.*\b(?:{_PAST_WORDS}|{_REACH_WORDS})\s+{_MONEY_SIGN}\d", re.I)


# Chinese and Japanese bounds, read natively (no gloss): "超过40枚", "至少15", "15個以上", "10枚未満"
_CJK_BOUND_BEFORE = re.compile(r"(超过|超過|多于|多於|高于|大于|逾|至少|不少于|不低于|少于|低于|不到|不足|小于|至多|不超过)\s*$")
_CJK_BOUND_AFTER = re.compile(r"\s*[枚个個块塊名位人次]?\s*(以上|以下|未満|多)")
_CJK_BOUNDS = {"超过": "more than", "超過": "more than", "多于": "more than", "多於": "more than", "高于": "more than",
               "大于": "more than", "逾": "more than", "多": "more than", "至少": "at least", "不少于": "at least",
               "不低于": "at least", "以上": "at least", "少于": "fewer than", "低于": "fewer than", "不到": "fewer than",
               "不足": "fewer than", "小于": "fewer than", "未満": "fewer than", "至多": "at most", "不超过": "at most",
               "以下": "at most"}


# a value written as passed: "rose above $100,000", "topped 3,000"
_PASSED = re.compile(r"\b(?:above|over|past|passed|surpassed|topped|tops|exceeded|exceeds|crossed|more\s+than|beyond)\s+"
                     rf"(?:the\s+)?{_MONEY_SIGN}$", re.I)


def _past(found) -> float:
    """The value a passage states, just above it where it writes the value as passed ("rose
    above $100,000" is more than 100,000)."""
    value = float(found.value)
    return math.nextafter(value, math.inf) if _PASSED.search(found.passage.text, max(0, found.at - 30), found.at) else value


def _is_money(text: str, start: int, written: str) -> bool:
    """Is the number written at ``start`` an amount of money ("$449.99", "€40", "$10bn")?"""
    return any(sign in written or sign in text[max(0, start - 2):max(0, start)] for sign in CURRENCY_SIGNS)


def _holds(value: float, stated, question: str) -> bool:
    """Does the pages' ``value`` make the question's claim about its ``stated`` number true:
    equal to it, or within the bound the question puts on it ("more than 30": 40 does; "at
    least 15": 18 does; "fewer than 20": 18 does)? A bound written after the number as a gloss
    keeps its language's order ("10 more than": Korean "10개 넘게") reads as before it."""
    written = _BOUND_BEFORE.search(question[:stated.start]) or _BOUND_AFTER.match(question, stated.end) \
        or _CJK_BOUND_BEFORE.search(question[:stated.start]) or _CJK_BOUND_AFTER.match(question, stated.end)
    if written is None:
        return same_number(value, stated.value)
    bound = _CJK_BOUNDS.get(written.group(1)) or " ".join(written.group(1).lower().split())
    bound = ("more than" if _PAST_VERB.fullmatch(bound) else "at least" if _REACH_VERB.fullmatch(bound)
             else "fewer than" if _BELOW_VERB.fullmatch(bound) else bound)
    if bound in _AT_LEAST:
        return value >= stated.value
    if bound in _AT_MOST:
        return value <= stated.value
    return value < stated.value if bound in _BELOW else value > stated.value


def _asked_doing(question: str, predicates: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], list[str]]:
    """The forms of the question's verb and the words it is done to ("Did Israel win
    Eurovision 2025?": win's forms, [eurovision, 2025]); none where it has no such verb."""
    low = question.lower()
    for forms in predicates:
        told = min((m for form in forms if (m := re.search(rf"(?<!\w){re.escape(form)}(?!\w)", low))),
                   key=lambda m: m.start(), default=None)
        if told is not None:
            return tuple(forms), keywords(question[told.end():])
    return (), []


# a claim written as still to come: "to be announced", "will be named", "is set to host", "aims to land"
_AHEAD = re.compile(r"\b(?:to\s+be|will(?:\s+be)?|['’]ll(?:\s+be)?|(?:is|are|was|were)\s+(?:set|expected|due|scheduled|"
                    r"poised|likely)\s+to(?:\s+be)?|plans?\s+to|would(?:\s+be)?|"

                    # an aim is no outcome: "Athena aims to land upright"
                    r"(?:aims?|aiming|hopes?|hoping|seeks?|seeking|tries|trying|attempts?|attempting|intends?)\s+to)"
                    r"\s+(?:\w+\s+)?$", re.I)
# a possibility is no outcome, nor a plan: "concerns the ruling coalition could win a supermajority"
# says neither that it won nor that it will
_POSSIBLE = re.compile(r"\b(?:could|might|(?-i:may))(?:\s+(?:well|yet|still|even))?(?:\s+be)?\s+(?:\w+\s+)?$", re.I)
_FUTURE_QUESTION = re.compile(r"^\s*(?:will|shall|is\s+\S+(?:\s+\S+){0,4}\s+(?:going|set|expected|due)\s+to)\b", re.I)


# chosen for a role still to be filled: "Brisbane elected host of 2032 Games", "chosen to host"
_DESIGNATED = re.compile(r"\b(?:elected|chosen|picked|selected|designated|confirmed)\s+(?:as\s+)?(?:the\s+)?(?:to\s+)?$")
_DESIGNATING = re.compile(r"\b(?:elect|chose|choos|pick|select|designat|confirm)\w*", re.I)


def _only_ahead(low: str, claim: list[list[str]], designation: bool = True, only: re.Pattern | None = None) -> bool:
    """Does the passage write one of the claim's words (its verb: "announced") only as still
    to come ("to be announced") or foreseen ("expected to win"), or, unless the question asks the choice itself
    (``designation``), as a role someone was chosen for ("elected host")? It says neither yes
    nor no to whether it happened. With ``only``, only as that pattern writes it before the word."""
    def ahead(before: str) -> bool:
        if only is not None:
            return only.search(before[-40:]) is not None
        return (_AHEAD.search(before[-40:]) is not None or FORESEEN_BEFORE.search(before) is not None
                or (designation and _DESIGNATED.search(before[-40:]) is not None))
    for group in claim:
        seen = [m for w in group if not is_cjk(w) for m in re.finditer(rf"(?<![a-z]){re.escape(w)}(?![a-z])", low)]
        if seen and all(ahead(low[max(0, m.start() - 90):m.start()]) for m in seen):
            return True
    return False


def _placed(low: str, asked: int | None) -> bool | None:
    """Does the passage place the subject where the question asks ("third" for "Did Japan
    finish third?")? False where it writes another place ("Japan finished third" for
    "... second?"), None where it writes none; True where the question asks none."""
    if asked is None:
        return True
    said = placed_places(low)
    return asked in said if said else None


def _beaten_to_it(text: str, subject: list[str], others: list[list[str]]) -> bool:
    """Is the subject of a question about winning the one beaten in the sentence ("Eagles
    beat Chiefs 40-22 to win Super Bowl LIX" for "Did the Chiefs win Super Bowl LIX?")?"""
    if not any(w in WIN_WORDS for g in others for w in g):
        return False
    low = text.lower()
    return any((at := _find(low, w)) >= 0 and beaten(text, at, at + len(w)) for w in subject)


def _with_head(name: list[str]) -> list[str]:
    """"Intuitive Machines' Athena" is Athena: a passage stating the claim may name the
    possessed thing alone ("Athena did not land upright")."""
    heads = [h for w in name if (h := re.split(r"['’]s?\s+", w)[-1]) != w]
    return list(dict.fromkeys([*name, *heads]))


def _sets_scene(question: str, name: list[str], settings: Sequence[str]) -> bool:
    """The question puts ``name`` after a scene-setting word ("on the Moon", "在巴黎")."""
    words = "|".join(re.escape(w.lower()) for w in settings)
    return bool(words) and any(re.search(rf"(?:(?<![a-z])(?:{words})\s+(?:the\s+)?|[在于]){re.escape(n)}", question.lower())
                               for n in name)


def _descriptors(question: str, subject: list[str], others: list[list[str]], texts: dict[int, str]) -> list[list[str]]:
    """Words the question writes right after its subject that the pages also write right
    after it ("Athena lander"): part of how the subject is named, not of the claim, so a
    passage stating the claim need not repeat them ("Athena did not land upright")."""
    pages = "\n".join(texts.values()).lower()
    out = []
    for name in subject:
        follow = re.search(rf"{re.escape(name)}\s+([a-z]+)", question.lower())
        if not follow:
            continue
        word = follow.group(1)
        group = next((g for g in others if g[0] == word), None)
        if group and re.search(rf"(?<![a-z]){re.escape(name)}\s+{re.escape(word)}(?![a-z])", pages):
            out.append(group)
    return out


# what it takes or is tried, not done: "the 270 needed to win", "in a bid to win" (not "beat
# Chiefs 40-22 to win Super Bowl LIX", which tells what the win brought)
_INFINITIVE = re.compile(r"\b(?:needed|needs?|required|requires?|enough|chance|bids?|hopes?|hoping|tr(?:y|ies|ying)|"
                         r"seeks?|seeking|wants?|wanting|aims?|aiming|vying|quest)\s+to\s+$")


def _subject_states(text: str, subject: list[str], others: list[list[str]], policy) -> bool:
    """The question's subject is the named thing the passage puts before the claim's
    predicate (the first of the question's other words it holds; a predicate of the
    policy's first): no other country stands between them. A verb of what it takes or is
    tried says nothing done ("Harris finishes with 226 electoral votes and Trump with 312,
    more than the 270 needed to win")."""
    low = text.lower()
    predicates = [g for g in others if any(w in p for p in policy.shapes.predicates for w in g)] or others
    hits = [i for g in predicates for w in g if (i := _find(low, w)) >= 0 and not _INFINITIVE.search(low, 0, i)]
    if not hits:
        return False
    marks = _option_marks(text, subject, policy.aliases)  # the subject by any of its names ("Athena")
    before = [(start, owner) for start, owner in marks if start < min(hits)]
    # every named thing before the predicate is the subject: "U.S. pips China to top" is the U.S.'s;
    # and not as whose its doer is: "Pierre Poilievre's Conservatives won 144 seats"
    last = max(start for start, _ in before) if before else 0
    name = re.match(r"(?:[\w\-]+\s+){0,3}?[\w\-]+(?=['’]s?\s)", text[last:last + 80])  # "Pierre Poilievre" of "...'s"
    owning = name is not None and is_owner(text, last + name.end(), "")
    return bool(before) and all(owner is not None for _, owner in before) and not owning
