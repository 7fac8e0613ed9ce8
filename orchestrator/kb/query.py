"""A question as a full-text query: its words, OR'ed, each quoted (so nothing in a question
is FTS5 syntax), stop words dropped, each word in both its British and American spelling;
CJK runs as overlapping character pairs (the index stores CJK text one character a token:
orchestrator/kb/index.py). A phrase in quotes ("Washington, DC") is also a phrase to find as
written, as web search engines read it: the documents holding every quoted phrase rank first."""

from __future__ import annotations

import re

from orchestrator.verify.spelling import other_spellings

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”')
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")
MAX_TERMS = 32

# Function words that say nothing about what a document is about (English only: the
# question words and auxiliaries of a question, articles, prepositions, pronouns).
STOP = frozenset("""
a about above after again against all am an and any are as at be been before being below between both but by can
could did do does doing done down during each few for from further had has have having he her here hers him his how
i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own
same she should so some such than that the their theirs them then there these they this those through to too under
until up very was we were what when where which while who whom whose why will with would you your yours
""".split())


def segment_cjk(text: str) -> str:
    """CJK characters spaced apart, one token each; other text unchanged."""
    return _CJK.sub(lambda m: f" {m.group(0)} ", text) if _CJK.search(text) else text


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def match_expression(question: str) -> str | None:
    """The FTS5 MATCH expression for ``question``, or None when it has no searchable word."""
    terms: list[str] = []
    for run in _CJK_RUN.findall(question):
        terms += [f'"{run[i]} {run[i + 1]}"' for i in range(len(run) - 1)] or [f'"{run}"']
    for word in _WORD.findall(_CJK_RUN.sub(" ", question)):
        word = word.lower()
        if word in STOP or (len(word) < 2 and not word.isdigit()):
            continue
        terms += [f'"{w}"' for w in (word, *other_spellings(word))]  # "jewellery" finds "jewelry"
    terms = list(dict.fromkeys(terms))[:MAX_TERMS]
    return " OR ".join(terms) if terms else None


def phrase_expression(query: str, words: str | None = None) -> str | None:
    """The MATCH expression for the documents that hold each of the query's quoted phrases
    (words in order; case, punctuation and word endings aside) and any of its words (``words``:
    its ``match_expression``, when the caller has it), or None when nothing in it is quoted."""
    phrases = []
    for match in _QUOTED.finditer(query):
        tokens = _WORD.findall(segment_cjk(match.group(1) or match.group(2)).lower())
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"')
    words = words or match_expression(query)
    if not phrases or words is None:
        return None
    return f"({words}) AND " + " AND ".join(dict.fromkeys(phrases))
