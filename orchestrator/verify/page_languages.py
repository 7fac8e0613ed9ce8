"""Pages in a language neither the question's nor the policy's own (English, Chinese): they
are read with that language's words too (its lexicon, orchestrator/lexicon/<code>.yaml), so
"Deutschland ... 12 Goldmedaillen" answers "How many gold medals did Germany win?"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from orchestrator.language import detect_language
from orchestrator.policy import Policy
from orchestrator.state import Evidence, Intent
from orchestrator.verify.entities import countries_in
from orchestrator.verify.language_terms import for_language
from orchestrator.verify.question import named_terms, question_terms

_SAMPLE = 2000  # characters of a page enough to tell its language


def page_languages(evidence: Sequence[Evidence], data_dir: Path | None = None) -> dict[int, str]:
    """The language of each readable page, by its index."""
    return {i: detect_language(e.text[:_SAMPLE], data_dir) for i, e in enumerate(evidence) if e.ok and e.text}


def other_languages(evidence: Sequence[Evidence], intent: Intent, data_dir: Path | None = None) -> set[str]:
    """The languages of the readable pages that are neither the question's, English nor Chinese."""
    return set(page_languages(evidence, data_dir).values()) - {intent.language, "en", "zh"}


def read_in(languages: set[str], intent: Intent, question: str, policy: Policy) -> tuple[Intent, Policy]:
    """The policy with the ``languages``' words in its alias groups, measures and predicates
    (a country the question names by those languages' names for it too: "deutschland",
    "한국"), and the question's terms and names found again with them (from its reading, as
    detect_intent found them: with its own language's words too)."""
    read = intent.reading or question
    countries = sorted({code for _, code in countries_in(read, policy.aliases)})
    widened = policy
    for code in sorted(languages):
        widened = for_language(widened, code, "", countries)
    asked = for_language(widened, intent.language, question) if intent.reading else widened
    intent = intent.model_copy(update={"terms": question_terms(read, asked.aliases),
                                       "names": named_terms(read, asked.aliases)})
    return intent, widened
