"""Question shapes beyond one value: yes/no claims, "A or B" comparisons, superlatives over
what the pages state for each named thing, and "how many times" whose honest answer is
zero. Each is found as ordinary candidates (``Found``), one per passage or per source, so
the same agreement, freshness and independence rules settle it as any value.

- yes/no: a passage that states the question's claim (its names, numbers and content words,
  the predicate in any of its forms) supports "yes", or "no" when a negation stands in the
  claim's clause; a claim with a number ("Did the U.S. win 39 golds?") is checked against
  the number the pages give; "Did A win more X than B?" is the comparison of A and B.
- comparison: the numbers of the question's measure bound to each option (the last named
  thing before a number owns it, "China finished second with 40 gold"); a source stating
  both options' numbers supports the larger (or smaller), or "tie" when they are level.
  Without numbers, the option a passage stating the predicate names ("Spain won Euro 2024").
Superlatives over the same numbers are superlatives.py; "how many times" answered 0 is
never.py; yes/no claims are yes_no.py.

Words are the policy's (``shapes:``); the question patterns below are how questions ask.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.verify.alignment import beaten
from orchestrator.verify.candidates import Found
from orchestrator.verify.claim import MAX_SPAN, Claim
from orchestrator.verify.date_parts import is_date_part
from orchestrator.verify.entities import countries_in, country_of
from orchestrator.verify.measures import TOTAL, answers_measure, bound_measure, question_measure
from orchestrator.verify.numbers import NumberMention, find_numbers, same_number
from orchestrator.verify.passages import Passage, on_row_line
from orchestrator.verify.question import contains, is_cjk, keywords, question_terms
from orchestrator.verify.tables import table_claims

YES, NO, TIE, ZERO = "yes", "no", "tie", "0"
CLAIM_COVERAGE = 0.75  # share of the question's other content words a passage stating its claim holds

_AUX = r"(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|shall|may|might|must)"
YES_NO = re.compile(rf"^\s*{_AUX}(?:n['’]t)?\s+\w|吗\s*[？?]?\s*$|是否|有没有|是不是|有无", re.I)
_NOT_OPTION = rf"(?!\s*(?:{_AUX}|what|which|who|how|when|where|why)\b)"  # "In 2024, did it rise or fall?"
# "Did A or B ...": the "or" joins two names; in "Did Karikó win the Nobel Prize in Physiology
# or Medicine?" it joins the words of a name a preposition opens, and offers no options
_IN_A_NAME = r"(?<!\bin\s)(?<!\bof\s)(?<!\bfor\s)(?<!\band\s)"
COMPARISON = re.compile(rf"[,，:：]{_NOT_OPTION}\s*(?:the\s+)?[^,，:：?？]+?\s+or\s+(?:the\s+)?[^,，?？]+[?？]?\s*$"
                        rf"|^\s*{_AUX}\s+[^?]{{0,80}}?{_IN_A_NAME}\b(?-i:[A-Z])[\w'’.\-]*\s+or\s+(?:the\s+)?(?-i:[A-Z])"
                        rf"|还是", re.I)
SUPERLATIVE = re.compile(r"\b(most|fewest|least|highest|lowest|largest|smallest|biggest|best|worst|top)\b"
                         r"|最多|最少|最高|最低|最大|最小|最好|最佳", re.I)
TIMES = re.compile(r"\bhow many times\b|\bhow often\b|几次|多少次", re.I)
_THAN = re.compile(r"\bthan\s+(?:the\s+)?(?P<other>[A-Z][\w'’.\-]*(?:\s+(?:of\s+)?[A-Z][\w'’.\-]*)*)")
_CAPITALISED = re.compile(r"(?:the\s+)?([A-Z][\w'’.\-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’.\-]*)*)")
_CLAUSE = re.compile(r"[,，;；:：。.!！?？]\s|[，；：。！？]")
_WHO = re.compile(r"^\s*who\b|谁|哪位", re.I)  # options that are people: named by surname too
_SKIP_UNITS = {"年", "月", "日", "号", "时", "分", "岁"}


def _strip_the(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.strip(" ,，.?？"), flags=re.I).strip()


def comparison_options(question: str, aliases: Sequence[Sequence[str]] = ()) -> tuple[str, str] | None:
    """The two options of "Which ..., A or B?", "Did A or B ...?", "A还是B...?", or of a
    yes/no comparison "Did A ... more ... than B?" (A first); None if there are not two."""
    q = question.strip()
    tail = re.search(rf"[,，:：]{_NOT_OPTION}\s*([^,，:：?？]+?)\s+or\s+([^,，?？]+?)\s*[?？]?\s*$", q, re.I)
    if tail:
        return _strip_the(tail.group(1)), _strip_the(tail.group(2))
    lead = re.match(rf"^\s*{_AUX}\s+([^?]{{1,80}}?)\s+or\s+(.+)$", q, re.I) if COMPARISON.search(q) else None
    if lead:
        right = _CAPITALISED.match(lead.group(2).strip())
        if right:
            return _country_first(_strip_the(lead.group(1)), last=True), _country_first(_strip_the(right.group(1)))
    if "还是" in q:
        before, after = q.split("还是", 1)
        a, b = _last_name(before, aliases), _first_name(after, aliases)
        if a and b:
            return a, b
    than, aux = _THAN.search(q), re.match(rf"^\s*{_AUX}\s+", q, re.I)
    if than and aux:
        subject = _CAPITALISED.search(q[aux.end():than.start()])
        if subject:
            return _strip_the(subject.group(1)), _strip_the(than.group("other"))
    if "比" in q and YES_NO.search(q):
        before, after = q.split("比", 1)
        a, b = _first_name(before, aliases, anywhere=True), _first_name(after, aliases)
        if a and b:
            return a, b
    return None


def _country_first(option: str, last: bool = False) -> str:
    """The country an option's words begin (or with ``last``, end) with, as written: a gloss
    keeps its language's word order, so "did won China or USA most gold medals Paris 2024?"
    (Swedish) runs other words into the options. An option naming no country is kept whole."""
    words = option.split()
    spans = [words[i:] for i in range(len(words))] if last else [words[:i] for i in range(len(words), 0, -1)]
    return next((" ".join(span) for span in spans if country_of(" ".join(span))), option)


def _names_at(text: str, aliases: Sequence[Sequence[str]]) -> list[tuple[int, int, str]]:
    """(start, end, name) of the countries and alias words with a capitalised form that
    ``text`` (Chinese) names."""
    found = []
    for group in aliases:
        if not any(w[:1].isupper() for w in group):
            continue
        for word in group:
            for m in re.finditer(re.escape(word), text):
                found.append((m.start(), m.end(), word))
    return sorted(found)


def _last_name(text: str, aliases: Sequence[Sequence[str]]) -> str | None:
    names = [n for n in _names_at(text, aliases) if not text[n[1]:].strip(" 的")] or _names_at(text, aliases)
    return names[-1][2] if names else None


def _first_name(text: str, aliases: Sequence[Sequence[str]], anywhere: bool = False) -> str | None:
    names = _names_at(text, aliases)
    if not names or (not anywhere and names[0][0] > 2):
        return None
    return names[0][2]


def direction(question: str, more: Sequence[str], fewer: Sequence[str]) -> str | None:
    """"max" or "min": which end the question asks for; None when it names neither."""
    low = question.lower()

    def hit(words: Sequence[str]) -> int:
        return max((len(w) for w in words if contains(low, w.lower())), default=0)

    up, down = hit(more), hit(fewer)
    if not up and not down:
        return None
    return "max" if up >= down else "min"


# --- who owns a number ------------------------------------------------------------------


def _option_marks(text: str, options: Sequence[str], aliases: Sequence[Sequence[str]],
                  people: bool = False) -> list[tuple[int, str | None]]:
    """(position, owner) of every named thing in ``text``: an option (by its words, its alias
    group's words or its country; a person also by surname), or None for another country
    (which ends an option's reach)."""
    low = text.lower()
    option_codes = {i: {code for _, code in countries_in(o, aliases)} for i, o in enumerate(options)}
    marks: list[tuple[int, str | None]] = []
    for start, code in countries_in(text, aliases):
        owner = next((options[i] for i, codes in option_codes.items() if code in codes), None)
        marks.append((start, owner))
    for i, option in enumerate(options):
        if option_codes[i]:
            continue
        for word in _forms(option, aliases, people):
            for m in re.finditer(re.escape(word.lower()) if is_cjk(word) else rf"(?<!\w){re.escape(word.lower())}(?!\w)", low):
                marks.append((m.start(), option))
    return sorted(marks, key=lambda m: m[0])


def _forms(option: str, aliases: Sequence[Sequence[str]], people: bool = False) -> list[str]:
    """The words that name ``option``: its alias group, or itself; a person (the question asks
    who) is also named by surname alone, as reports do after the first mention ("Trump")."""
    low = option.lower()
    for group in aliases:
        if low in (w.lower() for w in group):
            return list(group)
    words = option.split()
    if people and len(words) >= 2 and all(re.match(r"[A-Z][a-z]", w) for w in words):
        return [option, words[-1]]
    return [option]


def asks_person(question: str) -> bool:
    return bool(_WHO.search(question))


def _country_marks(text: str, aliases: Sequence[Sequence[str]]) -> list[tuple[int, str | None]]:
    return [(start, code) for start, code in countries_in(text, aliases)]


def _counts(text: str, asked: str | None, measures, metric_words: Sequence[str],
            skip: set[float]) -> list[tuple[NumberMention, bool]]:
    """The numbers in ``text`` that are counts of the asked measure (never a date part, an
    ordinal or a number the question itself states), each with whether its measure word is
    elided: "312 electoral votes to Harris's 226" (a bare number after one of the asked
    measure, followed by no noun of its own)."""
    mentions = find_numbers(text)
    out: list[tuple[NumberMention, bool]] = []
    for m in mentions:
        if m.ordinal or m.unit in _SKIP_UNITS or m.value in skip or is_date_part(text, m):
            continue
        if _TOP_N.search(text, 0, m.start):
            continue  # "rounding out the top seven": a stretch of places, no count
        if on_row_line(text, m.start):
            continue
        bound = bound_measure(text, m, mentions, measures)
        elided = (asked not in (None, TOTAL) and bound is None and any(not e for _, e in out)
                  and not keywords(_next_word(text, m.end)))
        if asked is not None and not (answers_measure(asked, bound) or elided):
            continue
        if asked is None and not any(contains(text[m.end:m.end + 16].lower(), w) for w in metric_words):
            continue
        out.append((m, elided))
    return out


_TOP_N = re.compile(r"\b(?:top|first|last|final|bottom)\s+$", re.I)


def _next_word(text: str, end: int) -> str:
    word = re.match(r"\s*([^\W\d_]+)", text[end:])
    return word.group(1) if word else ""


def claims(passages: Sequence[Passage], marks_of, asked: str | None, measures, metric_words: Sequence[str],
           skip: set[float]) -> list[Claim]:
    """Every (owner, number) the passages state: a number belongs to the last named thing
    before it in its passage (``marks_of(text)`` gives them); a number after another
    country's name, or before any name, belongs to no one asked about. A number whose measure
    is elided belongs to another thing than the number it follows ("to Harris's 226")."""
    out: list[Claim] = []
    for passage in passages:
        marks = marks_of(passage.text)
        seen: set[str] = set()
        for m, elided in _counts(passage.text, asked, measures, metric_words, skip):
            before = [owner for start, owner in marks if start < m.start]
            if elided and (not seen or not before or before[-1] in seen):
                continue
            if before and before[-1] is not None and before[-1] not in seen:
                seen.add(before[-1])  # the first number a passage gives a thing is its claim
                out.append(Claim(before[-1], m.value, passage))
    return out


def _span(evidence_text: str, passages: Sequence[Passage]) -> Passage | None:
    """One quote holding every passage (a literal slice of the page), if short enough."""
    start = min(p.start for p in passages)
    end = max(p.start + len(p.text) for p in passages)
    if end - start > MAX_SPAN:
        return None
    return Passage(passages[0].source, evidence_text[start:end], start, min(p.score for p in passages))


def _per_source(found: list[Claim]) -> dict[int, dict[str, Claim]]:
    """Each source's claim for each owner: the one from its best-matching passage."""
    out: dict[int, dict[str, Claim]] = {}
    for c in sorted(found, key=lambda c: -c.passage.score):
        out.setdefault(c.passage.source, {}).setdefault(c.owner, c)
    return out


def _top(values: dict[str, Claim], way: str) -> list[str]:
    best = (max if way == "max" else min)(c.value for c in values.values())
    return [o for o, c in values.items() if same_number(c.value, best)]


# --- comparison ---------------------------------------------------------------------------


def comparison_candidates(passages: list[Passage], texts: dict[int, str], question: str, options: tuple[str, str],
                          policy) -> list[Found]:
    """Per source stating a number of the asked measure for both options: the option with
    the larger (or, asked so, smaller) number, or "tie". Without such numbers anywhere:
    the option named by passages stating the question's predicate."""
    way = direction(question, policy.shapes.more, policy.shapes.fewer)
    if way:
        asked = question_measure(question, policy.measures)
        metric = _metric_words(question, options, policy)
        skip = {m.value for m in find_numbers(question)}
        people = asks_person(question)
        found = claims(passages, lambda t: _option_marks(t, options, policy.aliases, people), asked, policy.measures,
                       metric, skip)
        codes = {code: o for o in options for _, code in countries_in(o, policy.aliases)[:1]}  # tables name countries
        found += [Claim(codes[c.owner], c.value, c.passage) for c in table_claims(texts, policy.aliases, asked,
                                                                                  policy.measures) if c.owner in codes]
        out = []
        for source, values in _per_source(found).items():
            if len(values) < 2:
                continue
            span = _span(texts[source], [c.passage for c in values.values()])
            if span is None:
                continue
            top = _top(values, way)
            value = TIE if len(top) > 1 else top[0]
            out.append(Found(value, value, span, span.score))
        return out  # "more"/"fewer" asks for numbers: a sentence naming one option says nothing of it
    return predicate_candidates(passages, question, options, policy)


def _metric_words(question: str, options: Sequence[str], policy) -> list[str]:
    named = {w.lower() for o in options for w in _forms(o, policy.aliases, asks_person(question))}
    return [w for w in keywords(question) if w not in named and not w.isdigit()]


def predicate_candidates(passages: list[Passage], question: str, options: Sequence[str], policy) -> list[Found]:
    """The option a passage stating the question's other words names (the one named
    before the predicate when it names both); none where the claim is negated."""
    people = asks_person(question)
    option_words = {w.lower() for o in options for w in _forms(o, policy.aliases, people)} | {o.lower() for o in options}
    others = [g for g in _terms(question, policy) if not any(w in option_words for w in g)
              and not any(d.lower() in g for d in (*policy.shapes.more, *policy.shapes.fewer))]
    out = []
    for passage in passages:
        low = passage.text.lower()
        if not others or _coverage(others, low) < CLAIM_COVERAGE or _negated(low, others, policy):
            continue
        marks = [m for m in _option_marks(passage.text, options, policy.aliases, people) if m[1] is not None]
        if not marks:
            continue
        first_term = min((_find(low, w) for g in others for w in g if _find(low, w) >= 0), default=len(low))
        # "Eagles rout Chiefs 40-22 to win": the one a verb of beating names before the predicate lost
        before = [o for start, o in marks if start < first_term and not beaten(passage.text, start, start)]
        named = {o for _, o in marks}
        pick = before[-1] if before else (next(iter(named)) if len(named) == 1 else None)
        if pick is not None:
            out.append(Found(pick, pick, passage, passage.score))
    return out


# --- yes/no -------------------------------------------------------------------------------


def _terms(question: str, policy) -> list[list[str]]:
    body = re.sub(rf"^\s*{_AUX}(?:n['’]t)?\s+", "", question, flags=re.I)
    body = re.sub(r"吗\s*[？?]?\s*$|是否|是不是|有没有", " ", body)
    return [g for g in question_terms(body, [*policy.aliases, *policy.shapes.predicates])
            if not any(w in ("still", "ever", "already", "yet", "really", "actually") for w in g)]


def _find(low: str, word: str) -> int:
    if is_cjk(word):
        return low.find(word)
    m = re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", low)
    return m.start() if m else -1


def _coverage(groups: list[list[str]], low: str) -> float:
    return sum(any(_find(low, w) >= 0 for w in g) for g in groups) / len(groups) if groups else 0.0


def _negated(low: str, groups: list[list[str]], policy, question: str = "",
             claim: list[list[str]] | None = None) -> bool:
    """A negation in a clause that holds one of the claim's words ("did not win", "未能夺得"),
    unless what it denies is a word the ``question`` does not ask about, written right after
    each of the ``claim``'s words (the groups that are no name): "Athena did not land upright"
    says it landed; "did not finish first" that it finished."""
    for clause in _CLAUSE.split(low):
        if not any(_find(clause, w) >= 0 for g in groups for w in g):
            continue
        if any(re.search(rf"(?<![a-z0-9])non-{re.escape(w)}(?![a-z0-9])", clause) for g in (claim or groups) for w in g
               if not is_cjk(w)):
            return True  # "a new class of non-opioid analgesics": no opioid, whatever it qualifies
        negations = [at for n in policy.shapes.negations if (at := _find(clause, n.lower())) >= 0]
        if not negations:
            continue
        # "Athena did not land upright, and the company ended the mission": the negation
        # denies a claim word written after it in its clause, or none of the claim
        denied = clause[min(negations):]
        if not any(_find(denied, w) >= 0 for g in (claim or groups) for w in g):
            continue
        if not (question and _denies_a_qualifier(clause, min(negations), claim or groups, question)):
            return True
    return False


_NEXT_WORD = re.compile(r"\s+([a-z][a-z'’\-]*)")


def _denies_a_qualifier(clause: str, negation: int, groups: list[list[str]], question: str) -> bool:
    """Is every claim word after the ``negation`` in ``clause`` followed by a content word the
    question does not hold?"""
    asked = set(keywords(question))
    following = []
    for word in (w for g in groups for w in g if not is_cjk(w)):
        at = _find(clause[negation:], word)
        if at >= 0:
            after = _NEXT_WORD.match(clause, negation + at + len(word))
            following.append(after.group(1) if after else "")
    return bool(following) and all(keywords(w) and w not in asked for w in following)
