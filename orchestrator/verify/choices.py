"""Closed choices: which choice each passage states."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from orchestrator.verify.alignment import alignment
from orchestrator.verify.asked_unit import unit_after
from orchestrator.verify.candidates import Found
from orchestrator.verify.date_parts import is_date_part
from orchestrator.verify.dates_found import as_date, written_at
from orchestrator.verify.incidental import only_as_landmark, only_as_owner, only_denied
from orchestrator.verify.measures import answers_measure, bound_measure, question_measure
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.passages import Passage, split_passages
from orchestrator.verify.predicate import Predicate, noun_phrase
from orchestrator.verify.question import contains, is_cjk, keywords, only_function_words, word_stem

_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]*")
_WORDS = re.compile(r"[^\W\d_][\w'’\-]*")
_QUOTE_MARKS = "\"'“”‘’«»"


def _word_hit(word: str, low: str, name: bool = False, text: str = "") -> bool:
    """A word or its stem (first five letters: "costs" ~ "cost", "tariffs" ~ "tariff"); a
    ``name``'s word whole ("France" is not "Francis"), and capitalised in the ``text`` where
    one is given (the "New" of New York is not "new menu items")."""
    if name and text:
        return any(m.group()[0].isupper() for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text, re.I))
    if contains(low, word):
        return True
    if name:  # a name's word whole: "France" is not "Francis"
        return False
    return len(word) >= 6 and not is_cjk(word) and re.search(r"(?<![a-z])" + re.escape(word_stem(word)), low) is not None


def _names(choice: str) -> set[str]:
    """The words a choice writes capitalised: names, matched whole and capitalised."""
    return {w.lower() for w in _CAPITALISED.findall(choice)}


def _unquoted(choice: str) -> str:
    """The choice without the quotation marks around it: “Les Misérables” is Les Misérables."""
    return choice.strip(_QUOTE_MARKS + " ")


def _title_cased(choice: str) -> bool:
    """Does the choice capitalise every word but function words ("New York", "Not My
    President"), as a name does, not a sentence ("Fuel injector may cause a fire")?"""
    words = _WORDS.findall(choice)
    return all(w[0].isupper() for w in words if not only_function_words([w])) and any(w[0].isupper() for w in words)


def _title_words(choice: str) -> list[str] | None:
    """A title's every word, where its content words are not enough to state it: one in
    quotation marks, or a title-cased one whose capitalised words past the first its content
    words leave out ("Not My President" is not any passage saying "President"; "The
    Brutalist" is Brutalist). None for other choices."""
    phrase = _unquoted(choice)
    kept = set(keywords(choice))
    if phrase != choice.strip() or (_title_cased(phrase) and any(
            w.lower() not in kept for w in _CAPITALISED.findall(phrase)[1:] if len(w) > 1)):
        return [w.lower() for w in _WORDS.findall(phrase)]
    return None


_ASKED_KIND = re.compile(r"\b(?:which|what)\s+([^?,.;:!]+)", re.I)


def subject_words(question: str) -> list[str]:
    """The question's content words less the kind of thing it asks for ("which platform":
    platform). A passage holding none of them is about something else, whichever choice it
    names: "the platforms (e.g., TikTok)" in a piece on screen time says nothing about
    which platform a secret AI experiment used."""
    kind = {w for m in _ASKED_KIND.finditer(question) for w in noun_phrase(m.group(1))}
    return [w for w in keywords(question) if w not in kind]


def number_at(choice: str, passage_text: str, asked: str | None = None,
              measures: Mapping[str, Sequence[str]] | None = None) -> int | None:
    """Where the passage writes the (first) number of a choice with numbers, as a claim of the
    ``asked`` measure; None where it writes one of them nowhere so, or the choice has none. A
    count is never matched by a date's day or year ("on 11 August" is no 11 medals) nor by a
    place ("the 11th in New Orleans" is no 11 Super Bowls); a choice that is itself a date or
    a year is matched by one; a choice in a unit by no number written in another ("50m" is no
    "50kg")."""
    if (day := as_date(choice)) is not None:  # "11 August 2024" is the day a page writes "on 11 August"
        return written_at(day, passage_text)
    wanted = [m for m in find_numbers(choice) if not m.ordinal]
    mentions = find_numbers(passage_text) if wanted else []
    at = None
    for number in wanted:
        dated = is_date_part(choice, number)
        unit = unit_after(choice, number.end)
        stated = next((m for m in mentions if m.value == number.value and not m.ordinal
                       and (dated or not is_date_part(passage_text, m))
                       and (unit is None or unit_after(passage_text, m.end) in (None, unit))
                       and answers_measure(asked, bound_measure(passage_text, m, mentions, measures or {}))), None)
        if stated is None:
            return None
        at = stated.start if at is None else at
    return at


def choice_support(choice: str, passage_text: str, words: list[str] | None = None, *,
                   asked: str | None = None, measures: Mapping[str, Sequence[str]] | None = None) -> float:
    """0..1: how fully a passage states a choice: its whole phrase, else its ``words`` (by
    default its content words). A choice with numbers ("$5 million", "Four") needs those
    very numbers in the passage, whichever words are counted, as claims of the measure the
    question ``asked`` (orchestrator/verify/measures.py), never as a date's day or year."""
    low = passage_text.lower()
    wanted = [m for m in find_numbers(choice) if not m.ordinal]
    if wanted and number_at(choice, passage_text, asked, measures) is None:
        return 0.0
    phrase = _unquoted(choice)
    if len(phrase) >= 3 and contains(low, phrase.lower()):
        # "wedged between India and China" is no claim about India
        return 0.0 if only_as_landmark(phrase, passage_text) else 1.0
    title = _title_words(choice)  # all of a title's words count, whichever are asked
    words = [w for w in (title or (words if words is not None else keywords(choice))) if not any(ch.isdigit() for ch in w)]
    if not words:
        return 1.0 if wanted else 0.0
    cased = bool(title) or _title_cased(choice)
    names = _names(choice)
    hits = [_word_hit(w, low, w in names, passage_text if cased else "") for w in words]
    if cased and _another_name(words, names, passage_text):
        return 0.0  # "John M. Jumper" is no John Hopfield, whoever the page names
    return sum(hits) / len(words)


def _another_name(words: list[str], names: set[str], text: str) -> bool:
    """Does the passage write a word of a name choice only as the start of another name: the
    word followed by a capitalised word that is not the choice's next ("John" of "John M.
    Jumper" for John Hopfield; "Zelenskyy" still follows "Volodymyr" for Zelensky)?"""
    for word, following in zip(words, words[1:]):
        if word not in names:
            continue
        after = [m.group(1) for m in re.finditer(rf"(?<![\w'’-])(?i:{re.escape(word)})\s+([A-Z][\w'’.\-]*)", text)]
        if after and all(not a.lower().startswith(word_stem(following)) for a in after):
            return True
    return False


def choice_candidates(passages: list[Passage], choices: list[str], question: str = "",
                      measures: Mapping[str, Sequence[str]] | None = None,
                      pages: Mapping[int, str] | None = None) -> list[Found]:
    """Each choice is a candidate. A passage supports a choice in proportion to how fully it
    states it, and only as far as it is about the question; words shared by every choice
    ("Due to ...") say nothing about which one is right. A passage naming half a choice
    states it only in part, unless its page (``pages``: source -> text) names it whole
    ("Snook received her first Tony" on a page about Sarah Snook). A passage must hold one of
    the question's ``subject_words`` and name the choice as more than whose another person is
    ("Ann Lee's younger brother") and not only after a denied verb ("did not finish in
    Paris")."""
    pages = pages or {}
    shared = set.intersection(*(set(keywords(c)) for c in choices)) if choices else set()
    asked = question_measure(question, measures or {})
    subject = subject_words(question)
    found: list[Found] = []
    for index, choice in enumerate(choices):
        distinctive = [w for w in keywords(choice) if w not in shared] or None
        about = [w for w in subject if w not in keywords(choice)]
        for passage in passages:
            if about and not any(_word_hit(w, passage.text.lower()) for w in about):
                continue
            if only_as_owner(_unquoted(choice), passage.text, question) or \
                    only_denied(_unquoted(choice), passage.text, question):
                continue
            strength = max(choice_support(choice, passage.text, asked=asked, measures=measures),
                           choice_support(choice, passage.text, distinctive, asked=asked, measures=measures))
            if strength >= 0.5:
                partial = strength <= 0.5 and not contains(pages.get(passage.source, "").lower(),
                                                            _unquoted(choice).lower())
                # a number's place, so the cross-check reads its own clause ("one gold in Tokyo")
                at = number_at(choice, passage.text, asked, measures)
                found.append(Found(choice, choice, passage, strength ** 2 * passage.score, index,
                                   start=-1 if at is None else at, partial=partial))
    return found


def against_predicate(found: Found, predicate: Predicate) -> bool:
    """Does the passage write a named choice only where it cannot fill the question's slot:
    beaten when the question asks who won, doing another thing ("Füllkrug hit the post" for
    who scored), another's deed done to it? Every place it names the choice whole must say
    so (verify/alignment.py, as for open answers); a choice stated by its words alone is
    left as it is."""
    phrase = re.escape(_unquoted(found.display))
    spans = [m.span() for m in re.finditer(rf"(?<!\w){phrase}(?!\w)", found.passage.text, re.I)]
    return bool(spans) and all(alignment(found.passage.text, start, end, predicate) == 0 for start, end in spans)


def most_written(choices: Sequence[str], pages: Sequence[str]) -> int | None:
    """The index of the choice the pages write most often (whole words, any case; a mention
    inside a longer choice's is that one's), or None where none is written or two are
    written alike: the unverified hint for closed choices no passage states."""
    counts = [0] * len(choices)
    longest_first = [(index, re.compile(r"(?<!\w)" + re.escape(choices[index]) + r"(?!\w)", re.I))
                     for index in sorted(range(len(choices)), key=lambda i: -len(choices[i])) if choices[index].strip()]
    for page in pages:
        for index, choice in longest_first:
            page, written = choice.subn(" ", page)
            counts[index] += written
    best = max(counts, default=0)
    return counts.index(best) if best and counts.count(best) == 1 else None


def most_written_words(choices: Sequence[str], question: str, pages: Sequence[str]) -> int | None:
    """Where no choice is written whole: the choice whose own words (those the question lacks,
    by their first five letters) the pages write most in sentences holding two of the
    question's words ("Building a new stadium" in "promised to build a stadium"), each
    sentence counting the share of them it holds; None where none is written or two tie.
    A weaker hint than a choice written whole."""
    asked = {word_stem(w) for w in keywords(question)}
    own = [{word_stem(w) for w in keywords(choice)} - asked for choice in choices]
    counts = [0.0] * len(choices)
    for page in pages:
        for sentence in split_passages(page, 0):
            said = {word_stem(w) for w in keywords(sentence.text)}
            if len(said & asked) >= 2:
                for index, words in enumerate(own):
                    counts[index] += len(words & said) / len(words) if words else 0.0
    best = max(counts, default=0.0)
    return counts.index(best) if best and counts.count(best) == 1 else None
