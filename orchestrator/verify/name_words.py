"""The words that tell what kind of thing a name is (name_words.yaml, by language): the
heads of organisations' names, the words of natural features' names and the titles written
before a person's name; and the words the pages themselves write in lower case."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """name_words.yaml: each section's words in every language, lower-cased."""
    data = yaml.safe_load(resources.files(__package__).joinpath("name_words.yaml").read_text("utf-8"))
    return {section: frozenset(w.lower() for words in by_language.values() for w in words)
            for section, by_language in data.items()}


@lru_cache(maxsize=1)
def _initials() -> dict[str, str]:
    return {initials: " ".join(words) for initials, *words in map(str.split, lexicon()["initials"])}


def spelled_out(low: str) -> str:
    """The lower-cased ``low`` with an office's initials also written out: "as ceo" → "as ceo
    (chief executive officer)"."""
    initials = _initials()
    return re.sub(r"\b[a-z]{2,4}\b", lambda m: f"{m.group(0)} ({initials[m.group(0)]})" if m.group(0) in initials
                  else m.group(0), low)


def title_word(word: str) -> bool:
    """A title, or a title joined to another by a hyphen ("Secretary-General", "Mayor-elect")."""
    return any(part in lexicon()["person_titles"] for part in word.lower().strip(".").split("-"))


def organisational(value: str) -> bool:
    """A name headed by an organisation word: "Department of Homeland Security",
    "Jacob Javits Convention Center", "国家体育总局"."""
    words = lexicon()["organisation"]
    low = value.lower()
    return any(w in words for w in re.findall(r"[a-z]+", low)) or any(w in low for w in words if not w.isascii())


def lower_case_words(texts: Sequence[str]) -> set[str]:
    """The words ``texts`` write in lower case somewhere: such a word capitalised to open a
    sentence ("Does TikTok", "Extinct New Zealand birds") is no part of a name."""
    return {w for text in texts for w in re.findall(r"\b[a-z][a-z'’\-]+\b", text)}
