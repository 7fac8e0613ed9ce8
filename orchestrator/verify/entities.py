"""Whose number is it, and which places does a text name? Countries named across languages
and scripts ("China", "中国", "Chine", "U.S.", "美国", "Chinese" are one country each), from
Babel's territory names, countryinfo's demonyms and the policy's alias groups; states and
provinces from pycountry's ISO 3166-2 names. A number belongs to the last country its
sentence names before it ("...take the U.S. to 40 gold medals, level with China": the 40 is
the U.S.'s), and a question about one country is not answered by another's number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import pycountry
from babel import Locale
from countryinfo import CountryInfo

from orchestrator.lexicon import SUPPORTED, lexicon
from orchestrator.verify.date_parts import LOCALES
from orchestrator.verify.numbers import NumberMention, find_numbers

# CLDR regions that are no country: a union, a currency area, the United Nations, placeholders
_NO_COUNTRY = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


def _uninverted(name: str) -> str:
    """A name as prose writes it: "Congo, The Democratic Republic of the" -> "Democratic
    Republic of the Congo", "Korea, Republic of" -> "Republic of Korea"."""
    head, comma, rest = name.partition(", ")
    if not comma:
        return name
    return re.sub(r"^the\s+", "", f"{rest} {head}", flags=re.I)


@lru_cache(maxsize=1)
def _territories() -> dict[str, str]:
    """Lower-cased country name -> ISO 3166 code, in every supported language."""
    names: dict[str, str] = {}
    for locale in LOCALES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha() and len(name) >= 2 and code not in _NO_COUNTRY:
                names.setdefault(name.lower(), code)
    # the formal names Babel writes otherwise ("Congo - Kinshasa"): the Democratic Republic of
    # the Congo must not be read as the Republic of the Congo, the longer name's tail
    for country in pycountry.countries:
        if country.alpha_2 not in _NO_COUNTRY:
            for name in (country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")):
                names.setdefault(_uninverted(name).lower(), country.alpha_2)
    # the short forms the press writes that Babel leaves out ("한국", "США", "EE. UU."), as each
    # lexicon glosses them; a stem ("한국*") where the script runs words together ("한국은")
    english = {name: code for code, name in Locale("en").territories.items() if len(code) == 2 and code.isalpha()}
    for language in SUPPORTED:
        for phrase, meaning in lexicon(language).gloss.items():
            bare = phrase.rstrip("*")
            if meaning in english and english[meaning] not in _NO_COUNTRY and len(bare) >= 2 and (
                    bare == phrase or _UNSPACED.search(bare)):
                names.setdefault(bare.lower(), english[meaning])
    # "South African(s)" names South Africa; a demonym several territories share ("American")
    # names the most populous.
    for info in sorted(CountryInfo.all().values(), key=lambda i: -(i.get("population") or 0)):
        demonym, code = (info.get("demonym") or "").lower(), (info.get("ISO") or {}).get("alpha2")
        if demonym and code:
            names.setdefault(demonym, code)
            names.setdefault(demonym + "s", code)
    return names


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Lower-cased demonyms, singular and plural ("south korean", "swedish"), less any that is
    also a territory's name in a supported language."""
    names = {name.lower() for locale in LOCALES for name in Locale.parse(locale).territories.values()}
    said = {(info.get("demonym") or "").lower() for info in CountryInfo.all().values()} - {""}
    return frozenset(said | {d + "s" for d in said}) - names


def is_demonym(value: str) -> bool:
    """Is ``value`` a people's word ("South Korean", "Brazilians"), not a place's name?"""
    return value.lower().rstrip(".") in _demonyms()


@lru_cache(maxsize=1)
def _demonym_by_code() -> dict[str, str]:
    return {code: demonym.lower() for info in CountryInfo.all().values()
            if (demonym := info.get("demonym")) and (code := (info.get("ISO") or {}).get("alpha2"))}


def people_words(name: str) -> tuple[str, ...]:
    """The people's words of the country ``name`` is, as a whole, the name of: "canada" ->
    ("canadian", "canadians"); () for anything else, a people's word itself among them."""
    code = country_of(name)
    demonym = _demonym_by_code().get(code) if code and not is_demonym(name) else None
    return (demonym, demonym + "s") if demonym else ()


def country_name(code: str, language: str = "en") -> str:
    """A country's name in ``language`` (Babel), the code itself where Babel has none; in
    English the formal name where Babel's tells two apart by their capitals ("Congo -
    Kinshasa" is the Democratic Republic of the Congo)."""
    try:
        name = Locale.parse(language.replace("-", "_")).territories.get(code, code)
    except (ValueError, LookupError):
        name = Locale("en").territories.get(code, code)
    if " - " in name and (country := pycountry.countries.get(alpha_2=code)) is not None and (
            language.startswith("en") or name == Locale("en").territories.get(code)):
        return getattr(country, "official_name", "") or _uninverted(country.name)
    return name


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Lower-cased ISO 3166-2 subdivision name (a state, province, region...) -> its name."""
    return {s.name.lower(): s.name for s in pycountry.subdivisions if len(s.name) >= 4}


@lru_cache(maxsize=1)
def _first_level() -> frozenset[str]:
    """Lower-cased names of the states, provinces, regions and constituent countries
    ("Pennsylvania", "Ontario", "Scotland"): not the departments or prefectures that share a
    city's name ("Paris", "Tokyo")."""
    kinds = {"State", "Province", "Country", "Territory", "Region", "Land", "Union territory", "Regional state",
             "Autonomous community", "Autonomous region"}
    return frozenset(s.name.lower() for s in pycountry.subdivisions if s.type in kinds)


def is_state_or_province(name: str) -> bool:
    return name.lower() in _first_level()


def subdivisions_in(text: str) -> list[tuple[int, str]]:
    """(position, name) of every state or province ``text`` names, written capitalised
    ("in Texas", not "a texas-sized") and standing alone ("Kansas", not "Kansas City"),
    longest name first at each word."""
    names = _subdivisions()
    firsts = {n.split()[0] for n in names}
    most = max(len(n.split()) for n in names)

    def lookup(run: list[re.Match], follows: re.Match | None) -> str | None:
        if follows and follows.group(0)[:1].isupper() and text[run[-1].end():follows.start()].isspace():
            return None  # part of a longer name: "Kansas City", "Utah Jazz", "New York Times"
        return names.get(" ".join(t.group(0).lower() for t in run))

    tokens = list(_TOKEN.finditer(text))
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].group(0)[:1].isupper() or tokens[i].group(0).lower() not in firsts:
            i += 1
            continue
        i = _longest_at(tokens, i, most, lookup, found)
    return found


def _longest_at(tokens: list[re.Match], i: int, most: int, lookup, found: list[tuple[int, str]]) -> int:
    """Adds the longest name starting at token ``i`` that ``lookup(run, next token)`` knows to
    ``found``; the index of the token after it (after token ``i`` when none matches)."""
    for n in range(min(most, len(tokens) - i), 0, -1):
        key = lookup(tokens[i:i + n], tokens[i + n] if i + n < len(tokens) else None)
        if key:
            found.append((tokens[i].start(), key))
            return i + n
    return i + 1


# Letters plus the combining marks of scripts that write vowels as marks (Devanagari, Thai,
# Hebrew and Arabic points) and the zero-width non-joiner inside Persian words: "चुनाव" is one
# word, not "च", "न", "व", whose letters spell China's "चीन" without its vowel marks.
WORD_CHARS = r"\w\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u097f\u0e00-\u0e7f\u200c"
_TOKEN = re.compile(rf"[{WORD_CHARS}]+(?:['’.\-][{WORD_CHARS}]+)*\.?")
# Scripts written without spaces between words: names are looked up as substrings.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _words(name: str) -> str:
    return " ".join(m.group(0) for m in _TOKEN.finditer(name.lower()))


@lru_cache(maxsize=16)
def _index(aliases: tuple[tuple[str, ...], ...]) -> tuple[dict[str, str], set[str], int, int]:
    """(name as lower-cased words -> code, the first words of spaced names, most words in a
    spaced name, longest unspaced name)."""
    names = {_words(name): code for name, code in _territories().items()}
    for group in aliases:  # a group holding a country's name lends that country to all its words
        code = next((names[_words(w)] for w in group if _words(w) in names), None)
        if code:
            for word in group:
                names.setdefault(_words(word), code)
    names.pop("", None)
    spaced = [n for n in names if not _UNSPACED.search(n)]
    unspaced = [n for n in names if _UNSPACED.search(n)]
    firsts = {n.split()[0] for n in spaced} | {n.split()[0].rstrip(".") for n in spaced}
    return names, firsts, max(len(n.split()) for n in spaced), max(len(n) for n in unspaced)


def _key(aliases: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(group) for group in aliases)


def country_of(name: str, aliases: Sequence[Sequence[str]] = ()) -> str | None:
    """The ISO code when ``name`` is, as a whole, a country's name or demonym in any language."""
    return _index(_key(aliases))[0].get(_words(name).rstrip("."))


def countries_in(text: str, aliases: Sequence[Sequence[str]] = ()) -> list[tuple[int, str]]:
    """(position, ISO code) of every country ``text`` names, in order: the longest name at
    each word (n-grams of words looked up; substrings in scripts without spaces)."""
    names, firsts, most_words, longest = _index(_key(aliases))

    def lookup(run: list[re.Match], _follows: re.Match | None) -> str | None:
        words = " ".join(t.group(0).lower() for t in run)
        return names.get(words) or names.get(words.rstrip(".")) or names.get(_bare(words))

    tokens = list(_TOKEN.finditer(text))
    # a name opens with a capital wherever the text writes any ("a man", "the island nation" are
    # no Isle of Man nor Iceland, whose name in some languages they are); a question typed all
    # in lower case names countries in lower case too
    cased = not text.islower()
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i].group(0)
        if _UNSPACED.search(token):
            found += _in_unspaced(token.lower(), tokens[i].start(), names, longest)
            i += 1
            continue
        if (cased and token[0].islower()) or not {token.lower(), token.lower().rstrip("."), _bare(token.lower())} & firsts:
            i += 1
            continue
        i = _longest_at(tokens, i, most_words, lookup, found)
    return found


_POSSESSIVE = re.compile(r"(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*['’]s?(?!\w)")  # "China's", "United States'"
_CLAUSE_END = re.compile(r"[,;:()—–]")


def _bare(words: str) -> str:
    """Without a possessive ending: "pakistan's" names Pakistan (its thrower, its 18 golds)."""
    return re.sub(r"['’]s?$", "", words)


def _in_unspaced(run: str, offset: int, names: dict[str, str], longest: int) -> list[tuple[int, str]]:
    found, j = [], 0
    while j < len(run):
        for size in range(min(longest, len(run) - j), 1, -1):
            code = names.get(run[j:j + size])
            if code:
                found.append((offset + j, code))
                j += size
                break
        else:
            j += 1
    return found


def owner(countries: list[tuple[int, str]], mention: NumberMention, text: str = "") -> str | None:
    """The country ``mention`` belongs to: one written right after it with "in" ("at least
    four in Haiti"), else the last of its text's ``countries`` (from ``countries_in``) named
    before it. A possessive ("China's 27") owns only what follows it
    in its own clause: "the United States, with 44 silvers to China's 27, placed first" places
    the United States."""
    if text and (paired := _respective(countries, mention, text)):
        return paired
    if text and (placed := _PLACED.match(text, mention.end)):  # "and at least four in Haiti": Haiti's
        named = [code for start, code in countries if start == placed.end()]
        if named:
            return named[0]
    before = [(start, code) for start, code in countries if start < mention.start]
    while text and before and _POSSESSIVE.match(text, before[-1][0]) and \
            _CLAUSE_END.search(text, before[-1][0], mention.start):
        before.pop()
    return before[-1][1] if before else None


_PLACED = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?")  # a number with its country right after it
_RESPECTIVELY = re.compile(r"分列|分别|依次|respectively", re.I)
_SENTENCE = re.compile(r"[^。；;.!?！？，]+")  # a Chinese comma ends a clause; a list keeps its ASCII commas


def _respective(countries: list[tuple[int, str]], mention: NumberMention, text: str) -> str | None:
    """In a sentence that pairs a list of countries with a list of numbers in order
    ("澳大利亚队和东道主法国队分列第四、第五", "Australia and France were fourth and fifth
    respectively", "The United States and China finished first and second"), the country in
    ``mention``'s place; None where the sentence does not."""
    sentence = next((m for m in _SENTENCE.finditer(text) if m.start() <= mention.start < m.end()), None)
    if sentence is None:
        return None
    numbers = find_numbers(sentence.group(0))
    at = next((i for i, m in enumerate(numbers) if sentence.start() + m.start == mention.start), None)
    if at is None:
        return None
    if not _RESPECTIVELY.search(sentence.group(0)):  # without the word, only a run of places joined by "and"
        numbers, at = _ordinal_run(sentence.group(0), numbers, at)
    first = sentence.start() + numbers[0].start
    listed = list(dict.fromkeys(code for start, code in countries if sentence.start() <= start < first))
    if len(listed) < 2 or len(listed) != len(numbers):
        return None
    return listed[at]


_JOINED = re.compile(r"\s*(?:,|、|&|and|和|与)\s*(?:and\s+)?", re.I)


def _ordinal_run(sentence: str, numbers: list[NumberMention], at: int) -> tuple[list[NumberMention], int]:
    """The places written one after another around ``numbers[at]`` ("first and second",
    "third, fourth and fifth") and where in them it stands."""
    def joined(left: NumberMention, right: NumberMention) -> bool:
        return left.ordinal and right.ordinal and _JOINED.fullmatch(sentence[left.end:right.start]) is not None

    start = end = at
    while start > 0 and joined(numbers[start - 1], numbers[start]):
        start -= 1
    while end + 1 < len(numbers) and joined(numbers[end], numbers[end + 1]):
        end += 1
    return numbers[start:end + 1], at - start


def belongs_elsewhere(countries: list[tuple[int, str]], mention: NumberMention, asked: set[str],
                      text: str = "") -> bool:
    """The question is about ``asked`` countries and ``mention`` is another country's, or no
    country's before it while the asked ones are named after it only as what it is compared
    with ("the team won 53 medals in total and finished fourth, behind the United States,
    China and Japan": not Japan's 53)."""
    found = owner(countries, mention, text) if asked else None
    if found is None and asked and text:
        after = [start for start, code in countries if start >= mention.end and code in asked]
        return bool(after) and all(_COMPARED.search(text, mention.end, start) for start in after)
    return found is not None and found not in asked


_COMPARED = re.compile(r"\b(?:behind|ahead\s+of|than|trailing|after|beating|above|below)\b", re.I)


def _is_subdivision(value: str) -> bool:
    found = subdivisions_in(value)
    return len(found) == 1 and found[0][1].lower() == value.lower()


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Lower-cased names of the world's regions in the supported languages: the UN M.49 codes
    Babel names ("North America", "Southeast Asia", "Europe", "Amérique du Nord")."""
    return frozenset(name.lower() for locale in LOCALES for code, name in Locale.parse(locale).territories.items()
                     if code.isdigit() and code != "001")  # not "world"


def is_region(value: str) -> bool:
    """Is ``value`` a continent's or a world region's name ("North America", "Europe")?"""
    return value.lower() in _regions()


def is_place(value: str, aliases: Sequence[Sequence[str]] = ()) -> bool:
    """A country or a state/province, by name or demonym."""
    return bool(country_of(value, aliases) or _is_subdivision(value))
