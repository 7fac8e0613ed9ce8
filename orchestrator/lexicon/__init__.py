"""The supported languages and their words, one data file each (``<code>.yaml``): the gloss
that turns a question's words into the English the question rules read (verify/gloss.py),
and the answer's wording (orchestrator/wording.py). Adding a language is adding its file here and
its code to ``SUPPORTED``."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

# Babel has month and country names for each (verify/date_parts.py, verify/entities.py).
SUPPORTED = ("en", "zh", "ja", "ko", "es", "fr", "de", "pt", "it", "nl", "ru", "uk", "pl", "cs", "tr", "ar", "he",
             "fa", "hi", "id", "ms", "vi", "th", "sv", "da", "nb", "fi", "el", "ro", "hu")
_SAME = {"no": "nb", "iw": "he", "in": "id"}  # older or macro codes for a supported language


class Answer(BaseModel):
    """The answer's sentences; ``{date}`` is Babel's long date in the language."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    dated: str  # {date}, {value}
    undated: str  # {value}
    rank: str  # appended to the sentence: {rank} (the number), {ordinal} (as the page wrote it)
    abstain: str
    conflict: str  # {listing}
    affirmative: str = "yes"  # a yes/no answer's value, as {value} ("yes", "no" are booleans to YAML)
    negative: str = "no"
    tied: str = "tied"  # the notes a value carries: "China, United States (tied)", "0 (never)"
    never: str = "never"


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str
    name: str  # the language's own name
    english: str  # its English name, for the model's prompt
    # How words are found in a question: none (the rules read it as it is: English, Chinese);
    # words (whole words, "x*" any ending); stems (also country names take endings);
    # anywhere (scripts written without spaces between words).
    match: Literal["none", "words", "stems", "anywhere"]
    capitalised_names: bool = True  # a capitalised word is a name (not in German, where every noun is)
    gloss: dict[str, str] = {}  # question words -> English
    # The words for "than" ("que", "als", "чем"), read as it only after a word glossed "more" or
    # "fewer": alone they are "that", "as", "what" ("Was the US's gold count more than China's?").
    than: list[str] = []
    # The words written right before a verb to deny it ("Fernanda Torres não ganhou o Óscar"),
    # or within the words after it where the language puts them there ("Torres gewann den Oscar nicht").
    denials: list[str] = []
    denials_after_verb: bool = False
    answer: Answer
    measures: dict[str, str] = {}  # a count of a policy measure, "{n} médailles d'or"
    measures_one: dict[str, str] = {}  # a count of one where it is said otherwise: "{n} médaille d'or"
    # How its pages say a place on a table (verify/said_places.py): a number beside a place noun
    # is a place ("Platz 10", "3位"); an ordinal is one near a place noun or verb ("termine cinquième").
    place_nouns: list[str] = []
    place_verbs: list[str] = []
    article: str = ""  # a definite article written onto the word: Arabic "ال" (المركز الخامس), Hebrew "ה"
    ordinal: str = "{n}"  # a place as the answer writes it: "{n}e" (5e), "第{n}", "{n}." (5.)
    ordinal_first: str | None = None  # where first is written otherwise: "1er"


def supported_code(language: str) -> str | None:
    """The supported language a BCP 47 tag names ("pt-BR" -> "pt", "NO" -> "nb"), or None."""
    code = language.replace("_", "-").split("-")[0].lower()
    code = _SAME.get(code, code)
    return code if code in SUPPORTED else None


def base_code(language: str | None) -> str:
    """The supported language a BCP 47 tag names ("pt-BR" -> "pt", "zh-Hans-CN" -> "zh"),
    English for anything else."""
    return supported_code(language or "en") or "en"


@cache
def lexicon(language: str | None) -> Lexicon:
    code = base_code(language)
    data = yaml.safe_load(resources.files(__package__).joinpath(f"{code}.yaml").read_text(encoding="utf-8"))
    return Lexicon(code=code, **data)
