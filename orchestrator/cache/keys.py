"""Cache keys: the normalised question, its language, the policy it was answered under
(by the sha256 of the policy file) and any closed choices, hashed into one key. Two
spellings of one question ("Who won?" / "  who WON ？") share an entry; a change of policy
starts afresh, since it may change which sources count."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

from orchestrator.verify.passages import is_cjk

KEY_VERSION = "v1"
_SPACE = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s?？!！.。…]+$")


def normalise_question(question: str) -> str:
    """NFKC (full-width forms fold to ASCII), case-folded, whitespace collapsed, trailing
    question marks and full stops dropped."""
    text = unicodedata.normalize("NFKC", question).casefold()
    return _TRAILING.sub("", _SPACE.sub(" ", text).strip())


def question_language(question: str, language: str | None) -> str:
    """The language as given, else the same guess detect_intent makes."""
    if language:
        return language.strip().lower()
    return "zh" if is_cjk(question) else "en"


def cache_key(question: str, language: str | None, policy_sha256: str | None,
              choices: list[str] | None = None) -> str:
    material = json.dumps([KEY_VERSION, normalise_question(question), question_language(question, language),
                           policy_sha256 or "", [normalise_question(c) for c in choices or []]],
                          ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()
