"""Fiscal years: a company's "first quarter of fiscal 2025" ended in April 2024, so the
calendar year a page is dated by tells nothing of which fiscal year it reports. Asked of
fiscal 2024, a passage reporting fiscal 2025 (and not 2024) is of another year, however
its dates read."""

from __future__ import annotations

import re

_FISCAL = re.compile(r"\b(?:fiscal(?:\s+year)?|FY)\s*['’]?(\d{4}|\d{2})\b", re.I)


def _years(text: str) -> set[int]:
    return {int(y) if len(y) == 4 else 2000 + int(y) for y in _FISCAL.findall(text)}


def asked_fiscal_year(question: str) -> int | None:
    """The fiscal year a question asks of ("the first quarter of fiscal 2024" -> 2024), if one."""
    years = _years(question)
    return min(years) if len(years) == 1 else None


def of_another_fiscal_year(text: str, year: int) -> bool:
    """Does ``text`` report another fiscal year than ``year``, and not that one?"""
    said = _years(text)
    return bool(said) and year not in said
