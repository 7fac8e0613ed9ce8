"""The words that tell what kind of thing a name is (name_words.yaml, by language): the
heads of organisations' names, the words of natural features' names and the titles written
before a person's name."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """name_words.yaml: each section's words in every language, lower-cased."""
    data = yaml.safe_load(resources.files(__package__).joinpath("name_words.yaml").read_text("utf-8"))
    return {section: frozenset(w.lower() for words in by_language.values() for w in words)
            for section, by_language in data.items()}
