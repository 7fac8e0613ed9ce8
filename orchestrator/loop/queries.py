"""Follow-up queries for another search round, built from the question and what the rounds
so far read, without the model: the question's keywords without filler, the time window, the
policy's synonyms, then the names the best passages add and the values in contention. Each
query is one the run has not sent yet."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from orchestrator.state import Evidence, Findings, Intent
from orchestrator.verify.passages import rank_passages, split_passages
from orchestrator.verify.question import CJK, contains, is_cjk, keywords

# Words of any script: "médailles", "Узбекистан", "مصر" (the stop words are English ones);
# Japanese in its runs of kanji, katakana (パリ) and hiragana (particles and endings: filler).
_HIRAGANA = "\u3040-\u309f"
_TOKEN = re.compile(rf"[{CJK}]+|[\u30a0-\u30ff]+|[{_HIRAGANA}]+|(?:[A-Z]\.){{2,}}|[^\W\d_{CJK}\u3040-\u30ff][\w'’\-]*"
                    r"|\d+(?:[.,]\d+)*")
# What a Chinese question asks with, not what it is about (search engines match the rest).
_CJK_FILLER = re.compile(r"是多少|有多少|多少|是什么|什么|哪一个|哪个|哪些|哪里|哪|是谁|谁|几|吗|呢|请问")
_NAME = re.compile(r"\b[A-Z][\w'’\-]+(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'’\-]+)*")
_MONTHS = ("January February March April May June July August September October November December").split()
# Dates a passage writes capitalised are no names to search for ("Friday", "Oct").
_CALENDAR = {w.lower()[:n] for w in [*_MONTHS, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                     "Sunday"] for n in (3, len(w))}
_PASSAGES = 5  # the best passages whose names a follow-up adds
_NAMES = 2  # names per query


def plain_keywords(question: str) -> list[str]:
    """The question's words without filler, as written (case kept): English words that are no
    stop word, words of other languages (whole: "terminé", "Узбекистан"), numbers, Chinese runs
    without their question words."""
    kept = set(keywords(question))
    words: list[str] = []
    for token in _TOKEN.findall(question):
        if is_cjk(token):
            words += [part for part in _CJK_FILLER.split(token) if part]
        elif (token.lower().strip("'’-") in kept or token[0].isdigit() or token.count(".") > 1  # U.S. is a name
              or (len(token) > 1 and any(c.isalpha() and not c.isascii() for c in token)
                  and not re.fullmatch(f"[{_HIRAGANA}]+", token))):
            words.append(token)
    return list(dict.fromkeys(words))


def time_words(question: str, intent: Intent, now: datetime, window_days: float | None) -> str:
    """The question's time window in words a page would use: its year, or for news with a
    short window the month it is asked in ("August 2024", "2024年8月")."""
    if intent.year:
        return "" if str(intent.year) in question else str(intent.year)
    if window_days is None or window_days > 62:
        return "" if str(now.year) in question else str(now.year)
    return f"{now.year}年{now.month}月" if is_cjk(question) else f"{_MONTHS[now.month - 1]} {now.year}"


def synonym_swap(question: str, aliases: Sequence[Sequence[str]]) -> str:
    """The question with each phrase a policy alias group holds replaced by the group's next
    phrase in the same script ("U.S." -> "USA"), or "" when the policy knows none of them."""
    swapped = question
    for group in aliases:
        found = next((w for w in sorted(group, key=len, reverse=True) if contains(swapped.lower(), w.lower())), None)
        other = next((w for w in group if found and is_cjk(w) == is_cjk(found)  # another word, not a plural of it
                      and w.lower() not in found.lower() and found.lower() not in w.lower()), None)
        if found and other:
            swapped = re.sub(re.escape(found), other, swapped, count=1, flags=re.I)
    return swapped if swapped != question else ""


def passage_names(question: str, intent: Intent, evidence: Sequence[Evidence]) -> list[str]:
    """Names the best passages read so far use beside the question's own (the event's full
    name, the people and places involved), most frequent first."""
    passages = [p for i, e in enumerate(evidence) if e.ok for p in split_passages(e.text, i)]
    best = [p for p in rank_passages(intent.terms, passages, top=_PASSAGES) if p.score > 0]
    low, asked = question.lower(), set(keywords(question))
    counted = Counter(m.group(0).strip() for p in best for m in _NAME.finditer(p.text))
    # A sentence's capitalised first word ("The", "According") is no name: nothing of it is a keyword.
    return [name for name, _ in counted.most_common()
            if not contains(low, name.lower()) and (own := keywords(name)) and not set(own) <= asked
            and name.split()[0].lower().rstrip(".") not in _CALENDAR]


def contested_values(findings: Findings | None) -> list[str]:
    """The values a conflict (or a lone source) gave: a query naming one finds the pages
    that confirm or deny it."""
    if findings is None or findings.verdict == "answered":
        return []
    return [c.display for c in findings.candidates[:2] if c.display]


def followup_queries(question: str, intent: Intent, aliases: Sequence[Sequence[str]], evidence: Sequence[Evidence],
                     findings: Findings | None, sent: Sequence[str], now: datetime, window_days: float | None,
                     limit: int = 3, choices: Sequence[str] = ()) -> list[str]:
    """Up to ``limit`` queries, none sent before (compared without case or spacing), in the
    order they are worth trying. With closed ``choices``, the question's keywords with each
    choice in quotes come right after the keywords alone: the pages that state a choice as
    written are found first (orchestrator/kb/query.py; web search engines read quotes alike)."""
    words = plain_keywords(question)
    when = time_words(question, intent, now, window_days)
    names = passage_names(question, intent, evidence)
    values = contested_values(findings)

    def query(*parts: object) -> str:  # the words in order, each once whatever its case
        kept: dict[str, str] = {}
        for part in parts:
            for word in part if isinstance(part, list) else [part]:
                if word:
                    kept.setdefault(str(word).lower(), str(word))
        return " ".join(kept.values())

    swapped = synonym_swap(question, aliases)
    options = [query(words, when), *(query(words, quoted(choice)) for choice in choices)]
    options += [query(plain_keywords(swapped), when) if swapped else ""]
    options += [query(words, names[i:i + _NAMES], when) for i in range(0, min(len(names), 3 * _NAMES), _NAMES)]
    options += [query(words, value) for value in values]
    done = {_norm(q) for q in sent}
    fresh = []
    for option in options:
        if option and _norm(option) not in done:
            done.add(_norm(option))
            fresh.append(option)
    return fresh[:limit]


def quoted(phrase: str) -> str:
    """``phrase`` as one to find as written: in quotes, without quotes of its own
    ('the "Mona Lisa"' -> '"the Mona Lisa"')."""
    bare = re.sub(r'["“”]', "", phrase).strip()
    return f'"{bare}"' if bare else ""


def _norm(query: str) -> str:
    return " ".join(query.lower().split())
