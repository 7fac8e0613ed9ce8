

def test_the_ordinals_and_days_a_claim_names():
    """An ordinal by the word it qualifies, a day by its month, however the date is written."""
    from orchestrator.verify.yes_no import _marks

    assert _marks("the fourth straight Summer Olympics; the 47th president") == {
        ("ordinal", "straight"): {4.0}, ("ordinal", "president"): {47.0}}
    assert _marks("It touched down on March 6 and ended on 7 March and then went dark.") == {("day", 3): {6.0, 7.0}}
