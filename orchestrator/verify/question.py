"""Question analysis: the question's content words, its terms (alias groups from the
policy) and the things it names; and the word matching the passage ranking shares."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from orchestrator.verify.entities import people_words
from orchestrator.verify.spelling import other_spellings, with_spellings

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# a word of letters in any alphabet ("Nestlé", "Bărbosu", "Москва"; kana and hangul, which run
# on into particles, aside); an ordinal is one word ("82nd", as pages and the index write it)
_LETTER = r"[^\W\d_\u3040-\u30ff\uac00-\ud7af]"
_WORD = re.compile(rf"[{CJK}]+|{_LETTER}(?:{_LETTER}|['’\-])*|\d+(?:st|nd|rd|th)\b|\d+(?:[.,]\d+)*", re.I)
_STOP = set("""a an the of in on at to for by with from and or is are was were be been being do does did has have had
how many much what which who whom whose when where why will would can could should this that these those it its
as about into than then there their they them he she his her we our you your i me my not no yes if so but
number amount 's""".split())
_CJK_STOP = set("的了是在和与及年月日数多少几个什么哪谁吗呢么上")
# how a Chinese question asks, not what about: "多少枚", "几个", "一共" (the measure's words say "in
# total"); a run is cut there, so "一共获得多少枚奖牌" keeps 获得 and 奖牌, not "得多" or "少枚"
_CJK_ASKING = re.compile("多少[枚个名位项次块人件条张届]?|几[枚个名位项次块人件条张届]|一共|总共")


def is_cjk(text: str) -> bool:
    return bool(re.search(f"[{CJK}]", text))


def keywords(text: str) -> list[str]:
    """Content words: lower-cased Latin words without stop words, and CJK bigrams."""
    out: list[str] = []
    for token in _WORD.findall(_CJK_ASKING.sub(" ", text)):
        if re.match(f"[{CJK}]", token):
            chars = [c for c in token]
            grams = ["".join(chars[i:i + 2]) for i in range(len(chars) - 1)] or chars
            out.extend(g for g in grams if not all(c in _CJK_STOP for c in g))
        else:
            word = token.lower().strip("'’-")
            if word and word not in _STOP and len(word) > 1:
                out.append(word)
    return list(dict.fromkeys(out))


def word_stem(word: str) -> str:
    """A word's first five letters, lower-cased, which most of its forms share ("tariffs" and
    "tariff", "drinking" and "drink", "nominations" and "nominated"): how the rules match a
    word whatever its ending."""
    return word[:5].lower()


def only_function_words(words: Sequence[str]) -> bool:
    """Are all ``words`` function words ("These", "What If")? They name nothing."""
    return all(w.lower() in _STOP for w in words)


_RUN_ON = re.compile("[\u3040-\u30ff\uac00-\ud7af]")  # kana, hangul: "パリ2024", "한국은"


def contains(low_text: str, term: str) -> bool:
    """Is ``term`` in the lower-cased text: as a substring for CJK (kana and hangul too, which
    run on into digits and particles), as whole words otherwise."""
    return contains_any(low_text, (term,))


def contains_any(low_text: str, terms: Sequence[str]) -> bool:
    """Is any of ``terms`` in the lower-cased text, as ``contains`` reads each: the whole-word
    ones in one pattern (a term group in all its forms is matched in one pass over the text)."""
    words, substrings = _group_patterns(tuple(terms))
    return (words is not None and words.search(low_text) is not None) or any(t in low_text for t in substrings)


def _substring_only(term: str) -> bool:
    return is_cjk(term) or not term[:1].isalnum() or _RUN_ON.search(term) is not None


def unaccented(char: str) -> str:
    """The character without its accents, one for one ("é" -> "e"); one that decomposes into
    more than a letter and marks (hangul, kana) stays as it is."""
    parts = unicodedata.normalize("NFD", char)
    return parts[0] if len(parts) > 1 and all(unicodedata.combining(p) for p in parts[1:]) else char


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """Each lower-case Latin letter's forms with a diacritic: "e" -> "èéêë...", "u" -> "ùúûü..."."""
    table: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unaccented(char)
        if char.islower() and base.isascii() and base != char:
            table[base] = table.get(base, "") + char
    return table


def _word_pattern(term: str) -> str:
    """``term`` as a pattern matching it with or without its letters' accents ("Nestle" finds
    "Nestlé", "Zürich" finds "Zurich", as people type them) and with either apostrophe
    (pages and questions write "O'Donnell" and "O’Donnell", "McDonald’s")."""
    accented = _accented()
    out = []
    for char in term:
        base = unaccented(char)
        if char in "'’":
            out.append("['’]")
        elif base in accented:
            out.append(f"[{base}{accented[base]}]")
        else:
            out.append(re.escape(char))
    return "".join(out)


_LATIN_LETTER = r"a-z0-9\u00c0-\u024f"  # what a whole word may not run on into: "nestl" is no word of "nestlé"


@lru_cache(maxsize=4096)
def _group_patterns(terms: tuple[str, ...]) -> tuple[re.Pattern | None, tuple[str, ...]]:
    """One whole-word pattern for the terms that are words, and the terms read as substrings."""
    whole = sorted((t for t in terms if not _substring_only(t)), key=len, reverse=True)
    substrings = tuple(t for t in terms if _substring_only(t))
    if not whole:
        return None, substrings
    alternation = "|".join(_word_pattern(t) for t in whole)
    return re.compile(rf"(?<![{_LATIN_LETTER}])(?:{alternation})(?![{_LATIN_LETTER}])"), substrings


# "did the US win", "the US's golds": the country as the subject, written in capitals; read
# lower-cased like every term, it would be the word "us" (the policy's aliases write it
# "U.S."). Not where it names a kind ("Which US retailer", "the US government"), is part of
# a name ("the US Open") or sets the scene ("banned in the US?"): there the pages need not
# say "U.S." at all.
_US = re.compile(r"(?<![\w.])US(?=['’]s\b|\s+(?:win|wins|won|get|gets|got|take|takes|took|finish|"
                 r"finished|earn|earned|claim|claimed|have|has|had|rank|ranked|come|came|end|ended)\b)")


def us_spelled(question: str) -> str:
    """The question with the country it writes "US" spelled as the aliases do ("U.S.")."""
    return _US.sub("U.S.", question)


def question_terms(question: str, aliases: list[list[str]]) -> list[list[str]]:
    """The question's terms, each a group of equivalent words: alias groups found in the
    question (so "金牌" also matches "gold"), then the remaining content words, each with its
    other English spelling ("jewellery" also matches "jewelry")."""
    low = us_spelled(question).lower()
    groups: list[list[str]] = []
    for group in aliases:
        words = [w.lower() for w in group]
        hit = next((w for w in sorted(words, key=len, reverse=True) if contains(low, w)), None)
        if hit:
            groups.append(words)
            low = low.replace(hit, " ")
    # a country also by its people's word: "Canadian Prime Minister Mark Carney" is Canada's
    owners = {m.group(1).lower() for m in _NAMED_OWNER.finditer(question)} - _CALENDAR_WORDS  # not "Sunday's"
    groups += [[word, *other_spellings(word), *people_words(word), *_without_possessive(word, owners)]
               for word in keywords(low)]
    return groups


# a name's possessive ("Intel's", "Boeing’s"); not a common noun's ("this year's", "hockey's"), nor a day's
_CALENDAR_WORDS = {name.lower() for name in (*calendar.day_name, *calendar.month_name) if name}
_NAMED_OWNER = re.compile(r"\b([A-Z][\w\-]*)['’]s\b")
_POSSESSIVE_S = re.compile(r"['’]s$")


def _without_possessive(word: str, owners: set[str]) -> list[str]:
    """"intel's" is also "intel" where the question writes it as a name's: a page writes
    "Intel said", not only "Intel's CEO"."""
    bare = _POSSESSIVE_S.sub("", word)
    return [bare] if bare != word and bare in owners else []


# a capitalised run, or a team named by its number ("the 49ers", "the 76ers")
_CAPITALISED = re.compile(r"(?<!^)(?<![.?!]\s)\b(?:[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*|\d+ers\b)")


def named_terms(question: str, aliases: list[list[str]]) -> list[list[str]]:
    """The things the question names: alias groups holding a capitalised word (China, Paris,
    Olympics) found in it, and other capitalised phrases of an English question."""
    question = us_spelled(question)
    low = question.lower()
    groups: list[list[str]] = []
    for group in aliases:
        words = [w.lower() for w in group]
        if any(w[:1].isupper() for w in group) and any(contains(low, w) for w in words):
            groups.append(words)
            for w in sorted(words, key=len, reverse=True):  # "summer olympics" whole, before "olympics"
                low = low.replace(w, " ")
    aliased = {w.lower() for group in aliases for w in group}
    for match in _CAPITALISED.finditer(question):
        written = match.group(0).lower()
        phrase = _POSSESSIVE_S.sub("", _without_titles(written))  # "Boeing's new CEO": pages write "Boeing"
        if not phrase:
            continue
        if contains(low, phrase) and phrase not in _STOP:
            # the name, or as written with its office ("boeing", "boeing's ceo"): the office
            # is no word of what the question asks
            groups.append(list(dict.fromkeys([phrase, written, *people_words(phrase)])))
        elif rest := " ".join(w for w in phrase.split() if contains(low, w) and w not in _STOP and w not in aliased):
            groups.append([rest])  # "Winter Olympics": Olympics is an alias group's, Winter still says which Games
    return groups


# a phrase the question quotes in lower case: 'the "largest jewellery heist in US history"'
_QUOTED_PHRASE = re.compile(r"[\"“]([a-z][^\"“”]{3,80})[\"”]")
_DEGREE = re.compile(r"(?:est|most)$")  # "largest", "foremost": pages write another degree word ("biggest")


def quoted_terms(question: str) -> list[list[str]]:
    """The words of a lower-case phrase the question quotes, each in its spellings, all of
    which a page must write: one telling of "one of America's largest" escapes in New Orleans
    writes neither "jewelry" nor "heist". Short words and degree words, which pages word
    otherwise ("biggest"), are left out."""
    return [with_spellings([word]) for match in _QUOTED_PHRASE.finditer(question) for word in keywords(match.group(1))
            if len(word) > 3 and not _DEGREE.search(word)]


def _without_titles(phrase: str) -> str:
    """A capitalised phrase less the office that follows its possessive ("Boeing's CEO":
    boeing); nothing for offices alone ("CEO", "Deputy Prime Minister"): no name a page must
    write, and any page about anyone writes one. An office before a name stays ("President
    Trump"): a passage must write it as the question does."""
    words = phrase.split()
    if all(w.rstrip(".") in OFFICES for w in words):
        return ""
    while len(words) > 1 and words[-1].rstrip(".") in OFFICES and re.search(r"['’]s$", words[-2]):
        words.pop()
        words[-1] = re.sub(r"['’]s$", "", words[-1])
    return " ".join(words)


# offices and honorifics written before a name (not "Star" of Star Wars nor "Captain" of Captain America)
OFFICES = frozenset("""mr mrs ms dr sir dame ceo cfo coo chair chairman chairwoman president vice deputy prime minister
secretary senator sen rep gov governor mayor judge justice chancellor premier prince princess king queen pope cardinal
bishop rev admiral gen general colonel sheriff commissioner ambassador attorney chief executive interim acting""".split())


# a title the question quotes: “Oh, Mary!”, "The Brutalist" (every word capitalised but the small ones)
_QUOTED = re.compile(r"[“\"‘]([A-Z0-9][^“”\"‘’]{0,60}?)[”\"’](?!\w)")
_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "de", "la", "le"}


def quoted_titles(question: str) -> list[str]:
    """The titles a question quotes, as the words a passage writing them must hold in order
    (lower case, punctuation aside): “Oh, Mary!” -> "oh mary"; not a quoted phrase of plain
    words ("a “gold card” visa")."""
    titles = []
    for match in _QUOTED.finditer(question):
        words = re.findall(r"[\w'’]+", match.group(1))
        if words and all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL for w in words):
            titles.append(" ".join(w.lower() for w in words))
    return titles


def writes_title(low_text: str, title: str) -> bool:
    """Does ``low_text`` write ``title`` (quoted_titles) with any punctuation between its words,
    either apostrophe, and with or without its article ("Song of Wade" for “The Song of Wade”)?"""
    words = title.split()
    words = words[1:] if len(words) > 1 and words[0] in ("the", "a", "an") else words
    parts = [re.sub("['’]", "['’]", re.escape(w)) for w in words]
    return re.search(r"(?<!\w)" + r"\W+".join(parts) + r"(?!\w)", low_text) is not None


def inflected(groups: list[list[str]], predicates: Sequence[Sequence[str]]) -> list[list[str]]:
    """Each term group with its word's other forms: a predicate's listed forms (the policy's
    "win", "won", "夺得") and the regular English endings ("land", "landed"), so a passage
    need not use the question's tense to state its claim."""
    out = []
    for group in groups:
        words = list(group)
        for forms in predicates:
            if any(w in (f.lower() for f in forms) for w in group):
                words += [f.lower() for f in forms]
        words += [w + end for w in group if re.fullmatch(r"[a-z]{3,}", w) for end in ("s", "ed", "ing")]
        out.append(list(dict.fromkeys(words)))
    return out


def asking_sentence(question: str) -> str:
    """The sentence that asks, after any that set the scene ("Trump said the US will sell a
    'gold card' to wealthy foreigners. Around how much will it cost?"): the subject words a
    passage must share come from it; the scene-setting names still count as names."""
    sentences = [s for s in re.split(r"(?<=[.!?。！？])\s+", question.strip()) if s]
    return sentences[-1] if sentences else question


# "Which of these women did not fly?", "Which of the following is not on the council?": the
# answer is the one the pages leave out. "Which member announced she will not run?" asks
# for one the pages name, so the negation must belong to the selecting clause.
_WHICH_NOT = re.compile(r"\bwhich\s+(?:of\s+(?:the\s+following|these|those|them)\b|(?:\w+\s+){1,3}?)"
                        r"(?:[\w’'\-]+\s+){0,3}?(?:is|are|was|were|did|does|do|has|have|had)(?:\s+not\b|n[’']t\b)"
                        r"|\bwhich\s+of\s+(?:the\s+following|these|those|them)\b.*\b(?:except|not)\b"
                        r"|^\s*who\s+(?:is|are|was|were|did|does|do|has|have|had)(?:\s+not\b|n[’']t\b)", re.I)


def asks_which_not(question: str) -> bool:
    """Does the question select by negation ("which ... did not", "all except")? Passages
    state what is, so a value they state never answers it."""
    return _WHICH_NOT.search(question) is not None


# A count the pages would have to be added up or subtracted for: "how many more", "other
# than gold", "combined", "除金牌外", "多多少".
_DERIVED = re.compile(
    r"\bhow\s+(?:many|much)\s+(?:more|fewer|less)\b.*\bthan\b|\bby\s+how\s+(?:many|much)\b.*\b(?:beat|beats|lead|leads|"
    r"led|trail|trails|trailed|outnumber|outnumbered|exceed|exceeded|more|fewer|less)\b|"
    # "How many medals did the USA win more than China?" (not "more than 10 golds": a threshold)
    r"\bhow\s+(?:many|much)\b[^?]*?\b(?:more|fewer|less)\s+than\s+(?:the\s+)?(?-i:[A-Z])|"
    r"\b(?:other\s+than|apart\s+from|"
    r"besides|excluding|except(?:\s+for)?|not\s+counting|combined|between\s+them|difference\s+between)\b"
    # two metals or two named subjects added up: "silver and bronze medals", "did China and the US win"
    r"|\b(?:gold|silver|bronze)\s+(?:and|or|plus)\s+(?:gold|silver|bronze)\b"
    # a gap: "how many golds was the US behind China", "fall short of 270"
    r"|\bhow\s+(?:many|much)\b[^?]*?\b(?:behind|ahead\s+of|short\s+of|shy\s+of)\b"
    r"|\b(?:did|do|does|have|has|had)\s+(?:the\s+)?(?-i:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+and\s+(?:the\s+)?(?-i:[A-Z])"
    # not one name with "and" inside it: "the CHIPS and Science Act", "the Bill and Melinda Gates Foundation"
    r"(?![\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*\s+(?-i:Acts?|Committee|Company|Institute|University|Foundation|Association|"
    r"Administration|Department|Commission|Agency|Board|Council|Authority|Court|Museum|Bank|Group|Party)\b)"
    # the other languages' words for "more than" a count, "other than", "without counting"
    r"|\bin\s+più\b|\boltre\s+a\b|\ba\s+parte\b|\bautres?\s+que\b|\bà\s+part\b|\bsans\s+compter\b|\bde\s+plus\s+que\b"
    r"|\bsin\s+contar\b|\baparte\s+de\b|\bademás\s+de\b|\bde\s+más\b|\baußer\b|\babgesehen\s+von\b|\bmehr\s+als\b"
    r"|\bsem\s+contar\b|\balém\s+d[eoa]s?\b|\ba\s+mais\b"
    r"|除.{0,12}?(?:外|以外|之外)|[多少]多少|比.{1,12}?[多少].{0,6}?多少|加起来|相差|[和与及].{1,6}?(?:共|一共|总共|合计)", re.I)


# "How many medals does the US have now?": what holds at the moment asked, not at the last official word
_NOW = re.compile(r"\b(?:now|currently|current|today|as\s+it\s+stands)\b|现在|目前|当前|如今", re.I)


def asks_current(question: str) -> bool:
    """Does the question ask what holds now ("now", "currently", "目前")? A correction two
    independent sources report after the official word answers it."""
    return _NOW.search(question) is not None


# "How many gold medals will the US win at the next Games?": wins still to come
_FUTURE_TALLY = re.compile(r"\bhow\s+many\b[^?]*?\bwill\b[^?]*?\b(?:win|earn|take|get|claim)\b", re.I)


def asks_future_tally(question: str) -> bool:
    """Does a count question ask how many wins are still to come? Pages state forecasts of
    them, or the last edition's count; neither is the count asked."""
    return _FUTURE_TALLY.search(question) is not None


def asks_derived(question: str) -> bool:
    """Does a count question ask for a sum, a difference or a remainder ("How many more
    silver medals did the US win than China?")? No page states it as such: the rules read
    stated values and compute none, so the first count they read would answer wrongly."""
    return _DERIVED.search(question) is not None
