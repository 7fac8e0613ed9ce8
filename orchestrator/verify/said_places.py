"""Places on a table as a page in the question's language writes them: "termine cinquième",
"Platz zehn", "5e place", "quinto puesto", "на 5-м месте", "メダル獲得数で3位".

The number reader (numbers.py) knows English and CJK ordinals only. Here the language's
ordinal and cardinal words come from num2words (a well-kept table of number words in many
languages, so no hand lists); the words that say "place" come from the language's lexicon
(``place_nouns``, ``place_verbs``). A number is a place when a place noun stands right
beside it ("Platz 10", "3位"), or when it is written as an ordinal (a word, or digits with
an ordinal mark) and the caller finds a place word near it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from num2words import num2words

from orchestrator.lexicon import lexicon
from orchestrator.verify.question import unaccented

__all__ = ["SaidPlace", "place_words", "said_places"]

_HIGHEST = 100  # places past this are not read from words
_LETTER = r"[^\W\d_]"
_VOWEL_END = re.compile("[aeiouyаеёиоуыэюяйьіїє]{1,2}$")
# Digits with an ordinal mark: 5e, 5ème, 5º, 5.ª, 5-е, 5-м, 5'inci, a 5-a (accents folded).
# "5." only beside a place noun ("10. Platz"): alone it is as often a German day ("am 11. August").
_MARK = (r"(?:ᵉ|e|er|re|eme|º|ª|\.º|\.ª|-(?:е|и|я|м|го|му|ая|ое|ои|ии|ого|ем|ом)|-lea|-a"
         r"|['’]?(?:inci|ıncı|uncu|nci|ncı|ncu))")
_MARKED = re.compile(rf"(?<![\d.,])\d{{1,3}}{_MARK}(?!{_LETTER}|\d)")
_SPACE = r"[ \t\u00a0\u202f]*"


@dataclass(frozen=True)
class SaidPlace:
    value: int
    start: int
    end: int
    beside_noun: bool  # a place noun stands right beside it: a place whatever else is near


def _fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets hold: "première" reads
    "premiere" and carries premier's stem. Hangul and kana, which decompose into letters
    rather than marks, stay as they are."""
    return "".join(unaccented(char) for char in text.lower())


def _words(language: str, to: str) -> dict[str, int]:
    """num2words' words for 1.._HIGHEST in ``language``, folded: word -> value. Empty where
    num2words has none; an ordinal it writes as the cardinal is none, and so are a language's
    where most are (num2words writes Thai and Vietnamese ordinals as cardinals)."""
    words: dict[str, int] = {}
    try:
        for value in range(1, _HIGHEST + 1):
            word = _fold(num2words(value, lang=language, to=to))
            if to != "ordinal" or word != _fold(num2words(value, lang=language)):  # "عشرون" is both
                words.setdefault(word, value)
    except (NotImplementedError, AttributeError, OverflowError, KeyError):
        return {}
    return words if len(words) > _HIGHEST // 2 else {}  # Thai and Vietnamese ordinals are cardinals there


def _inflected(word: str) -> tuple[str, int]:
    """An ordinal word's stem and the fewest letters that follow it, so its other genders,
    cases and short forms match too: zehnte -> zehnten, quinto -> quinta, tercero -> tercer,
    premier -> premiere, пятый -> пятое. A short stem takes a letter: "erst" (only) is no
    ordinal."""
    stem = _VOWEL_END.sub("", word) if " " not in word else word
    return stem, 0 if len(stem) >= 5 or stem == word else 1


@dataclass(frozen=True)
class _Reader:
    ordinal: re.Pattern | None  # an ordinal word
    beside: re.Pattern | None  # a number right beside a place noun
    ordinals: dict[str, int]
    cardinals: dict[str, int]
    stems: list[tuple[str, int, int]]  # (stem, fewest letters after it, value), longest stem first
    article: str  # folded: "ال"

    def value(self, text: str) -> int | None:
        word = text.rstrip(".")
        if self.article and word.startswith(self.article) and word not in self.cardinals and word not in self.ordinals:
            word = word[len(self.article):]  # "الخامس": the fifth
        if digits := re.match(r"\d+", word):
            return int(digits.group(0))
        if word in self.cardinals or word in self.ordinals:
            return self.cardinals.get(word) or self.ordinals[word]
        # an inflected ordinal: the word with the longest stem it carries
        return next((v for stem, least, v in self.stems if word.startswith(stem) and least <= len(word) - len(stem) <= 3),
                    None)


def _alternation(words: dict[str, int], inflected: bool) -> str:
    """One pattern for the words, longest first."""
    def form(word: str) -> str:
        if not inflected:
            return re.escape(word)
        stem, least = _inflected(word)
        return re.escape(stem) + f"{_LETTER}{{{least},3}}"
    return "|".join(sorted({form(w) for w in words}, key=len, reverse=True))


@cache
def _reader(language: str) -> _Reader:
    lex = lexicon(language)
    ordinals, cardinals = _words(lex.code, "ordinal"), _words(lex.code, "cardinal")
    # Words stand apart, and end where they end ("words") or take endings ("stems": sijalla);
    # Japanese, Thai and Hebrew run them together ("anywhere").
    spaced = lex.match != "anywhere"
    edge_before = rf"(?<!{_LETTER})" if spaced else ""
    edge_after = rf"(?!{_LETTER})" if lex.match == "words" else ""
    article = f"(?:{re.escape(_fold(lex.article))})?" if lex.article else ""
    ordinal = re.compile(f"{edge_before}{article}(?:{_alternation(ordinals, spaced)}){edge_after}") if ordinals else None
    beside = None
    if lex.place_nouns:
        words = f"{article}(?:{_alternation(ordinals, spaced)})" if ordinals else ""
        number = "|".join(filter(None, [rf"\d{{1,3}}(?:{_MARK}|\.)?", words, _alternation(cardinals, False)]))
        nouns = "|".join(sorted({re.escape(_fold(n)) for n in lex.place_nouns}, key=len, reverse=True))
        beside = re.compile(f"{edge_before}(?:(?P<before>{number}){_SPACE}(?:{nouns})"
                            f"|(?:{nouns}){_SPACE}(?P<after>{number})){edge_after}")
    stems = sorted(((*_inflected(w), v) for w, v in ordinals.items()), key=lambda s: -len(s[0]))
    return _Reader(ordinal, beside, ordinals, cardinals, stems, _fold(lex.article))


def place_words(language: str) -> list[str]:
    """The words of ``language`` near which its ordinals are places: "termine cinquième"."""
    lex = lexicon(language)
    return [*lex.place_nouns, *lex.place_verbs]


def said_places(text: str, language: str) -> Iterator[SaidPlace]:
    """Numbers ``text`` writes as places in ``language``, in text order, each once. English
    and CJK ordinals are the number reader's (numbers.py): none is yielded for English."""
    if lexicon(language).code == "en":
        return
    reader, folded = _reader(language), _fold(text)
    found: dict[int, SaidPlace] = {}
    if reader.beside:
        for m in reader.beside.finditer(folded):
            side = "before" if m.group("before") else "after"
            if value := reader.value(m.group(side)):
                found[m.start(side)] = SaidPlace(value, m.start(side), m.end(side), beside_noun=True)
    for pattern in filter(None, (reader.ordinal, _MARKED)):
        for m in pattern.finditer(folded):
            if m.group(0) in reader.cardinals:  # "fünfzig" carries fünfte's stem
                continue
            value = reader.value(m.group(0))
            if value and not any(p.start <= m.start() < p.end for p in found.values()):
                found[m.start()] = SaidPlace(value, m.start(), m.end(), beside_noun=False)
    yield from (found[start] for start in sorted(found))
