"""British and American spellings (orchestrator/verify/spelling.py): a word's other spelling,
and none for a word spelled one way."""

from orchestrator.verify.spelling import other_spellings, with_spellings


def test_a_word_has_its_other_spelling_either_way():
    assert other_spellings("jewellery") == ("jewelry",)
    assert other_spellings("favored") == ("favoured",)
    assert other_spellings("aluminium") == ("aluminum",)
    assert other_spellings("size") == () and other_spellings("surprise") == () and other_spellings("heist") == ()


def test_words_keep_their_order_with_each_ones_other_spelling_after_it():
    assert with_spellings(["largest", "jewellery", "heist", "jewelry"]) == ["largest", "jewellery", "jewelry", "heist"]
