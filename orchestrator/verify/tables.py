"""Tables as extracted text writes them ("| 7 | Great Britain | 14 | 22 | 29 | 65 |"): a
row's bare numbers say what they are only through the header row above them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.verify.candidates import Found, format_number, ordinal_text
from orchestrator.verify.claim import MAX_SPAN, Claim
from orchestrator.verify.entities import countries_in, country_of
from orchestrator.verify.measures import question_measure
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.passages import Passage

# A row says less than a sentence ("China finished second with 40 gold ..."): where a page
# has both, its sentence is the quote; a row alone still supports its value.
ROW_STRENGTH = 0.3


def table_claims(texts: dict[int, str], aliases: Sequence[Sequence[str]], asked: str | None, measures) -> list[Claim]:
    """Rows of a table ("| 2 | People's Republic of China | 40 | 27 | ...") whose header names
    the asked measure: the row's country owns the number in that column. The quote runs
    from the header to the row."""
    return column_claims(texts, aliases, measures.get(asked, [])) if asked else []


def _country_cell(cell: str, aliases: Sequence[Sequence[str]]) -> str | None:
    """The country a row's cell is, as a whole ("Great Britain", "United States (USA)"): not
    one named inside another name ("Reform UK", a party's row)."""
    return country_of(re.sub(r"\s*\([^)]*\)", "", cell).strip(), aliases)


def column_claims(texts: dict[int, str], aliases: Sequence[Sequence[str]], headers: Sequence[str]) -> list[Claim]:
    """Each row's country with the number in the column headed by one of ``headers``; a
    table ends where a line that is no row comes, and its header with it. The quote runs from
    the table's caption row ("| Paris 2024 final medal table (top 7) | | |"), where it has
    one, or its header, to the row."""
    words = {w.lower() for w in headers}
    out: list[Claim] = []
    for source, text in texts.items():
        column, header_start, last_end, caption = None, 0, 0, None
        for line in re.finditer(r"^\|.*\|\s*$", text, re.M):
            if text[last_end:line.start()].strip():  # another table
                column, caption = None, None
            last_end = line.end()
            cells = [c.strip() for c in line.group(0).strip().strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue
            if column is None and len(cells) > 1 and cells[0] and not any(cells[1:]):
                caption = line.start()  # what the table is: its only filled cell spans the row
                continue
            lows = [c.lower() for c in cells]
            if column is None or any(c in words for c in lows) and not any(ch.isdigit() for ch in line.group(0)):
                hit = next((i for i, c in enumerate(lows) if c in words), None)
                if hit is not None:
                    column, header_start = hit, line.start() if caption is None else caption
                continue
            codes = [code for c in cells if (code := _country_cell(c, aliases))]
            if len(codes) != 1 or column >= len(cells):
                continue
            mentions = find_numbers(cells[column])
            if len(mentions) == 1 and line.end() - header_start <= MAX_SPAN:
                quote = text[header_start:line.end()].rstrip()
                out.append(Claim(codes[0], mentions[0].value, Passage(source, quote, header_start, 1.0)))
    return out


def row_counts(texts: dict[int, str], question: str, measures, aliases: Sequence[Sequence[str]]) -> list[Found]:
    """The count a table gives the one country the question names, in the column whose
    header is the measure the question asks for: "How many medals did Great Britain win?"
    reads 65 from "| 7 | Great Britain | 14 | 22 | 29 | 65 |" under "| Rank | Team | Gold |
    Silver | Bronze | Total |". The quote runs from the header to the row. ``texts``: the
    pages with a passage that matches the question."""
    asked = question_measure(question, measures)
    countries = {code for _, code in countries_in(question, aliases)}
    if asked is None or len(countries) != 1:
        return []
    return [Found(format_number(claim.value), format_number(claim.value), claim.passage, ROW_STRENGTH)
            for claim in table_claims(texts, aliases, asked, measures) if claim.owner in countries]


def row_ranks(texts: dict[int, str], question: str, rank_words: Sequence[str], aliases: Sequence[Sequence[str]],
              language: str) -> list[Found]:
    """The place a table gives the one country the question names, in the column headed by
    a rank word ("| Rank | Team | ..."): "Where did Great Britain finish?" reads 7th."""
    countries = {code for _, code in countries_in(question, aliases)}
    if len(countries) != 1:
        return []
    return [Found(format_number(claim.value), ordinal_text(int(claim.value), language), claim.passage, ROW_STRENGTH)
            for claim in column_claims(texts, aliases, rank_words)
            if claim.owner in countries and float(claim.value).is_integer() and 0 < claim.value <= 500]
