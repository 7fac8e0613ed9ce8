"""A fiscal year asked is the one a passage reports, not the calendar year of its dates."""

from orchestrator.verify.fiscal_years import asked_fiscal_year, of_another_fiscal_year

NVIDIA = ("With its first-quarter fiscal 2025 results on 22 May 2024, Nvidia reported record revenue of 26.0 "
          "billion dollars.")


def test_the_fiscal_year_asked_and_the_one_a_passage_reports():
    assert asked_fiscal_year("How much revenue did Nvidia report for the first quarter of fiscal 2024?") == 2024
    assert asked_fiscal_year("What was Apple's FY24 revenue?") == 2024
    assert asked_fiscal_year("How much revenue did Nvidia report in May 2024?") is None
    assert of_another_fiscal_year(NVIDIA, 2024)  # fiscal 2025, though dated May 2024
    assert not of_another_fiscal_year(NVIDIA, 2025)
    assert not of_another_fiscal_year("Nvidia reported revenue of 26.0 billion dollars.", 2024)  # says no year

