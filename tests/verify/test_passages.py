"""Passages are sentences, literal substrings of the page: a full stop before a capital ends
one, except after an initial."""

from orchestrator.verify.passages import split_passages


def test_initials_do_not_end_a_sentence():
    text = "Prime Minister K.P. Sharma Oli resigned on Tuesday. The U.S. Army said so. John M. Jumper won. Then rain."
    assert [p.text for p in split_passages(text, 0)] == [
        "Prime Minister K.P. Sharma Oli resigned on Tuesday.", "The U.S. Army said so.", "John M. Jumper won.", "Then rain."]
    for p in split_passages(text, 0):
        assert text[p.start:p.start + len(p.text)] == p.text
