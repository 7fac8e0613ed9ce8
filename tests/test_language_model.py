"""The language classifier's model, mapped from the data directory (orchestrator/language_model.py):
the same verdicts as py3langid's packaged model, made once, and a cache that is damaged or
cannot be written never costs the answer."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from orchestrator.language import CLASSIFIER_LANGUAGES as LANGUAGES
from orchestrator.language_model import load_identifier

QUESTIONS = [q for qs in yaml.safe_load((Path(__file__).parent / "data" / "short_questions.yaml").read_text()).values()
             for q in qs]


@pytest.fixture(scope="module")
def packaged():
    return load_identifier(LANGUAGES, None)


def test_the_mapped_model_gives_the_packaged_models_verdicts(tmp_path, packaged):
    first = load_identifier(LANGUAGES, tmp_path)  # made on first use, then mapped at once
    (folder,) = (tmp_path / "cache").iterdir()
    mapped = load_identifier(LANGUAGES, tmp_path)
    assert isinstance(first.tk_nextmove, memoryview) and isinstance(mapped.tk_nextmove, memoryview)  # not unpacked
    assert folder.name.startswith("langid-") and not [p for p in (tmp_path / "cache").iterdir() if p != folder]
    assert [mapped.classify(q) for q in QUESTIONS] == [packaged.classify(q) for q in QUESTIONS]


def test_a_damaged_cache_is_made_anew(tmp_path, packaged):
    load_identifier(LANGUAGES, tmp_path)
    (folder,) = (tmp_path / "cache").iterdir()
    (folder / "row.H").write_bytes(b"\x00" * 10)  # half a model
    again = load_identifier(LANGUAGES, tmp_path)
    assert [again.classify(q) for q in QUESTIONS[:20]] == [packaged.classify(q) for q in QUESTIONS[:20]]
    assert isinstance(load_identifier(LANGUAGES, tmp_path).tk_nextmove, memoryview)  # and stored again whole


def test_a_data_directory_that_cannot_hold_it_falls_back_to_the_packaged_model(tmp_path, packaged):
    blocked = tmp_path / "home"
    blocked.write_text("a file where the data directory should be")
    identifier = load_identifier(LANGUAGES, blocked)
    assert identifier.classify(QUESTIONS[0]) == packaged.classify(QUESTIONS[0])
