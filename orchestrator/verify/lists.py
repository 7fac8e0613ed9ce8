"""Short lists: "name three countries that ...", "which three countries won the most gold
medals", "列举三个...", "哪些...". Each item is a candidate of its own, weighed like any value;
the answer is the best-supported items that each stand by the policy's rules (two
independent sources, or one it trusts alone), as many as asked, each with its citation.
Fewer verified items than asked is an abstention, never a padded list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from orchestrator.state import Candidate, Evidence, Support
from orchestrator.verify.agreement import decide, is_current
from orchestrator.verify.candidates import Found, name_candidates
from orchestrator.verify.entities import countries_in, country_name, is_place
from orchestrator.verify.measures import question_measure
from orchestrator.verify.name_words import organisational
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.passages import Passage
from orchestrator.verify.question import CJK, keywords
from orchestrator.verify.shapes import (
    CLAIM_COVERAGE,
    SUPERLATIVE,
    _coverage,
    _negated,
    _per_source,
    _terms,
    claims,
    direction,
)
from orchestrator.verify.tables import table_claims

_PEOPLE = re.compile(r"\b(?:who|whom)\b|哪[两二三四五六七八九十\d]*位|谁", re.I)  # items that are people
_YEAR = re.compile(r"(?:19|20)\d\d")
MAX_ITEMS = 10  # "哪些" / "which countries" without a count: at most this many
_COUNT = r"(two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|[两二三四五六七八九十])"
LIST = re.compile(rf"^\s*(?:name|list|give(?: me)?)\s+(?:the\s+)?(?:top\s+)?{_COUNT}\b|"
                  rf"\b(?:which|what)\s+(?:are\s+the\s+)?(?:top\s+)?{_COUNT}\s+\w|"
                  rf"(?:列举|列出|说出)(?:{_COUNT}[个位项])?|哪{_COUNT}[个位项国支家]|哪些", re.I)
_COUNTRIES = re.compile(r"\b(countries|nations|country|nation)\b|国家|哪些国|哪[两二三四五六七八九十\d]+国", re.I)
# "the two scientists", "which two", "哪两位": the set the question names is the whole set, not a pick
_DEFINITE = re.compile(rf"\b(?:the|which|what)\s+(?:top\s+)?{_COUNT}\s+\w|哪{_COUNT}[个位项国支家]", re.I)
_WORDS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def list_count(question: str) -> int | None:
    """How many items the question asks for; None when it does not say ("哪些", "list the ...")."""
    match = LIST.search(question)
    if not match:
        return None
    word = next((g for g in match.groups() if g), None)
    if word is None:
        return None
    if word.lower() in _WORDS:
        return _WORDS[word.lower()]
    numbers = find_numbers(word)
    return int(numbers[0].value) if numbers else None


def list_candidates(passages: list[Passage], texts: dict[int, str], question: str, policy, language: str) -> list[Found]:
    """Items of the kind asked: countries when it asks for countries (ranked by the asked
    measure when it asks for the most or least of one), else the names passages give."""
    asked = question_measure(question, policy.measures)
    way = direction(question, policy.shapes.more, policy.shapes.fewer) if SUPERLATIVE.search(question) else None
    if asked and way and _COUNTRIES.search(question):
        return _top_items(passages, texts, question, policy, language, asked, way)
    passages = stating(passages, question, policy)
    if not _COUNTRIES.search(question):
        names = name_candidates(passages[:12], question)
        if not _PEOPLE.search(question):
            return names
        # people ("three scientists who ...", "哪三位"): a person's name ends before "of" (John
        # Jumper of Google DeepMind), is one with or without a middle initial (John M. Jumper),
        # and an institution (University of Washington) is none
        people = [replace(f, value=re.sub(r" [A-Z]\.(?= )", "", v), display=v) for f in names
                  if (v := f.value.split(" of ")[0]) and " " in v]
        return [f for f in people if not (is_place(f.value, policy.aliases) or organisational(f.value))]
    asked_codes = {code for _, code in countries_in(question, policy.aliases)}
    found = []
    for passage in passages:
        for code in dict.fromkeys(code for _, code in countries_in(passage.text, policy.aliases)):
            if code not in asked_codes:
                found.append(Found(country_name(code, "en"), country_name(code, language), passage, passage.score))
    return found


def item_kind(question: str) -> list[str]:
    """The words naming the kind of item asked for, the noun after the count ("three
    scientists", "哪三位科学家"): a passage names the items, not their kind."""
    match = LIST.search(question)
    if not match:
        return []
    rest = question[match.start():]
    # English: the word after the count; Chinese only after 哪N位 / 哪N个, where a noun must follow
    word = re.search(rf"{_COUNT}\s+([A-Za-z]+)|^哪{_COUNT}[个位项支家名]([{CJK}]{{1,3}})", rest, re.I)
    return keywords(word.group(2) or word.group(4)) if word else []


def stating(passages: list[Passage], question: str, policy) -> list[Passage]:
    """Passages that state what the items are asked for: most of the question's content
    words (beyond the count and the kind of item), none of them negated. The year counts
    where a passage states it and is not missed where it leans on its page's date."""
    kinds = {"countries", "country", "nations", "nation", "国家", *item_kind(question)}
    terms = [g for g in _terms(LIST.sub(" ", question), policy) if not any(w in kinds or w in _WORDS for w in g)]
    years = [g for g in terms if _YEAR.fullmatch(g[0])]
    groups = [g for g in terms if not any(w.isdigit() for w in g)]
    out = []
    for p in passages:
        low = p.text.lower()
        claim = groups + [g for g in years if _coverage([g], low)]
        if _coverage(claim, low) >= CLAIM_COVERAGE and not _negated(low, groups, policy):
            out.append(p)
    return out


def _top_items(passages, texts, question, policy, language, asked, way) -> list[Found]:
    """Per source giving the measure for more countries than asked: its top ``count``."""
    count = list_count(question) or 3
    skip = {m.value for m in find_numbers(question)}
    found = claims(passages, lambda t: countries_in(t, policy.aliases), asked, policy.measures, [], skip)
    found += table_claims(texts, policy.aliases, asked, policy.measures)
    out = []
    for values in _per_source(found).values():
        if len(values) <= count:
            continue
        ranked = sorted(values.values(), key=lambda c: -c.value if way == "max" else c.value)
        cut = ranked[count - 1].value
        if len(ranked) > count and ranked[count].value == cut:
            continue  # a tie at the cut: this source does not say which ones are the top
        for claim in ranked[:count]:
            out.append(Found(country_name(claim.owner, "en"), country_name(claim.owner, language), claim.passage,
                             claim.passage.score))
    return out


def settle_list(candidates: Sequence[Candidate], evidence: list[Evidence], policy,
                question: str) -> tuple[str, Candidate | None, str]:
    """The best-supported items that each stand by the policy's rules, as many as asked,
    joined into one answer whose supports are each item's best current quote."""
    count = list_count(question)
    standing = [c for c in candidates if c.score > 0 and decide([c], evidence, policy)[0] == "answered"]
    wanted = count or min(len(standing), MAX_ITEMS)
    if not standing or len(standing) < wanted:
        names = ", ".join(repr(c.display) for c in standing) or "none"
        return "abstained", None, f"the sources verify {len(standing)} of the {wanted or 'asked'} items ({names})"
    if count and len(standing) > count and _DEFINITE.search(question):
        # "the two scientists who shared it" where the sources verify three: the question's
        # count is wrong or the sources disagree on the set; any two of them would be a guess
        names = ", ".join(repr(c.display) for c in standing)
        return "abstained", None, f"the sources verify {len(standing)} items where the question names {count} ({names})"
    items = standing[:wanted]
    supports: list[Support] = []
    for item in items:
        best = next(s for s in item.supports if is_current(s))
        if not any(s.source == best.source and s.quote == best.quote for s in supports):
            supports.append(best)
    joined = Candidate(value=", ".join(c.value for c in items), display=", ".join(c.display for c in items),
                       kind="list", supports=supports, score=round(sum(c.score for c in items), 4))
    return "answered", joined, f"{len(items)} items, each stated by enough independent sources"
