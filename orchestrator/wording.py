"""The answer's sentence from a per-language template (orchestrator/lexicon/<code>.yaml): the
fallback when the model's wording fails its checks, and the whole wording without a model.
The as-of date is written as the question's locale writes dates (Babel's long format: "August
11, 2024", "11 août 2024", "2024年8月11日"); a count names its measure in that language."""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date

from orchestrator.lexicon import lexicon
from orchestrator.verify.entities import country_name, country_of

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_END = ".。।!"

# how one run phrased its answer, true of that run only (a cached answer served to a run
# with the model says neither)
NO_MODEL_WARNING = "no model: answer phrased from a template (--no-model)"
PHRASING_FAILED = "model phrasing failed"



def as_of_text(as_of: str, language: str) -> str:
    lex = lexicon(language)
    return format_date(date.fromisoformat(as_of), format="long", locale=lex.code)


def _fits(text: str, code: str) -> bool:
    """Whether ``text`` can stand in a sentence of this language: no Chinese characters, kana
    ("40枚") or Hangul in a language that does not write them (Korean writes Hangul: "중국, 미국")."""
    return code in ("zh", "ja") or not (_HAN_KANA if code == "ko" else _CJK).search(text)


def value_text(language: str, value: str, display: str, measure: str | None) -> str:
    """How the sentence states the value: as the pages wrote it in English and Chinese
    ("40枚"), a count with its measure in the other languages ("40 médailles d'or") and where
    the pages wrote the bare number (a table's cell says "65", the sentence "65 medals in
    total"), a country by its name in the language, and the bare value where the pages'
    wording belongs to another script."""
    lex = lexicon(language)
    pattern = ((lex.measures_one.get(measure) if value == "1" else None) or lex.measures.get(measure)) if measure else None
    if pattern and (lex.code not in ("en", "zh") or display == value or not _fits(display, lex.code)):
        return pattern.format(n=value)
    if display != value and display in value:  # a name in full ("Sean Baker") where its quote says "Baker"
        return value
    if lex.code != "en" and (local := local_country(value, lex.code)):  # "la réponse vérifiée est Espagne", not "Spain"
        return local
    return display if _fits(display, lex.code) else value


def local_country(name: str, language: str) -> str | None:
    """A country's name in ``language`` ("Chine" for "China"); None for a name of no country."""
    code = country_of(name)
    return country_name(code, lexicon(language).code) if code else None


# the notes a reading writes after a value, in English ("0 (never)") or Chinese ("0（从未）")
_NOTE = re.compile(r"\s*[(（](tied|never|并列|从未)[)）]$")
_NOTE_FIELD = {"tied": "tied", "并列": "tied", "never": "never", "从未": "never"}


def _noted(said: str, language: str) -> str:
    """The value with its note in the answer's language: "Chine, États-Unis (ex aequo)"."""
    lex = lexicon(language)

    def local(note: re.Match) -> str:
        word = getattr(lex.answer, _NOTE_FIELD[note.group(1)])
        return f"（{word}）" if lex.code == "zh" else f" ({word})"
    return _NOTE.sub(local, said)


def answer_sentence(language: str, value: str, display: str, as_of: str | None, measure: str | None = None) -> str:
    lex = lexicon(language)
    said = _noted(value_text(language, value, display, measure), language)
    if as_of:
        sentence = lex.answer.dated.format(date=as_of_text(as_of, language), value=said)
    else:
        sentence = lex.answer.undated.format(value=said)
    return sentence.replace(f"{said}.", said) if said.endswith(".") else sentence  # "ist 10.." (German 10th)


def opening(language: str, as_of: str | None) -> str:
    """The template's words before the value: how the model's sentence should begin."""
    lex = lexicon(language)
    template = lex.answer.dated if as_of else lex.answer.undated
    return template.split("{value}")[0].format(date=as_of_text(as_of, language) if as_of else "")


def rank_sentence(language: str, sentence: str, rank: str, ordinal: str) -> str:
    """The sentence with the subject's place on the ranking said after it."""
    lex = lexicon(language)
    if not _fits(ordinal, lex.code) or not any(ch.isdigit() for ch in ordinal):
        ordinal = rank
    return sentence.rstrip(_END) + lex.answer.rank.format(rank=rank, ordinal=ordinal)


def abstain_text(language: str) -> str:
    return lexicon(language).answer.abstain


def conflict_text(language: str, listing: str) -> str:
    return lexicon(language).answer.conflict.format(listing=listing)
