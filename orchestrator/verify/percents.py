"""How the supported languages write "per cent" around a number: after it ("28,5 Prozent",
"50,89 proc.", "87,28 процента"), or before it in Turkish ("yüzde 52,18", "%52,18"). A
number so marked may write its decimals after a comma, as most of these languages do: a
comma followed by one or two digits is then a decimal comma, never a thousands group
("87,28%" is 87.28, not 87 and 28%). A leaf: the numeral readers import it."""

from __future__ import annotations

import re

SPACE = "[ \t\u00a0\u202f]"  # web pages often put a no-break space before "%"

# Words for "per cent" written after the number, longest first where one starts another.
_WORDS_AFTER = (
    "percent", f"per{SPACE}cent", "prozent", "procenta", "procento", "procent", r"proc\.", "persen",
    f"por{SPACE}ciento", f"por{SPACE}cento", f"pour{SPACE}cent", f"per{SPACE}cento", "prosenttia", "prosent",
    "százalék", "процентов", "процента", "процент", "відсотків", "відсотка", "відсотки",
    f"phần{SPACE}trăm", f"τοις{SPACE}εκατό", "เปอร์เซ็นต์",
)
SIGNS = "%％٪"
# After a number: a sign (a space before it allowed) or a word (spaces allowed).
AFTER = rf"{SPACE}?[{SIGNS}]|{SPACE}*(?:{'|'.join(_WORDS_AFTER)})(?![^\W\d_])"
# Before a number (Turkish): as text ending just before it, and as look-behinds (each of a
# fixed width, as a look-behind needs).
BEFORE = re.compile(rf"(?:[{SIGNS}]|yüzde{SPACE})$", re.I)
BEFORE_LOOKBEHIND = rf"(?:(?<=[{SIGNS}])|(?<=yüzde )|(?<=Yüzde )|(?<=YÜZDE ))"
