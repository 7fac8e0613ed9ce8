"""Cache keys: the normalised question, its language, the policy it was answered under
(by the sha256 of the policy file), any closed choices and the rules that verified it (the
package's files), hashed into one key. Two spellings of one question ("Who won?" / "  who
WON ？") share an entry; a change of policy or of the rules starts afresh, since it may change
which sources count and which value they state.

Pages are keyed by their normalised URL alone: a page reads the same whoever asks."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from orchestrator.verify.question import is_cjk
from orchestrator.version import __version__

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


_PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """The version and the files of the package that reads and verifies answers, hashed (the
    version alone stays the same in a checkout between releases). An answer other rules
    verified is not served to these: after an upgrade, an answer the new rules would not give
    (a date read as a count) is asked again rather than served until its window ends."""
    return files_fingerprint(_PACKAGE)


def files_fingerprint(root: Path) -> str:
    digest = hashlib.sha256(__version__.encode("utf-8"))
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".yaml", ".json", ".jsonl"):
            digest.update(path.relative_to(root).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(question: str, language: str | None, policy_sha256: str | None,
              choices: list[str] | None = None, knowledge_base: str = "") -> str:
    """``knowledge_base``: the run's knowledge base as its name, tier and version ("" for
    none). An answer one knowledge base verified is no answer for a run without it, with
    another, or with its documents since changed."""
    material = json.dumps([KEY_VERSION, normalise_question(question), question_language(question, language),
                           policy_sha256 or "", [normalise_question(c) for c in choices or []], knowledge_base,
                           rules_fingerprint()], ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str:
    """Scheme and host lower-cased, the default port, user info and fragment dropped, an
    empty path made "/", query parameters sorted (as the replay rules match them)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()  # not a URL we could fetch anyway: keyed as given
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    host = f"[{host}]" if ":" in host else host
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def page_key(url: str) -> str:
    material = json.dumps([KEY_VERSION, "page", normalise_url(url)], ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()
