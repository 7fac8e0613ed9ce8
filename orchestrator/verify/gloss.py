"""A question in any supported language, read as the question rules read it: the English
words its lexicon (orchestrator/lexicon/<code>.yaml) gives for its phrases, the English names
of the countries it names (Babel's territory names in its language), its numbers in ASCII
digits (۲۰۲۴ is 2024) and the names it writes capitalised, in the question's order. "Combien
de médailles d'or la Chine a-t-elle remportées à Paris 2024 ?" reads "how many gold medals
China won Paris 2024?". English and Chinese are read as they are. Words the lexicon does not
know are left out: a passage in another language could never hold them."""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache, lru_cache

import stopwordsiso
from babel import Locale
from babel.dates import get_month_names
from num2words import num2words

from orchestrator.lexicon import Lexicon, lexicon
from orchestrator.verify.entities import WORD_CHARS, countries_in, country_name, is_place
from orchestrator.verify.said_places import said_places

_QUESTION_MARKS = "?？؟;;՞"
_MIN_MONTH_STEM = 4  # "ма" of "мая", "май" would be any word
_COUNTRY_WORD = re.compile(rf"[{WORD_CHARS}.]+")  # the first word of a country's name ("USA", "U.S.")


def _pattern(phrase: str, lex: Lexicon, country: bool) -> str:
    body = r"\s+".join(re.escape(word).replace(r"\*", f"[{WORD_CHARS}]*") for word in phrase.split())
    if lex.match == "anywhere":
        return body
    ending = f"[{WORD_CHARS}]*" if country and lex.match == "stems" and not phrase.endswith("*") else ""
    after = f"(?![{WORD_CHARS}])" if re.match(f"[{WORD_CHARS}*]", phrase[-1:]) else ""  # "qu'" runs on: "qu'Israël"
    return f"(?<![{WORD_CHARS}]){body}{ending}{after}"


@cache
def _matcher(code: str) -> tuple[re.Pattern, list[str]]:
    """One alternation of every phrase (longest first, so "médailles d'or" beats "médailles"),
    and the English for each alternative, by group."""
    lex = lexicon(code)
    english = Locale("en").territories
    entries: dict[str, tuple[str, bool]] = {}
    for iso, name in Locale.parse(code).territories.items():
        if len(iso) == 2 and iso.isalpha() and len(name) >= 2 and iso in english:
            entries.setdefault(name, (english[iso], True))
    # months by their full names, as a date writes them ("septembre", "сентября"): "in September 2024";
    # where words take endings, by the stem their forms share ("в сентябре"), if not too short to tell
    for number, name in get_month_names("wide", "format", "en").items():
        forms = {get_month_names("wide", context, code)[number].lower() for context in ("format", "stand-alone")}
        stem = os.path.commonprefix(sorted(forms))
        if lex.match in ("words", "stems") and len(stem) >= _MIN_MONTH_STEM and " " not in stem:
            forms = {stem + "*"}
        for form in forms:
            entries.setdefault(form, (name, False))
    for phrase, meaning in lex.gloss.items():
        entries[phrase] = (meaning, False)
    ordered = sorted(entries, key=lambda p: -len(p.rstrip("*")))
    alternatives = "|".join(f"({_pattern(p, lex, entries[p][1])})" for p in ordered)
    return re.compile(alternatives, re.I), [entries[p][0] for p in ordered]


@cache
def _than(code: str) -> re.Pattern:
    """The language's words for "than", longest first, compiled once."""
    lex = lexicon(code)
    return re.compile("|".join(_pattern(p, lex, False) for p in sorted(lex.than, key=len, reverse=True)), re.I)


def glossed(text: str, language: str) -> list[tuple[tuple[int, int], str, str]]:
    """(span, the words as written, their English) of every phrase and country the lexicon of
    ``language`` finds in ``text``, in order."""
    lex = lexicon(language)
    if lex.match == "none":
        return []
    pattern, meanings = _matcher(lex.code)
    return [(m.span(), m.group(0), meanings[m.lastindex - 1]) for m in pattern.finditer(text)]  # type: ignore[operator]


def ascii_digits(text: str) -> str:
    """Every script's decimal digits as ASCII ones: "۲۰۲۴" -> "2024", "٤٠" -> "40"."""
    return "".join(str(unicodedata.decimal(c)) if not c.isascii() and unicodedata.decimal(c, None) is not None else c
                   for c in text)


def reading(question: str, language: str) -> str:
    """The question as the English rules read it (the question itself in English and Chinese;
    in English "which ... more" with nothing after it to compare with asks which most:
    "Which candidate won more electoral votes?"; not "which ..., A or B?")."""
    if lexicon(language).match == "none":
        return _DEGREE.sub(lambda m: "the most" if m.group(1) == "more" else "the fewest", question) \
            if language == "en" and _WHICH.search(question) and not _OR.search(question) else question
    found, _ = _read(question, language)
    asked = "?" if question.rstrip()[-1:] in _QUESTION_MARKS else ""
    text = _with_degree(_with_categories(" ".join(word for _, word in sorted(found))))
    # a question asking none of who, what, when ... asks whether ("La France a-t-elle remporté
    # 14 médailles d'or ?"): its gloss keeps no inversion, so it is read as English asks it
    return ("did " if asked and not _ASKING.search(text) else "") + text + asked


_ASKING = re.compile(r"\b(?:who|whom|whose|what|which|when|where|why|how)\b", re.I)
_WHICH = re.compile(r"^\s*(?:which|who)\b", re.I)


# An award's categories as the lexicons gloss them: a gloss keeps its language's word order
# ("Nobel Prize peace", "peace Nobel Prize", "prize peace Nobel Prize"), and the rules read a
# category only as English writes it (verify/categories.py: "Nobel Prize in peace")
_CATEGORY = r"(literature|peace|physics|chemistry|medicine|economics|best (?:picture|director|actor|actress))"
_AWARD = r"(Nobel Prize|Oscar|Academy Awards)"
_AFTER_AWARD = re.compile(rf"\b{_AWARD} {_CATEGORY}\b(?: (?:prize|award)\b)?")
_BEFORE_AWARD = re.compile(rf"\b(?:(?:prize|award) )?{_CATEGORY} {_AWARD}\b")
# between them on a page, a preposition or article the gloss left as written ("Oscar de best actress")
_SMALL_WORDS = r"(?:\s+[^\W\d_]{1,3}){0,2}"
_PAGE_AFTER_AWARD = re.compile(rf"\b{_AWARD}{_SMALL_WORDS}\s+{_CATEGORY}\b")


# "more" with no "than" after it in a question asking which: many languages write "the most"
# as "more" ("¿Qué país ganó más medallas?", "Quale paese ha vinto più medaglie?"). Before a
# number it is "more than" ("plus de 30 médailles").
_DEGREE = re.compile(r"\b(more|fewer)\b(?![^?]*\bthan\b)")
_BEFORE_A_NUMBER = re.compile(r"\b(more|fewer)(?= \d)")


def _names_next(text: str, at: int) -> bool:
    """Does a name come within three words of ``at`` (a capitalised word; any word in a script
    without capitals)? "que la Chine" compares with China; "più medaglie ... del 2024" with
    nothing: "del" is "of the" there."""
    words = re.findall(rf"[{WORD_CHARS}]+", text[at:])[:3]
    return any(w[0].isupper() or (w[0].lower() == w[0].upper() and not w[0].isdigit()) for w in words)


def _with_degree(text: str) -> str:
    """``text`` with "more" or "fewer" read as English writes it: "more than" before a number,
    "most" or "fewest" where the question asks which and compares with nothing."""
    text = _BEFORE_A_NUMBER.sub(lambda m: m.group(1) + " than", text)
    if not _ASKING.search(text):
        return text
    return _DEGREE.sub(lambda m: "most" if m.group(1) == "more" else "fewest", text)


def compares_unread(reading: str) -> bool:
    """Does a reading that asks whether say "more" or "fewer" with no "than"? Its language
    puts what is compared where the gloss cannot place it ("中国より多く", "Çin'den daha
    fazla"), and "did the United States win more gold medals?" is another question. Not
    one asking which of two ("did China or France win more gold medals?")."""
    return not _ASKING.search(reading) and _DEGREE.search(reading) is not None and not _OR.search(reading)


_OR = re.compile(r"\bor\b", re.I)


def _with_categories(text: str) -> str:
    """``text`` with a category written beside its award as English writes it."""
    def english(award: str, category: str) -> str:
        return f"{award} {'for' if category.startswith('best') else 'in'} {category}"
    text = _AFTER_AWARD.sub(lambda m: english(m.group(1), m.group(2)), text)
    return _BEFORE_AWARD.sub(lambda m: english(m.group(2), m.group(1)), text)


def categories_in_english(text: str, language: str) -> str:
    """``text`` (a passage of a page in ``language``) with the awards and categories its lexicon
    knows written as English writes them, for the category rules (verify/categories.py):
    "Mikey Madison ganhou o Oscar de melhor atriz" reads "... Oscar for best actress". A
    category the page writes longer than the lexicon knows ("melhor filme internacional",
    "mejor actriz de reparto") is another one, and stays as written: no rule reads it as
    best picture or best actress."""
    spans = glossed(text, language)
    starts = {start for (start, _), _, _ in spans}
    out, at = [], 0
    for (start, end), _, english in spans:
        if _CATEGORY_ONLY.fullmatch(english) and _runs_on(text, end, starts, language):
            continue
        out += [text[at:start], english]
        at = end
    rendered = "".join(out) + text[at:]
    return _with_categories(_PAGE_AFTER_AWARD.sub(lambda m: f"{m.group(1)} {m.group(2)}", rendered))


_CATEGORY_ONLY = re.compile(_CATEGORY)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _runs_on(text: str, end: int, glossed_at: set[int], language: str) -> bool:
    """Does a category ending at ``end`` go on in a word of its own that the lexicons do not
    gloss ("internacional", "coadjuvante"), or in one joined to it ("de reparto", "non
    protagonista")? A name ("melhor ator Adrien Brody"), a filler word ("pela"), a place ("na
    cerimônia") or the next category ("e melhor diretor") ends it."""
    filler = _stop_words(lexicon(language).code)
    word = _NEXT_WORD.match(text, end)
    if word is not None and word.group(1) in _JOINING:
        word = _NEXT_WORD.match(text, word.end())
    return word is not None and word.start(1) not in glossed_at and word.group(1).islower() \
        and len(word.group(1)) >= 4 and word.group(1) not in filler


# what joins a category to the words making it another: "mejor actriz de reparto", "miglior
# attrice non protagonista", "melhor filme de animação"
_JOINING = {"de", "di", "du", "non"}


def unread_words(question: str, language: str) -> list[str]:
    """The question's words of five letters or more that its reading leaves out: what the
    lexicon does not know ("omnium", "féminin"), so a reading without them may ask a vaguer
    question than the one asked ("who won Paris 2024?"). Only in languages written with
    spaces: in Japanese or Thai a run of characters is no word."""
    if lexicon(language).match not in ("words", "stems"):
        return []
    filler = _stop_words(lexicon(language).code)
    return [word for word in _read(question, language)[1]
            if len(word) >= (4 if _ABJAD.match(word) else 5)  # "کشتی": an abjad writes no short vowels
            and word.isalpha() and word.lower() not in filler]


_ABJAD = re.compile("[\u0590-\u06ff]")  # Hebrew and Arabic script


@cache
def _stop_words(code: str) -> frozenset[str]:
    """The language's words that say little of what is asked ("wurde", "sebagai"), from the
    stopwords-iso collection (every supported language; Norwegian Bokmål under "no"): a question
    writing one asks nothing vaguer when the reading leaves it out."""
    return frozenset(stopwordsiso.stopwords(_STOP_WORD_CODES.get(code, code)))


_STOP_WORD_CODES = {"nb": "no"}


def unread_names(question: str, language: str) -> list[str]:
    """The capitalised words a reading leaves out: one opening the question ("Harris ha
    ottenuto 312 voti?", where a name cannot be told from a capitalised first word), and in a
    language that capitalises every noun (German) any ("Kamala Harris", "Borussia Dortmund"),
    without which "Wie viele Wahlmännerstimmen hat Kamala Harris bekommen?" reads as how many
    electoral votes anyone received."""
    if lexicon(language).match not in ("words", "stems"):
        return []
    first = question.lstrip(" ¿¡\"'“«").split(" ", 1)[0]
    every = not lexicon(language).capitalised_names
    filler = _stop_words(lexicon(language).code)  # "Apakah" (whether) opens a question, no name
    return [word for word in _read(question, language)[1]
            if word[0].isupper() and (len(word) >= 4 if word == first else every)  # not "La", "En", "Hat"
            and word.lower() not in filler]


def glossed_names(question: str, language: str) -> list[str]:
    """The names of a glossed question, as it writes them: those its reading leaves out
    ("Wie viel Prozent erhielt die AfD?": AfD) and capitalised words it keeps as written, in
    any script ("¿Cuántos escaños obtuvo el PSOE?": PSOE; "... получил Грудинин?": Грудинин).
    A count such a question asks is theirs: the rules that bind a number to its owner read
    the English reading, which may hold none of them."""
    if lexicon(language).match not in ("words", "stems"):
        return []
    found, _ = _read(question, language)
    kept = {word for _, word in found}
    first = question.lstrip(" ¿¡\"'“«").split(" ", 1)[0]
    written = [w.strip("?¿¡!.,;:\"'“”«»") for w in question.split()]
    return list(dict.fromkeys([*unread_names(question, language),
                               *(w for w in written if w and w != first and w[0].isupper() and w in kept)]))


def glossed_owner(question: str, language: str, aliases) -> str | None:
    """The one name a glossed count question is about, as it writes it ("PSOE", "Karol
    Nawrocki"): none where it names a country (read by the countries' own rules), a place
    ("in Paris": where, not whose), an event by its year ("Paris 2024"), or several apart."""
    names = [n for n in glossed_names(question, language)
             if not countries_in(n, aliases) and not is_place(n, aliases)
             and not re.search(rf"{re.escape(n)}\s+\d{{4}}\b", question)]
    if not names:
        return None
    run = " ".join(names)
    return run if run in question else None


@lru_cache(maxsize=256)
def _read(question: str, language: str) -> tuple[tuple[tuple[int, str], ...], tuple[str, ...]]:
    """(position, English) of each word the rules read, and the words left unread. Read once
    per question: its reading, its unread names and words and its owner all ask it."""
    lex = lexicon(language)
    text = ascii_digits(question)
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for span, _, meaning in glossed(text, lex.code):
        found.append((span[0], meaning))
        taken.append(span)
    # "than" where a comparative comes before it ("plus de médailles d'or que la Chine")
    compared = [start for start, meaning in found if meaning.split()[-1] in ("more", "fewer")]
    if compared and lex.than:
        after = next((m for m in _than(lex.code).finditer(text, min(compared))
                      if not any(a <= m.start() < b for a, b in taken) and _names_next(text, m.end())), None)
        if after:
            found.append((after.start(), "than"))
            taken.append(after.span())
    # A country named as another language names it ("die USA": German says Vereinigte Staaten):
    # a question about it is never read as a question about no country.
    for start, code in countries_in(text):
        if not any(a <= start < b for a, b in taken):
            written = _COUNTRY_WORD.match(text, start)
            found.append((start, country_name(code)))
            taken.append((start, written.end() if written else start + 1))
    # A place as the language writes it ("troisième", "den dritten Platz", "3位"): the English
    # ordinal, or "which country finished third" would read as asking who finished at all.
    for place in said_places(text, lex.code):
        if not any(a <= place.start < b for a, b in taken):
            found.append((place.start, "placed " + num2words(place.value, to="ordinal")))  # a place, said as one
            taken.append((place.start, place.end))
    unread = []
    # a number is a word of its own: Japanese writes it inside a run of letters ("を18個獲得")
    for m in re.finditer(rf"\d+(?:[.,]\d+)*|(?:(?!\d)[{WORD_CHARS}])+", text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        word = m.group(0)
        sentence_start = not text[:m.start()].strip() or text[:m.start()].rstrip()[-1:] in ".!?¿¡"
        # a capital opening the sentence tells no name, unless a capitalised word follows it and
        # it is no filler word: "Ekrem İmamoğlu", not "La France"
        named_run = text[m.end():m.end() + 1].isspace() and text[m.end():].lstrip()[:1].isupper() \
            and word.lower() not in _stop_words(lex.code)
        if word[0].isdigit() or (lex.capitalised_names and word[0].isupper() and (not sentence_start or named_run)):
            found.append((m.start(), word))
        else:
            unread.append(word)
    return tuple(found), tuple(unread)


def known_share(text: str, language: str) -> float:
    """Share of ``text``'s letters inside phrases ``language``'s lexicon glosses: which of two
    close relatives (Indonesian and Malay, Danish and Norwegian) a question is written in."""
    lex = lexicon(language)
    if lex.match == "none":
        return 0.0
    pattern, _ = _matcher(lex.code)
    letters = sum(ch.isalpha() for ch in text) or 1
    return sum(sum(ch.isalpha() for ch in m.group(0)) for m in pattern.finditer(text)) / letters
