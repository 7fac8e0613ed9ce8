"""Page text as the pipeline reads it (sources/extract.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from orchestrator.sources.extract import extract_here


def test_accents_written_as_combining_marks_are_composed():
    """A page may write "é" as "e" and a combining accent (NFD): the text is composed (NFC),
    so "Les Misérables" in a question or a choice matches it character for character."""
    decomposed = "Les Mise\u0301rables"
    html = (f"<html><head><title>{decomposed} cast to sit out</title></head><body><article>"
            f"<p>Several {decomposed} cast members planned to boycott the show at the Kennedy Center.</p>"
            "</article></body></html>")
    page = extract_here(html, "https://example.org/les-mis", datetime(2025, 5, 9, tzinfo=UTC))
    assert "Les Misérables cast members" in page.text and page.title == "Les Misérables cast to sit out"
    assert "\u0301" not in page.text
